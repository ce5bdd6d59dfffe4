package baseline

import (
	"context"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
)

// resolver.defaultResolver: EndpointFor without the regional option.
func CaseV1EndpointForNoOption() any {
	ep, err := endpoints.DefaultResolver().EndpointFor("sts", "eu-west-1") // want "STS005"
	if err != nil {
		return err
	}
	return ep
}

// resolver.withRegionalOption.
func CaseV1EndpointForRegionalOption() any {
	ep, err := endpoints.DefaultResolver().EndpointFor("sts", "eu-west-1", endpoints.STSRegionalEndpointOption)
	if err != nil {
		return err
	}
	return ep
}

// resolver.resolverFuncGlobal: a session resolver returning the global URL.
func CaseV1ResolverFuncGlobal() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		EndpointResolver: endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
			if service == sts.EndpointsID {
				return endpoints.ResolvedEndpoint{
					URL:           "https://sts.amazonaws.com", // want "STS005"
					SigningRegion: "us-east-1",
				}, nil
			}
			return endpoints.DefaultResolver().EndpointFor(service, region, opts...)
		}),
	}))
	return sts.New(sess)
}

// resolver.resolverDropsOpts: the session's regional setting arrives as an
// option, which the resolver drops.
func CaseV1ResolverDropsOpts() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		EndpointResolver: endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
			return endpoints.DefaultResolver().EndpointFor(service, region) // want "STS005"
		}),
	}))
	return sts.New(sess)
}

// resolver.forwardingResolver: forwarding the options keeps the setting.
func CaseV1ResolverForwardsOpts() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		EndpointResolver: endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
			return endpoints.DefaultResolver().EndpointFor(service, region, opts...)
		}),
	}))
	return sts.New(sess)
}

// v2override.withOptionsFunc.
func CaseV2ResolverWithOptionsGlobal() any {
	resolver := awsv2.EndpointResolverWithOptionsFunc(func(service, region string, options ...interface{}) (awsv2.Endpoint, error) {
		if service == stsv2.ServiceID {
			return awsv2.Endpoint{
				URL:           "https://sts.amazonaws.com", // want "STS007"
				SigningRegion: "us-east-1",
			}, nil
		}
		return awsv2.Endpoint{}, &awsv2.EndpointNotFoundError{}
	})
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"), config.WithEndpointResolverWithOptions(resolver))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// v2override.notFoundResolver: EndpointNotFoundError falls back to the
// rules.
func CaseV2ResolverNotFound() any {
	resolver := awsv2.EndpointResolverWithOptionsFunc(func(service, region string, options ...interface{}) (awsv2.Endpoint, error) {
		return awsv2.Endpoint{}, &awsv2.EndpointNotFoundError{}
	})
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("us-east-1"), config.WithEndpointResolverWithOptions(resolver))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// v2override.stsEndpointResolverFunc.
func CaseV2STSEndpointResolverFunc() any {
	return stsv2.New(stsv2.Options{
		Region:      "eu-west-1",
		Credentials: awsv2.AnonymousCredentials{},
		EndpointResolver: stsv2.EndpointResolverFunc(func(region string, options stsv2.EndpointResolverOptions) (awsv2.Endpoint, error) {
			return awsv2.Endpoint{URL: "https://sts.amazonaws.com/", SigningRegion: "us-east-1"}, nil // want "STS007"
		}),
	})
}

// globalV2 is v2override.fallbackResolver: UseGlobalEndpoint when no
// Region is known.
type globalV2 struct{ next stsv2.EndpointResolverV2 }

func (r globalV2) ResolveEndpoint(ctx context.Context, params stsv2.EndpointParameters) (smithyendpoints.Endpoint, error) {
	if params.Region == nil || *params.Region == "" {
		params.Region = awsv2.String("us-east-1")
		params.UseGlobalEndpoint = awsv2.Bool(true) // want "STS007"
	}
	return r.next.ResolveEndpoint(ctx, params)
}

// UseGlobalEndpoint needs a legacy Region: with us-east-1 set by the
// resolver, the client without a Region calls the global host.
//
//truth:include globalV2.ResolveEndpoint
func CaseV2UseGlobalEndpoint() any {
	return stsv2.New(stsv2.Options{
		Credentials:        awsv2.AnonymousCredentials{},
		EndpointResolverV2: globalV2{next: stsv2.NewDefaultEndpointResolverV2()},
	})
}

// The same resolver on a client with a Region is never asked to go global.
func CaseV2UseGlobalEndpointNotReached() any {
	return stsv2.New(stsv2.Options{
		Region:             "eu-west-1",
		Credentials:        awsv2.AnonymousCredentials{},
		EndpointResolverV2: globalV2{next: stsv2.NewDefaultEndpointResolverV2()},
	})
}
