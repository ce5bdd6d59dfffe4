package sdk

import (
	"go/types"
	"strings"
)

// Role says what a function, method or field of the SDK (or the standard
// library) does for the endpoint an STS call goes to.
type Role int

// The roles. A zero Entry (RoleNone) is a function the analyzer does not
// model.
const (
	RoleNone Role = iota

	// aws-sdk-go v1.

	// V1STSClient builds an STS client: Arg is the client.ConfigProvider,
	// the arguments after it are *aws.Config.
	V1STSClient
	// V1CredProvider builds a credential provider that creates a hidden STS
	// client from the ConfigProvider in Arg.
	V1CredProvider
	// V1SessionMust returns its first argument (session.Must).
	V1SessionMust
	// V1SessionNew builds a session from ...*aws.Config; EnvAware tells
	// whether it reads AWS_STS_REGIONAL_ENDPOINTS and shared config.
	V1SessionNew
	// V1SessionWithOptions builds a session from session.Options (Arg).
	V1SessionWithOptions
	// V1SessionCopy copies its receiver session, merging ...*aws.Config.
	V1SessionCopy
	// V1NewConfig returns an empty *aws.Config.
	V1NewConfig
	// V1ConfigSetter stores Arg into Field of its receiver and returns the
	// receiver.
	V1ConfigSetter
	// V1ConfigChain returns its receiver, changing nothing the endpoint
	// depends on (WithLogLevel, WithMaxRetries …).
	V1ConfigChain
	// V1ConfigCopy returns a new config: the receiver with ...*aws.Config
	// merged in.
	V1ConfigCopy
	// V1ConfigMergeIn merges ...*aws.Config into its receiver.
	V1ConfigMergeIn
	// V1ConfigPassthrough returns its Arg config (request.WithRetryer).
	V1ConfigPassthrough
	// V1EndpointFor resolves an endpoint: Arg is the service, Arg+1 the
	// Region, the rest endpoint options.
	V1EndpointFor
	// V1RegionalOption is endpoints.STSRegionalEndpointOption.
	V1RegionalOption
	// V1ParseSTSMode is endpoints.GetSTSRegionalEndpoint(Arg).
	V1ParseSTSMode

	// aws-sdk-go-v2.

	// V2STSClient builds an STS client from the aws.Config in Arg.
	V2STSClient
	// V2LoadConfig loads an aws.Config from options.
	V2LoadConfig
	// V2RegionOption is a config option setting the Region to Arg.
	V2RegionOption
	// V2ConfigCopy returns a copy of its receiver aws.Config.
	V2ConfigCopy
	// V2WithEndpointResolver wraps a deprecated resolver as an STS option.
	V2WithEndpointResolver

	// Endpoint sinks: Arg is an endpoint URL or host.
	EndpointSink
	// EnvSetter sets the environment variable Arg to Arg+1.
	EnvSetter
	// EnvUnsetter removes the environment variable Arg; with no argument,
	// every variable (os.Clearenv).
	EnvUnsetter
	// RunsFunc runs the function in Arg before it returns (t.Run), in a
	// sub-test whose t.Setenv calls are undone when it ends.
	RunsFunc

	// Standard-library values the constant evaluation looks through.

	// URLParse parses the URL in Arg.
	URLParse
	// URLString renders its receiver URL.
	URLString
	// Sprintf formats its arguments.
	Sprintf
	// PtrHelper returns the address of Arg (aws.String, ptr.Bool …).
	PtrHelper
	// FlagDefault defines a string flag and returns a pointer to it; Arg is
	// the default value.
	FlagDefault
	// FlagVar defines a string flag stored into its first argument; Arg is
	// the default value.
	FlagVar
)

// Sink says what kind of endpoint a sink takes, which decides the message
// and the fix.
type Sink int

