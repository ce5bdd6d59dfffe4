package hardcoded

import "testing"

func TestGlobalEndpointEnv(t *testing.T) {
	t.Setenv("AWS_ENDPOINT_URL_STS", "https://sts.amazonaws.com") // want "STS001"
	t.Setenv("AWS_REGION", "eu-west-1")
	t.Setenv("TOKEN_AUDIENCE", "sts.amazonaws.com")
	t.Setenv("AWS_ENDPOINT_URL_STS", "https://sts.eu-west-1.amazonaws.com")
}
