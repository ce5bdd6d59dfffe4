package lastuse

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// The resolver option is deleted; sts and aws stay in use.
func kept(ctx context.Context) (*sts.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("eu-west-1"))
	if err != nil {
		return nil, err
	}
	_ = aws.String("x")
	return sts.NewFromConfig(cfg, sts.WithEndpointResolver(sts.EndpointResolverFromURL("https://sts.amazonaws.com"))), nil // want `STS001`
}
