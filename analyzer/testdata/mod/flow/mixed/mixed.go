// Package mixed holds twins that combine the classes of issue 13 the way
// application code does: a settings struct filled by a constructor and
// read by a method, an option function kept in a variable, a session
// copied with extra settings, a Region chosen by a switch over a
// parameter, an environment setting made by a helper. Each CaseXxxGlobal
// makes the SDK call sts.amazonaws.com; its CaseXxxRegional twin differs
// by the one step that keeps every path regional.
package mixed

import (
	"context"
	"os"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

const roleARN = "arn:aws:iam::123456789012:role/example"

// --- a settings struct, its constructor and a method ---

type settings struct {
	region   string
	regional bool
}

func newSettings(region string, regional bool) *settings {
	return &settings{region: region, regional: regional}
}

func (s *settings) config() *aws.Config {
	cfg := aws.NewConfig().WithRegion(s.region)
	if s.regional {
		cfg.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
	}
	return cfg
}

// The struct says not regional: a legacy Region reaches a bare setting.
func CaseSettingsGlobal() any {
	s := newSettings("us-east-1", false)
	return sts.New(session.Must(session.NewSession(s.config()))) // want "STS00[23]"
}

// The struct says regional.
func CaseSettingsRegional() any {
	s := newSettings("us-east-1", true)
	return sts.New(session.Must(session.NewSession(s.config())))
}

// --- a session copied with extra settings ---

// The copy adds only a Region: legacy.
func CaseCopyRegionOnlyGlobal() any {
	base := session.Must(session.NewSession())
	return sts.New(base.Copy(&aws.Config{Region: aws.String("eu-west-1")})) // want "STS00[23]"
}

// The copy adds the regional setting.
func CaseCopyRegionalSettingRegional() any {
	base := session.Must(session.NewSession())
	return sts.New(base.Copy(&aws.Config{Region: aws.String("eu-west-1"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
}

// --- assume-role provider on a session with options ---

// SharedConfigEnable without a setting: legacy for the provider's client.
//
//truth:env AWS_REGION=us-west-2
func CaseOptionsProviderGlobal() any {
	sess := session.Must(session.NewSessionWithOptions(session.Options{SharedConfigState: session.SharedConfigEnable}))
	return stscreds.NewCredentials(sess, roleARN) // want "STS00[23]"
}

// The options' config carries the setting.
//
//truth:env AWS_REGION=us-west-2
func CaseOptionsProviderRegional() any {
	sess := session.Must(session.NewSessionWithOptions(session.Options{
		SharedConfigState: session.SharedConfigEnable,
		Config:            aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint},
	}))
	return stscreds.NewCredentials(sess, roleARN)
}

// --- a Region chosen by a switch over a parameter ---

func regionFor(env string) string {
	switch env {
	case "prod":
		return "eu-central-1"
	case "global":
		return "aws-global"
	}
	return "us-west-2"
}

func v2Client(env string) any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(regionFor(env)))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// One caller asks for the pseudo Region.
func CaseSwitchRegionGlobal() any {
	return v2Client("global") // want "STS006"
}

// Every caller asks for a real Region.
func CaseSwitchRegionRegional() any {
	return v2Client("prod")
}

// --- a v2 option function kept in a variable ---

// The option pins the global host.
func CaseOptionVarGlobal() any {
	pin := func(o *stsv2.Options) {
		o.BaseEndpoint = awsv2.String("https://sts.amazonaws.com") // want "STS001"
	}
	return stsv2.New(stsv2.Options{Region: "eu-west-1"}, pin)
}

// The option only sets a Region.
func CaseOptionVarRegional() any {
	set := func(o *stsv2.Options) {
		o.Region = "eu-west-1"
	}
	return stsv2.New(stsv2.Options{Region: "us-east-1"}, set)
}

// --- the environment set by a helper before or after the session ---

func useRegional() { os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional") }

// The helper runs after the session is built: too late.
//
//truth:env AWS_REGION=us-east-1 AWS_STS_REGIONAL_ENDPOINTS=
func CaseEnvHelperAfterGlobal() any {
	sess := session.Must(session.NewSession())
	useRegional()
	defer os.Unsetenv("AWS_STS_REGIONAL_ENDPOINTS")
	return sts.New(sess) // want "STS00[23]"
}

// The helper runs first.
//
//truth:env AWS_REGION=us-east-1 AWS_STS_REGIONAL_ENDPOINTS=
func CaseEnvHelperBeforeRegional() any {
	useRegional()
	defer os.Unsetenv("AWS_STS_REGIONAL_ENDPOINTS")
	return sts.New(session.Must(session.NewSession()))
}
