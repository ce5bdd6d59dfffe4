// Package v2env holds class 8 of issue 13, aws-sdk-go-v2 environment and
// signing: when the v2 SDK reads each endpoint setting, and requests signed
// by hand with SigV4.
//
// When the SDK reads AWS_ENDPOINT_URL_STS: not in LoadDefaultConfig but in
// sts.NewFromConfig. NewFromConfig calls resolveBaseEndpoint
// (service/sts@v1.51.8 api_client.go:495, endpoints.go:205-221), which asks
// internalConfig.ResolveServiceBaseEndpoint (internal/configsources@v1.5.10
// endpoints.go:43-57) to query each config source; the EnvConfig source
// answers with an os.Getenv at that moment (config@v1.33.15
// env_config.go:705-710). The generic AWS_ENDPOINT_URL, by contrast, is read
// into EnvConfig.BaseEndpoint by NewEnvConfig during LoadDefaultConfig
// (env_config.go:417, resolve.go:108-128), and resolveBaseEndpoint returns
// early when AWS_ENDPOINT_URL is set and AWS_ENDPOINT_URL_STS is not
// (endpoints.go:210-215), so AWS_ENDPOINT_URL set after LoadDefaultConfig
// changes nothing. AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is read at load time
// too (env_config.go:419, GetIgnoreConfiguredEndpoints env_config.go:691):
// set before LoadDefaultConfig it disables a later AWS_ENDPOINT_URL_STS, set
// after it does not.
//
// Twins (bad calls sts.amazonaws.com, ok a regional host):
//
//   - AWS_ENDPOINT_URL_STS vs AWS_ENDPOINT_URL set after LoadDefaultConfig.
//   - AWS_IGNORE_CONFIGURED_ENDPOINT_URLS set before vs after the load.
//   - cfg.Region = "aws-global" stored before vs after sts.NewFromConfig.
//   - an aws-global fallback vs a real-Region fallback for an environment
//     variable read by the program.
//   - a BaseEndpoint flag whose default is the global URL vs empty.
//   - UseGlobalEndpoint set by an EndpointResolverV2 on a legacy Region
//     (us-east-1) vs a Region outside the legacy list (ap-east-1).
//   - AWS_ENDPOINT_URL_STS set by an unexported helper between the load
//     and the client, called with the global vs a regional URL.
//   - hand-signed (v4.Signer) requests to a url.URL{Host: …} literal, and
//     to a URL built from a settings struct: the global host vs a regional
//     one.
package v2env

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
)

// --- AWS_ENDPOINT_URL_STS vs AWS_ENDPOINT_URL after LoadDefaultConfig ---

// The service-specific variable is read by sts.NewFromConfig: global.
func CaseEndpointURLSTSAfterLoad() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	os.Setenv("AWS_ENDPOINT_URL_STS", "https://sts.amazonaws.com") // want "STS001"
	return stsv2.NewFromConfig(cfg)
}

// The generic variable was read by LoadDefaultConfig, before it was set,
// and its presence alone makes resolveBaseEndpoint stop: regional.
func CaseEndpointURLAfterLoad() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	os.Setenv("AWS_ENDPOINT_URL", "https://sts.amazonaws.com")
	return stsv2.NewFromConfig(cfg)
}

// --- AWS_IGNORE_CONFIGURED_ENDPOINT_URLS before vs after the load ---

// Set before the load, the ignore flag disables the later service URL.
func CaseIgnoreEndpointsBeforeLoad() any {
	os.Setenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	os.Setenv("AWS_ENDPOINT_URL_STS", "https://sts.amazonaws.com")
	return stsv2.NewFromConfig(cfg)
}

// Set after the load, the ignore flag is never read: global.
func CaseIgnoreEndpointsAfterLoad() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	os.Setenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")
	os.Setenv("AWS_ENDPOINT_URL_STS", "https://sts.amazonaws.com") // want "STS001"
	return stsv2.NewFromConfig(cfg)
}

// --- cfg.Region = "aws-global" before vs after the client ---

// Stored after the client copied the Region: regional.
func CaseAWSGlobalStoredAfterClient() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	client := stsv2.NewFromConfig(cfg)
	cfg.Region = "aws-global"
	return client
}

// Stored before the client: global.
func CaseAWSGlobalStoredBeforeClient() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	cfg.Region = "aws-global" // want "STS006"
	client := stsv2.NewFromConfig(cfg)
	return client
}

// --- a Region read from the program's own variable, with a fallback ---

// The fallback is a real Region.
//
//truth:env APP_REGION=
//truth:env APP_REGION=eu-west-1
func CaseRegionFallbackReal() any {
	region := os.Getenv("APP_REGION")
	if region == "" {
		region = "us-east-1"
	}
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(region))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// The fallback is aws-global: global when the variable is empty.
//
//truth:env APP_REGION=
//truth:env APP_REGION=eu-west-1
func CaseRegionFallbackAWSGlobal() any {
	region := os.Getenv("APP_REGION")
	if region == "" {
		region = "aws-global" // want "STS006"
	}
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(region))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// --- BaseEndpoint from a flag ---

// The flag's default is empty, and an empty flag sets no BaseEndpoint.
func CaseBaseEndpointFlagEmpty() any {
	fs := flag.NewFlagSet("app", flag.ContinueOnError)
	endpoint := fs.String("sts-endpoint", "", "STS endpoint override")
	if err := fs.Parse(nil); err != nil {
		return err
	}
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg, func(o *stsv2.Options) {
		if *endpoint != "" {
			o.BaseEndpoint = endpoint
		}
	})
}

