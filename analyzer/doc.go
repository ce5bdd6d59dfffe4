// Package analyzer defines stsregional, an analyzer that reports Go code
// whose AWS STS calls go to the global endpoint sts.amazonaws.com instead of
// a regional endpoint such as sts.eu-west-1.amazonaws.com.
//
// # Analyzer stsregional
//
// stsregional: report AWS STS calls that go to the global endpoint sts.amazonaws.com
//
// The global STS endpoint is a us-east-1 service. Calling it from another
// Region adds latency and makes credential acquisition everywhere depend on
// one Region, with no failover. Tokens it issues are by default not valid
// in opt-in Regions (InvalidClientTokenId), and STS interface VPC endpoints
// exist only for the regional host names, so private subnets cannot reach
// it. AWS calls the global endpoint legacy and recommends regional ones.
//
// Most global STS traffic in Go contains no "sts.amazonaws.com" string at
// all: aws-sdk-go (v1) defaults to the legacy STS endpoint mode, in which
// 15 Regions (us-east-1, us-east-2, us-west-1, us-west-2, eu-west-1,
// eu-west-2, eu-west-3, eu-central-1, eu-north-1, ap-northeast-1,
// ap-south-1, ap-southeast-1, ap-southeast-2, ca-central-1, sa-east-1) are
// sent to the global endpoint even when the client has a Region. Only
// STSRegionalEndpoint set to endpoints.RegionalSTSEndpoint (in code, in
// AWS_STS_REGIONAL_ENDPOINTS, or in shared config) changes that.
// aws-sdk-go-v2 is regional by default; it reaches the global endpoint only
// when code pins it there.
//
// The analyzer therefore decides by sink, not by string: it follows
// sessions, configs and strings through the type-checked package to the
// SDK calls and fields that choose an endpoint. aws-sdk-go v1 sessions and
// configs returned by functions or held in exported package variables are
// followed into other packages as analysis facts. Each diagnostic starts
// with a stable check ID (STS000 to STS008), carries a category and a link
// to the check's documentation, and most carry one suggested fix, applied
// by -fix or go fix.
//
// # STS001 — hard-coded global endpoint
//
// A constant global STS URL or host (sts.amazonaws.com, with or without
// scheme, port or path, in any case) reaches an endpoint sink: the v1
// aws.Config Endpoint field or WithEndpoint; the v2 BaseEndpoint of
// sts.Options or aws.Config, config.WithBaseEndpoint,
// sts.EndpointResolverFromURL; an aws.Endpoint, endpoints.ResolvedEndpoint
// or smithy endpoints.Endpoint built outside a resolver function; the URL of
// http.NewRequest, http.NewRequestWithContext, http.Get, Head, Post and
// PostForm, or http.Request.URL; os.Setenv or t.Setenv of
// AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL; and {Name, Value} literals such
// as a Kubernetes corev1.EnvVar setting those variables. "Constant" includes
// named constants, concatenations, fmt.Sprintf of constants, variables only
// ever assigned one such value, and url.Parse of one. An endpoint that is
// not constant is judged by the values that can reach it, path by path (a
// default overwritten on some paths, a flag default, a settings field, a
// helper's result, a parameter's callers, a URL formatted from an
// endpoint): the finding is where the global host is written, and says
// "may" when other values reach the sink too. A call from another package
// that passes the global URL into a parameter reaching a sink is reported
// at the call.
// A Setenv of
// AWS_ENDPOINT_URL_STS (read by sts.NewFromConfig) or AWS_ENDPOINT_URL (read
// by config.LoadDefaultConfig) that runs, in its function, after such a
// reader on every path, with nothing after it that could build another, is
// too late to matter and is not reported.
//
// Why: the override wins over everything the SDK would choose, so every
// Region's STS calls go to us-east-1. In v2 the client Region also signs
// the request, which the global endpoint may reject.
//
//	// WRONG
//	svc := sts.NewFromConfig(cfg, func(o *sts.Options) {
//		o.BaseEndpoint = aws.String("https://sts.amazonaws.com")
//	})
//
//	// RIGHT: aws-sdk-go-v2 resolves https://sts.<region>.amazonaws.com
//	svc := sts.NewFromConfig(cfg)
//
// Autofix: v1 Endpoint: aws.String(global) becomes STSRegionalEndpoint:
// endpoints.RegionalSTSEndpoint (WithEndpoint becomes
// WithSTSRegionalEndpoint), so the SDK builds the partition-correct
// regional host; a v2 BaseEndpoint field or assignment,
// config.WithBaseEndpoint option, sts.WithEndpointResolver(
// sts.EndpointResolverFromURL(global)) option and
// os.Setenv("AWS_ENDPOINT_URL_STS", global) statement are deleted. Raw HTTP
// requests, environment literals and endpoint values outside these shapes
// are reported without a fix: a request also needs a signing Region that the
// analyzer cannot choose. On by default.
//
// # STS002 — aws-sdk-go v1 session not regional
//
// An aws-sdk-go v1 STS client (sts.New) or STS credential provider
// (stscreds.NewCredentials, stscreds.NewWebIdentityCredentials) is built
// from a session that does not provably set STSRegionalEndpoint to
// endpoints.RegionalSTSEndpoint and has no Region the analyzer can see: a
// session built without a Region (here or by a helper function in any
// package), a session parameter, a struct field or other value the
// analyzer does not follow, or one built from a spread cfgs... argument.
// A config with an explicit Endpoint, constant or known only at run time,
// is not reported: a non-empty Endpoint bypasses the resolver, and STS001
// judges the values that reach it.
//
// Why: v1 defaults to the legacy mode, so in the 15 legacy Regions, and
// with no Region at all, these STS calls go to sts.amazonaws.com.
//
//	// WRONG
//	sess := session.Must(session.NewSession()) // Region from AWS_REGION
//	svc := sts.New(sess)
//
//	// RIGHT
//	sess := session.Must(session.NewSession(&aws.Config{
//		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
//	}))
//	svc := sts.New(sess)
//
// Autofix: when the session is built in the function that uses it, the fix
// sets STSRegionalEndpoint where it is built (a field in the
// &aws.Config{} literal, .WithSTSRegionalEndpoint on an aws.NewConfig()
// chain, a new &aws.Config{…} argument, or Config in session.Options), which
// also moves the STS clients the session builds internally for web identity
// and assume-role profiles. When the session comes from a parameter, a
// helper function or another package, it pins this client instead:
// sts.New(sess, &aws.Config{STSRegionalEndpoint: …}),
// stscreds.NewCredentials(sess.Copy(&aws.Config{STSRegionalEndpoint: …}), …),
// or NewCredentialsWithClient(sts.New(p, …), …) for a provider that is not
// a *session.Session. The endpoints import is added when missing. On by
// default.
//
// A session that is regional on some paths only (the setting in one
// branch, if region != "" { … }) is reported where it is built without the
// setting, with the condition of that path ("may call … when region != ""
// is false"). os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional") in the
// package counts where it runs before the session is built: earlier in the
// same function on every path, in an init function, or in main.main before
// the call that builds the session; a package that also sets "legacy" gets
// credit only from the same function.
//
// aws-sdk-go v1 reached end of support on 2025-07-31; this setting is a
// stop-gap, and migrating to aws-sdk-go-v2 is the lasting fix.
//
// # STS003 — aws-sdk-go v1 Region is not enough
//
// Like STS002, but the session or client sets a Region, either a constant
// in the legacy list or a value known only at run time. This is the trap
// the check is named after: in v1, Region alone does not move STS off the
// global endpoint.
//
//	// WRONG: still https://sts.amazonaws.com, signed for us-east-1
//	sess := session.Must(session.NewSession(&aws.Config{
//		Region: aws.String("eu-west-1"),
//	}))
//	svc := sts.New(sess)
//
//	// RIGHT: https://sts.eu-west-1.amazonaws.com
//	sess := session.Must(session.NewSession(&aws.Config{
//		Region:              aws.String("eu-west-1"),
//		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
//	}))
//	svc := sts.New(sess)
//
// A constant Region outside the legacy list (ap-northeast-2,
// ap-northeast-3, every opt-in Region, China, GovCloud) already resolves
// regionally and is not reported. Autofix: as for STS002. On by default.
//
// # STS004 — legacy STS endpoint mode selected explicitly
//
// Code selects the legacy (global) mode by name:
// STSRegionalEndpoint: endpoints.LegacySTSEndpoint in an aws.Config or
// endpoints.Options, WithSTSRegionalEndpoint(endpoints.LegacySTSEndpoint),
// an assignment to the STSRegionalEndpoint field,
// endpoints.GetSTSRegionalEndpoint("legacy"),
// os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "legacy"), or an env-var literal
// {Name: "AWS_STS_REGIONAL_ENDPOINTS", Value: "legacy"}.
//
//	// WRONG
//	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "legacy")
//	cfg := &aws.Config{Region: aws.String("eu-west-1"), STSRegionalEndpoint: endpoints.LegacySTSEndpoint}
//
//	// RIGHT
//	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
//	cfg := &aws.Config{Region: aws.String("eu-west-1"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}
//
// Why: legacy sends the 15 legacy Regions to sts.amazonaws.com. Clients
// built with an explicit legacy setting are reported here only, not again
// as STS002 or STS003. aws-sdk-go-v2 ignores AWS_STS_REGIONAL_ENDPOINTS, so
// os.Setenv of it in a package that does not depend on aws-sdk-go v1 (even
// transitively) is not reported, nor is one replaced by another os.Setenv
// of the variable in the same block before any call could read it.
//
// The legacy mode moves only the 15 legacy Regions to the global endpoint:
// a LegacySTSEndpoint setting whose every Region is a constant outside the
// list (the Regions of the v1 STS clients it reaches, or, reaching none, of
// the aws.Config literal it is written in) is not reported.
//
// Autofix: the constant becomes endpoints.RegionalSTSEndpoint and the
// string "legacy" becomes "regional". On by default.
//
// # STS005 — aws-sdk-go v1 resolver resolves STS globally
//
// A v1 EndpointFor call resolves "sts" (or endpoints.StsServiceID) without
// endpoints.STSRegionalEndpointOption, a custom resolver calls EndpointFor
// with a non-constant service but drops the options it was given, or a
// function shaped like a v1 resolver (returning endpoints.ResolvedEndpoint
// and error) returns a ResolvedEndpoint whose URL is the global host.
//
//	// WRONG: without options the mode is unset, which means legacy
//	ep, err := endpoints.DefaultResolver().EndpointFor("sts", region)
//
//	// RIGHT
//	ep, err := endpoints.DefaultResolver().EndpointFor("sts", region, endpoints.STSRegionalEndpointOption)
//
// Calls that forward their options (opts...) keep the session's setting
// and are not reported; nor are calls whose endpoint is thrown away
// (_, err := resolver.EndpointFor("sts", region) as a Region check sends
// nothing).
//
// Autofix: append endpoints.STSRegionalEndpointOption to the call; in a
// resolver function with a named region parameter, replace the returned URL
// with "https://sts." + region + ".amazonaws.com" and SigningRegion with
// region (aws partition). On by default.
//
// # STS006 — aws-global or empty Region reaches an STS client
//
// The pseudo-Region "aws-global" reaches an STS client: a v1 session or
// sts.New config (Region field or WithRegion), or in v2
// config.WithRegion / config.WithDefaultRegion of a config that flows into
// sts.NewFromConfig in the package, an aws.Config literal or cfg.Region
// store that does, sts.Options{Region: …}, or o.Region = … on sts.Options.
// In v1, a provably empty Region (aws.String("")) is reported too. A Region
// parameter is followed to its callers: aws-global passed into it, in the
// package or from another package (reported at the call), counts.
//
//	// WRONG
//	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("aws-global"))
//	svc := sts.NewFromConfig(cfg)
//
//	// RIGHT: the Region comes from AWS_REGION, shared config or IMDS
//	cfg, err := config.LoadDefaultConfig(ctx)
//	svc := sts.NewFromConfig(cfg)
//
// Why: both SDKs map aws-global to sts.amazonaws.com (signed for
// us-east-1) whatever the STS setting, and v1 resolves STS without a Region
// to the global endpoint instead of failing. The same Region is correct for
// global services such as Route 53, so a config is reported only when it
// reaches STS.
//
// No autofix: a real Region is needed, and guessing one changes behaviour.
// On by default.
//
// # STS007 — aws-sdk-go-v2 endpoint resolver pins STS to the global endpoint
//
// An aws-sdk-go-v2 override that defeats the regional default: a function
// shaped like a deprecated v2 resolver (returning aws.Endpoint and error,
// as aws.EndpointResolverWithOptionsFunc, aws.EndpointResolverFunc and
// sts.EndpointResolverFunc do) returning the global URL, or an assignment
// or literal setting sts.EndpointParameters.UseGlobalEndpoint to true or
// sts.EndpointParameters.Region to "aws-global", typically in a custom
// sts.EndpointResolverV2.
//
//	// WRONG
//	func (r resolver) ResolveEndpoint(ctx context.Context, p sts.EndpointParameters) (smithyendpoints.Endpoint, error) {
//		p.UseGlobalEndpoint = aws.Bool(true)
//		return r.next.ResolveEndpoint(ctx, p)
//	}
//
//	// RIGHT
//	func (r resolver) ResolveEndpoint(ctx context.Context, p sts.EndpointParameters) (smithyendpoints.Endpoint, error) {
//		return r.next.ResolveEndpoint(ctx, p)
//	}
//
// Autofix: the UseGlobalEndpoint assignment or field is deleted; in a
// resolver function with a named region parameter the URL becomes
// "https://sts." + region + ".amazonaws.com" and SigningRegion becomes
// region. Returning &aws.EndpointNotFoundError{} from the STS branch also
// works, since the regional rules then apply. A Region of "aws-global" in
// the parameters has no autofix. sts.EndpointResolverFromURL with the
// global URL is STS001. On by default.
//
// # STS008 — aws-sdk-go v1 session credential chain may call the global endpoint
//
// Off by default. An aws-sdk-go v1 session built by session.NewSession or
// session.NewSessionWithOptions without Credentials and not provably
// regional: its default credential chain builds an STS client with the
// session's configuration for web identity (AWS_ROLE_ARN +
// AWS_WEB_IDENTITY_TOKEN_FILE, as on EKS with IRSA) and for assume-role
// profiles (aws/session/credentials.go), which calls sts.amazonaws.com in
// the legacy Regions, even when the code builds no STS client. Sessions
// whose STS clients already get STS002 or STS003 at the same place, and
// session.New (its chain has no STS provider), are not reported.
//
//	// WRONG: AssumeRoleWithWebIdentity goes to sts.amazonaws.com
//	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
//	s3svc := s3.New(sess)
//
// Autofix: as STS002 where the session is built.
//
// # STS000 — invalid or unused suppression directive
//
// A //stsregional:ignore or //stsregional:file-ignore directive names no
// check ID, names an unknown one, or gives no reason; or it suppresses
// nothing: none of the checks it names (all of them enabled) reported a
// finding on its line, the line below, or, for file-ignore, its file. It is
// reported so that a typo never silently hides, or fails to hide, a
// finding, and a directive left behind after a fix never hides the next
// regression. A directive naming a disabled check is not reported as
// unused.
//
//	// WRONG
//	return sts.New(sess) //stsregional:ignore STS003
//
//	// RIGHT
//	return sts.New(sess) //stsregional:ignore STS003 the IAM-auth verifier only accepts the global host
//
// No autofix. On by default.
//
// # Suppressing findings
//
// The analyzer itself honours these comment directives, so they work the
// same standalone, under go vet and go fix, and in golangci-lint:
//
//	//stsregional:ignore STS003 reason why this client must stay global
//	//stsregional:ignore STS001,STS004 reason
//	//stsregional:file-ignore STS002 reason
//	//lint:ignore STS003 reason (staticcheck's syntax and scope)
//	//lint:file-ignore STS002 reason
//	//nolint:stsregional // reason (golangci-lint's syntax and scope)
//
// A //stsregional:ignore directive covers findings on its own line and on
// the line below; a file-ignore directive, written anywhere in the file,
// covers the whole file. //lint:ignore covers the first line of the code
// it precedes, as in staticcheck. //nolint (also in a list, bare, or
// //nolint:all) covers its own lines and the node starting at its column
// on the next line, as in golangci-lint. A reason is required except for
// //nolint. A malformed //stsregional: or //lint: directive, and one that
// suppresses nothing, is reported as STS000; //nolint directives are left
// to golangci-lint's nolintlint.
//
// Findings in generated files (ast.IsGenerated) are not reported unless
// -include-generated is given; what flows out of them is still analysed.
//
// # Flags
//
// Every check is on by default.
//
//	-enable=IDS            comma-separated check IDs to run instead of the defaults, e.g. -enable=STS001,STS004
//	-disable=IDS           comma-separated check IDs not to run; wins over -enable
//	-assume-env-regional   treat v1 sessions that read the environment as regional
//	-include-generated     also report findings in generated files
//	-inventory             also report every STS route, for stsregional -inventory
//
// IDs are case-insensitive; an unknown ID is an error. Under go vet the
// flags are spelled -stsregional.enable, -stsregional.disable,
// -stsregional.assume-env-regional and -stsregional.include-generated (the
// stsregional binary also accepts the short spellings there).
//
// -assume-env-regional is for code bases that set
// AWS_STS_REGIONAL_ENDPOINTS=regional in every deployment: STS clients whose
// session is built by session.NewSession or session.NewSessionWithOptions
// (which read that variable), directly or in a helper, or whose session
// the analyzer cannot follow (a parameter, cfgs...), are then not reported
// as STS002 or STS003. Sessions from the deprecated session.New ignore the
// environment and are still reported. Drivers without flags use
// New(Config{Enable: …, Disable: …, AssumeEnvRegional: …}).
//
// -inventory adds, besides the findings, one diagnostic per STS route of
// the package (every STS client, credential provider, presign client and
// hand-built request for an STS host) with Category "stsregional-route"
// and a message carrying the route's row as JSON (see
// internal/inventory): the only channel from a go vet tool to the
// stsregional front-end, which renders them (stsregional -inventory). Other
// drivers should leave it off.
//
// # What is never reported
//
// The string sts.amazonaws.com has many uses that are not endpoints. None
// of them reaches an endpoint sink, so none is reported:
//
//   - OIDC and token audiences (Audience, Audiences, flag defaults such as
//     -token-audience, an audience query parameter);
//   - ClientIDList of iam.CreateOpenIDConnectProviderInput;
//   - trust-policy conditions such as "token.actions.githubusercontent.com:aud": "sts.amazonaws.com";
//   - service principals ("Principal": {"Service": "sts.amazonaws.com"});
//   - CloudTrail EventSource comparisons (e.EventSource == "sts.amazonaws.com");
//   - allow-lists of STS hosts in verifiers of presigned GetCallerIdentity
//     requests, which must accept tokens from legacy clients;
//   - XML namespaces such as https://sts.amazonaws.com/doc/2011-06-15/;
//   - the SDK packages themselves (github.com/aws/aws-sdk-go,
//     github.com/aws/aws-sdk-go-v2/..., github.com/aws/smithy-go), vendored
//     or not.
//
// Nor are v1 clients whose STSRegionalEndpoint is set from a value known
// only at run time (a deliberate choice), clients using FIPS or dual-stack
// endpoints (they skip the legacy mapping), clients with any other explicit
// Endpoint (a global one is STS001), sessions from session.NewSession or
// NewSessionWithOptions built after the package calls
// os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional") (see STS002),
// EndpointFor calls whose endpoint is discarded, and aws-global configs
// used only for other services.
package analyzer

import "strings"

// docIntro starts Analyzer.Doc: a one-line summary, then the checks, listed
// by analyzerDoc from Checks.
const docIntro = `report AWS STS calls that go to the global endpoint sts.amazonaws.com

The global STS endpoint is served from us-east-1: extra latency, a
single-Region dependency, and no path through STS VPC endpoints.
Checks (select with -enable and -disable; -explain in the stsregional
command prints one check's documentation):
`

// analyzerDoc returns Analyzer.Doc, with one line per check.
func analyzerDoc() string {
	var b strings.Builder
	b.WriteString(docIntro)
	for _, c := range Checks {
		b.WriteString("\n" + c.ID + "  " + c.Doc.Title)
		if !c.Default {
			b.WriteString(" (off by default)")
		}
	}
	return b.String()
}
