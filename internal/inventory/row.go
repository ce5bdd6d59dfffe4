// Package inventory is the STS map of a code base: one Row per STS route
// (an STS client, a credential provider that builds or uses one, a raw or
// hand-signed HTTP request to an STS host), with the endpoint it resolves
// to and why. The analyzer decides the rows and ships them to the front-end
// as diagnostics (see Encode and Decode: the go command's unit protocol
// carries nothing else); the front-end merges, sorts and renders them as an
// aligned text table, a versioned JSON document or a Markdown summary.
//
// The package holds no analysis: it only describes, carries and renders
// what the analyzer decided.
package inventory

import (
	"fmt"
	"strconv"
	"strings"
)

// SDK values of Row.SDK.
const (
	SDKV1   = "v1"   // github.com/aws/aws-sdk-go
	SDKV2   = "v2"   // github.com/aws/aws-sdk-go-v2
	SDKHTTP = "http" // net/http, no SDK client
)

// Kinds of route (Row.Kind). The JSON value is the constant's value; Label
// gives the words the text and Markdown tables use.
const (
	// KindClient is an STS client the code builds itself: v1 sts.New, v2
	// sts.New or sts.NewFromConfig.
	KindClient = "client"
	// KindHiddenClient is an STS client built inside a v1 credential
	// provider from a session: stscreds.NewCredentials.
	KindHiddenClient = "hidden-client"
	// KindAssumeRole is an assume-role credential provider over a client the
	// code passes in (v1 NewCredentialsWithClient, AssumeRoleProvider
	// literals; v2 stscreds.NewAssumeRoleProvider).
	KindAssumeRole = "assume-role"
	// KindWebIdentity is a web-identity credential provider (v1
	// NewWebIdentityCredentials builds its own client; the others and v2
	// stscreds.NewWebIdentityRoleProvider take one).
	KindWebIdentity = "web-identity"
	// KindPresign is a v2 presign client (sts.NewPresignClient), whose URLs
	// go to the endpoint of the client it wraps.
	KindPresign = "presign-client"
	// KindRawRequest is an HTTP request to an STS host built with net/http.
	KindRawRequest = "raw-request"
	// KindSignedRequest is a hand-signed (SigV4) HTTP request to an STS host.
	KindSignedRequest = "signed-request"
)

var kindLabels = map[string]string{
	KindClient:        "client",
	KindHiddenClient:  "hidden client",
	KindAssumeRole:    "assume role",
	KindWebIdentity:   "web identity",
	KindPresign:       "presign client",
	KindRawRequest:    "raw request",
	KindSignedRequest: "hand-signed request",
}

// Kinds lists every kind, in the order reports list them.
var Kinds = []string{KindClient, KindHiddenClient, KindAssumeRole, KindWebIdentity, KindPresign, KindRawRequest, KindSignedRequest}

// Endpoint modes (Endpoint.Mode).
const (
	// ModeRegional: sts.<region>.amazonaws.com on every path.
	ModeRegional = "regional"
	// ModeGlobal: sts.amazonaws.com whatever the environment says
	// (aws-global, an empty v1 Region, a v2 override pinning the global host).
	ModeGlobal = "global"
	// ModeGlobalLegacy: v1 in legacy mode chosen by the code: the global
	// host in the 15 legacy Regions, regional elsewhere.
	ModeGlobalLegacy = "global-legacy"
	// ModeExplicit: an explicit endpoint bypasses the SDK's resolution;
	// Detail holds its value or its source.
	ModeExplicit = "explicit"
	// ModeConfig: v1 leaves the mode to AWS_STS_REGIONAL_ENDPOINTS or the
	// shared config's sts_regional_endpoints (global in the 15 legacy
	// Regions when neither says regional).
	ModeConfig = "env-config"
	// ModeConditional: regional on some paths only; Detail holds the
	// condition under which it is not.
	ModeConditional = "conditional"
	// ModeUnknown: the analysis cannot tell (a client from outside the
	// analysed code); Detail says why.
	ModeUnknown = "unknown"
)

// Modes lists every endpoint mode, in the order summaries list them.
var Modes = []string{ModeRegional, ModeGlobal, ModeGlobalLegacy, ModeExplicit, ModeConfig, ModeConditional, ModeUnknown}

var modeLabels = map[string]string{
	ModeRegional:     "regional",
	ModeGlobal:       "global",
	ModeGlobalLegacy: "global in the 15 legacy Regions",
	ModeExplicit:     "explicit",
	ModeConfig:       "depends on AWS_STS_REGIONAL_ENDPOINTS / shared config",
	ModeConditional:  "conditional",
	ModeUnknown:      "unknown",
}

// modeShort are the column headers of the per-package table, where the
// full labels would make it too wide.
var modeShort = map[string]string{
	ModeGlobalLegacy: "legacy Regions",
	ModeConfig:       "env / shared config",
}

// ModeShort returns a short name for an endpoint mode, for column headers.
func ModeShort(mode string) string {
	if s, ok := modeShort[mode]; ok {
		return s
	}
	return ModeLabel(mode)
}

// Region sources (Region.Source).
const (
	RegionConstant    = "constant"    // Value is the Region
	RegionParameter   = "parameter"   // Value names the parameter
	RegionEnvironment = "environment" // AWS_REGION / AWS_DEFAULT_REGION (Value: the variable when known)
	RegionIMDS        = "imds"        // the EC2 instance metadata service
	RegionProfile     = "profile"     // the shared config profile (Value: its name when constant)
	RegionExpression  = "expression"  // a value computed at run time (Value: the expression)
	RegionUnknown     = "unknown"
)