// The flag's default is the global URL.
func CaseBaseEndpointFlagGlobal() any {
	fs := flag.NewFlagSet("app", flag.ContinueOnError)
	endpoint := fs.String("sts-endpoint", "https://sts.amazonaws.com", "STS endpoint override") // want "STS001"
	if err := fs.Parse(nil); err != nil {
		return err
	}
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg, func(o *stsv2.Options) {
		if *endpoint != "" {
			o.BaseEndpoint = endpoint
		}
	})
}

// --- UseGlobalEndpoint and the client's Region ---

// resolverV2Func lets a closure serve as an EndpointResolverV2, so that the
// deciding line of each case stays inside the case.
type resolverV2Func func(ctx context.Context, params stsv2.EndpointParameters) (smithyendpoints.Endpoint, error)

// ResolveEndpoint calls the function.
func (f resolverV2Func) ResolveEndpoint(ctx context.Context, params stsv2.EndpointParameters) (smithyendpoints.Endpoint, error) {
	return f(ctx, params)
}

// UseGlobalEndpoint moves only the legacy Regions: ap-east-1 stays regional.
func CaseUseGlobalEndpointOutsideLegacy() any {
	region := "ap-east-1"
	next := stsv2.NewDefaultEndpointResolverV2()
	return stsv2.New(stsv2.Options{
		Region:      region,
		Credentials: awsv2.AnonymousCredentials{},
		EndpointResolverV2: resolverV2Func(func(ctx context.Context, params stsv2.EndpointParameters) (smithyendpoints.Endpoint, error) {
			params.UseGlobalEndpoint = awsv2.Bool(true)
			return next.ResolveEndpoint(ctx, params)
		}),
	})
}

// UseGlobalEndpoint in us-east-1, a legacy Region: global.
func CaseUseGlobalEndpointLegacyRegion() any {
	region := "us-east-1"
	next := stsv2.NewDefaultEndpointResolverV2()
	return stsv2.New(stsv2.Options{
		Region:      region,
		Credentials: awsv2.AnonymousCredentials{},
		EndpointResolverV2: resolverV2Func(func(ctx context.Context, params stsv2.EndpointParameters) (smithyendpoints.Endpoint, error) {
			params.UseGlobalEndpoint = awsv2.Bool(true) // want "STS007"
			return next.ResolveEndpoint(ctx, params)
		}),
	})
}

// --- hand-signed requests ---

// getCallerIdentity is the query body of a GetCallerIdentity call.
const getCallerIdentity = "Action=GetCallerIdentity&Version=2011-06-15"

// signSTS signs req for STS in region with fixed fake credentials, the way
// programs that hand-build a GetCallerIdentity proof do.
func signSTS(req *http.Request, region string) error {
	sum := sha256.Sum256([]byte(getCallerIdentity))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	creds := awsv2.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "SECRETEXAMPLE"}
	return v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), "sts", region, time.Now())
}

// A url.URL literal naming the regional host.
func CaseSignedURLLiteralRegional() any {
	u := url.URL{Scheme: "https", Host: "sts.eu-west-1.amazonaws.com", Path: "/"}
	req, err := http.NewRequest(http.MethodPost, u.String(), strings.NewReader(getCallerIdentity))
	if err != nil {
		return err
	}
	if err := signSTS(req, "eu-west-1"); err != nil {
		return err
	}
	return req
}

// A url.URL literal naming the global host.
func CaseSignedURLLiteralGlobal() any {
	u := url.URL{Scheme: "https", Host: "sts.amazonaws.com", Path: "/"} // want "STS001"
	req, err := http.NewRequest(http.MethodPost, u.String(), strings.NewReader(getCallerIdentity))
	if err != nil {
		return err
	}
	if err := signSTS(req, "us-east-1"); err != nil {
		return err
	}
	return req
}

// signingTarget is the program's own settings for a hand-signed call.
type signingTarget struct {
	Host   string
	Region string
}

// The settings name the regional host; the request URL is built from them.
func CaseSignedSettingsRegional() any {
	t := signingTarget{Host: "sts.eu-west-1.amazonaws.com", Region: "eu-west-1"}
	req, err := http.NewRequest(http.MethodPost, "https://"+t.Host+"/", strings.NewReader(getCallerIdentity))
	if err != nil {
		return err
	}
	if err := signSTS(req, t.Region); err != nil {
		return err
	}
	return req
}

// The settings name the global host.
func CaseSignedSettingsGlobal() any {
	t := signingTarget{Host: "sts.amazonaws.com", Region: "us-east-1"} // want "STS001"
	req, err := http.NewRequest(http.MethodPost, "https://"+t.Host+"/", strings.NewReader(getCallerIdentity))
	if err != nil {
		return err
	}
	if err := signSTS(req, t.Region); err != nil {
		return err
	}
	return req
}

// --- AWS_ENDPOINT_URL_STS set by a helper between load and client ---

// useSTSEndpoint is the program's helper that points STS at an endpoint.
func useSTSEndpoint(endpoint string) {
	os.Setenv("AWS_ENDPOINT_URL_STS", endpoint)
}

// The helper is called with a regional URL after the load: regional.
func CaseHelperSetsRegionalAfterLoad() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	useSTSEndpoint("https://sts.eu-west-1.amazonaws.com")
	return stsv2.NewFromConfig(cfg)
}

// The helper is called with the global URL after the load: still read by
// sts.NewFromConfig, global.
func CaseHelperSetsGlobalAfterLoad() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	useSTSEndpoint("https://sts.amazonaws.com") // want "STS001"
	return stsv2.NewFromConfig(cfg)
}
