// Package baseendpoint holds STS006 twins of a v2 BaseEndpoint next to the
// Region aws-global. A BaseEndpoint that replaces the SDK's resolution
// leaves the Region only signing: the host is the BaseEndpoint's (STS001
// judges it), so STS006 stays quiet. One that is no override leaves the
// Region deciding, and aws-global resolves sts.amazonaws.com:
//
//   - config.WithBaseEndpoint("") has no effect (config load_options.go
//     LoadOptions.getBaseEndpoint reports found only for a non-empty value);
//   - a nil aws.Config or sts.Options BaseEndpoint is none; any non-nil
//     pointer, even to "", is the endpoint (service/sts endpoints.go
//     resolveBaseEndpoint copies a non-nil cfg.BaseEndpoint, the rules take
//     a non-nil Endpoint parameter as the URI);
//   - a store guarded by a test that its value is not empty happens when
//     the value is set: a flag's "" default is not.
//
// Each bad twin (with a want comment) differs from its ok twin only in the
// value that reaches the BaseEndpoint.
package baseendpoint

import (
	"context"
	"flag"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// regionalURL is the regional STS endpoint of the ok twins.
const regionalURL = "https://sts.eu-west-1.amazonaws.com"

// globalRegion is the pseudo-Region that v2 resolves to the global host.
const globalRegion = "aws-global"

// A constant regional load option: the Region only signs.
func CaseLoadOptionRegional() any {
	cfg, err := config.LoadDefaultConfig(context.Background(),
		config.WithRegion(globalRegion),
		config.WithBaseEndpoint(regionalURL))
	if err != nil {
		return err
	}
	return sts.NewFromConfig(cfg)
}

// An empty load option has no effect: aws-global decides.
func CaseLoadOptionEmpty() any {
	cfg, err := config.LoadDefaultConfig(context.Background(),
		config.WithRegion(globalRegion), // want "STS006"
		config.WithBaseEndpoint(""))
	if err != nil {
		return err
	}
	return sts.NewFromConfig(cfg)
}

// An sts.Options literal with a regional BaseEndpoint.
func CaseOptionsLiteralRegional() any {
	return sts.New(sts.Options{Region: globalRegion, BaseEndpoint: aws.String(regionalURL), Credentials: aws.AnonymousCredentials{}})
}

// The same literal whose BaseEndpoint is a nil pointer: no override.
func CaseOptionsLiteralNil() any {
	var endpoint *string
	return sts.New(sts.Options{Region: globalRegion, BaseEndpoint: endpoint, Credentials: aws.AnonymousCredentials{}}) // want "STS006"
}

// An aws.Config literal with a regional BaseEndpoint, given to the client.
func CaseConfigLiteralRegional() any {
	return sts.NewFromConfig(aws.Config{Region: globalRegion, BaseEndpoint: aws.String(regionalURL), Credentials: aws.AnonymousCredentials{}})
}

// The same literal with a nil BaseEndpoint.
func CaseConfigLiteralNil() any {
	return sts.NewFromConfig(aws.Config{Region: globalRegion, BaseEndpoint: nil, Credentials: aws.AnonymousCredentials{}}) // want "STS006"
}

// An unguarded store of a pointer to "" into aws.Config: the client copies
// the non-nil pointer and the rules take "" as the URI, so nothing is sent.
//
//truth:nohost the endpoint rules return the empty URI and the HTTP client rejects a URL without a host
func CaseConfigStoreEmptyPointer() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(globalRegion))
	if err != nil {
		return err
	}
	cfg.BaseEndpoint = aws.String("")
	return sts.NewFromConfig(cfg)
}

// The same store of nil: no override, aws-global decides.
func CaseConfigStoreNil() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(globalRegion)) // want "STS006"
	if err != nil {
		return err
	}
	cfg.BaseEndpoint = nil
	return sts.NewFromConfig(cfg)
}

// setRegional is a named client option that sets a regional BaseEndpoint.
func setRegional(o *sts.Options) { o.BaseEndpoint = aws.String(regionalURL) }

// setNone is a named client option that clears the BaseEndpoint.
func setNone(o *sts.Options) { o.BaseEndpoint = nil }

