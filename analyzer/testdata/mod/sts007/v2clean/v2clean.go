// Package v2clean holds aws-sdk-go-v2 code that is regional: no findings.
package v2clean

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

func defaults(ctx context.Context) (*sts.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("us-east-1"))
	if err != nil {
		return nil, err
	}
	return sts.NewFromConfig(cfg), nil
}

func assumeRole(ctx context.Context, roleARN string) (aws.Config, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(os.Getenv("AWS_REGION")))
	if err != nil {
		return aws.Config{}, err
	}
	provider := stscreds.NewAssumeRoleProvider(sts.NewFromConfig(cfg), roleARN)
	cfg.Credentials = aws.NewCredentialsCache(provider)
	return cfg, nil
}

func webIdentity(ctx context.Context, roleARN, tokenFile string) (aws.Config, error) {
	return config.LoadDefaultConfig(ctx,
		config.WithRegion("eu-west-1"),
		config.WithWebIdentityRoleCredentialOptions(func(o *stscreds.WebIdentityRoleOptions) {
			o.RoleSessionName = "example"
		}),
		config.WithAssumeRoleCredentialOptions(func(o *stscreds.AssumeRoleOptions) {
			o.RoleSessionName = "example"
		}),
	)
}

func explicitOptions(region string) *sts.Client {
	return sts.New(sts.Options{Region: region}, func(o *sts.Options) {
		o.Region = "eu-west-1"
		o.EndpointOptions.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled
	})
}

func fipsAndDualStack(ctx context.Context) (aws.Config, error) {
	return config.LoadDefaultConfig(ctx,
		config.WithRegion("us-east-1"),
		config.WithUseFIPSEndpoint(aws.FIPSEndpointStateEnabled),
		config.WithUseDualStackEndpoint(aws.DualStackEndpointStateEnabled),
	)
}

func presign(ctx context.Context, cfg aws.Config) (string, error) {
	pc := sts.NewPresignClient(sts.NewFromConfig(cfg))
	req, err := pc.PresignGetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return "", err
	}
	return req.URL, nil
}

// The v1 environment setting has no effect on v2.
func envIgnored() {
	_ = os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	_ = os.Setenv("AWS_REGION", "us-east-1")
}
