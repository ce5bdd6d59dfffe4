package related

import (
	"context"
	"net/http"
	"os"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// Clients from the session of sessions.go, in another function and file.
func clients() (any, any) {
	return sts.New(legacySess), stscreds.NewCredentials(legacySess, "arn:aws:iam::123456789012:role/r") // want `STS002: v1 STS client` `STS002: v1 STS credential provider`
}

// The session and its clients in one function, on different lines.
func sameFunction() (any, any) {
	region := os.Getenv("APP_REGION")
	var sess *session.Session
	if region != "" {
		sess = session.Must(session.NewSession(&aws.Config{Region: aws.String(region), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	} else {
		sess = session.Must(session.NewSession())
	}
	svc := sts.New(sess) // want `STS002: .* when region != "" is false`
	creds := stscreds.NewCredentialsWithClient(svc, "arn:aws:iam::123456789012:role/r")
	return svc, creds
}

// Both ends in one expression: no related location.
func oneExpression() any {
	return sts.New(session.Must(session.NewSession())) // want `STS002`
}

// A v2 config with Region aws-global, its client and presign client on
// later lines.
func awsGlobal(ctx context.Context) (any, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("aws-global")) // want `STS006`
	if err != nil {
		return nil, err
	}
	svc := stsv2.NewFromConfig(cfg)
	return stsv2.NewPresignClient(svc), nil
}

// The global hosts of sessions.go reach a BaseEndpoint and a request here.
func sinks(cfg awsv2.Config) (*stsv2.Client, *http.Request, error) {
	svc := stsv2.NewFromConfig(cfg, func(o *stsv2.Options) { o.BaseEndpoint = stsEndpoint })
	req, err := http.NewRequest(http.MethodGet, endpointFromEnv(), nil)
	return svc, req, err
}

// The STS003 session of sessions.go.
func regionClient() any {
	return sts.New(regionSess) // want `STS003: .* is false`
}

// The client of an unconditional session is the finding itself; the
// provider over it, a line below, is its other route.
func bareClient() (any, any) {
	svc := sts.New(bareSess) // want `STS002`
	return svc, stscreds.NewCredentialsWithClient(svc, "arn:aws:iam::123456789012:role/r")
}

// An aws-sdk-go v1 session with Region aws-global, its client below.
func v1AwsGlobal() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("aws-global")})) // want `STS006`
	return sts.New(sess)
}

// newClient builds the client from its caller's session: a finding at a
// call of it points at the construction inside.
func newClient(s *session.Session) *sts.STS {
	return sts.New(s)
}

// helperCaller passes newClient a session without the setting.
func helperCaller() any {
	return newClient(session.Must(session.NewSession())) // want `STS002: v1 STS client \(built by newClient\)`
}
