// Package noimport holds class 10 of issue 13: values from packages that
// import no AWS SDK package and never name the AWS DNS suffix (regionutil,
// endpointutil, settings). Today's fact scope skips such packages, so what
// their functions return is invisible where it reaches an STS client. Each
// bad twin takes a Region or an endpoint from one of them that calls
// sts.amazonaws.com (the aws-global fallback, a legacy Region in v1, the
// global URL built from pieces); its ok twin differs only in the helper or
// argument used, which gives a real Region or a regional URL.
package noimport

import (
	"context"
	"net/http"
	"os"
	"strings"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"

	"example.com/mod/flow/noimport/endpointutil"
	"example.com/mod/flow/noimport/mentions"
	"example.com/mod/flow/noimport/regionutil"
	"example.com/mod/flow/noimport/settings"
)

// --- 1. v2: a Region helper with an aws-global fallback ---

// Global when APP_REGION is unset: the helper's fallback.
//
//truth:env APP_REGION=
//truth:env APP_REGION=eu-west-1
func CaseV2RegionFallback() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(regionutil.Region())) // want "STS006"
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// The helper's twin that returns a real Region: regional in v2.
//
//truth:env APP_REGION=
//truth:env APP_REGION=eu-west-1
func CaseV2RegionHome() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(regionutil.Home()))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// --- 2. v2: a default passed into the helper ---

// aws-global passed as the default: global when APP_REGION is unset.
//
//truth:env APP_REGION=
//truth:env APP_REGION=eu-west-1
func CaseV2RegionOrGlobal() any {
	return stsv2.New(stsv2.Options{Region: regionutil.RegionOr("aws-global"), Credentials: awsv2.AnonymousCredentials{}}) // want "STS006"
}

// A real Region passed as the default.
//
//truth:env APP_REGION=
//truth:env APP_REGION=eu-west-1
func CaseV2RegionOrReal() any {
	return stsv2.New(stsv2.Options{Region: regionutil.RegionOr("us-east-1"), Credentials: awsv2.AnonymousCredentials{}})
}

// --- 3. v1 with the regional setting: only aws-global is still global ---

// The fallback defeats STSRegionalEndpoint: aws-global is global in v1
// whatever the STS setting.
//
//truth:env APP_REGION=
//truth:env APP_REGION=eu-west-1
func CaseV1RegionalSettingFallback() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String(regionutil.Region()), // want "STS006"
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	return sts.New(sess)
}

// The same session with a real Region from the helper.
//
//truth:env APP_REGION=
//truth:env APP_REGION=eu-west-1
func CaseV1RegionalSettingHome() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String(regionutil.Home()),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	return sts.New(sess)
}

// --- 4. v1 legacy default: the helper's Region decides ---

// The home Region is a legacy Region: global in the legacy default mode.
func CaseV1LegacyHelperRegion() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String(regionutil.Home())}))
	return stscreds.NewCredentials(sess, "arn:aws:iam::123456789012:role/app") // want "STS003"
}

// The standby Region is not in the legacy list: regional even in the
// legacy mode.
func CaseV1NonLegacyHelperRegion() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String(regionutil.Secondary())}))
	return stscreds.NewCredentials(sess, "arn:aws:iam::123456789012:role/app")
}

// --- 5. a constant from the helper package ---

// The helper package's constant for the pseudo Region.
func CaseV2GlobalConstant() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(regionutil.Global)) // want "STS006"
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// The same configuration with the real Region the helper returns.
func CaseV2HomeRegionLiteral() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(regionutil.Home()))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg, func(o *stsv2.Options) { o.Region = regionutil.Home() })
}

// --- 6. an endpoint URL builder: v2 BaseEndpoint ---

// The builder's no-Region result is the global URL.
func CaseV2BuilderGlobal() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg, func(o *stsv2.Options) {
		o.BaseEndpoint = awsv2.String(endpointutil.STSURL("")) // want "STS001"
	})
}

// The builder given the Region: the regional URL.
func CaseV2BuilderRegional() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg, func(o *stsv2.Options) {
		o.BaseEndpoint = awsv2.String(endpointutil.STSURL("eu-west-1"))
	})
}

// --- 7. the builder: v1 Endpoint from an environment read ---

// Global when APP_REGION is unset: the builder falls back to the global
// host, and a v1 Endpoint bypasses the regional setting.
//
//truth:env APP_REGION=
//truth:env APP_REGION=eu-west-1
func CaseV1BuilderEnvRegion() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		Endpoint:            aws.String(endpointutil.STSURL(os.Getenv("APP_REGION"))), // want "STS001"
	}))
	return sts.New(sess)
}

// The builder given the session's own Region.
//
//truth:env APP_REGION=
//truth:env APP_REGION=eu-west-1
func CaseV1BuilderConstRegion() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		Endpoint:            aws.String(endpointutil.STSURL("eu-west-1")),
	}))
	return sts.New(sess)
}

// --- 8. the builder: a hand-built request ---

// An unsigned GetCallerIdentity request to the builder's global URL.
func CaseRequestBuilderGlobal() any {
	req, err := http.NewRequest(http.MethodPost, endpointutil.STSURL("")+"/", strings.NewReader("Action=GetCallerIdentity&Version=2011-06-15")) // want "STS001"
	if err != nil {
		return err
	}
	return req
}

// The same request to the regional URL.
func CaseRequestBuilderRegional() any {
	req, err := http.NewRequest(http.MethodPost, endpointutil.STSURL("us-east-1")+"/", strings.NewReader("Action=GetCallerIdentity&Version=2011-06-15"))
	if err != nil {
		return err
	}
	return req
}

// --- 9. a settings struct with a default Region ---

// The settings' default Region is the pseudo Region.
//
//truth:env APP_REGION=
//truth:env APP_REGION=eu-west-1
func CaseV2SettingsDefaultGlobal() any {
	s := settings.Load()
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(s.Region)) // want "STS006"
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// The settings' default Region is a real Region.
//
//truth:env APP_REGION=
//truth:env APP_REGION=eu-west-1
func CaseV2SettingsDefaultHome() any {
	s := settings.LoadHome()
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(s.Region))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// The settings in a v1 session with the regional setting: aws-global
// still global.
//
//truth:env APP_REGION=
//truth:env APP_REGION=eu-west-1
func CaseV1SettingsDefaultGlobal() any {
	s := settings.Load()
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String(s.Region), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint})) // want "STS006"
	return sts.New(sess)
}

// The same session from the settings with a real default Region.
//
//truth:env APP_REGION=
//truth:env APP_REGION=eu-west-1
func CaseV1SettingsDefaultHome() any {
	s := settings.LoadHome()
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String(s.Region), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	return sts.New(sess)
}

// --- controls: the same helpers in a package inside the fact scope ---

// CaseV2RegionFallback with the helper of package mentions.
//
//truth:env APP_REGION=
//truth:env APP_REGION=eu-west-1
func CaseControlV2RegionFallback() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(mentions.Region())) // want "STS006"
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// CaseV2BuilderGlobal with the builder of package mentions.
func CaseControlV2BuilderGlobal() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg, func(o *stsv2.Options) {
		o.BaseEndpoint = awsv2.String(mentions.STSURL("")) // want "STS001"
	})
}

// CaseV2BuilderRegional with the builder of package mentions.
func CaseControlV2BuilderRegional() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg, func(o *stsv2.Options) {
		o.BaseEndpoint = awsv2.String(mentions.STSURL("eu-west-1"))
	})
}
