// Package v1clients holds STS002 / STS003 cases and their clean
// counterparts for aws-sdk-go v1 STS clients and credential providers.
package v1clients

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/client"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

const roleARN = "arn:aws:iam::123456789012:role/example"

// --- STS002: no Region anywhere, no regional setting ---

func noArgsSession() {
	sess := session.Must(session.NewSession())
	svc := sts.New(sess) // want "STS002"
	_ = svc
}

func emptyConfigSession() {
	sess, err := session.NewSession(&aws.Config{})
	if err != nil {
		return
	}
	_ = sts.New(sess) // want "STS002"
}

func inlineSession() *sts.STS {
	return sts.New(session.Must(session.NewSession())) // want "STS002"
}

func deprecatedNewNoRegion() *sts.STS {
	return sts.New(session.New()) // want "STS002"
}

func optionsNoRegion() *sts.STS {
	sess := session.Must(session.NewSessionWithOptions(session.Options{
		SharedConfigState: session.SharedConfigEnable,
	}))
	return sts.New(sess) // want "STS002"
}

func paramSession(sess *session.Session) *sts.STS {
	return sts.New(sess) // want "STS002"
}

func paramProvider(p client.ConfigProvider) *sts.STS {
	return sts.New(p) // want "STS002"
}

// A per-client config that sets neither Region nor the regional setting.
func paramSessionWithUnrelatedConfig(sess *session.Session) *sts.STS {
	return sts.New(sess, &aws.Config{MaxRetries: aws.Int(3)}) // want "STS002"
}

func defaultSession() *session.Session {
	return session.Must(session.NewSession())
}

func helperSession() *sts.STS {
	sess := defaultSession()
	return sts.New(sess) // want "STS002"
}

func helperSessionInline() *sts.STS {
	return sts.New(defaultSession()) // want "STS002"
}

func assumeRoleNoRegion() {
	sess := session.Must(session.NewSession())
	creds := stscreds.NewCredentials(sess, roleARN) // want "STS002"
	_ = creds
}

func assumeRoleWithOptionsNoRegion(sess *session.Session) {
	creds := stscreds.NewCredentials(sess, roleARN, func(p *stscreds.AssumeRoleProvider) { // want "STS002"
		p.RoleSessionName = "example"
	})
	_ = creds
}

func webIdentityNoRegion(sess *session.Session) {
	creds := stscreds.NewWebIdentityCredentials(sess, roleARN, "session", "/var/run/secrets/token") // want "STS002"
	_ = creds
}

// Two clients from one session: each call is reported.
func twoClients() {
	sess := session.Must(session.NewSession())
	a := sts.New(sess) // want "STS002"
	b := sts.New(sess) // want "STS002"
	_, _ = a, b
}

// The provably-global client feeds NewCredentialsWithClient: the inner
// sts.New is the finding, NewCredentialsWithClient is not.
func withClientFromGlobal() {
	sess := session.Must(session.NewSession())
	creds := stscreds.NewCredentialsWithClient(sts.New(sess), roleARN) // want "STS002"
	_ = creds
}

// A package-level function variable holding the SDK constructor.
var newSTS = sts.New

func viaFuncVar(sess *session.Session) *sts.STS {
	return newSTS(sess) // want "STS002"
}
