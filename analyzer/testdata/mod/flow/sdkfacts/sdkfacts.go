//go:build flowclasses

// Package sdkfacts holds truth cases outside issue 8's seven classes where
// the SDK, run offline, contradicts what today's analyzer reports. They are
// gated with the class cases (build tag flowclasses, STSREGIONAL_FLOW_CLASSES=1)
// because they fail today; each says what the SDK did.
package sdkfacts

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// Legacy mode outside the 15 legacy Regions is regional: the legacy map
// (aws/endpoints/legacy_regions.go, applied in v3model.go:300-315) only covers those Regions, and
// ap-east-1 resolves to sts.ap-east-1.amazonaws.com. STS004 reports the
// explicit legacy mode whatever the Region; with a constant Region outside
// the map, nothing here calls the global endpoint.
func CaseV1LegacyOptInRegion() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("ap-east-1"),
		STSRegionalEndpoint: endpoints.LegacySTSEndpoint,
	}))
	return sts.New(sess)
}
