package hardcoded

import (
	"context"
	"fmt"
	"os"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
)

// AWS_ENDPOINT_URL_STS is read when an aws-sdk-go-v2 STS client is built
// (sts.NewFromConfig → resolveBaseEndpoint → EnvConfig.GetServiceBaseEndpoint,
// os.Getenv at that moment). Set after the function's client is built and
// with nothing after it that builds another: too late, no finding.
func CaseEndpointURLAfterClient() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	client := stsv2.NewFromConfig(cfg)
	_ = os.Setenv("AWS_ENDPOINT_URL_STS", "https://sts.amazonaws.com")
	fmt.Fprintln(os.Stderr, "endpoint override set")
	return client
}

// Set before the client: the client reads it.
func CaseEndpointURLBeforeClient() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	_ = os.Setenv("AWS_ENDPOINT_URL_STS", "https://sts.amazonaws.com") // want "STS001"
	return stsv2.NewFromConfig(cfg)
}

// After one client but before a second one: the second reads it.
func CaseEndpointURLBetweenClients() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	_ = stsv2.NewFromConfig(cfg)
	_ = os.Setenv("AWS_ENDPOINT_URL_STS", "https://sts.amazonaws.com") // want "STS001"
	return stsv2.NewFromConfig(cfg)
}

// After a client, then a helper of this package that builds another.
func CaseEndpointURLBeforeHelper() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	_ = stsv2.NewFromConfig(cfg)
	_ = os.Setenv("AWS_ENDPOINT_URL_STS", "https://sts.amazonaws.com") // want "STS001"
	return newEnvClient(cfg)
}

func newEnvClient(cfg awsv2.Config) *stsv2.Client { return stsv2.NewFromConfig(cfg) }

// A loop builds a client on every iteration: the Setenv at the end of one
// iteration reaches the client of the next.
func CaseEndpointURLInLoop() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	var client *stsv2.Client
	for i := 0; i < 2; i++ {
		client = stsv2.NewFromConfig(cfg)
		_ = os.Setenv("AWS_ENDPOINT_URL_STS", "https://sts.amazonaws.com") // want "STS001"
	}
	return client
}

// AWS_ENDPOINT_URL is read by LoadDefaultConfig into BaseEndpoint; set
// after it, sts.NewFromConfig ignores it (resolveBaseEndpoint returns early
// when AWS_ENDPOINT_URL is set and AWS_ENDPOINT_URL_STS is not): no finding.
func CaseGeneralEndpointURLAfterLoad() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	_ = os.Setenv("AWS_ENDPOINT_URL", "https://sts.amazonaws.com")
	return stsv2.NewFromConfig(cfg)
}

// Set after a client only on some paths: the other path builds its client
// after the Setenv.
func CaseEndpointURLAfterClientOnOnePath() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	var client *stsv2.Client
	if os.Getenv("EARLY") != "" {
		client = stsv2.NewFromConfig(cfg)
	}
	_ = os.Setenv("AWS_ENDPOINT_URL_STS", "https://sts.amazonaws.com") // want "STS001"
	if client == nil {
		client = stsv2.NewFromConfig(cfg)
	}
	return client
}
