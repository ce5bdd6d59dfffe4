// Package funcvalues holds class 9 of issue 13: function values holding SDK
// constructors. A package variable such as `var newCreds =
// stscreds.NewCredentials` exists so that tests can swap it for a mock
// (funcvalues_test.go does), but in the production binary it is still the
// SDK constructor, so what flows into its call decides where STS calls go.
// Each bad twin passes a session or configuration that calls
// sts.amazonaws.com through a function value (a package variable, a struct
// field of func type, a method value, a func-typed parameter, a v2
// constructor in a variable); its ok twin differs only in the value passed,
// which is regional.
package funcvalues

import (
	"context"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/client"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

const roleARN = "arn:aws:iam::123456789012:role/app"

// Package variables holding SDK constructors, so that tests can replace
// them; production code calls them as if they were the SDK functions.
var (
	newSTS     = sts.New
	newCreds   = stscreds.NewCredentials
	newSession = session.NewSession
	newSTSv2   = stsv2.NewFromConfig
)

// --- 1. var newSTS = sts.New ---

// The v1 client constructor in a variable, with a legacy Region.
func CaseVarNewSTSLegacy() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("us-east-1")}))
	return newSTS(sess) // want "STS003"
}

// The same variable with the regional setting.
func CaseVarNewSTSRegional() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("us-east-1"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	return newSTS(sess)
}

// --- 2. var newCreds = stscreds.NewCredentials (the example) ---

// The assume-role provider constructor in a variable; the session takes
// its Region from the environment, and in the legacy default mode
// us-east-1 is global.
//
//truth:env AWS_REGION=us-east-1
//truth:env AWS_REGION=eu-west-1
func CaseVarNewCredsEnvRegion() any {
	sess := session.Must(session.NewSession())
	return newCreds(sess, roleARN) // want "STS002"
}

// The same, with the regional setting in the session's config.
//
//truth:env AWS_REGION=us-east-1
//truth:env AWS_REGION=eu-west-1
func CaseVarNewCredsRegionalSetting() any {
	sess := session.Must(session.NewSession(&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	return newCreds(sess, roleARN)
}

// --- 3. a struct field of func type set to the SDK constructor ---

// stsFactory is how code that wants to mock its clients stores the
// constructor: production sets the field to sts.New.
type stsFactory struct {
	newClient func(client.ConfigProvider, ...*aws.Config) *sts.STS
	sess      *session.Session
}

// client builds a client with the stored constructor and session.
func (f *stsFactory) client() *sts.STS {
	return f.newClient(f.sess)
}

// The field holds sts.New; the session has a legacy Region.
func CaseFieldConstructorLegacy() any {
	f := &stsFactory{newClient: sts.New, sess: session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))}
	return f.newClient(f.sess) // want "STS003"
}

// The same field, the session regional.
func CaseFieldConstructorRegional() any {
	f := &stsFactory{newClient: sts.New, sess: session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))}
	return f.newClient(f.sess)
}

// Through the factory's method: the finding belongs where the session
// stored in the factory is built (the only thing a user can change here).
func CaseFieldConstructorMethodLegacy() any {
	f := &stsFactory{newClient: sts.New, sess: session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))} // want "STS003"
	return f.client()
}

// The same method, the stored session regional.
func CaseFieldConstructorMethodRegional() any {
	f := &stsFactory{newClient: sts.New, sess: session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))}
	return f.client()
}

// --- 4. method values ---

// A method value of sess.Copy derives the session the client uses; the
// copy sets a legacy Region on a base session that has none.
func CaseMethodValueCopyLegacy() any {
	base := session.Must(session.NewSession())
	derive := base.Copy
	return sts.New(derive(&aws.Config{Region: aws.String("eu-west-1")})) // want "STS003"
}

// The same copy, with the regional setting added.
func CaseMethodValueCopyRegional() any {
	base := session.Must(session.NewSession())
	derive := base.Copy
	return sts.New(derive(&aws.Config{Region: aws.String("eu-west-1"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
}

// --- 5. a func-typed parameter ---

// buildWith is a helper that takes the constructor as a parameter, the
// usual seam for dependency injection.
func buildWith(mk func(client.ConfigProvider, ...*aws.Config) *sts.STS, sess *session.Session) *sts.STS {
	return mk(sess)
}

// credsWith is the same seam for the assume-role provider.
func credsWith(mk func(client.ConfigProvider, string, ...func(*stscreds.AssumeRoleProvider)) *credentials.Credentials, sess *session.Session) *credentials.Credentials {
	return mk(sess, roleARN)
}

// sts.New passed as the constructor, with a legacy session.
func CaseParamConstructorLegacy() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("us-west-2")}))
	return buildWith(sts.New, sess) // want "STS003"
}