// Evidence roles (Evidence.Role).
const (
	EvidenceSession  = "session"  // the v1 session or v2 config the route is built from
	EvidenceSetting  = "setting"  // the setting that decides the mode (STSRegionalEndpoint, Region)
	EvidenceOverride = "override" // an endpoint or resolver override
	EvidenceRegion   = "region"   // where the Region is set
	EvidenceClient   = "client"   // the STS client a provider or presign client calls through, or the construction inside a helper
)

// A Row is one STS route.
type Row struct {
	// File, Line and Column locate the route's construction site: the
	// call or literal that builds the client, provider or request. File is
	// relative to the working directory (slash-separated) once rendered;
	// on the wire it is the absolute name the analyzer saw.
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	// Package is the import path of the package holding the route.
	Package string `json:"package"`
	// SDK is SDKV1, SDKV2 or SDKHTTP.
	SDK string `json:"sdk"`
	// Kind is one of the Kind constants.
	Kind string `json:"kind"`
	// Call is the constructor as the user knows it, package-qualified
	// ("sts.New", "stscreds.NewCredentials", "http.NewRequest"), or
	// "stscreds.AssumeRoleProvider{}" for a literal.
	Call string `json:"call"`
	// Endpoint is where the route's requests go.
	Endpoint Endpoint `json:"endpoint"`
	// Region is where the Region comes from; nil for raw requests.
	Region *Region `json:"region,omitempty"`
	// Evidence are the positions that decide the endpoint.
	Evidence []Evidence `json:"evidence,omitempty"`
	// Check is the ID of the finding reported at this route ("" if none).
	Check string `json:"check,omitempty"`
	// Suppressed reports that a directive suppresses that finding;
	// SuppressReason is the directive's reason.
	Suppressed     bool   `json:"suppressed,omitempty"`
	SuppressReason string `json:"suppress_reason,omitempty"`
	// Findings are every finding whose route this is, where each is
	// reported: at the route, at a position that decides its endpoint, or
	// at the other end (the session or value a finding's related location
	// leads from to this route). Check names the first of them.
	Findings []Finding `json:"findings,omitempty"`
}

// A Finding is one finding on a route: its check ID and where it is
// reported, so that a route leads to its finding as the finding's related
// locations lead to its routes.
type Finding struct {
	Check      string `json:"check"`
	File       string `json:"file"`
	Line       int    `json:"line"`
	Column     int    `json:"column"`
	Suppressed bool   `json:"suppressed,omitempty"`
}

// An Endpoint is the endpoint a route resolves to.
type Endpoint struct {
	// Mode is one of the Mode constants.
	Mode string `json:"mode"`
	// Detail is the explicit endpoint's value or source (ModeExplicit), the
	// condition (ModeConditional), or the reason (ModeUnknown).
	Detail string `json:"detail,omitempty"`
}

// String returns the endpoint as the tables show it, e.g. "regional" or
// "explicit: https://sts.amazonaws.com".
func (e Endpoint) String() string {
	l, ok := modeLabels[e.Mode]
	if !ok {
		l = e.Mode
	}
	if e.Detail != "" {
		return l + ": " + e.Detail
	}
	return l
}

// ModeLabel returns the words for an endpoint mode.
func ModeLabel(mode string) string {
	if l, ok := modeLabels[mode]; ok {
		return l
	}
	return mode
}

// KindLabel returns the words for a kind of route.
func KindLabel(kind string) string {
	if l, ok := kindLabels[kind]; ok {
		return l
	}
	return kind
}

// A Region says where a route's Region comes from.
type Region struct {
	// Source is one of the Region constants.
	Source string `json:"source"`
	// Value is the constant Region, the parameter's name, the environment
	// variable, the profile or the expression, when known.
	Value string `json:"value,omitempty"`
}

// String returns the Region as the tables show it: `"eu-west-1"`,
// "parameter region", "environment", "IMDS".
func (r *Region) String() string {
	if r == nil {
		return "-"
	}
	switch r.Source {
	case RegionConstant:
		return strconv.Quote(r.Value)
	case RegionIMDS:
		return "IMDS"
	}
	if r.Value != "" {
		return r.Source + " " + r.Value
	}
	return r.Source
}

// Evidence is one position that decides a route's endpoint.
type Evidence struct {
	// Role is one of the Evidence constants.
	Role   string `json:"role"`
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// Pos returns "file:line:col" of the route.
func (r Row) Pos() string { return fmt.Sprintf("%s:%d:%d", r.File, r.Line, r.Column) }

// Finding returns the finding column: "-", "STS003" or "STS003
// (suppressed: reason)".
func (r Row) Finding() string {
	switch {
	case r.Check == "":
		return "-"
	case r.Suppressed && r.SuppressReason != "":
		return r.Check + " (suppressed: " + r.SuppressReason + ")"
	case r.Suppressed:
		return r.Check + " (suppressed)"
	}
	return r.Check
}

// KindString returns the kind column: the call, and the kind's words when
// the call alone does not say it ("stscreds.NewCredentials (hidden
// client)").
func (r Row) KindString() string {
	l := KindLabel(r.Kind)
	if r.Call == "" {
		return l
	}
	if r.Kind == KindClient {
		return r.Call
	}
	return r.Call + " (" + l + ")"
}

// EvidenceString returns the evidence column: "session 12:7, setting
// 14:2", with the file only where it differs from the route's.
func (r Row) EvidenceString() string {
	if len(r.Evidence) == 0 {
		return "-"
	}
	parts := make([]string, len(r.Evidence))
	for i, e := range r.Evidence {
		if e.File == r.File {
			parts[i] = fmt.Sprintf("%s %d:%d", e.Role, e.Line, e.Column)
		} else {
			parts[i] = fmt.Sprintf("%s %s:%d:%d", e.Role, e.File, e.Line, e.Column)
		}
	}
	return strings.Join(parts, ", ")
}