// The sink kinds.
const (
	SinkNone       Sink = iota
	SinkV1Endpoint      // v1 aws.Config.Endpoint, WithEndpoint
	SinkV1Resolved      // v1 endpoints.ResolvedEndpoint.URL
	SinkV2Base          // v2 BaseEndpoint field
	SinkV2BaseOpt       // v2 config.WithBaseEndpoint
	SinkV2FromURL       // v2 sts.EndpointResolverFromURL
	SinkV2Endpoint      // v2 aws.Endpoint.URL, smithy endpoints.Endpoint.URI
	SinkRequest         // net/http request URL or host
	SinkEnv             // AWS_ENDPOINT_URL[_STS] environment variable
)

// An Entry describes one function, method or field.
type Entry struct {
	Role Role
	// Arg is the index of the argument the role is about.
	Arg int
	// Field is the aws.Config field a V1ConfigSetter stores.
	Field string
	// Sink is the kind of endpoint an EndpointSink (function or field)
	// takes.
	Sink Sink
	// URL reports whether a field sink holds a url.URL, not a string.
	URL bool
	// What names what a constructor builds, for messages.
	What string
	// EnvAware reports whether a V1SessionNew session reads the
	// environment and shared config (NewSession does, New does not).
	EnvAware bool
	// EnvSwitch names the environment variable that makes a V1SessionNew
	// session that does not read the environment read it after all, when
	// the variable holds a true value for strconv.ParseBool (session.New
	// with AWS_SDK_LOAD_CONFIG: aws/session/session.go New, env_config.go
	// loadEnvConfig).
	EnvSwitch string
}

