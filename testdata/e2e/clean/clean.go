// Package clean uses STS the regional way: stsregional reports nothing here.
package clean

import (
	"context"

	v1aws "github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	v1sts "github.com/aws/aws-sdk-go/service/sts"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// V1 builds a v1 STS client that uses the regional endpoint.
func V1() *v1sts.STS {
	sess := session.Must(session.NewSession(&v1aws.Config{
		Region:              v1aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	return v1sts.New(sess)
}

// V2 builds a v2 STS client; v2 is regional by default.
func V2(ctx context.Context) (*sts.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("eu-west-1"))
	if err != nil {
		return nil, err
	}
	return sts.NewFromConfig(cfg), nil
}
