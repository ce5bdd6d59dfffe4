// Package conditional holds class 3 of issue 8 for STS002 and STS003: the
// regional setting made on some paths only. The finding is reported where
// the session is built without it, with the condition of that path; a
// session made regional on every path is not reported.
//
// Each Case function runs under the ground-truth harness once per
// //truth:env line, one line per path; the SDK's verdict is global when
// one path calls sts.amazonaws.com. Without a Region, aws-sdk-go v1
// resolves STS to the partition endpoint aws-global
// (aws/endpoints/v3model.go:224), so every path sets one.
package conditional

import (
	"errors"
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// --- positives ---

// Declared first, assigned on both branches, regional on one.
//
//truth:env APP_REGION=eu-west-1
//truth:env APP_REGION= AWS_REGION=us-east-1
func CaseDeclaredThenAssigned() any {
	region := os.Getenv("APP_REGION")
	var sess *session.Session
	if region != "" {
		sess = session.Must(session.NewSession(&aws.Config{Region: aws.String(region), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	} else {
		sess = session.Must(session.NewSession())
	}
	return sts.New(sess) // want `STS002: v1 STS client may use the global endpoint when region != "" is false; set STSRegionalEndpoint`
}

// "Regional whenever the code sets a Region" is not regional: without the
// flag, the session takes AWS_REGION in the legacy mode.
//
//truth:env APP_REGION=eu-west-1
//truth:env APP_REGION= AWS_REGION=eu-west-1
func CaseRegionalOnlyWithRegionFlag() any {
	region := os.Getenv("APP_REGION")
	sess := session.Must(session.NewSession())
	if region != "" {
		sess = sess.Copy(aws.NewConfig().WithRegion(region).WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint))
	}
	return sts.New(sess) // want `STS002: .* may use the global endpoint when region != "" is false`
}

// Field stores on one branch of a config the session is built from.
//
//truth:env APP_REGION=ap-south-1
//truth:env APP_REGION= AWS_REGION=ap-south-1
func CaseStoresOnOneBranch() any {
	cfg := aws.NewConfig()
	if region := os.Getenv("APP_REGION"); region != "" {
		cfg.Region = aws.String(region)
		cfg.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
	}
	return sts.New(session.Must(session.NewSession(cfg))) // want `STS002: .* may use the global endpoint when region != "" is false; set STSRegionalEndpoint`
}

// A Region on every path, the regional setting on one: STS003.
//
//truth:env APP_REGIONAL=true
//truth:env APP_REGIONAL=
func CaseRegionEverywhereSettingOnOnePath() any {
	cfg := aws.NewConfig().WithRegion("eu-west-1")
	if os.Getenv("APP_REGIONAL") == "true" {
		cfg = cfg.WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	}
	return sts.New(session.Must(session.NewSession(cfg))) // want `STS003: v1 STS client may use the global endpoint when os.Getenv\("APP_REGIONAL"… is false; set STSRegionalEndpoint`
}

// A switch without a default: the path through no case keeps the legacy
// default.
//
//truth:env APP_MODE=regional AWS_REGION=us-west-2
//truth:env APP_MODE=other AWS_REGION=us-west-2
func CaseSwitchWithoutDefault() any {
	cfg := aws.NewConfig()
	switch os.Getenv("APP_MODE") {
	case "regional":
		cfg = cfg.WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	}
	return sts.New(session.Must(session.NewSession(cfg))) // want `STS002: .* may use the global endpoint outside case "regional" \(line \d+\); set STSRegionalEndpoint`
}

// A nil config on the path without a Region: NewSession merges nothing
// from it.
//
//truth:env APP_REGION=eu-west-1
//truth:env APP_REGION= AWS_REGION=eu-west-1
func CaseNilConfigOnOnePath() any {
	var cfg *aws.Config
	if region := os.Getenv("APP_REGION"); region != "" {
		cfg = &aws.Config{Region: aws.String(region), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}
	}
	return sts.New(session.Must(session.NewSession(cfg))) // want `STS002: .* may use the global endpoint when region != "" is false; set STSRegionalEndpoint`
}

// --- negatives: regional on every path ---

// Both branches set it.
//
//truth:env APP_REGION=eu-west-1
//truth:env APP_REGION= AWS_REGION=us-east-1
func CaseBothBranches() any {
	var sess *session.Session
	if region := os.Getenv("APP_REGION"); region != "" {
		sess = session.Must(session.NewSession(&aws.Config{Region: aws.String(region), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	} else {
		sess = session.Must(session.NewSession(&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	}
	return sts.New(sess)
}

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

// A switch whose every case, default included, sets it.
//
//truth:env APP_FIPS=true AWS_REGION=us-east-1
//truth:env APP_FIPS= AWS_REGION=us-east-1
func CaseSwitchEveryCase() any {
	cfg := aws.NewConfig()
	switch os.Getenv("APP_FIPS") {
	case "true":
		cfg = cfg.WithUseFIPSEndpoint(true).WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	default:
		cfg = cfg.WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	}
	return sts.New(session.Must(session.NewSession(cfg)))
}

// The path without the setting returns before any session is built.
//
//truth:env APP_REGION=eu-west-1
func CaseOtherPathReturns() any {
	var sess *session.Session
	if region := os.Getenv("APP_REGION"); region != "" {
		sess = session.Must(session.NewSession(&aws.Config{Region: aws.String(region), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	} else {
		return errors.New("no Region")
	}
	return sts.New(sess)
}

// A store on one path, a regional session on every path: the store only
// adds a Region.
//
//truth:env APP_REGION=sa-east-1
//truth:env APP_REGION= AWS_REGION=sa-east-1
func CaseStoreAddsRegionOnly() any {
	sess := session.Must(session.NewSession(&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	if region := os.Getenv("APP_REGION"); region != "" {
		sess.Config.Region = aws.String(region)
	}
	return sts.New(sess)
}
