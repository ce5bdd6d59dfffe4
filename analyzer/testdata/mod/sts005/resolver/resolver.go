// Package resolver holds STS005 cases: v1 endpoint resolution for sts
// without the regional option, and resolver funcs hard-coding the global URL.
package resolver

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

const stsID = "sts"

func defaultResolver(region string) (endpoints.ResolvedEndpoint, error) {
	return endpoints.DefaultResolver().EndpointFor("sts", region) // want "STS005"
}

func awsPartition(r string) string {
	ep, err := endpoints.AwsPartition().EndpointFor(endpoints.StsServiceID, r) // want "STS005"
	if err != nil {
		return ""
	}
	return ep.URL
}

// A Resolver parameter may hold the program's own resolver, which need not
// look at the options: not provably the SDK's, so not reported.
func resolverParam(resolver endpoints.Resolver, r string) (endpoints.ResolvedEndpoint, error) {
	return resolver.EndpointFor(sts.EndpointsID, r)
}

// A Resolver variable holding the SDK's default resolver is.
func resolverVar(r string) (endpoints.ResolvedEndpoint, error) {
	resolver := endpoints.DefaultResolver()
	return resolver.EndpointFor(sts.EndpointsID, r) // want "STS005"
}

func namedConstService(r string) (endpoints.ResolvedEndpoint, error) {
	return endpoints.DefaultResolver().EndpointFor(stsID, r) // want "STS005"
}

func withUnrelatedOption(r string) (endpoints.ResolvedEndpoint, error) {
	return endpoints.DefaultResolver().EndpointFor("sts", r, endpoints.StrictMatchingOption) // want "STS005"
}

// EndpointFor feeding an explicit Endpoint: the Endpoint overrides any
// STSRegionalEndpoint set in the same config.
func resolvedIntoEndpoint(region string) *aws.Config {
	ep, _ := endpoints.DefaultResolver().EndpointFor("sts", region) // want "STS005"
	return &aws.Config{Region: aws.String(region), Endpoint: aws.String(ep.URL), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}
}

// A custom resolver returning the global URL for sts.
func resolverFuncGlobal() *session.Session {
	return session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		EndpointResolver: endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
			if service == endpoints.StsServiceID {
				return endpoints.ResolvedEndpoint{
					URL:           "https://sts.amazonaws.com", // want "STS005"
					SigningRegion: "us-east-1",
				}, nil
			}
			return endpoints.DefaultResolver().EndpointFor(service, region, opts...)
		}),
	}))
}

const globalURL = "https://sts.amazonaws.com"

func resolverFuncVar() endpoints.Resolver {
	fn := endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
		if service == "sts" {
			return endpoints.ResolvedEndpoint{URL: globalURL, SigningRegion: "us-east-1"}, nil // want "STS005"
		}
		return endpoints.DefaultResolver().EndpointFor(service, region, opts...)
	})
	return fn
}

func useResolver(f endpoints.ResolverFunc) *aws.Config {
	return aws.NewConfig().WithEndpointResolver(f)
}

// A function literal passed where an endpoints.ResolverFunc is expected.
func resolverFuncPassed() *aws.Config {
	return useResolver(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
		return endpoints.ResolvedEndpoint{URL: "sts.amazonaws.com"}, nil // want "STS005"
	})
}

// A resolver that drops opts and resolves sts itself without the option.
func resolverDropsOpts() endpoints.Resolver {
	return endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
		if service == "sts" {
			return endpoints.DefaultResolver().EndpointFor("sts", region) // want "STS005"
		}
		return endpoints.DefaultResolver().EndpointFor(service, region, opts...)
	})
}

// --- negatives ---

func withRegionalOption(region string) (endpoints.ResolvedEndpoint, error) {
	return endpoints.DefaultResolver().EndpointFor("sts", region, endpoints.STSRegionalEndpointOption)
}

func partitionWithRegionalOption(r string) (endpoints.ResolvedEndpoint, error) {
	return endpoints.AwsPartition().EndpointFor(sts.EndpointsID, r, endpoints.StrictMatchingOption, endpoints.STSRegionalEndpointOption)
}

func withInlineRegionalOption(r string) (endpoints.ResolvedEndpoint, error) {
	return endpoints.DefaultResolver().EndpointFor("sts", r, func(o *endpoints.Options) {
		o.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
	})
}

func otherService(region string) (endpoints.ResolvedEndpoint, error) {
	return endpoints.DefaultResolver().EndpointFor("s3", region)
}

func otherServiceConst(region string) (endpoints.ResolvedEndpoint, error) {
	return endpoints.AwsPartition().EndpointFor(endpoints.S3ServiceID, region)
}

func forwardingResolver() endpoints.Resolver {
	return endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
		return endpoints.DefaultResolver().EndpointFor(service, region, opts...)
	})
}

func forcingRegionalResolver() endpoints.Resolver {
	return endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
		return endpoints.DefaultResolver().EndpointFor(service, region, append(opts, endpoints.STSRegionalEndpointOption)...)
	})
}

func regionalURLResolver() endpoints.Resolver {
	return endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
		if service == "sts" {
			return endpoints.ResolvedEndpoint{URL: "https://sts." + region + ".amazonaws.com", SigningRegion: region}, nil
		}
		return endpoints.DefaultResolver().EndpointFor(service, region, opts...)
	})
}

func localEndpointResolver() endpoints.Resolver {
	return endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
		return endpoints.ResolvedEndpoint{URL: "http://localhost:4566", SigningRegion: region}, nil
	})
}

// A verifier building an allow-list of STS hosts from the partition data.
func validHosts() map[string]bool {
	hosts := map[string]bool{}
	for _, p := range endpoints.DefaultPartitions() {
		for id, ep := range p.Services()["sts"].Endpoints() {
			re, err := ep.ResolveEndpoint(endpoints.STSRegionalEndpointOption)
			if err == nil {
				hosts[re.URL] = id != ""
			}
		}
	}
	return hosts
}
