// Package procenv holds class 7 of issue 8: AWS_STS_REGIONAL_ENDPOINTS set
// by the program with os.Setenv. aws-sdk-go v1 reads it when a session is
// built (aws/session/session.go: NewSession and NewSessionWithOptions load
// the environment; mergeConfigSrcs prefers the code's setting, then the
// environment's), so it counts only where it runs before the session: in
// an init function (initregional), in main.main before the session is
// built (mainpkg), or earlier in the same function on every path.
// session.New reads it only with AWS_SDK_LOAD_CONFIG set. A package that
// also sets "legacy" gets credit only from a setting earlier in the same
// function (initmixed).
package procenv

import (
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

func CaseSetBeforeSession() any {
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sts.New(sess)
}

func CaseSetBeforeSessionWithOptions() any {
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	sess := session.Must(session.NewSessionWithOptions(session.Options{Config: aws.Config{Region: aws.String("us-east-1")}}))
	return sts.New(sess)
}

// Too late: the session has read the environment already.
func CaseSetAfterSession() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	return sts.New(sess) // want `STS003`
}

// Set on one path only.
//
//truth:env APP_KEEP_ENV=1
//truth:env APP_KEEP_ENV=
func CaseSetOnOnePath() any {
	if os.Getenv("APP_KEEP_ENV") == "" {
		os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	}
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("us-west-2")}))
	return sts.New(sess) // want `STS003`
}

// session.New ignores the variable without AWS_SDK_LOAD_CONFIG
// (aws/session/session.go, New and deprecatedNewSession).
func CaseSetBeforeDeprecatedNew() any {
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	return sts.New(session.New(&aws.Config{Region: aws.String("eu-west-1")})) // want `STS003`
}

// The last setting before the session wins; legacy is STS004's.
func CaseRegionalThenLegacy() any {
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "legacy") // want `STS004`
	return sts.New(session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")})))
}

// A legacy setting replaced before anything reads it has no effect: not
// reported.
func CaseLegacyThenRegional() any {
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "legacy")
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	return sts.New(session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")})))
}

// A call between the two settings may read the legacy one.
func CaseLegacyReadInBetween() any {
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "legacy") // want `STS004`
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	return sts.New(sess)
}
