package forward

import (
	"context"
	"fmt"
	"net/url"

	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
)

// globalURI is the global STS endpoint as a v2 resolver would return it.
var globalURI = url.URL{Scheme: "https", Host: "sts.amazonaws.com"} // want "STS001"

// guardResolver wraps the default v2 resolver and refuses the global
// endpoint: globalURI is only compared.
type guardResolver struct{}

// ResolveEndpoint resolves with the SDK's rules and rejects the global URI.
func (guardResolver) ResolveEndpoint(ctx context.Context, p stsv2.EndpointParameters) (smithyendpoints.Endpoint, error) {
	ep, err := stsv2.NewDefaultEndpointResolverV2().ResolveEndpoint(ctx, p)
	if err == nil && ep.URI.Host == globalURI.Host {
		return ep, fmt.Errorf("refusing %s", globalURI.String())
	}
	return ep, err
}

// pinResolver returns globalURI for every STS call.
type pinResolver struct{}

// ResolveEndpoint returns the global endpoint.
func (pinResolver) ResolveEndpoint(context.Context, stsv2.EndpointParameters) (smithyendpoints.Endpoint, error) {
	return smithyendpoints.Endpoint{URI: globalURI}, nil
}

// A v2 resolver that compares the resolved host with the global one.
//
//truth:include guardResolver.ResolveEndpoint
func CaseV2ResolverComparesGlobal() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg, func(o *stsv2.Options) { o.EndpointResolverV2 = guardResolver{} })
}

// A v2 resolver that returns the same global URI.
//
//truth:include pinResolver.ResolveEndpoint
func CaseV2ResolverReturnsGlobal() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg, func(o *stsv2.Options) { o.EndpointResolverV2 = pinResolver{} })
}