// API is the SDK surface the analyzer models, keyed by the qualified name
// users know: "pkg.Func", "(*pkg.Type).Method" or "(pkg.Type).Method" for
// methods, and "pkg.Type.Field" for struct fields. Paths are the unvendored
// import paths.
var API = map[string]Entry{
	// aws-sdk-go v1 clients and providers (service/sts/service.go,
	// aws/credentials/stscreds/assume_role_provider.go, web_identity_provider.go).
	V1STS + ".New":                                    {Role: V1STSClient, What: "client"},
	V1STSCreds + ".NewCredentials":                    {Role: V1CredProvider, What: "credential provider"},
	V1STSCreds + ".NewWebIdentityCredentials":         {Role: V1CredProvider, What: "credential provider"},
	V1Session + ".Must":                               {Role: V1SessionMust},
	V1Session + ".NewSession":                         {Role: V1SessionNew, EnvAware: true},
	V1Session + ".New":                                {Role: V1SessionNew, EnvSwitch: EnvLoadConfig},
	V1Session + ".NewSessionWithOptions":              {Role: V1SessionWithOptions},
	"(*" + V1Session + ".Session).Copy":               {Role: V1SessionCopy},
	V1AWS + ".NewConfig":                              {Role: V1NewConfig},
	"(*" + V1AWS + ".Config).WithRegion":              {Role: V1ConfigSetter, Field: "Region"},
	"(*" + V1AWS + ".Config).WithEndpoint":            {Role: V1ConfigSetter, Field: "Endpoint", Sink: SinkV1Endpoint},
	"(*" + V1AWS + ".Config).WithSTSRegionalEndpoint": {Role: V1ConfigSetter, Field: "STSRegionalEndpoint"},
	"(*" + V1AWS + ".Config).WithUseFIPSEndpoint":     {Role: V1ConfigSetter, Field: "UseFIPSEndpoint"},
	"(*" + V1AWS + ".Config).WithCredentials":         {Role: V1ConfigSetter, Field: "Credentials"},
	"(*" + V1AWS + ".Config).Copy":                    {Role: V1ConfigCopy},
	"(*" + V1AWS + ".Config).MergeIn":                 {Role: V1ConfigMergeIn},
	V1Request + ".WithRetryer":                        {Role: V1ConfigPassthrough},
	"(" + V1Endpoints + ".Resolver).EndpointFor":      {Role: V1EndpointFor},
	"(" + V1Endpoints + ".ResolverFunc).EndpointFor":  {Role: V1EndpointFor},
	"(" + V1Endpoints + ".Partition).EndpointFor":     {Role: V1EndpointFor},
	V1Endpoints + ".STSRegionalEndpointOption":        {Role: V1RegionalOption},
	V1Endpoints + ".GetSTSRegionalEndpoint":           {Role: V1ParseSTSMode},

	// aws-sdk-go-v2.
	V2STS + ".NewFromConfig":             {Role: V2STSClient},
	V2Config + ".LoadDefaultConfig":      {Role: V2LoadConfig},
	V2Config + ".WithRegion":             {Role: V2RegionOption},
	V2Config + ".WithDefaultRegion":      {Role: V2RegionOption},
	"(" + V2AWS + ".Config).Copy":        {Role: V2ConfigCopy},
	V2STS + ".WithEndpointResolver":      {Role: V2WithEndpointResolver},
	V2Config + ".WithBaseEndpoint":       {Role: EndpointSink, Sink: SinkV2BaseOpt},
	V2STS + ".EndpointResolverFromURL":   {Role: EndpointSink, Sink: SinkV2FromURL},
	"(*" + NetHTTP + ".Client).Get":      {Role: EndpointSink, Sink: SinkRequest},
	"(*" + NetHTTP + ".Client).Head":     {Role: EndpointSink, Sink: SinkRequest},
	"(*" + NetHTTP + ".Client).Post":     {Role: EndpointSink, Sink: SinkRequest},
	"(*" + NetHTTP + ".Client).PostForm": {Role: EndpointSink, Sink: SinkRequest},
	NetHTTP + ".Get":                     {Role: EndpointSink, Sink: SinkRequest},
	NetHTTP + ".Head":                    {Role: EndpointSink, Sink: SinkRequest},
	NetHTTP + ".Post":                    {Role: EndpointSink, Sink: SinkRequest},
	NetHTTP + ".PostForm":                {Role: EndpointSink, Sink: SinkRequest},
	NetHTTP + ".NewRequest":              {Role: EndpointSink, Sink: SinkRequest, Arg: 1},
	NetHTTP + ".NewRequestWithContext":   {Role: EndpointSink, Sink: SinkRequest, Arg: 2},
	OS + ".Setenv":                       {Role: EnvSetter},
	"(*testing.T).Setenv":                {Role: EnvSetter},
	"(*testing.B).Setenv":                {Role: EnvSetter},
	"(*testing.F).Setenv":                {Role: EnvSetter},
	OS + ".Unsetenv":                     {Role: EnvUnsetter},
	OS + ".Clearenv":                     {Role: EnvUnsetter, Arg: -1},
	"(*testing.T).Run":                   {Role: RunsFunc, Arg: 1},
	"(*testing.B).Run":                   {Role: RunsFunc, Arg: 1},
	NetURL + ".Parse":                    {Role: URLParse},
	NetURL + ".ParseRequestURI":          {Role: URLParse},
	"(*" + NetURL + ".URL).String":       {Role: URLString},
	"fmt.Sprintf":                        {Role: Sprintf},
	V1AWS + ".String":                    {Role: PtrHelper},
	V1AWS + ".Bool":                      {Role: PtrHelper},
	V2AWS + ".String":                    {Role: PtrHelper},
	V2AWS + ".Bool":                      {Role: PtrHelper},
	SmithyPtr + ".String":                {Role: PtrHelper},
	SmithyPtr + ".Bool":                  {Role: PtrHelper},
	"flag.String":                        {Role: FlagDefault, Arg: 1},
	"(*flag.FlagSet).String":             {Role: FlagDefault, Arg: 1},
	"flag.StringVar":                     {Role: FlagVar, Arg: 2},
	"(*flag.FlagSet).StringVar":          {Role: FlagVar, Arg: 2},

	// Struct fields that hold an endpoint.
	V1AWS + ".Config.Endpoint":            {Role: EndpointSink, Sink: SinkV1Endpoint},
	V1Endpoints + ".ResolvedEndpoint.URL": {Role: EndpointSink, Sink: SinkV1Resolved},
	V2STS + ".Options.BaseEndpoint":       {Role: EndpointSink, Sink: SinkV2Base},
	V2AWS + ".Config.BaseEndpoint":        {Role: EndpointSink, Sink: SinkV2Base},
	V2AWS + ".Endpoint.URL":               {Role: EndpointSink, Sink: SinkV2Endpoint},
	NetHTTP + ".Request.URL":              {Role: EndpointSink, Sink: SinkRequest, URL: true},
	NetHTTP + ".Request.Host":             {Role: EndpointSink, Sink: SinkRequest}, // hand-signed requests
	SmithyEP + ".Endpoint.URI":            {Role: EndpointSink, Sink: SinkV2Endpoint, URL: true},
}

