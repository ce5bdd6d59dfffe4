// Package v2override holds STS007 cases: aws-sdk-go-v2 endpoint overrides
// pinning STS to the global endpoint.
package v2override

import (
	"context"
	"net/url"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/ptr"
)

const globalURL = "https://sts.amazonaws.com"

// --- deprecated v1-style resolvers returning the global URL ---

func withOptionsFunc(ctx context.Context) (aws.Config, error) {
	resolver := aws.EndpointResolverWithOptionsFunc(func(service, region string, options ...interface{}) (aws.Endpoint, error) {
		if service == sts.ServiceID {
			return aws.Endpoint{
				URL:           "https://sts.amazonaws.com", // want "STS007"
				SigningRegion: "us-east-1",
			}, nil
		}
		return aws.Endpoint{}, &aws.EndpointNotFoundError{}
	})
	return config.LoadDefaultConfig(ctx, config.WithRegion("eu-west-1"), config.WithEndpointResolverWithOptions(resolver))
}

func withOptionsFuncInline(ctx context.Context) (aws.Config, error) {
	return config.LoadDefaultConfig(ctx, config.WithEndpointResolverWithOptions(aws.EndpointResolverWithOptionsFunc(
		func(service, region string, options ...interface{}) (aws.Endpoint, error) {
			return aws.Endpoint{URL: globalURL, SigningRegion: "us-east-1"}, nil // want "STS007"
		})))
}

func endpointResolverFunc() aws.EndpointResolver {
	return aws.EndpointResolverFunc(func(service, region string) (aws.Endpoint, error) {
		if service == "STS" {
			return aws.Endpoint{URL: "sts.amazonaws.com"}, nil // want "STS007"
		}
		return aws.Endpoint{}, &aws.EndpointNotFoundError{}
	})
}

func stsEndpointResolverFunc(cfg aws.Config) *sts.Client {
	return sts.NewFromConfig(cfg, sts.WithEndpointResolver(sts.EndpointResolverFunc(func(region string, options sts.EndpointResolverOptions) (aws.Endpoint, error) {
		return aws.Endpoint{URL: "https://sts.amazonaws.com/", SigningRegion: "us-east-1"}, nil // want "STS007"
	})))
}

func awsConfigField() aws.Config {
	return aws.Config{
		Region: "eu-west-1",
		EndpointResolverWithOptions: aws.EndpointResolverWithOptionsFunc(func(service, region string, options ...interface{}) (aws.Endpoint, error) {
			return aws.Endpoint{URL: "https://" + "sts.amazonaws.com"}, nil // want "STS007"
		}),
	}
}

// --- EndpointResolverV2 implementations ---

type fallbackResolver struct{ next sts.EndpointResolverV2 }

func (r fallbackResolver) ResolveEndpoint(ctx context.Context, params sts.EndpointParameters) (smithyendpoints.Endpoint, error) {
	if params.Region == nil || *params.Region == "" {
		params.Region = aws.String("us-east-1")
		params.UseGlobalEndpoint = aws.Bool(true) // want "STS007"
	}
	return r.next.ResolveEndpoint(ctx, params)
}

type pinnedGlobal struct{}

func (pinnedGlobal) ResolveEndpoint(ctx context.Context, params sts.EndpointParameters) (smithyendpoints.Endpoint, error) {
	params.Region = aws.String("aws-global") // want "STS007"
	return sts.NewDefaultEndpointResolverV2().ResolveEndpoint(ctx, params)
}

type ptrGlobal struct{}

func (*ptrGlobal) ResolveEndpoint(ctx context.Context, params sts.EndpointParameters) (smithyendpoints.Endpoint, error) {
	params.UseGlobalEndpoint = ptr.Bool(true) // want "STS007"
	return sts.NewDefaultEndpointResolverV2().ResolveEndpoint(ctx, params)
}

func useV2(cfg aws.Config) []*sts.Client {
	return []*sts.Client{
		sts.NewFromConfig(cfg, sts.WithEndpointResolverV2(fallbackResolver{next: sts.NewDefaultEndpointResolverV2()})),
		sts.NewFromConfig(cfg, sts.WithEndpointResolverV2(pinnedGlobal{})),
		sts.NewFromConfig(cfg, sts.WithEndpointResolverV2(&ptrGlobal{})),
		sts.NewFromConfig(cfg, sts.WithEndpointResolverV2(regionalV2{})),
		sts.NewFromConfig(cfg, sts.WithEndpointResolverV2(&customURLV2{})),
	}
}

