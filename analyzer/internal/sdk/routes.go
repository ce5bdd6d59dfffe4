package sdk

// The constructors of STS routes, for the inventory: every SDK function
// (and struct literal) that builds an STS client, a credential provider
// calling STS, or a client that presigns STS requests. Kept apart from API,
// whose roles drive the flow analysis: a route is what the inventory lists,
// whatever role the constructor plays in the flow.

import (
	"go/types"

	"github.com/stsregional/stsregional/internal/inventory"
)

// A Route describes the constructor of an STS route.
type Route struct {
	// SDK is inventory.SDKV1 or inventory.SDKV2.
	SDK string
	// Kind is the inventory kind of what it builds.
	Kind string
	// Call is its name as the SDK's documentation spells it.
	Call string
	// Client reports that the constructor takes an STS client (argument
	// Arg, or the field Field of a literal) rather than building one.
	Client bool
	Arg    int
	Field  string
}

// Routes maps the qualified names (as in API) of route constructors, and
// "pkg.Type{}" for struct literals, to what they build.
var Routes = map[string]Route{
	// aws-sdk-go v1 v1.55.8: service/sts/service.go,
	// aws/credentials/stscreds/assume_role_provider.go, web_identity_provider.go.
	V1STS + ".New":                                        {SDK: inventory.SDKV1, Kind: inventory.KindClient, Call: "sts.New"},
	V1STSCreds + ".NewCredentials":                        {SDK: inventory.SDKV1, Kind: inventory.KindHiddenClient, Call: "stscreds.NewCredentials"},
	V1STSCreds + ".NewWebIdentityCredentials":             {SDK: inventory.SDKV1, Kind: inventory.KindWebIdentity, Call: "stscreds.NewWebIdentityCredentials"},
	V1STSCreds + ".NewCredentialsWithClient":              {SDK: inventory.SDKV1, Kind: inventory.KindAssumeRole, Call: "stscreds.NewCredentialsWithClient", Client: true},
	V1STSCreds + ".NewWebIdentityRoleProvider":            {SDK: inventory.SDKV1, Kind: inventory.KindWebIdentity, Call: "stscreds.NewWebIdentityRoleProvider", Client: true},
	V1STSCreds + ".NewWebIdentityRoleProviderWithToken":   {SDK: inventory.SDKV1, Kind: inventory.KindWebIdentity, Call: "stscreds.NewWebIdentityRoleProviderWithToken", Client: true},
	V1STSCreds + ".NewWebIdentityRoleProviderWithOptions": {SDK: inventory.SDKV1, Kind: inventory.KindWebIdentity, Call: "stscreds.NewWebIdentityRoleProviderWithOptions", Client: true},
	V1STSCreds + ".AssumeRoleProvider{}":                  {SDK: inventory.SDKV1, Kind: inventory.KindAssumeRole, Call: "stscreds.AssumeRoleProvider{}", Client: true, Field: "Client"},
	// aws-sdk-go-v2: service/sts v1.51.8 api_client.go, credentials
	// v1.20.15 stscreds/assume_role_provider.go, web_identity_provider.go.
	V2STS + ".New":                             {SDK: inventory.SDKV2, Kind: inventory.KindClient, Call: "sts.New"},
	V2STS + ".NewFromConfig":                   {SDK: inventory.SDKV2, Kind: inventory.KindClient, Call: "sts.NewFromConfig"},
	V2STS + ".NewPresignClient":                {SDK: inventory.SDKV2, Kind: inventory.KindPresign, Call: "sts.NewPresignClient", Client: true},
	V2STSCreds + ".NewAssumeRoleProvider":      {SDK: inventory.SDKV2, Kind: inventory.KindAssumeRole, Call: "stscreds.NewAssumeRoleProvider", Client: true},
	V2STSCreds + ".NewWebIdentityRoleProvider": {SDK: inventory.SDKV2, Kind: inventory.KindWebIdentity, Call: "stscreds.NewWebIdentityRoleProvider", Client: true},
}

// Signers are the SigV4 signing methods, with the index of their
// *http.Request argument: a request passed to one is hand-signed.
var Signers = map[string]int{
	"(" + V1Signer + ".Signer).Sign":        0,
	"(" + V1Signer + ".Signer).Presign":     0,
	"(" + V2Signer + ".Signer).SignHTTP":    2,
	"(" + V2Signer + ".Signer).PresignHTTP": 2,
}

// The stscreds package of aws-sdk-go-v2 (credentials module).
const V2STSCreds = "github.com/aws/aws-sdk-go-v2/credentials/stscreds"

// SigV4 signer packages (aws/signer/v4 in both SDKs).
const (
	V1Signer = "github.com/aws/aws-sdk-go/aws/signer/v4"
	V2Signer = "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// LookupRoute returns the route fn constructs, if it is a route
// constructor.
func LookupRoute(fn *types.Func) (Route, bool) {
	if fn == nil || fn.Pkg() == nil {
		return Route{}, false
	}
	r, ok := Routes[QualifiedName(fn)]
	return r, ok
}

// LookupRouteLit returns the route a composite literal of type t
// constructs, if any.
func LookupRouteLit(t types.Type) (Route, bool) {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return Route{}, false
	}
	r, ok := Routes[Path(n.Obj().Pkg())+"."+n.Obj().Name()+"{}"]
	return r, ok
}

// SignerArg returns the index of the request argument of a SigV4 signing
// method, or -1.
func SignerArg(fn *types.Func) int {
	if fn == nil {
		return -1
	}
	if i, ok := Signers[QualifiedName(fn)]; ok {
		return i
	}
	return -1
}

// IMDS packages of both SDKs.
const (
	V1EC2Metadata = "github.com/aws/aws-sdk-go/aws/ec2metadata"
	V2IMDS        = "github.com/aws/aws-sdk-go-v2/feature/ec2/imds"
)

// IMDSRegion reports whether fn asks the EC2 instance metadata service for
// the Region.
func IMDSRegion(fn *types.Func) bool {
	switch QualifiedName(fn) {
	case "(" + V1EC2Metadata + ".EC2Metadata).Region", "(" + V2IMDS + ".Client).GetRegion":
		return true
	}
	return false
}

// A ConfigOption is what an aws-sdk-go-v2 config.LoadDefaultConfig option
// changes about the STS endpoint or Region, beyond the options in API.
type ConfigOption int

// The config options.
const (
	OptNone       ConfigOption = iota
	OptIMDSRegion              // config.WithEC2IMDSRegion: the Region from IMDS
	OptProfile                 // config.WithSharedConfigProfile: the Region of a profile
	OptResolver                // config.WithEndpointResolver[WithOptions]: a custom resolver
)

var configOptions = map[string]ConfigOption{
	V2Config + ".WithEC2IMDSRegion":               OptIMDSRegion,
	V2Config + ".WithSharedConfigProfile":         OptProfile,
	V2Config + ".WithEndpointResolver":            OptResolver,
	V2Config + ".WithEndpointResolverWithOptions": OptResolver,
}

// V2ConfigOption returns what the config option fn changes.
func V2ConfigOption(fn *types.Func) ConfigOption {
	if fn == nil || fn.Pkg() == nil || Path(fn.Pkg()) != V2Config {
		return OptNone
	}
	return configOptions[QualifiedName(fn)]
}
