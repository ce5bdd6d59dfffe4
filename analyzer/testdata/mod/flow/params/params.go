// Package params holds class 3 of issue 13: values that reach an STS client
// through parameters. A session passed into an unexported helper whose
// every caller in the package passes a regional one is regional; one caller
// that passes a bare session makes it global on that path. The same holds
// for configs, Regions, endpoints and options passed as parameters, for
// closures, variadic configs, constructors that store the session in a
// struct, exported helpers and a helper in another package (stshelp).
//
// Each twin differs only in what the caller passes: the bad one passes a
// bare (legacy-mode) session or a global value, the ok one a regional one.
// The want comment is at the call that passes the value, where the user
// would change the code.
package params

import (
	"context"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"

	"example.com/mod/flow/params/stshelp"
)

// bare builds a session with a legacy Region and no STS setting: global in
// aws-sdk-go v1.
func bare() *session.Session {
	return session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
}

// regional builds a session with the regional STS setting.
func regional() *session.Session {
	return session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
}

// --- 1. unexported helper, every caller regional ---

// onlyRegionalCallers is called only with regional sessions in this
// package, so the sts.New inside it is regional.
func onlyRegionalCallers(sess *session.Session) *sts.STS {
	return sts.New(sess)
}

// The only caller of onlyRegionalCallers passes a regional session.
func CaseOnlyRegionalCallers() any {
	return onlyRegionalCallers(regional())
}

// --- 2. unexported helper, one bare caller ---

// mixedCallers is called with a regional session by one case and a bare
// one by the other: global on the bare caller's path only.
func mixedCallers(sess *session.Session) *sts.STS {
	return sts.New(sess)
}

// The regional caller of mixedCallers.
func CaseMixedCallersRegional() any {
	return mixedCallers(regional())
}

// The bare caller of mixedCallers.
func CaseMixedCallersBare() any {
	return mixedCallers(bare()) // want "STS00[23]"
}

// --- 3. Region as a parameter of a regional-mode helper ---

// clientIn builds a regional-mode client for region; an empty Region is
// still global (endpoints v3model.go:224-226).
func clientIn(region string) *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String(region),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	return sts.New(sess)
}

// A real Region through the parameter.
func CaseRegionParamReal() any {
	return clientIn("eu-west-1")
}

// An empty Region through the parameter (an unset flag or variable).
func CaseRegionParamEmpty() any {
	return clientIn("") // want "STS006"
}

// --- 4. a Region parameter of a legacy-mode helper ---

// legacyClientIn builds a client for region without the STS setting: the
// legacy mapping applies to the 15 legacy Regions only.
func legacyClientIn(region string) *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String(region)}))
	return sts.New(sess)
}

// A Region outside the legacy list stays regional without the setting.
func CaseLegacyHelperNonLegacyRegion() any {
	return legacyClientIn("ap-east-1")
}

// A legacy Region is mapped to aws-global.
func CaseLegacyHelperLegacyRegion() any {
	return legacyClientIn("us-east-1") // want "STS00[23]"
}

// --- 5. a *aws.Config as a parameter ---

// fromConfig builds the session from the caller's config.
func fromConfig(cfg *aws.Config) *sts.STS {
	sess := session.Must(session.NewSession(cfg))
	return sts.New(sess)
}

// The caller's config carries the regional setting.
func CaseConfigParamRegional() any {
	return fromConfig(&aws.Config{Region: aws.String("eu-west-1"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint})
}

// The caller's config has only a Region.
func CaseConfigParamRegionOnly() any {
	return fromConfig(&aws.Config{Region: aws.String("eu-west-1")}) // want "STS00[23]"
}

// --- 6. an endpoint as a parameter ---

// withEndpoint builds a regional-mode client whose Endpoint the caller
// chooses; an Endpoint bypasses the resolver (session.go:908-913).
func withEndpoint(endpoint string) *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		Endpoint:            aws.String(endpoint),
	}))
	return sts.New(sess)
}

// A regional endpoint through the parameter.
func CaseEndpointParamRegional() any {
	return withEndpoint("https://sts.eu-west-1.amazonaws.com")
}

// The global endpoint through the parameter.
func CaseEndpointParamGlobal() any {
	return withEndpoint("https://sts.amazonaws.com") // want "STS001"
}

// --- 7. variadic per-client configs ---

// newSTS forwards the caller's per-client configs to sts.New.
func newSTS(sess *session.Session, cfgs ...*aws.Config) *sts.STS {
	return sts.New(sess, cfgs...)
}

// The caller adds the regional setting per client.
func CaseVariadicRegional() any {
	return newSTS(bare(), aws.NewConfig().WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint))
}

// The caller adds only a Region per client.
func CaseVariadicRegionOnly() any {
	return newSTS(bare(), aws.NewConfig().WithRegion("eu-west-1")) // want "STS00[23]"
}

// --- 8. constructor storing the session in a struct ---

// identity is a service object that keeps the session it was built with.
type identity struct {
	sess *session.Session
}

// newIdentity stores sess.
func newIdentity(sess *session.Session) *identity {
	return &identity{sess: sess}
}

// client builds the STS client from the stored session.
func (i *identity) client() *sts.STS {
	return sts.New(i.sess)
}

