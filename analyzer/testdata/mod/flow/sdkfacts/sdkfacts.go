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

// A session that never reaches sts.New still builds an STS client of its
// own when the environment selects web identity credentials (IRSA on EKS):
// NewSession resolves AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE into a
// stscreds.WebIdentityRoleProvider on sts.New(session) with the session's
// own config (aws/session/credentials.go, assumeWebIdentity), so the
// session's legacy mode sends AssumeRoleWithWebIdentity to the global host
// in a legacy Region. Reference §8 STSG-V1-SESSION: "or any client at all".
//
//truth:env AWS_ACCESS_KEY_ID= AWS_SECRET_ACCESS_KEY= AWS_ROLE_ARN=arn:aws:iam::123456789012:role/irsa AWS_WEB_IDENTITY_TOKEN_FILE=$HOME/token
func CaseV1SessionWebIdentityEnv() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")})) // want "STS00[23]"
	return sess.Config.Credentials
}

// The same session with the regional setting: the hidden client is
// regional.
//
//truth:env AWS_ACCESS_KEY_ID= AWS_SECRET_ACCESS_KEY= AWS_ROLE_ARN=arn:aws:iam::123456789012:role/irsa AWS_WEB_IDENTITY_TOKEN_FILE=$HOME/token
func CaseV1SessionWebIdentityEnvRegional() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	return sess.Config.Credentials
}
