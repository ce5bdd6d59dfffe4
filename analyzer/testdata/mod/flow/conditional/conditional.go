// Package conditional holds class 3 of issue 8: the regional setting is
// made on some paths only. A path that builds the session without it, while
// the Region comes from the environment or a profile, is global in the 15
// legacy Regions (and with no Region at all: aws-sdk-go v1 resolves an
// empty Region to aws-global for STS). Each case lists one environment per
// path; the SDK's verdict is global when one path is.
package conditional

import (
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

const roleARN = "arn:aws:iam::123456789012:role/example"

// The setting only on the branch with an explicit Region; the other branch
// takes the Region from the environment.
//
//truth:env APP_REGION=eu-west-1
//truth:env APP_REGION= AWS_REGION=us-east-1
func CaseOnlyWithRegion() any {
	region := os.Getenv("APP_REGION")
	var sess *session.Session
	if region != "" {
		sess = session.Must(session.NewSession(&aws.Config{
			Region:              aws.String(region),
			STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		}))
	} else {
		sess = session.Must(session.NewSession())
	}
	return sts.New(sess) // want "STS00[23]"
}

// v1clients.regionalWhenRegionSet (testdata/mod/v1clients/clean.go), which
// the analyzer accepts today under the rule "regional whenever the code sets
// a Region": without a Region in code, NewSession takes AWS_REGION, and a
// legacy Region (or none, which resolves to aws-global) is global.
//
//truth:env APP_REGION=eu-west-1
//truth:env APP_REGION= AWS_REGION=eu-west-1
//truth:env APP_REGION= AWS_REGION=
func CaseRegionalWhenRegionSet() any {
	region := os.Getenv("APP_REGION")
	sess := session.Must(session.NewSession())
	if region != "" {
		sess = sess.Copy(aws.NewConfig().WithRegion(region).WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint))
	}
	return sts.New(sess) // want "STS00[23]"
}

// Field stores on one branch only.
//
//truth:env APP_REGION=ap-south-1
//truth:env APP_REGION= AWS_REGION=ap-south-1
func CaseFieldStoresOnOneBranch() any {
	region := os.Getenv("APP_REGION")
	cfg := aws.NewConfig()
	if region != "" {
		cfg.Region = aws.String(region)
		cfg.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
	}
	sess := session.Must(session.NewSession(cfg))
	return stscreds.NewCredentials(sess, roleARN) // want "STS00[23]"
}

// --- negatives: every path is regional ---

// The setting before the branch; the branch only adds a Region.
//
//truth:env APP_REGION=eu-west-1
//truth:env APP_REGION= AWS_REGION=us-east-1
func CaseSettingBeforeBranch() any {
	cfg := aws.NewConfig().WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	if region := os.Getenv("APP_REGION"); region != "" {
		cfg = cfg.WithRegion(region)
	}
	return sts.New(session.Must(session.NewSession(cfg)))
}

// Both branches set it.
//
//truth:env APP_REGION=eu-west-1
//truth:env APP_REGION= AWS_REGION=us-east-1
func CaseBothBranches() any {
	var sess *session.Session
	if region := os.Getenv("APP_REGION"); region != "" {
		sess = session.Must(session.NewSession(&aws.Config{
			Region:              aws.String(region),
			STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		}))
	} else {
		sess = session.Must(session.NewSession(&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	}
	return sts.New(sess)
}

// A switch whose default path is the regional one and whose other arm
// also sets it.
//
//truth:env APP_FIPS=true AWS_REGION=us-east-1
//truth:env APP_FIPS= AWS_REGION=us-east-1
func CaseSwitchAllRegional() any {
	cfg := aws.NewConfig()
	switch os.Getenv("APP_FIPS") {
	case "true":
		cfg = cfg.WithUseFIPSEndpoint(true).WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	default:
		cfg = cfg.WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	}
	return sts.New(session.Must(session.NewSession(cfg)))
}

// The shape of fieldtest/labels.tsv rows 128-130 (a token generator): a
// shared-config session made regional by Copy only when a Region flag is
// given. Without the flag the Region comes from the environment (or a
// profile) in legacy mode: global for a legacy Region, and global with no
// Region at all.
//
//truth:env APP_REGION=eu-west-1
//truth:env APP_REGION= AWS_REGION=us-west-2
//truth:env APP_REGION= AWS_REGION=
func CaseSharedConfigCopyWhenRegion() any {
	region := os.Getenv("APP_REGION")
	sess := session.Must(session.NewSessionWithOptions(session.Options{
		SharedConfigState: session.SharedConfigEnable,
	}))
	if region != "" {
		sess = sess.Copy(aws.NewConfig().WithRegion(region).WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint))
	}
	return sts.New(sess) // want "STS00[23]"
}

// The shape of fieldtest/labels.tsv rows 141-142: With* statements inside
// if region != "" on a config the session is built from.
//
//truth:env APP_REGION=ap-southeast-1
//truth:env APP_REGION= AWS_REGION=ap-southeast-1
func CaseWithStatementsWhenRegion() any {
	region := os.Getenv("APP_REGION")
	conf := &aws.Config{}
	if region != "" {
		conf = conf.WithRegion(region)
		conf = conf.WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	}
	sess := session.Must(session.NewSession(conf))
	return sts.New(sess) // want "STS00[23]"
}