// A named option function with a regional BaseEndpoint.
func CaseNamedOptionRegional() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(globalRegion))
	if err != nil {
		return err
	}
	return sts.NewFromConfig(cfg, setRegional)
}

// A named option function that stores nil.
func CaseNamedOptionNil() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(globalRegion)) // want "STS006"
	if err != nil {
		return err
	}
	return sts.NewFromConfig(cfg, setNone)
}

// o.Region and o.BaseEndpoint in one option: the Region only signs.
func CaseOptionRegionAndEndpoint() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return sts.NewFromConfig(cfg, func(o *sts.Options) {
		o.Region = globalRegion
		o.BaseEndpoint = aws.String(regionalURL)
	})
}

// o.Region in one option and a load option with a regional BaseEndpoint:
// the option's Region only signs too.
func CaseOptionRegionLoadEndpoint() any {
	cfg, err := config.LoadDefaultConfig(context.Background(),
		config.WithRegion("eu-west-1"),
		config.WithBaseEndpoint(regionalURL))
	if err != nil {
		return err
	}
	return sts.NewFromConfig(cfg, func(o *sts.Options) {
		o.Region = globalRegion
	})
}

// o.Region with a BaseEndpoint stored only when another setting asks for
// it; the variable is unset, so the Region decides.
//
//truth:env APP_USE_REGIONAL=
func CaseOptionEndpointOtherCondition() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return sts.NewFromConfig(cfg, func(o *sts.Options) {
		o.Region = globalRegion // want "STS006"
		if os.Getenv("APP_USE_REGIONAL") == "1" {
			o.BaseEndpoint = aws.String(regionalURL)
		}
	})
}

// A guarded store of a flag with a regional default into a client
// option's BaseEndpoint, the flag captured by the option literal.
func CaseGuardedFlagRegional() any {
	fs := flag.NewFlagSet("app", flag.ContinueOnError)
	ep := fs.String("sts-endpoint", regionalURL, "STS endpoint URL")
	if err := fs.Parse(nil); err != nil {
		return err
	}
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(globalRegion))
	if err != nil {
		return err
	}
	return sts.NewFromConfig(cfg, func(o *sts.Options) {
		if len(*ep) > 0 {
			o.BaseEndpoint = ep
		}
	})
}

// The same flag with an empty default: the store never happens.
func CaseGuardedFlagEmpty() any {
	fs := flag.NewFlagSet("app", flag.ContinueOnError)
	ep := fs.String("sts-endpoint", "", "STS endpoint URL")
	if err := fs.Parse(nil); err != nil {
		return err
	}
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(globalRegion)) // want "STS006"
	if err != nil {
		return err
	}
	return sts.NewFromConfig(cfg, func(o *sts.Options) {
		if len(*ep) > 0 {
			o.BaseEndpoint = ep
		}
	})
}

// An environment read guarded in an if statement's init: trusted as set,
// as the v1 rule trusts an Endpoint from the environment (the deployment
// sets it).
//
//truth:env APP_STS_ENDPOINT=https://sts.eu-west-1.amazonaws.com
func CaseGuardedEnvSet() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(globalRegion))
	if err != nil {
		return err
	}
	if ep := os.Getenv("APP_STS_ENDPOINT"); ep != "" {
		cfg.BaseEndpoint = aws.String(ep)
	}
	return sts.NewFromConfig(cfg)
}

// A guarded store of a settings field nothing sets: the guard fails.
func CaseGuardedFieldEmpty() any {
	s := settings{}
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(globalRegion)) // want "STS006"
	if err != nil {
		return err
	}
	if s.endpoint != "" {
		cfg.BaseEndpoint = aws.String(s.endpoint)
	}
	return sts.NewFromConfig(cfg)
}

// The same field set to the regional URL.
func CaseGuardedFieldRegional() any {
	s := settings{endpoint: regionalURL}
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(globalRegion))
	if err != nil {
		return err
	}
	if s.endpoint != "" {
		cfg.BaseEndpoint = aws.String(s.endpoint)
	}
	return sts.NewFromConfig(cfg)
}

// settings is an application's configuration.
type settings struct{ endpoint string }
