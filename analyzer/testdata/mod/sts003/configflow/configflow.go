// Package configflow holds class 2 of issue 8: aws-sdk-go v1 configs that
// flow through (*aws.Config).MergeIn, Copy, the With* chain, reassignments,
// request.WithRetryer and helpers' results before they reach a session. The
// regional setting travels with the value that reaches the session,
// following aws/config.go (v1.55.8): With* setters store into their
// receiver and return it, Copy returns the receiver with its arguments
// merged in, MergeIn copies the set fields of its arguments into the
// receiver; request.WithRetryer (aws/request/retryer.go) returns its
// argument; NewSession merges its configs into a new one
// (aws/session/session.go), so a store after it changes nothing.
package configflow

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/client"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/request"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

const roleARN = "arn:aws:iam::123456789012:role/example"

// regionalBase is an application's shared defaults, regional STS included.
func regionalBase() *aws.Config {
	return &aws.Config{MaxRetries: aws.Int(3), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}
}

// withRegion sets only a Region.
func withRegion(region string) *aws.Config {
	return aws.NewConfig().WithRegion(region)
}

// --- negatives: the regional setting reaches the session ---

func CaseMergeIn() any {
	cfg := aws.NewConfig().WithRegion("eu-west-1")
	cfg.MergeIn(regionalBase())
	return sts.New(session.Must(session.NewSession(cfg)))
}

func CaseMergeInSessionConfig() any {
	sess := session.Must(session.NewSession(withRegion("us-east-1")))
	sess.Config.MergeIn(&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint})
	return sts.New(sess)
}

func CaseCopyWithArguments() any {
	cfg := withRegion("us-west-2").Copy(&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint})
	return sts.New(session.Must(session.NewSession(cfg)))
}

func CaseCopyOfRegional() any {
	cfg := regionalBase().Copy()
	cfg.Region = aws.String("ap-northeast-1")
	return stscreds.NewCredentials(session.Must(session.NewSession(cfg)), roleARN)
}

func CaseReassignmentsKeepTheSetter() any {
	cfg := aws.NewConfig().WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	cfg = cfg.WithLogLevel(aws.LogOff)
	cfg = request.WithRetryer(cfg, client.DefaultRetryer{NumMaxRetries: 3})
	cfg = cfg.WithRegion("us-east-1").WithMaxRetries(2).WithDisableSSL(false)
	return sts.New(session.Must(session.NewSession(cfg)))
}

func CaseHelperResultChained() any {
	cfg := regionalBase().WithRegion("eu-west-2")
	return sts.New(session.Must(session.NewSession(cfg)))
}

func CaseTwoConfigsInOrder() any {
	return sts.New(session.Must(session.NewSession(withRegion("eu-central-1"), regionalBase())))
}

// --- positives: the value that reaches the session lacks the setting ---

func CaseReassignedAway() any {
	cfg := regionalBase()
	cfg = withRegion("eu-west-1")
	return sts.New(session.Must(session.NewSession(cfg))) // want `STS003`
}

// Copy is a snapshot: the setter on the original afterwards does not reach
// the copy.
func CaseCopyBeforeSetter() any {
	base := withRegion("eu-west-1")
	cfg := base.Copy()
	base.WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	return sts.New(session.Must(session.NewSession(cfg))) // want `STS003`
}

func CaseMergeInOtherConfig() any {
	cfg := withRegion("eu-west-1")
	unused := aws.NewConfig()
	unused.MergeIn(regionalBase())
	return sts.New(session.Must(session.NewSession(cfg))) // want `STS003`
}

// A later config without the setting does not unset it, but one that sets
// legacy does; that one is STS004's.
func CaseMergeOrderLegacyLast() any {
	cfg := regionalBase().WithRegion("us-east-2")
	cfg.MergeIn(&aws.Config{STSRegionalEndpoint: endpoints.LegacySTSEndpoint}) // want `STS004`
	return sts.New(session.Must(session.NewSession(cfg)))
}

// The session copied the config before the setter ran.
func CaseSetterAfterSession() any {
	cfg := withRegion("ca-central-1")
	sess := session.Must(session.NewSession(cfg))
	cfg.WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	return sts.New(sess) // want `STS003`
}

func CaseRetryerWithoutSetting() any {
	cfg := withRegion("us-east-1")
	cfg = request.WithRetryer(cfg, client.DefaultRetryer{NumMaxRetries: 3})
	return sts.New(session.Must(session.NewSession(cfg))) // want `STS003`
}
