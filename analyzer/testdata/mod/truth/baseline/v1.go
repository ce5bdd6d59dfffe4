// Package baseline holds executable mirrors of the constructions the
// existing testdata packages (v1clients, legacy, awsglobal, hardcoded,
// v2override, v2clean, resolver) check, as truth cases: the SDK, run
// offline, decides whether each one calls sts.amazonaws.com, and the test
// checks the analyzer against that. They live here, not next to the
// originals, while those files are being moved into per-check folders.
package baseline

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

const roleARN = "arn:aws:iam::123456789012:role/example"

// v1clients.noArgsSession: no Region in code; the Region from the
// environment is a legacy one, or there is none (empty Region resolves as
// aws-global).
//
//truth:env AWS_REGION=eu-west-1
//truth:env AWS_REGION=
func CaseV1NoArgsSession() any {
	sess := session.Must(session.NewSession())
	return sts.New(sess) // want "STS002"
}

// v1clients.legacyRegionConst.
func CaseV1LegacyRegionConst() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sts.New(sess) // want "STS003"
}

// v1clients.usEast1: us-east-1 is one of the 15 legacy Regions.
func CaseV1UsEast1() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("us-east-1")}))
	return sts.New(sess) // want "STS003"
}

// v1clients.assumeRoleRegion: the hidden STS client of stscreds.
func CaseV1AssumeRoleRegion() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return stscreds.NewCredentials(sess, roleARN) // want "STS003"
}

// v1clients clean: the regional setting in code.
func CaseV1Regional() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	return sts.New(sess)
}

// The regional setting with us-east-1 gives sts.us-east-1.amazonaws.com.
func CaseV1RegionalUsEast1() any {
	sess := session.Must(session.NewSession(aws.NewConfig().
		WithRegion("us-east-1").
		WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)))
	return stscreds.NewCredentials(sess, roleARN)
}

// legacy: explicit legacy mode.
func CaseV1ExplicitLegacy() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.LegacySTSEndpoint, // want "STS004"
	}))
	return sts.New(sess)
}
