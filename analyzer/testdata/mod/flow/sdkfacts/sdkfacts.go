// Package sdkfacts holds truth cases outside issue 8's seven classes where
// the SDK, run offline, contradicted what the analyzer reported when they
// were written; each says what the SDK did.
//
// CaseV1SessionWebIdentityEnv and CaseV1SessionWebIdentityEnvRegional (a
// v1 session whose credential chain builds a hidden STS client) moved to
// testdata/mod/sts008/chain: the check that reports them, STS008, is off
// by default, and those cases enable it with //truth:enable.
package sdkfacts

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// Legacy mode outside the 15 legacy Regions is regional: the legacy map
// (aws/endpoints/legacy_regions.go, applied in v3model.go:300-315) only covers those Regions, and
// ap-east-1 resolves to sts.ap-east-1.amazonaws.com. STS004 reported the
// explicit legacy mode whatever the Region; with a constant Region outside
// the map nothing here calls the global endpoint, and STS004 is silent.
func CaseV1LegacyOptInRegion() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("ap-east-1"),
		STSRegionalEndpoint: endpoints.LegacySTSEndpoint,
	}))
	return sts.New(sess)
}
