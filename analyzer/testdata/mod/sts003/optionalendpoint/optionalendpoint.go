// Package optionalendpoint holds helpers whose Endpoint comes from a
// parameter. aws-sdk-go v1 uses a non-empty Endpoint as is and resolves STS
// itself when it is empty (aws/session/session.go resolveEndpoint), so an
// endpoint parameter that callers may leave empty is an optional override:
// on that path the session's STS setting decides.
package optionalendpoint

import (
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

type scalerMetadata struct {
	region   string
	endpoint string
	roleARN  string
}

// --- the endpoint parameter may be empty: reported ---

func getConfig(region, endpoint, roleARN string) *aws.Config {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:   aws.String(region),
		Endpoint: aws.String(endpoint),
	}))
	creds := stscreds.NewCredentials(sess, roleARN) // want "STS003"
	return &aws.Config{Region: aws.String(region), Credentials: creds}
}

func newScaler(meta scalerMetadata) *aws.Config {
	return getConfig(meta.region, meta.endpoint, meta.roleARN)
}

// --- the endpoint is provably non-empty: an explicit override, not reported ---

func guarded(region, endpoint string) *sts.STS {
	cfg := &aws.Config{Region: aws.String(region)}
	if endpoint != "" {
		cfg.Endpoint = aws.String(endpoint)
		return sts.New(session.Must(session.NewSession(cfg)))
	}
	return nil
}

func callGuarded(meta scalerMetadata) *sts.STS {
	return guarded(meta.region, meta.endpoint)
}

func formatted(region string) *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:   aws.String(region),
		Endpoint: aws.String(fmt.Sprintf("https://sts.%s.amazonaws.com", region)),
	}))
	return sts.New(sess)
}

func concatenated(region string) *sts.STS {
	endpoint := "https://sts." + region + ".amazonaws.com"
	sess := session.Must(session.NewSession(&aws.Config{
		Region:   aws.String(region),
		Endpoint: aws.String(endpoint),
	}))
	return sts.New(sess)
}

// CaseFromEnvironment: the program's own run-time configuration (an environment variable read
// here): code that sets the Endpoint from it means it, and the analyzer
// trusts it as set (unset, v1 would resolve STS itself: README, Limits).
//
//truth:env AWS_REGION=us-east-1 APP_STS_ENDPOINT=https://sts.eu-west-1.amazonaws.com
func CaseFromEnvironment() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:   aws.String(os.Getenv("AWS_REGION")),
		Endpoint: aws.String(os.Getenv("APP_STS_ENDPOINT")),
	}))
	return sts.New(sess)
}

// CaseGuardShadowed: the guard tests the parameter endpoint, but the
// Endpoint stored is a shadowing variable of the same name, empty unless
// override is set: the test proves nothing about it (operands are compared
// by their objects, not their names), and the empty Endpoint leaves the
// legacy default, global for us-east-1.
//
//truth:env AWS_REGION=us-east-1
//truth:include guardShadowed
func CaseGuardShadowed() any {
	return guardShadowed(os.Getenv("AWS_REGION"), "https://sts.eu-west-1.amazonaws.com", false) // want "STS003"
}

func guardShadowed(region, endpoint string, override bool) *sts.STS {
	cfg := &aws.Config{Region: aws.String(region)}
	if endpoint != "" {
		endpoint := ""
		if override {
			endpoint = "https://sts.eu-west-2.amazonaws.com"
		}
		cfg.Endpoint = aws.String(endpoint)
		return sts.New(session.Must(session.NewSession(cfg)))
	}
	return nil
}

func use() {
	_ = newScaler(scalerMetadata{})
	_ = callGuarded(scalerMetadata{})
	_ = formatted("eu-west-1")
	_ = concatenated("eu-west-1")
	_ = CaseFromEnvironment()
}
