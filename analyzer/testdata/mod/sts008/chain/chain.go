// Package chain holds STS008 cases: aws-sdk-go v1 sessions whose default
// credential chain builds an STS client of its own. The web identity runs
// set AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE (as IRSA on EKS does)
// and remove the harness's static keys, which the chain would prefer
// (aws/session/credentials.go resolveCredentials: environment keys first,
// then web identity). Each case returns the session's credentials, which
// the runner retrieves: the first thing a client of any service does.
package chain

import (
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// A session that never reaches sts.New still builds an STS client when
// the environment selects web identity credentials: NewSession resolves
// AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE into a
// stscreds.WebIdentityRoleProvider on sts.New with the session's own
// config (aws/session/credentials.go assumeWebIdentity), so the legacy
// default sends AssumeRoleWithWebIdentity to the global host in
// eu-west-1. (Moved from flow/sdkfacts, where today's analyzer missed it.)
//
//truth:enable STS008
//truth:env AWS_ACCESS_KEY_ID= AWS_SECRET_ACCESS_KEY= AWS_ROLE_ARN=arn:aws:iam::123456789012:role/irsa AWS_WEB_IDENTITY_TOKEN_FILE=$HOME/token
func CaseV1SessionWebIdentityEnv() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")})) // want "STS008"
	return sess.Config.Credentials
}

// The same session with the regional setting: the hidden client is
// regional.
//
//truth:enable STS008
//truth:env AWS_ACCESS_KEY_ID= AWS_SECRET_ACCESS_KEY= AWS_ROLE_ARN=arn:aws:iam::123456789012:role/irsa AWS_WEB_IDENTITY_TOKEN_FILE=$HOME/token
func CaseV1SessionWebIdentityEnvRegional() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	return sess.Config.Credentials
}

// NewSessionWithOptions resolves the same chain.
//
//truth:enable STS008
//truth:env AWS_ACCESS_KEY_ID= AWS_SECRET_ACCESS_KEY= AWS_ROLE_ARN=arn:aws:iam::123456789012:role/irsa AWS_WEB_IDENTITY_TOKEN_FILE=$HOME/token
func CaseWithOptionsWebIdentity() any {
	sess := session.Must(session.NewSessionWithOptions(session.Options{ // want "STS008"
		Config: aws.Config{Region: aws.String("us-east-1")},
	}))
	return sess.Config.Credentials
}

// The Region from the environment of the run: a legacy one goes global.
//
//truth:enable STS008
//truth:env AWS_ACCESS_KEY_ID= AWS_SECRET_ACCESS_KEY= AWS_ROLE_ARN=arn:aws:iam::123456789012:role/irsa AWS_WEB_IDENTITY_TOKEN_FILE=$HOME/token AWS_REGION=us-west-2
func CaseRegionFromEnvironment() any {
	sess, err := session.NewSession() // want "STS008"
	if err != nil {
		return err
	}
	return sess.Config.Credentials
}

// A Region read at run time, one of whose values is a legacy Region.
//
//truth:enable STS008
//truth:env AWS_ACCESS_KEY_ID= AWS_SECRET_ACCESS_KEY= AWS_ROLE_ARN=arn:aws:iam::123456789012:role/irsa AWS_WEB_IDENTITY_TOKEN_FILE=$HOME/token APP_REGION=ap-east-1
//truth:env AWS_ACCESS_KEY_ID= AWS_SECRET_ACCESS_KEY= AWS_ROLE_ARN=arn:aws:iam::123456789012:role/irsa AWS_WEB_IDENTITY_TOKEN_FILE=$HOME/token APP_REGION=eu-central-1
func CaseRuntimeRegion() any {
	sess := session.Must(session.NewSession(aws.NewConfig().WithRegion(os.Getenv("APP_REGION")))) // want "STS008"
	return sess.Config.Credentials
}

