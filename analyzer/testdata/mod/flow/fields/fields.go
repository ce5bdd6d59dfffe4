// Package fields holds the struct-field class of issue 13: a session, an
// *aws.Config or a session.Options kept in a struct field by a constructor
// and used later by a method that builds the STS client or credential
// provider; a config returned through an interface method; a setter with a
// value receiver (edits a copy, no effect) against one with a pointer
// receiver; and a setting written to the *aws.Config after NewSession (the
// session merged a copy already, no effect) against one written to
// sess.Config (read when the client is built).
//
// Each shape is a twin: CaseXxxGlobal, where the SDK calls
// sts.amazonaws.com, and CaseXxxRegional, which differs from it by the one
// step that makes it regional. The want comments follow the SDK's host;
// GAPS.md lists the twins the analyzer gets wrong today.
package fields

import (
	"context"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

const roleARN = "arn:aws:iam::123456789012:role/example"

// --- a session in a field ---

// identityService keeps the session its constructor built; its method builds
// the STS client from the field.
type identityService struct {
	sess *session.Session
}

// newIdentityService builds the session from the config it is given.
func newIdentityService(cfg *aws.Config) *identityService {
	return &identityService{sess: session.Must(session.NewSession(cfg))}
}

// client builds the STS client from the kept session.
func (s *identityService) client() *sts.STS {
	return sts.New(s.sess)
}

// The constructor is given a legacy Region and no setting.
func CaseSessionFieldGlobal() any {
	svc := newIdentityService(&aws.Config{Region: aws.String("eu-west-1")}) // want "STS00[23]"
	return svc.client()
}

// The twin: the constructor is given the setting too.
func CaseSessionFieldRegional() any {
	svc := newIdentityService(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	})
	return svc.client()
}

// --- an *aws.Config in a field ---

// clients keeps the config; each method builds its own session from it.
type clients struct {
	cfg *aws.Config
}

// sts builds a session from the kept config and an STS client from it.
func (c clients) sts() *sts.STS {
	return sts.New(session.Must(session.NewSession(c.cfg)))
}

// The kept config has a legacy Region and no setting.
func CaseConfigFieldGlobal() any {
	c := clients{cfg: aws.NewConfig().WithRegion("us-east-2")} // want "STS00[23]"
	return c.sts()
}

// The twin: the kept config sets the regional mode.
func CaseConfigFieldRegional() any {
	c := clients{cfg: aws.NewConfig().WithRegion("us-east-2").WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)}
	return c.sts()
}

// --- session.Options in a field ---

// app keeps the session options read at start-up; credentials are built
// from them on demand.
type app struct {
	opts session.Options
}

// newApp stores the options it is given.
func newApp(opts session.Options) *app {
	return &app{opts: opts}
}

// roleCredentials builds a session from the kept options and assume-role
// credentials from it.
func (a *app) roleCredentials() *credentials.Credentials {
	sess := session.Must(session.NewSessionWithOptions(a.opts))
	return stscreds.NewCredentials(sess, roleARN)
}

// The options have a legacy Region and no setting.
func CaseOptionsFieldGlobal() any {
	a := newApp(session.Options{Config: aws.Config{Region: aws.String("ap-southeast-2")}}) // want "STS00[23]"
	return a.roleCredentials()
}

