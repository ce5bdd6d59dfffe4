package emptyendpoint

import (
	"context"
	"flag"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
)

// aws-sdk-go-v2 treats an empty endpoint in two different ways, and the
// twins below show both:
//
//   - config.WithBaseEndpoint("") has no effect (LoadOptions.getBaseEndpoint
//     reports found only for a non-empty value, config load_options.go), so
//     the default resolution decides; with the Region aws-global that is
//     sts.amazonaws.com.
//   - sts.Options.BaseEndpoint = aws.String("") is not ignored: the endpoint
//     rules take any non-nil Endpoint parameter as the URI
//     (service/sts endpoints.go, resolveResult case 5), an empty URI, so
//     nothing is sent at all. Only a guard (if ep != "") makes the empty
//     value mean the default.

// regionalV2URL is the regional STS endpoint of the v2 ok twins.
const regionalV2URL = "https://sts.eu-west-1.amazonaws.com"

// globalRegion is the pseudo-Region that v2 resolves to the global host.
const globalRegion = "aws-global"

// A settings field passed to config.WithBaseEndpoint: empty, it has no
// effect, and the Region aws-global resolves sts.amazonaws.com.
func CaseV2LoadOptionEmpty() any {
	s := Settings{Region: globalRegion} // want "STS006"
	cfg, err := config.LoadDefaultConfig(context.Background(),
		config.WithRegion(s.Region),
		config.WithBaseEndpoint(s.Endpoint))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// The same load option with the regional URL in the field.
func CaseV2LoadOptionRegional() any {
	s := Settings{Region: globalRegion, Endpoint: regionalV2URL}
	cfg, err := config.LoadDefaultConfig(context.Background(),
		config.WithRegion(s.Region),
		config.WithBaseEndpoint(s.Endpoint))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// withEndpoint is the guarded client option real code writes: the empty
// value means "the SDK's default".
func withEndpoint(ep string) func(*stsv2.Options) {
	return func(o *stsv2.Options) {
		if ep != "" {
			o.BaseEndpoint = aws.String(ep)
		}
	}
}

// The guarded option with an unset environment variable: no BaseEndpoint,
// the Region aws-global decides.
//
//truth:env APP_STS_ENDPOINT=
func CaseV2GuardedOptionEnvUnset() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(globalRegion)) // want "STS006"
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg, withEndpoint(os.Getenv("APP_STS_ENDPOINT")))
}

// The guarded option with the variable set to the regional URL.
//
//truth:env APP_STS_ENDPOINT=https://sts.eu-west-1.amazonaws.com
func CaseV2GuardedOptionEnvSet() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(globalRegion))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg, withEndpoint(os.Getenv("APP_STS_ENDPOINT")))
}

// An unguarded pointer to an empty field: v2 takes "" as the endpoint URI
// and fails the request before sending it; empty does not mean default.
//
//truth:nohost the endpoint rules return the empty URI and the HTTP client rejects a URL without a host
func CaseV2UnguardedPointerEmpty() any {
	s := Settings{Region: globalRegion}
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(s.Region))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg, func(o *stsv2.Options) {
		o.BaseEndpoint = &s.Endpoint
	})
}

// The same unguarded pointer to a field holding the global URL.
func CaseV2UnguardedPointerGlobal() any {
	s := Settings{Region: globalRegion, Endpoint: "https://sts.amazonaws.com"} // want "STS001"
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(s.Region))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg, func(o *stsv2.Options) {
		o.BaseEndpoint = &s.Endpoint
	})
}

// A flag with an empty default into aws.Config.BaseEndpoint behind a guard.
func CaseV2FlagDefaultEmpty() any {
	fs := flag.NewFlagSet("app", flag.ContinueOnError)
	endpoint := fs.String("sts-endpoint", "", "STS endpoint URL")
	if err := fs.Parse(nil); err != nil {
		return err
	}
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(globalRegion)) // want "STS006"
	if err != nil {
		return err
	}
	if *endpoint != "" {
		cfg.BaseEndpoint = endpoint
	}
	return stsv2.NewFromConfig(cfg)
}

// The same flag with a regional default.
func CaseV2FlagDefaultRegional() any {
	fs := flag.NewFlagSet("app", flag.ContinueOnError)
	endpoint := fs.String("sts-endpoint", regionalV2URL, "STS endpoint URL")
	if err := fs.Parse(nil); err != nil {
		return err
	}
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(globalRegion))
	if err != nil {
		return err
	}
	if *endpoint != "" {
		cfg.BaseEndpoint = endpoint
	}
	return stsv2.NewFromConfig(cfg)
}

// v2ClientIn builds a client in the caller's Region, with the caller's
// endpoint when it is not empty: each caller decides whether the
// BaseEndpoint replaces the resolution.
func v2ClientIn(region, ep string) any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(region))
	if err != nil {
		return err
	}
	if ep != "" {
		cfg.BaseEndpoint = aws.String(ep)
	}
	return stsv2.NewFromConfig(cfg)
}

// aws-global and no endpoint: the default resolution, the global host.
func CaseV2HelperEndpointEmpty() any {
	return v2ClientIn(globalRegion, "") // want "STS006"
}

// aws-global with the regional endpoint, which replaces the resolution.
func CaseV2HelperEndpointRegional() any {
	return v2ClientIn(globalRegion, regionalV2URL)
}

// A real Region with no endpoint through the same helper: the SDK's
// resolution, the regional host of eu-west-1.
func CaseV2HelperRealRegionEmpty() any {
	return v2ClientIn("eu-west-1", "")
}

// v2PinnedClient pins aws-global itself and takes only the endpoint from
// its caller: the Region is written here, but whether it selects the
// global host is each caller's choice.
func v2PinnedClient(ep string) any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("aws-global"))
	if err != nil {
		return err
	}
	if ep != "" {
		cfg.BaseEndpoint = aws.String(ep)
	}
	return stsv2.NewFromConfig(cfg)
}

// No endpoint: aws-global resolves to the global host.
func CaseV2PinnedHelperEmpty() any {
	return v2PinnedClient("") // want "STS006"
}

// The regional endpoint replaces the resolution.
func CaseV2PinnedHelperRegional() any {
	return v2PinnedClient(regionalV2URL)
}
