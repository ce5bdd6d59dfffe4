package hardcoded

import (
	"context"
	"fmt"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// --- sts.Options{BaseEndpoint: ...} ---

func v2OptionsLiteral() *sts.Client {
	return sts.New(sts.Options{
		Region:       "eu-west-1",
		BaseEndpoint: awsv2.String("https://sts.amazonaws.com"), // want "STS001"
	})
}

func v2OptionsLiteralConst() sts.Options {
	return sts.Options{BaseEndpoint: awsv2.String(globalURL)} // want "STS001"
}

// --- o.BaseEndpoint = ... ---

func v2OptFn(cfg awsv2.Config) *sts.Client {
	return sts.NewFromConfig(cfg, func(o *sts.Options) {
		o.BaseEndpoint = awsv2.String("https://sts.amazonaws.com") // want "STS001"
	})
}

func v2OptFnNamed(cfg awsv2.Config) *sts.Client {
	useGlobal := func(o *sts.Options) {
		o.BaseEndpoint = awsv2.String(scheme + globalHost + "/") // want "STS001"
	}
	return sts.NewFromConfig(cfg, useGlobal)
}

// --- aws.Config{BaseEndpoint: ...} ---

func v2AWSConfig() awsv2.Config {
	return awsv2.Config{
		Region:       "eu-west-1",
		BaseEndpoint: awsv2.String("https://sts.amazonaws.com"), // want "STS001"
	}
}

func v2AWSConfigAssign(cfg awsv2.Config) *sts.Client {
	cfg.BaseEndpoint = awsv2.String(globalURL) // want "STS001"
	return sts.NewFromConfig(cfg)
}

// --- config.WithBaseEndpoint ---

func v2WithBaseEndpoint(ctx context.Context) (*sts.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx,
		config.WithRegion("eu-west-1"),
		config.WithBaseEndpoint("https://sts.amazonaws.com"), // want "STS001"
	)
	if err != nil {
		return nil, err
	}
	return sts.NewFromConfig(cfg), nil
}

func v2WithBaseEndpointSprintf(ctx context.Context) (awsv2.Config, error) {
	return config.LoadDefaultConfig(ctx, config.WithBaseEndpoint(fmt.Sprintf("%s%s", scheme, globalHost))) // want "STS001"
}

// --- sts.EndpointResolverFromURL ---

func v2ResolverFromURL(cfg awsv2.Config) *sts.Client {
	return sts.NewFromConfig(cfg, sts.WithEndpointResolver(sts.EndpointResolverFromURL("https://sts.amazonaws.com"))) // want "STS001"
}

func v2ResolverFromURLOpts() sts.EndpointResolver {
	return sts.EndpointResolverFromURL(globalHost, func(e *awsv2.Endpoint) { // want "STS001"
		e.SigningRegion = "us-east-1"
	})
}

// --- aws.Endpoint{URL: ...} outside a resolver func ---

func v2StaticEndpoint() awsv2.Endpoint {
	return awsv2.Endpoint{
		URL:           "https://sts.amazonaws.com", // want "STS001"
		SigningRegion: "us-east-1",
	}
}

// --- negatives ---

func v2Negatives(ctx context.Context, cfg awsv2.Config, region string) {
	_ = sts.New(sts.Options{Region: "eu-west-1", BaseEndpoint: awsv2.String("https://sts.eu-west-1.amazonaws.com")})
	_ = sts.New(sts.Options{Region: region, BaseEndpoint: awsv2.String("https://sts." + region + ".amazonaws.com")})
	_ = sts.NewFromConfig(cfg, func(o *sts.Options) {
		o.BaseEndpoint = awsv2.String("https://vpce-0abc-xyz.sts.eu-west-1.vpce.amazonaws.com")
	})
	_ = sts.NewFromConfig(cfg, func(o *sts.Options) {
		o.BaseEndpoint = awsv2.String("http://localhost:4566")
	})
	_ = sts.NewFromConfig(cfg, sts.WithEndpointResolver(sts.EndpointResolverFromURL("https://sts.us-gov-west-1.amazonaws.com")))
	_ = sts.NewFromConfig(cfg, sts.WithEndpointResolver(sts.EndpointResolverFromURL("https://sts.cn-north-1.amazonaws.com.cn")))
	_, _ = config.LoadDefaultConfig(ctx, config.WithBaseEndpoint("https://sts-fips.us-east-1.amazonaws.com"))
	_, _ = config.LoadDefaultConfig(ctx, config.WithBaseEndpoint("https://sts.us-east-1.api.aws"))
	_, _ = config.LoadDefaultConfig(ctx, config.WithBaseEndpoint("https://sts.amazonaws.com.example.org"))
	_ = awsv2.Config{BaseEndpoint: awsv2.String(fmt.Sprintf("https://sts.%s/v1/token", region))}
	_ = awsv2.Endpoint{URL: "https://sts.eu-west-1.amazonaws.com", SigningRegion: "eu-west-1"}
	_ = awsv2.Endpoint{URL: "https://login.microsoftonline.com", SigningName: "sts.windows.net"}
}
