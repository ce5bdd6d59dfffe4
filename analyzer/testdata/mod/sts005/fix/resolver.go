// Package resolver has custom resolvers returning the global endpoint.
package resolver

import (
	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
)

var v1 = endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
	if service == "sts" {
		return endpoints.ResolvedEndpoint{URL: "https://sts.amazonaws.com", SigningRegion: "us-east-1"}, nil // want `STS005`
	}
	return endpoints.DefaultResolver().EndpointFor(service, region, opts...)
})

var v2 = awsv2.EndpointResolverWithOptionsFunc(func(service, region string, options ...interface{}) (awsv2.Endpoint, error) {
	if service == "STS" {
		return awsv2.Endpoint{URL: "https://sts.amazonaws.com/"}, nil // want `STS007`
	}
	return awsv2.Endpoint{}, &awsv2.EndpointNotFoundError{}
})

func resolve(region string) (endpoints.ResolvedEndpoint, error) {
	return endpoints.DefaultResolver().EndpointFor("sts", region) // want `STS005`
}