// --- negatives ---

type regionalV2 struct{}

func (regionalV2) ResolveEndpoint(ctx context.Context, params sts.EndpointParameters) (smithyendpoints.Endpoint, error) {
	params.UseGlobalEndpoint = aws.Bool(false)
	params.UseFIPS = aws.Bool(true)
	if params.Region == nil {
		params.Region = aws.String("eu-west-1")
	}
	return sts.NewDefaultEndpointResolverV2().ResolveEndpoint(ctx, params)
}

type customURLV2 struct{}

func (*customURLV2) ResolveEndpoint(ctx context.Context, params sts.EndpointParameters) (smithyendpoints.Endpoint, error) {
	u, err := url.Parse("https://sts." + aws.ToString(params.Region) + ".amazonaws.com")
	if err != nil {
		return smithyendpoints.Endpoint{}, err
	}
	return smithyendpoints.Endpoint{URI: *u}, nil
}

func notFoundResolver(ctx context.Context) (aws.Config, error) {
	return config.LoadDefaultConfig(ctx, config.WithEndpointResolverWithOptions(aws.EndpointResolverWithOptionsFunc(
		func(service, region string, options ...interface{}) (aws.Endpoint, error) {
			return aws.Endpoint{}, &aws.EndpointNotFoundError{}
		})))
}

func regionalURLResolver() aws.EndpointResolverWithOptions {
	return aws.EndpointResolverWithOptionsFunc(func(service, region string, options ...interface{}) (aws.Endpoint, error) {
		if service == sts.ServiceID {
			return aws.Endpoint{URL: "https://sts." + region + ".amazonaws.com", SigningRegion: region}, nil
		}
		return aws.Endpoint{}, &aws.EndpointNotFoundError{}
	})
}

func localstackResolver() aws.EndpointResolverWithOptions {
	return aws.EndpointResolverWithOptionsFunc(func(service, region string, options ...interface{}) (aws.Endpoint, error) {
		return aws.Endpoint{URL: "http://localhost:4566", SigningRegion: region, HostnameImmutable: true}, nil
	})
}

func stsRegionalFunc() sts.EndpointResolver {
	return sts.EndpointResolverFunc(func(region string, options sts.EndpointResolverOptions) (aws.Endpoint, error) {
		return aws.Endpoint{URL: "https://sts.eu-west-1.amazonaws.com", SigningRegion: "eu-west-1"}, nil
	})
}

func defaultV1Style(cfg aws.Config) *sts.Client {
	return sts.NewFromConfig(cfg, sts.WithEndpointResolver(sts.NewDefaultEndpointResolver()))
}

// A local type with the same field names as sts.EndpointParameters: not STS.
type localParams struct {
	Region            *string
	UseGlobalEndpoint *bool
}

type localResolver struct{}

func (localResolver) ResolveEndpoint(ctx context.Context, params localParams) (string, error) {
	params.UseGlobalEndpoint = aws.Bool(true)
	params.Region = aws.String("aws-global")
	return aws.ToString(params.Region), nil
}

type clearingResolver struct{}

func (clearingResolver) ResolveEndpoint(ctx context.Context, params sts.EndpointParameters) (smithyendpoints.Endpoint, error) {
	params.UseGlobalEndpoint = nil
	params.Region = aws.String("eu-west-1")
	return sts.NewDefaultEndpointResolverV2().ResolveEndpoint(ctx, params)
}

// A local struct with the v2 field names: not an endpoint sink.
type localOptions struct {
	Region       string
	BaseEndpoint *string
}

func localOptionFields() localOptions {
	o := localOptions{Region: "aws-global", BaseEndpoint: aws.String("https://sts.amazonaws.com")}
	o.Region = "aws-global"
	o.BaseEndpoint = aws.String(globalURL)
	return o
}

func stsOptionsParamRegion(region string) *sts.Client {
	return sts.New(sts.Options{Region: region}, func(o *sts.Options) { o.Region = region })
}