// The twin: the options' config sets the regional mode.
func CaseOptionsFieldRegional() any {
	a := newApp(session.Options{Config: aws.Config{
		Region:              aws.String("ap-southeast-2"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}})
	return a.roleCredentials()
}

// --- a config returned through an interface method ---

// configSource is how the application hands out AWS configs.
type configSource interface {
	AWSConfig() *aws.Config
}

// staticSource returns a config with its Region and nothing else.
type staticSource struct{ region string }

// AWSConfig returns the source's Region only.
func (s staticSource) AWSConfig() *aws.Config { // want AWSConfig:`sts:unset region="ca-central-1"`
	return &aws.Config{Region: aws.String(s.region)}
}

// regionalSource returns a config with its Region and the regional mode.
type regionalSource struct{ region string }

// AWSConfig returns the source's Region and the regional mode.
func (s regionalSource) AWSConfig() *aws.Config { // want AWSConfig:`sts:regional region="ca-central-1"`
	return &aws.Config{Region: aws.String(s.region), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}
}

// The interface's dynamic type returns a legacy Region without the setting.
func CaseInterfaceConfigGlobal() any {
	var src configSource = staticSource{region: "ca-central-1"}
	sess := session.Must(session.NewSession(src.AWSConfig()))
	return sts.New(sess) // want "STS00[23]"
}

// The twin: the dynamic type returns the setting too.
func CaseInterfaceConfigRegional() any {
	var src configSource = regionalSource{region: "ca-central-1"}
	sess := session.Must(session.NewSession(src.AWSConfig()))
	return sts.New(sess)
}

// --- setter with a value receiver vs a pointer receiver ---

// stsSettings are the application's STS settings; config turns them into an
// *aws.Config.
type stsSettings struct {
	region string
	mode   endpoints.STSRegionalEndpoint
}

// useRegionalOnCopy has a value receiver: it sets the mode on a copy, and the
// caller's settings keep the zero mode (legacy).
func (s stsSettings) useRegionalOnCopy() {
	s.mode = endpoints.RegionalSTSEndpoint
	_ = s
}

// useRegional has a pointer receiver: it sets the caller's mode.
func (s *stsSettings) useRegional() {
	s.mode = endpoints.RegionalSTSEndpoint
}

// config builds the session config from the settings.
func (s stsSettings) config() *aws.Config {
	return &aws.Config{Region: aws.String(s.region), STSRegionalEndpoint: s.mode}
}

// The value-receiver setter changes a copy: the session is legacy.
func CaseValueReceiverSetterGlobal() any {
	s := stsSettings{region: "eu-north-1"}
	s.useRegionalOnCopy()
	sess := session.Must(session.NewSession(s.config()))
	return sts.New(sess) // want "STS00[23]"
}

// The twin: the pointer-receiver setter changes the settings themselves.
func CaseValueReceiverSetterRegional() any {
	s := stsSettings{region: "eu-north-1"}
	s.useRegional()
	sess := session.Must(session.NewSession(s.config()))
	return sts.New(sess)
}

// --- a store after NewSession: the kept config vs sess.Config ---

// The setting is written to the config after NewSession merged it into the
// session's own config: no effect.
func CaseStoreAfterSessionGlobal() any {
	cfg := &aws.Config{Region: aws.String("us-east-1")}
	sess := session.Must(session.NewSession(cfg))
	cfg.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
	return sts.New(sess) // want "STS00[23]"
}

// The twin: the setting is written to the session's config, which sts.New
// copies when it builds the client.
func CaseStoreAfterSessionRegional() any {
	cfg := &aws.Config{Region: aws.String("us-east-1")}
	sess := session.Must(session.NewSession(cfg))
	sess.Config.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
	return sts.New(sess)
}

// --- aws-sdk-go-v2: an aws.Config in a field ---

// v2Deps keeps the loaded config; client builds the STS client from it.
type v2Deps struct {
	cfg awsv2.Config
}

// newV2Deps loads the default config with the Region it is given.
func newV2Deps(region string) (*v2Deps, error) {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(region))
	if err != nil {
		return nil, err
	}
	return &v2Deps{cfg: cfg}, nil
}

// client builds the STS client from the kept config.
func (d *v2Deps) client() *stsv2.Client {
	return stsv2.NewFromConfig(d.cfg)
}

// The kept config has the pseudo-Region aws-global.
func CaseV2ConfigFieldGlobal() any {
	d, err := newV2Deps("aws-global") // want "STS006"
	if err != nil {
		return err
	}
	return d.client()
}

// The twin: the kept config has a real Region.
func CaseV2ConfigFieldRegional() any {
	d, err := newV2Deps("eu-west-1")
	if err != nil {
		return err
	}
	return d.client()
}

// A Region written into the kept config's field after loading: aws-global.
func CaseV2RegionStoreOnFieldGlobal() any {
	d, err := newV2Deps("eu-west-1")
	if err != nil {
		return err
	}
	d.cfg.Region = "aws-global" // want "STS006"
	return d.client()
}

// The twin: the stored Region is a real one.
func CaseV2RegionStoreOnFieldRegional() any {
	d, err := newV2Deps("eu-west-1")
	if err != nil {
		return err
	}
	d.cfg.Region = "eu-central-1"
	return d.client()
}

// --- v1 credentials kept in a field ---

// roleClient keeps the assume-role credentials its constructor built from
// the session it was given.
type roleClient struct {
	creds *credentials.Credentials
}

// newRoleClient builds the credentials from the caller's session.
func newRoleClient(sess *session.Session) *roleClient {
	return &roleClient{creds: stscreds.NewCredentials(sess, roleARN)}
}

// The session handed to the constructor has a legacy Region, no setting.
func CaseCredentialsFieldGlobal() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("ap-south-1")}))
	return newRoleClient(sess).creds // want "STS00[23]"
}

// The twin: the session handed to the constructor sets the regional mode.
func CaseCredentialsFieldRegional() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("ap-south-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	return newRoleClient(sess).creds
}

// --- aws-sdk-go-v2: a config returned through an interface method ---

// v2Source is how the application hands out aws-sdk-go-v2 configs.
type v2Source interface {
	Config(ctx context.Context) (awsv2.Config, error)
}

// fixedRegion loads the default config with its own value as the Region.
type fixedRegion string

// Config loads the default config with the Region r.
func (r fixedRegion) Config(ctx context.Context) (awsv2.Config, error) {
	return config.LoadDefaultConfig(ctx, config.WithRegion(string(r)))
}

// The interface's dynamic value is the pseudo-Region aws-global.
func CaseV2InterfaceConfigGlobal() any {
	var src v2Source = fixedRegion("aws-global") // want "STS006"
	cfg, err := src.Config(context.Background())
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// The twin: the dynamic value is a real Region.
func CaseV2InterfaceConfigRegional() any {
	var src v2Source = fixedRegion("eu-west-1")
	cfg, err := src.Config(context.Background())
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}
