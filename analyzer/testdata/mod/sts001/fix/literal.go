// Package literal pins endpoints to the global host.
package literal

import (
	"context"
	"os"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
)

const globalURL = "https://sts.amazonaws.com"

func v1(cfg *aws.Config) {
	_ = &aws.Config{Region: aws.String("eu-west-1"), Endpoint: aws.String(globalURL)}                              // want `STS001`
	_ = &aws.Config{Endpoint: aws.String("sts.amazonaws.com"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint} // want `STS001`
	cfg.Endpoint = aws.String(globalURL)                                                                           // want `STS001`
	_ = aws.NewConfig().WithRegion("eu-west-1").WithEndpoint("https://STS.amazonaws.com:443/")                     // want `STS001`
}

func v2(ctx context.Context) error {
	cfg, err := config.LoadDefaultConfig(ctx,
		config.WithRegion("eu-west-1"),
		config.WithBaseEndpoint(globalURL), // want `STS001`
	)
	if err != nil {
		return err
	}
	_ = stsv2.NewFromConfig(cfg, func(o *stsv2.Options) {
		o.Region = "eu-west-1"
		o.BaseEndpoint = awsv2.String(globalURL) // want `STS001`
	})
	_ = stsv2.New(stsv2.Options{
		Region:       "eu-west-1",
		BaseEndpoint: awsv2.String(globalURL), // want `STS001`
	})
	_ = stsv2.NewFromConfig(cfg, stsv2.WithEndpointResolver(stsv2.EndpointResolverFromURL(globalURL))) // want `STS001`
	_ = awsv2.Config{BaseEndpoint: awsv2.String(globalURL)}                                            // want `STS001`
	return nil
}

func env() {
	os.Setenv("AWS_ENDPOINT_URL_STS", globalURL) // want `STS001`
}

func optionOnly(cfg awsv2.Config) *stsv2.Client {
	return stsv2.NewFromConfig(cfg, func(o *stsv2.Options) {
		o.BaseEndpoint = awsv2.String(globalURL) // want `STS001`
	})
}
