package findings

import (
	"context"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
)

// PinnedGlobal overrides the v2 client's endpoint with the global host
// (STS001).
func PinnedGlobal(ctx context.Context) (*stsv2.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("eu-west-1"))
	if err != nil {
		return nil, err
	}
	return stsv2.NewFromConfig(cfg, func(o *stsv2.Options) {
		o.BaseEndpoint = awsv2.String("https://sts.amazonaws.com")
	}), nil
}