// A constant Region outside the legacy list: the hidden client is
// regional in legacy mode too (aws/endpoints/v3model.go
// isLegacyGlobalRegion).
//
//truth:enable STS008
//truth:env AWS_ACCESS_KEY_ID= AWS_SECRET_ACCESS_KEY= AWS_ROLE_ARN=arn:aws:iam::123456789012:role/irsa AWS_WEB_IDENTITY_TOKEN_FILE=$HOME/token
func CaseOutsideLegacyList() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("ap-east-1")}))
	return sess.Config.Credentials
}

// Credentials set in code: the chain is not resolved (session.go
// mergeConfigSrcs: userCfg.Credentials != nil), nothing calls STS.
//
//truth:enable STS008
//truth:env AWS_ACCESS_KEY_ID= AWS_SECRET_ACCESS_KEY= AWS_ROLE_ARN=arn:aws:iam::123456789012:role/irsa AWS_WEB_IDENTITY_TOKEN_FILE=$HOME/token
//truth:nohost static credentials send no request
func CaseStaticCredentials() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:      aws.String("eu-west-1"),
		Credentials: credentials.NewStaticCredentials("AKID", "SECRET", ""),
	}))
	return sess.Config.Credentials
}

// The same through WithCredentials.
//
//truth:enable STS008
//truth:env AWS_ACCESS_KEY_ID= AWS_SECRET_ACCESS_KEY= AWS_ROLE_ARN=arn:aws:iam::123456789012:role/irsa AWS_WEB_IDENTITY_TOKEN_FILE=$HOME/token
//truth:nohost static credentials send no request
func CaseWithCredentials() any {
	cfg := aws.NewConfig().WithRegion("eu-west-1").WithCredentials(credentials.NewStaticCredentials("AKID", "SECRET", ""))
	sess := session.Must(session.NewSession(cfg))
	return sess.Config.Credentials
}

// session.New without AWS_SDK_LOAD_CONFIG uses defaults.CredChain
// (environment, shared credentials file, EC2/ECS role), which has no web
// identity provider: nothing calls STS (the harness disables EC2
// metadata, so retrieval fails without a request).
//
//truth:enable STS008
//truth:env AWS_ACCESS_KEY_ID= AWS_SECRET_ACCESS_KEY= AWS_ROLE_ARN=arn:aws:iam::123456789012:role/irsa AWS_WEB_IDENTITY_TOKEN_FILE=$HOME/token
//truth:nohost session.New's chain has no STS provider
func CaseDeprecatedNew() any {
	sess := session.New(&aws.Config{Region: aws.String("eu-west-1")})
	return sess.Config.Credentials
}

// The program sets the regional mode before the session is built: the
// hidden client is regional.
//
//truth:enable STS008
//truth:env AWS_ACCESS_KEY_ID= AWS_SECRET_ACCESS_KEY= AWS_ROLE_ARN=arn:aws:iam::123456789012:role/irsa AWS_WEB_IDENTITY_TOKEN_FILE=$HOME/token
func CaseRegionalEnvBefore() any {
	_ = os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sess.Config.Credentials
}

// A session whose STS client is reported as STS003 is one defect with one
// fix at the session: no STS008 on top.
//
//truth:enable STS008
func CaseClientReportedAlready() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sts.New(sess) // want "STS003"
}

// A regional STS client does not make the session regional: its own
// credential chain still uses the session's legacy default.
//
//truth:enable STS008
//truth:env AWS_ACCESS_KEY_ID= AWS_SECRET_ACCESS_KEY= AWS_ROLE_ARN=arn:aws:iam::123456789012:role/irsa AWS_WEB_IDENTITY_TOKEN_FILE=$HOME/token
func CaseRegionalClientLegacySession() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")})) // want "STS008"
	return sts.New(sess, &aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint})
}

// A helper that builds the session for the rest of the program.
func newSession() *session.Session {
	return session.Must(session.NewSession()) // want "STS008"
}

// The explicit legacy mode is STS004's, in a legacy Region.
func legacySession() *session.Session {
	return session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.LegacySTSEndpoint, // want "STS004"
	}))
}

// An explicit Endpoint decides the host for every service, the hidden STS
// client included.
func endpointSession() *session.Session {
	return session.Must(session.NewSession(&aws.Config{Endpoint: aws.String("http://localhost:4566")}))
}