// The same call with a regional session.
func CaseParamConstructorRegional() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("us-west-2"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	return buildWith(sts.New, sess)
}

// stscreds.NewCredentials passed as the constructor; Region from the
// environment.
//
//truth:env AWS_REGION=ap-southeast-2
func CaseParamCredsEnvRegion() any {
	sess := session.Must(session.NewSession())
	return credsWith(stscreds.NewCredentials, sess) // want "STS002"
}

// The same, with a Region outside the legacy list: regional already.
//
//truth:env AWS_REGION=ap-southeast-2
func CaseParamCredsNonLegacyRegion() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("ap-northeast-2")}))
	return credsWith(stscreds.NewCredentials, sess)
}

// --- 6. var newSession = session.NewSession ---

// The session constructor in a variable: the legacy Region in its config
// still decides.
func CaseVarNewSessionLegacy() any {
	sess := session.Must(newSession(&aws.Config{Region: aws.String("us-east-1")}))
	return sts.New(sess) // want "STS003"
}

// The same, the config regional.
func CaseVarNewSessionRegional() any {
	sess := session.Must(newSession(&aws.Config{Region: aws.String("us-east-1"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	return sts.New(sess)
}

// --- 7. v2: var newSTSv2 = sts.NewFromConfig ---

// The v2 constructor in a variable, given the aws-global pseudo Region.
func CaseVarNewFromConfigGlobal() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("aws-global")) // want "STS006"
	if err != nil {
		return err
	}
	return newSTSv2(cfg)
}

// The same with a real Region: v2 is regional by default.
func CaseVarNewFromConfigRegional() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("us-east-1"))
	if err != nil {
		return err
	}
	return newSTSv2(cfg)
}

// The v2 constructor in a variable, with a global BaseEndpoint option.
func CaseVarNewFromConfigBaseEndpoint() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return newSTSv2(cfg, func(o *stsv2.Options) {
		o.BaseEndpoint = awsv2.String("https://sts.amazonaws.com") // want "STS001"
	})
}

// The same option with the regional URL.
func CaseVarNewFromConfigBaseEndpointRegional() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return newSTSv2(cfg, func(o *stsv2.Options) {
		o.BaseEndpoint = awsv2.String("https://sts.eu-west-1.amazonaws.com")
	})
}

// --- 8. a package variable holding a closure around the SDK constructor ---

// newClient wraps sts.New in a closure: a mockable seam with its own
// parameter, so the session flows through the closure's parameter.
var newClient = func(sess *session.Session) *sts.STS { return sts.New(sess) }

// The closure variable given a legacy session.
func CaseVarClosureLegacy() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("ap-south-1")}))
	return newClient(sess) // want "STS003"
}

// The same closure given a regional session.
func CaseVarClosureRegional() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("ap-south-1"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	return newClient(sess)
}

// --- 9. a service constructor storing the constructor variable and the session ---

// roleService is the shape of a real service: its constructor stores the
// mockable provider constructor and the session, a method uses both.
type roleService struct {
	assume func(client.ConfigProvider, string, ...func(*stscreds.AssumeRoleProvider)) *credentials.Credentials
	sess   *session.Session
}

// newRoleService stores newCreds (stscreds.NewCredentials in production)
// and sess.
func newRoleService(sess *session.Session) *roleService {
	return &roleService{assume: newCreds, sess: sess}
}

// creds builds the assume-role credentials of the service.
func (s *roleService) creds() *credentials.Credentials {
	return s.assume(s.sess, roleARN)
}

// The session has the Region of the environment only: legacy default mode.
//
//truth:env AWS_REGION=ca-central-1
func CaseServiceStoredCredsEnvRegion() any {
	return newRoleService(session.Must(session.NewSession())).creds() // want "STS002"
}

// The same service, the session regional.
//
//truth:env AWS_REGION=ca-central-1
func CaseServiceStoredCredsRegional() any {
	return newRoleService(session.Must(session.NewSession(&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))).creds()
}
