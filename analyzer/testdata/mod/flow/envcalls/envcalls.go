// Package envcalls holds class 4 of issue 13: the process environment set
// or cleared through calls. aws-sdk-go v1 reads AWS_STS_REGIONAL_ENDPOINTS
// once, when session.NewSession builds the session (session.go:342-351 ->
// env_config.go:367), so what counts is whether a helper that sets it runs
// before or after the session is built, not where the helper is written.
// session.New does not read it at all unless AWS_SDK_LOAD_CONFIG is set
// (session.go:84-106, deprecatedNewSession :408). aws-sdk-go-v2 ignores it.
//
// Each twin differs in the order of one call: the ok one sets the variable
// (or keeps it) before the session, the bad one after, or not at all.
// Sub-packages hold package initialisation order: regionalinit and
// importsinit (an imported init runs first: ok), varbeforeinit (a package
// variable is initialised before the package's own init: bad), lowsess and
// upperinit (an importing package's init runs after the imported package's
// variables: bad). envcalls_test.go holds t.Setenv, which cannot be a
// truth case.
package envcalls

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// useRegional is the application's switch to regional STS endpoints.
func useRegional() {
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
}

// --- 1. helper before / after the session ---

// The switch runs before the session is built.
func CaseHelperBeforeSession() any {
	useRegional()
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sts.New(sess)
}

// The switch runs after the session is built: too late.
func CaseHelperAfterSession() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	useRegional()
	return sts.New(sess) // want "STS003"
}

// --- 2. a session helper that sets the variable itself ---

// newSessionRegional sets the variable, then builds the session.
func newSessionRegional() *session.Session {
	useRegional()
	return session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
}

// newSessionThenEnv builds the session, then sets the variable.
func newSessionThenEnv() *session.Session {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	useRegional()
	return sess
}

// The session helper sets the variable first.
func CaseSessionHelperSetsFirst() any {
	return sts.New(newSessionRegional())
}

// The session helper sets the variable last.
func CaseSessionHelperSetsLast() any {
	return sts.New(newSessionThenEnv()) // want "STS003"
}

// --- 3. defer ---

// configure defers the switch: it runs when configure returns, before
// the caller goes on.
func configure() {
	defer os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
}

// A deferred Setenv in a helper that returned before the session.
func CaseDeferInHelper() any {
	configure()
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sts.New(sess)
}

// A deferred Setenv in the function that builds the session: it runs after
// NewSession.
func CaseDeferInCaller() any {
	defer os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sts.New(sess) // want "STS003"
}

// --- 4. a setenv wrapper with the value as a parameter ---

// setenv is a wrapper an application uses for its settings.
func setenv(key, value string) {
	os.Setenv(key, value)
}

// The wrapper sets regional.
func CaseWrapperRegional() any {
	setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sts.New(sess)
}

// The wrapper sets legacy.
func CaseWrapperLegacy() any {
	setenv("AWS_STS_REGIONAL_ENDPOINTS", "legacy")
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sts.New(sess) // want "STS00[34]"
}

// --- 5. a helper that clears the environment ---

// resetEnv clears the variable, as test set-up or sandboxing code does.
func resetEnv() {
	os.Unsetenv("AWS_STS_REGIONAL_ENDPOINTS")
}

// The variable is cleared after the session read it.
func CaseUnsetAfterSession() any {
	useRegional()
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	resetEnv()
	return sts.New(sess)
}

// The variable is cleared before the session: legacy default.
func CaseUnsetBeforeSession() any {
	useRegional()
	resetEnv()
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sts.New(sess) // want "STS003"
}

// --- 6. session.New and session.NewSession read different settings ---

// session.NewSession reads the variable from the process environment:
// CaseHelperBeforeSession is the ok twin of CaseDeprecatedNewAfterHelper.

// session.New ignores it: without AWS_SDK_LOAD_CONFIG it calls
// deprecatedNewSession, which merges only the code configs
// (session.go:84-106, :408-440).
//
//truth:env AWS_STS_REGIONAL_ENDPOINTS=regional
func CaseDeprecatedNewIgnoresEnv() any {
	sess := session.New(&aws.Config{Region: aws.String("eu-west-1")})
	return sts.New(sess) // want "STS00[23]"
}

// With AWS_SDK_LOAD_CONFIG, session.New goes through NewSessionWithOptions
// and reads it (session.go:87-90); the program sets both.
func CaseDeprecatedNewWithLoadConfig() any {
	useRegional()
	os.Setenv("AWS_SDK_LOAD_CONFIG", "1")
	sess := session.New(&aws.Config{Region: aws.String("eu-west-1")})
	return sts.New(sess)
}

// session.New after a helper that sets the variable in the process: still
// ignored.
func CaseDeprecatedNewAfterHelper() any {
	useRegional()
	sess := session.New(&aws.Config{Region: aws.String("eu-west-1")})
	return sts.New(sess) // want "STS00[23]"
}

// --- 7. aws-sdk-go-v2 ignores the variable ---

// useLegacy is the opposite switch.
func useLegacy() {
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "legacy") // want "STS004"
}

// v2 after the legacy switch: still regional.
func CaseV2AfterLegacyHelper() any {
	useLegacy()
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// v1 after the same switch: global.
func CaseV1AfterLegacyHelper() any {
	useLegacy()
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sts.New(sess) // want "STS00[34]"
}
