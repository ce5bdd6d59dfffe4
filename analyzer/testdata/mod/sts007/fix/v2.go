// Package v2 has a custom EndpointResolverV2 that forces the global host.
package v2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
)

type globalResolver struct{ next sts.EndpointResolverV2 }

func (r globalResolver) ResolveEndpoint(ctx context.Context, params sts.EndpointParameters) (smithyendpoints.Endpoint, error) {
	params.UseGlobalEndpoint = aws.Bool(true) // want `STS007`
	return r.next.ResolveEndpoint(ctx, params)
}

func literal() sts.EndpointParameters {
	return sts.EndpointParameters{Region: aws.String("eu-west-1"), UseGlobalEndpoint: aws.Bool(true)} // want `STS007`
}