// v1ConfigChain lists the remaining (*aws.Config).With* methods of
// aws-sdk-go v1.55.8 (aws/config.go): each stores a field that does not
// decide the STS endpoint and returns its receiver. (WithCredentials is a
// setter above: Credentials decides whether a session builds a credential
// chain with an STS client of its own.)
var v1ConfigChain = []string{
	"WithCredentialsChainVerboseErrors", "WithEndpointResolver",
	"WithDisableSSL", "WithHTTPClient", "WithMaxRetries", "WithDisableParamValidation",
	"WithDisableComputeChecksums", "WithLogLevel", "WithLogger", "WithS3ForcePathStyle",
	"WithS3Disable100Continue", "WithS3UseAccelerate", "WithS3DisableContentMD5Validation",
	"WithS3UseARNRegion", "WithUseDualStack", "WithEC2MetadataDisableTimeoutOverride",
	"WithEC2MetadataEnableFallback", "WithSleepDelay", "WithEndpointDiscovery",
	"WithDisableEndpointHostPrefix", "WithS3UsEast1RegionalEndpoint", "WithLowerCaseHeaderMaps",
	"WithDisableRestProtocolURICleaning",
}

// pkgs holds the package paths of API, so Lookup rejects every other
// function without building a key.
var pkgs = func() map[string]bool {
	m := map[string]bool{}
	for k := range API {
		k = strings.TrimPrefix(strings.TrimPrefix(k, "(*"), "(")
		if i := strings.LastIndex(k[:strings.LastIndex(k, ".")], "/"); i >= 0 {
			if j := strings.Index(k[i:], "."); j >= 0 {
				m[k[:i+j]] = true
			}
		} else if j := strings.Index(k, "."); j >= 0 {
			m[k[:j]] = true // fmt, os, testing
		}
	}
	return m
}()

// index is API keyed without the pointer mark of method receivers, so a
// method is found whichever receiver form the table spells.
var index = func() map[string]Entry {
	m := make(map[string]Entry, len(API)+len(v1ConfigChain))
	for k, e := range API {
		m[strings.Replace(k, "(*", "(", 1)] = e
	}
	for _, name := range v1ConfigChain {
		m["("+V1AWS+".Config)."+name] = Entry{Role: V1ConfigChain}
	}
	return m
}()

// QualifiedName returns fn's key in API: "pkg.Func" or "(pkg.Type).Method"
// (receiver pointers dropped), with vendor prefixes removed and generic
// instantiations mapped to their origin. It returns "" for functions
// without a package and methods of unnamed types.
func QualifiedName(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	fn = fn.Origin()
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return Path(fn.Pkg()) + "." + fn.Name()
	}
	t := types.Unalias(sig.Recv().Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return "(" + Path(n.Obj().Pkg()) + "." + n.Obj().Name() + ")." + fn.Name()
}

// Lookup returns the entry for fn, or a zero Entry.
func Lookup(fn *types.Func) Entry {
	if fn == nil || !pkgs[Path(fn.Pkg())] {
		return Entry{}
	}
	return index[QualifiedName(fn)]
}

// LookupField returns the entry for field name of the struct type t (or
// the type t points to).
func LookupField(t types.Type, name string) Entry {
	if t == nil {
		return Entry{}
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return Entry{}
	}
	return index[Path(n.Obj().Pkg())+"."+n.Obj().Name()+"."+name]
}
