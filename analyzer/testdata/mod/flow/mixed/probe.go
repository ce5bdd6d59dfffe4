package mixed

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// --- a helper's branch on a parameter that its caller fixes ---

func cfgFor(region string, regional bool) *aws.Config {
	cfg := aws.NewConfig().WithRegion(region)
	if regional {
		cfg.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
	}
	return cfg
}

// The caller asks for the setting: the store runs.
func CaseParamBoolRegional() any {
	return sts.New(session.Must(session.NewSession(cfgFor("us-east-1", true))))
}

// The caller does not: the store never runs.
func CaseParamBoolGlobal() any {
	return sts.New(session.Must(session.NewSession(cfgFor("us-east-1", false)))) // want "STS00[23]"
}

// --- a helper that sets the field after building the config ---

func cfgAlways(region string) *aws.Config {
	cfg := aws.NewConfig().WithRegion(region)
	cfg.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
	return cfg
}

func CaseHelperStoreRegional() any {
	return sts.New(session.Must(session.NewSession(cfgAlways("us-east-1"))))
}

func cfgLit(region string) *aws.Config {
	cfg := &aws.Config{Region: aws.String(region)}
	cfg.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
	return cfg
}

func CaseHelperLitStoreRegional() any {
	return sts.New(session.Must(session.NewSession(cfgLit("us-east-1"))))
}

// --- a Region helper whose result the caller's argument picks ---

func regionPick(global bool) string {
	if global {
		return "aws-global"
	}
	return "eu-west-1"
}

func v2With(region string) any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(region))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// The argument picks the pseudo Region (the finding is at the helper's
// literal, "flows": GAPS.md).
func CaseIfRegionGlobal() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(regionPick(true)))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg) // want "STS006"
}

// The argument picks a real Region: no finding in this case.
func CaseIfRegionRegional() any {
	return v2With(regionPick(false))
}

// A switch over the argument, called with "global" directly.
func CaseSwitchDirectGlobal() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(regionFor("global")))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg) // want "STS006"
}
