// Package emptyendpoint holds class 5 of issue 13: endpoints that are empty
// by default. aws-sdk-go v1 ignores an empty aws.Config.Endpoint
// (aws/session/session.go, Session.resolveEndpoint: only a non-empty value
// replaces the resolver), so an Endpoint taken from a settings field, an
// environment variable or a flag whose default is "" leaves the SDK's own
// resolution in charge: with a legacy Region and no regional setting that is
// sts.amazonaws.com. Each bad twin passes such an empty value; its ok twin
// differs only in the value being a regional URL (or in a fallback that
// makes it one). The v2 twins are in v2.go.
package emptyendpoint

import (
	"encoding/json"
	"flag"
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// regionalURL is the regional STS endpoint of the Region the cases use.
const regionalURL = "https://sts.us-east-1.amazonaws.com"

// Settings is an application's configuration whose Endpoint is empty unless
// a user sets it, the shape the issue describes (Endpoint: &cfg.Endpoint).
type Settings struct {
	Region   string `json:"region"`
	Endpoint string `json:"endpoint"`
}

// The settings field is "": v1 ignores the empty Endpoint and resolves the
// legacy global host for us-east-1.
func CaseSettingsFieldEmpty() any {
	s := Settings{Region: "us-east-1"}
	sess := session.Must(session.NewSession(&aws.Config{
		Region:   aws.String(s.Region),
		Endpoint: &s.Endpoint,
	}))
	return sts.New(sess) // want "STS00[23]"
}

// The same settings with a regional URL in the field: the override wins.
func CaseSettingsFieldRegional() any {
	s := Settings{Region: "us-east-1", Endpoint: regionalURL}
	sess := session.Must(session.NewSession(&aws.Config{
		Region:   aws.String(s.Region),
		Endpoint: &s.Endpoint,
	}))
	return sts.New(sess)
}

// An environment variable that the deployment does not set: aws.String of
// "" is an empty override, that is, none.
//
//truth:env AWS_REGION=us-east-1 APP_STS_ENDPOINT=
func CaseEnvEndpointUnset() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Endpoint: aws.String(os.Getenv("APP_STS_ENDPOINT")),
	}))
	return sts.New(sess) // want "STS00[23]"
}

// The same read with a regional fallback for the unset variable.
//
//truth:env AWS_REGION=us-east-1 APP_STS_ENDPOINT=
func CaseEnvEndpointFallback() any {
	ep := os.Getenv("APP_STS_ENDPOINT")
	if ep == "" {
		ep = regionalURL
	}
	sess := session.Must(session.NewSession(&aws.Config{
		Endpoint: aws.String(ep),
	}))
	return sts.New(sess)
}

// A command-line flag whose default is "": not given, the Endpoint is empty.
func CaseFlagDefaultEmpty() any {
	fs := flag.NewFlagSet("app", flag.ContinueOnError)
	endpoint := fs.String("sts-endpoint", "", "STS endpoint URL")
	region := fs.String("region", "us-east-1", "AWS Region")
	if err := fs.Parse(nil); err != nil {
		return err
	}
	sess := session.Must(session.NewSession(&aws.Config{
		Region:   region,
		Endpoint: endpoint,
	}))
	return sts.New(sess) // want "STS00[23]"
}

// The same flag with a regional default.
func CaseFlagDefaultRegional() any {
	fs := flag.NewFlagSet("app", flag.ContinueOnError)
	endpoint := fs.String("sts-endpoint", regionalURL, "STS endpoint URL")
	region := fs.String("region", "us-east-1", "AWS Region")
	if err := fs.Parse(nil); err != nil {
		return err
	}
	sess := session.Must(session.NewSession(&aws.Config{
		Region:   region,
		Endpoint: endpoint,
	}))
	return sts.New(sess)
}

// identityClient is a constructor-built wrapper that stores its endpoint and
// builds its session from it, the way services wrap SDK clients.
type identityClient struct {
	endpoint string
	sess     *session.Session
}

// newIdentityClient stores endpoint in the struct, then builds the session
// from the stored field.
func newIdentityClient(region, endpoint string) *identityClient {
	c := &identityClient{endpoint: endpoint}
	c.sess = session.Must(session.NewSession(&aws.Config{
		Region:   aws.String(region),
		Endpoint: aws.String(c.endpoint),
	}))
	return c
}