// The constructor receives a regional session.
func CaseStructFieldRegional() any {
	return newIdentity(regional()).client()
}

// The constructor receives a bare session.
func CaseStructFieldBare() any {
	return newIdentity(bare()).client() // want "STS00[23]"
}

// --- 9. closure parameter ---

// A closure's parameter receives a regional session.
func CaseClosureRegional() any {
	build := func(s *session.Session) *sts.STS { return sts.New(s) }
	return build(regional())
}

// The same closure receives a bare session.
func CaseClosureBare() any {
	build := func(s *session.Session) *sts.STS { return sts.New(s) }
	return build(bare()) // want "STS00[23]"
}

// --- 10. stscreds through a helper ---

// assume returns AssumeRole credentials built from sess: stscreds builds
// its STS client from the ConfigProvider only
// (stscreds/assume_role_provider.go:262).
func assume(sess *session.Session) any {
	return stscreds.NewCredentials(sess, "arn:aws:iam::123456789012:role/r")
}

// AssumeRole credentials from a regional session.
func CaseAssumeHelperRegional() any {
	return assume(regional())
}

// AssumeRole credentials from a bare session.
func CaseAssumeHelperBare() any {
	return assume(bare()) // want "STS00[23]"
}

// --- 11. exported helper of the same package ---

// NewSTSClient is exported: callers outside the package may pass anything,
// so only the call site's session decides.
func NewSTSClient(sess *session.Session) *sts.STS { // want NewSTSClient:"wraps: p0 -> sts.New"
	return sts.New(sess)
}

// The exported helper receives a regional session.
func CaseExportedHelperRegional() any {
	return NewSTSClient(regional())
}

// The exported helper receives a bare session.
func CaseExportedHelperBare() any {
	return NewSTSClient(bare()) // want "STS00[23]"
}

// --- 12. helper in another package of the module ---

// The other package's helper receives a regional session.
func CaseOtherPackageRegional() any {
	return stshelp.Client(regional())
}

// The other package's helper receives a bare session.
func CaseOtherPackageBare() any {
	return stshelp.Client(bare()) // want "STS00[23]"
}

// aws-global into the other package's v2 helper that keeps the SDK's
// resolution (its unexported helper is judged per caller there).
func CaseOtherPackageV2Global() any {
	return stshelp.V2Client("aws-global") // want "STS006"
}

// aws-global into the other package's v2 helper that sets the regional
// BaseEndpoint through the same unexported helper: the Region only signs.
func CaseOtherPackageV2Endpoint() any {
	return stshelp.V2ClientAt("aws-global")
}

// --- 13. aws-sdk-go-v2: Region and options as parameters ---

// v2In loads the default configuration with the caller's Region.
func v2In(ctx context.Context, region string) any {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(region))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// A real Region through the v2 helper.
func CaseV2RegionParamReal() any {
	return v2In(context.Background(), "eu-west-1")
}

// The aws-global pseudo Region through the v2 helper.
func CaseV2RegionParamGlobal() any {
	return v2In(context.Background(), "aws-global") // want "STS006"
}

// v2Options builds a client from the caller's options.
func v2Options(o stsv2.Options) *stsv2.Client {
	return stsv2.New(o)
}

// Options with a real Region.
func CaseV2OptionsParamReal() any {
	return v2Options(stsv2.Options{Region: "us-east-1", Credentials: awsv2.AnonymousCredentials{}})
}

// Options with the aws-global pseudo Region.
func CaseV2OptionsParamGlobal() any {
	return v2Options(stsv2.Options{Region: "aws-global", Credentials: awsv2.AnonymousCredentials{}}) // want "STS006"
}

// A caller's regional config whose Region a helper pins to aws-global: a
// store to the helper's parameter itself, which sts.NewFromConfig copies.
func CaseV2ParamStoreGlobal() any {
	pin := func(cfg awsv2.Config) *stsv2.Client {
		cfg.Region = "aws-global" // want "STS006"
		return stsv2.NewFromConfig(cfg)
	}
	return pin(awsv2.Config{Region: "us-east-1", Credentials: awsv2.AnonymousCredentials{}})
}

// The same helper storing a real Region.
func CaseV2ParamStoreRegional() any {
	pin := func(cfg awsv2.Config) *stsv2.Client {
		cfg.Region = "eu-west-1"
		return stsv2.NewFromConfig(cfg)
	}
	return pin(awsv2.Config{Region: "us-east-1", Credentials: awsv2.AnonymousCredentials{}})
}

// v2RegionInto stores the caller's Region into the caller's config.
func v2RegionInto(cfg awsv2.Config, region string) *stsv2.Client {
	cfg.Region = region
	return stsv2.NewFromConfig(cfg)
}

// A real Region stored by the helper.
func CaseV2RegionStoreParamReal() any {
	return v2RegionInto(awsv2.Config{Credentials: awsv2.AnonymousCredentials{}}, "eu-west-1")
}

// The aws-global pseudo Region stored by the helper.
func CaseV2RegionStoreParamGlobal() any {
	return v2RegionInto(awsv2.Config{Credentials: awsv2.AnonymousCredentials{}}, "aws-global") // want "STS006"
}
