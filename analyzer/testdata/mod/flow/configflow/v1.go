// Package configflow holds class 2 of issue 8: configurations that flow
// through (*aws.Config).MergeIn, Copy, the With* chain, reassignments,
// request.WithRetryer and helpers' results before they reach a session or a
// client. The regional setting travels with the value; it is neither lost
// nor invented on the way.
package configflow

import (
	"context"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/client"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/request"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

const roleARN = "arn:aws:iam::123456789012:role/example"

// baseConfig is an application's shared defaults, regional STS included.
func baseConfig() *aws.Config {
	return &aws.Config{
		MaxRetries:          aws.Int(5),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}
}

// regionConfig sets only a Region.
func regionConfig(region string) *aws.Config {
	return aws.NewConfig().WithRegion(region)
}

// --- negatives: the regional setting reaches the session ---

// MergeIn copies every set field of its arguments into the receiver.
func CaseMergeInRegional() any {
	cfg := aws.NewConfig().WithRegion("eu-west-1")
	cfg.MergeIn(baseConfig())
	return sts.New(session.Must(session.NewSession(cfg)))
}

// Reassignments after the setter keep it: With* methods mutate and return
// the receiver, request.WithRetryer returns its argument.
func CaseReassignAfterSetter() any {
	cfg := aws.NewConfig().WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	cfg = cfg.WithLogLevel(aws.LogOff)
	cfg = request.WithRetryer(cfg, client.DefaultRetryer{NumMaxRetries: 3})
	cfg = cfg.WithRegion("us-east-1")
	return sts.New(session.Must(session.NewSession(cfg)))
}

// Copy keeps the fields set before it.
func CaseCopyOfRegional() any {
	cfg := baseConfig().Copy()
	cfg.Region = aws.String("ap-northeast-1")
	return stscreds.NewCredentials(session.Must(session.NewSession(cfg)), roleARN)
}

// A helper's result extended with a With* chain.
func CaseHelperResultChained() any {
	cfg := baseConfig().WithRegion("eu-west-1").WithMaxRetries(2)
	return sts.New(session.Must(session.NewSession(cfg)))
}

// Sessions merge their configs in order: the regional setting in the
// second one survives the first.
func CaseTwoConfigsMerged() any {
	sess := session.Must(session.NewSession(regionConfig("eu-west-1"), baseConfig()))
	return sts.New(sess)
}

// --- positives: the value that reaches the session lacks the setting ---

// The setter went to a config that is then replaced.
func CaseReassignedAway() any {
	cfg := baseConfig()
	cfg = regionConfig("eu-west-1")
	return sts.New(session.Must(session.NewSession(cfg))) // want "STS003"
}

// Copy is a snapshot: the setter applied to the original afterwards does
// not reach the copy.
func CaseCopyBeforeSetter() any {
	base := regionConfig("eu-west-1")
	cfg := base.Copy()
	base.WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	return sts.New(session.Must(session.NewSession(cfg))) // want "STS003"
}

// MergeIn into a config that is not the one passed on.
func CaseMergeInWrongTarget() any {
	cfg := regionConfig("eu-west-1")
	unused := aws.NewConfig()
	unused.MergeIn(baseConfig())
	return sts.New(session.Must(session.NewSession(cfg))) // want "STS003"
}

// A helper's config, chained and retried, never gets the setting.
func CaseHelperWithoutSetting() any {
	cfg := regionConfig("us-east-1")
	cfg = request.WithRetryer(cfg, client.DefaultRetryer{NumMaxRetries: 3})
	return sts.New(session.Must(session.NewSession(cfg))) // want "STS003"
}

// --- aws-sdk-go-v2: aws.Config values are copied on assignment ---

// A copy made for a global service gets aws-global; the STS client gets
// the original.
func CaseV2CopyForGlobalService() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	global := cfg.Copy()
	global.Region = "aws-global"
	_ = global // for a global service such as Route 53
	return stsv2.NewFromConfig(cfg)
}

// The copy with aws-global is the one that reaches STS.
func CaseV2CopyToSTS() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	global := cfg.Copy()
	global.Region = "aws-global" // want "STS006"
	return stsv2.NewFromConfig(global)
}

// A value copy: changing the copy leaves the original regional.
func CaseV2ValueCopy() any {
	cfg := awsv2.Config{Region: "eu-west-1", Credentials: awsv2.AnonymousCredentials{}}
	other := cfg
	other.Region = "aws-global"
	_ = other
	return stsv2.NewFromConfig(cfg)
}
