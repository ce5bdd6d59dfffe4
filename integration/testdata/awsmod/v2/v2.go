// Package v2 pins aws-sdk-go-v2 STS clients to the global endpoint.
package v2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
)

// PinnedGlobal overrides the client's endpoint with the global host: STS001.
func PinnedGlobal(ctx context.Context) (*sts.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("eu-west-1"))
	if err != nil {
		return nil, err
	}
	return sts.NewFromConfig(cfg, func(o *sts.Options) {
		o.BaseEndpoint = aws.String("https://sts.amazonaws.com")
	}), nil
}

type globalResolver struct{ next sts.EndpointResolverV2 }

// ResolveEndpoint forces the global endpoint: STS007.
func (r globalResolver) ResolveEndpoint(ctx context.Context, params sts.EndpointParameters) (smithyendpoints.Endpoint, error) {
	params.UseGlobalEndpoint = aws.Bool(true)
	return r.next.ResolveEndpoint(ctx, params)
}

var _ sts.EndpointResolverV2 = globalResolver{}