// The constructor is called with "", the caller's "use the default".
func CaseConstructorEmpty() any {
	c := newIdentityClient("us-east-1", "")
	return sts.New(c.sess) // want "STS00[23]"
}

// The constructor is called with the regional URL.
func CaseConstructorRegional() any {
	c := newIdentityClient("us-east-1", regionalURL)
	return sts.New(c.sess)
}

// Settings decoded from a JSON document without an endpoint key.
func CaseJSONWithoutEndpoint() any {
	var s Settings
	if err := json.Unmarshal([]byte(`{"region":"us-east-1"}`), &s); err != nil {
		return err
	}
	sess := session.Must(session.NewSession(aws.NewConfig().
		WithRegion(s.Region).
		WithEndpoint(s.Endpoint)))
	return sts.New(sess) // want "STS00[23]"
}

// The same document with a regional endpoint key.
func CaseJSONWithEndpoint() any {
	var s Settings
	if err := json.Unmarshal([]byte(`{"region":"us-east-1","endpoint":"`+regionalURL+`"}`), &s); err != nil {
		return err
	}
	sess := session.Must(session.NewSession(aws.NewConfig().
		WithRegion(s.Region).
		WithEndpoint(s.Endpoint)))
	return sts.New(sess)
}

// An assume-role provider over a session whose Endpoint is an empty
// settings field: the provider's STS client resolves the legacy host.
func CaseAssumeRoleEmptyEndpoint() any {
	s := Settings{Region: "us-east-1"}
	sess := session.Must(session.NewSession(&aws.Config{
		Region:   aws.String(s.Region),
		Endpoint: &s.Endpoint,
	}))
	return stscreds.NewCredentials(sess, "arn:aws:iam::123456789012:role/app") // want "STS00[238]"
}

// The same provider with the regional URL in the settings field.
func CaseAssumeRoleRegionalEndpoint() any {
	s := Settings{Region: "us-east-1", Endpoint: regionalURL}
	sess := session.Must(session.NewSession(&aws.Config{
		Region:   aws.String(s.Region),
		Endpoint: &s.Endpoint,
	}))
	return stscreds.NewCredentials(sess, "arn:aws:iam::123456789012:role/app")
}

// newSettingsSession is the helper the issue describes: Endpoint: &cfg.Endpoint
// of whatever settings the caller loaded.
func newSettingsSession(cfg *Settings) *session.Session {
	return session.Must(session.NewSession(&aws.Config{
		Region:   &cfg.Region,
		Endpoint: &cfg.Endpoint,
	}))
}

// The helper's caller leaves the endpoint unset.
func CaseHelperSettingsEmpty() any {
	return sts.New(newSettingsSession(&Settings{Region: "us-east-1"})) // want "STS00[23]"
}

// The helper's caller sets the regional URL.
func CaseHelperSettingsRegional() any {
	return sts.New(newSettingsSession(&Settings{Region: "us-east-1", Endpoint: regionalURL}))
}

// PointerSettings keeps optional values as pointers, nil when not given.
type PointerSettings struct {
	Region   *string
	Endpoint *string
}

// A nil *string Endpoint: no override at all.
func CasePointerFieldNil() any {
	s := PointerSettings{Region: aws.String("us-east-1")}
	sess := session.Must(session.NewSession(&aws.Config{Region: s.Region, Endpoint: s.Endpoint}))
	return sts.New(sess) // want "STS00[23]"
}

// The same pointer field set to the regional URL.
func CasePointerFieldRegional() any {
	s := PointerSettings{Region: aws.String("us-east-1"), Endpoint: aws.String(regionalURL)}
	sess := session.Must(session.NewSession(&aws.Config{Region: s.Region, Endpoint: s.Endpoint}))
	return sts.New(sess)
}

// newValueSettingsSession takes its settings by value: the Endpoint is the
// address of a field of its own copy, which holds what the caller passed.
func newValueSettingsSession(s Settings) *session.Session {
	return session.Must(session.NewSession(&aws.Config{
		Region:   aws.String(s.Region),
		Endpoint: &s.Endpoint,
	}))
}

// The caller of the by-value helper leaves the endpoint unset.
func CaseValueSettingsEmpty() any {
	return sts.New(newValueSettingsSession(Settings{Region: "us-east-1"})) // want "STS00[23]"
}

// The caller of the by-value helper sets the regional URL.
func CaseValueSettingsRegional() any {
	return sts.New(newValueSettingsSession(Settings{Region: "us-east-1", Endpoint: regionalURL}))
}
