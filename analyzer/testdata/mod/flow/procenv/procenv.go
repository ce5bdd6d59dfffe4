// Package procenv holds class 7 of issue 8: the process environment set
// with os.Setenv. AWS_STS_REGIONAL_ENDPOINTS counts only where it is set
// before the session is built (aws-sdk-go v1 reads it in NewSession), and
// aws-sdk-go-v2 ignores it entirely. Sub-packages initregional and
// initmixed hold the init-function cases.
package procenv

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// Set earlier in the same function: the session reads it.
func CaseSetBeforeSession() any {
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sts.New(sess)
}

// Set after the session: too late, the session already resolved the mode.
func CaseSetAfterSession() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	return sts.New(sess) // want "STS003"
}

// Set to regional, then to legacy before the session.
func CaseRegionalThenLegacy() any {
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "legacy") // want "STS004"
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sts.New(sess)
}

// session.New and the environment.
func CaseSetBeforeDeprecatedNew() any {
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	sess := session.New(&aws.Config{Region: aws.String("eu-west-1")})
	return sts.New(sess) // want "STS003"
}

// AWS_ENDPOINT_URL_STS set before LoadDefaultConfig pins the global host.
func CaseV2EndpointURLBeforeLoad() any {
	os.Setenv("AWS_ENDPOINT_URL_STS", "https://sts.amazonaws.com") // want "STS00[17]"
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// Set after LoadDefaultConfig but before the client: still global. The SDK
// contradicts the intuition that the configuration sources were read
// already: sts.NewFromConfig calls resolveBaseEndpoint, which asks the
// EnvConfig source, and EnvConfig.GetServiceBaseEndpoint calls os.Getenv at
// that moment (service/sts@v1.51.8 endpoints.go:205-221,
// config@v1.33.15 env_config.go:705-710).
func CaseV2EndpointURLAfterLoad() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	os.Setenv("AWS_ENDPOINT_URL_STS", "https://sts.amazonaws.com") // want "STS00[17]"
	return stsv2.NewFromConfig(cfg)
}

// Set after the client is built: its options are resolved already.
func CaseV2EndpointURLAfterClient() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	client := stsv2.NewFromConfig(cfg)
	os.Setenv("AWS_ENDPOINT_URL_STS", "https://sts.amazonaws.com")
	return client
}
