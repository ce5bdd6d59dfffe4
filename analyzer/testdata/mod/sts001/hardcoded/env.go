package hardcoded

import (
	"os"
	"testing"
)

// EnvVar mirrors corev1.EnvVar: string fields Name and Value.
type EnvVar struct {
	Name  string
	Value string
}

func envSetenv() {
	_ = os.Setenv("AWS_ENDPOINT_URL_STS", "https://sts.amazonaws.com") // want "STS001"
	_ = os.Setenv("AWS_ENDPOINT_URL", globalURL)                       // want "STS001"
}

func envTSetenv(t *testing.T) {
	t.Setenv("AWS_ENDPOINT_URL_STS", "https://sts.amazonaws.com/") // want "STS001"
}

func envVars() []EnvVar {
	return []EnvVar{
		{Name: "AWS_ENDPOINT_URL_STS", Value: "https://sts.amazonaws.com"}, // want "STS001"
		{
			Name:  "AWS_ENDPOINT_URL",
			Value: scheme + globalHost, // want "STS001"
		},
		// negatives
		{Name: "AWS_ENDPOINT_URL_STS", Value: "https://sts.eu-west-1.amazonaws.com"},
		{Name: "TOKEN_AUDIENCE", Value: "sts.amazonaws.com"},
		{Name: "AWS_REGION", Value: "eu-west-1"},
	}
}

func envNegatives(t *testing.T, region string) {
	_ = os.Setenv("AWS_ENDPOINT_URL_STS", "https://sts.eu-west-1.amazonaws.com")
	_ = os.Setenv("AWS_ENDPOINT_URL_STS", "https://sts."+region+".amazonaws.com")
	_ = os.Setenv("AWS_ENDPOINT_URL", "http://localhost:4566")
	_ = os.Setenv("TOKEN_AUDIENCE", "sts.amazonaws.com")
	_ = os.Setenv("OIDC_AUDIENCE", globalURL)
	t.Setenv("AWS_ENDPOINT_URL_STS", "https://vpce-0abc-xyz.sts.eu-west-1.vpce.amazonaws.com")
	t.Setenv("AUDIENCE", "sts.amazonaws.com")
	_ = os.Getenv("AWS_ENDPOINT_URL_STS") == "https://sts.amazonaws.com"
}
