package analyzer

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/stsregional/stsregional/analyzer/internal/fix"
	"github.com/stsregional/stsregional/analyzer/internal/flow"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

var sts004 = Check{
	ID:       ExplicitLegacy,
	Category: "explicit-legacy-sts-endpoint",
	Default:  true,
	Doc: Doc{
		Title: "legacy STS endpoint mode selected explicitly",
		Text: "`STSRegionalEndpoint: endpoints.LegacySTSEndpoint` (in `aws.Config` or `endpoints.Options`, via " +
			"`WithSTSRegionalEndpoint` or an assignment), `endpoints.GetSTSRegionalEndpoint(\"legacy\")`, " +
			"`os.Setenv(\"AWS_STS_REGIONAL_ENDPOINTS\", \"legacy\")`, or an env-var literal `{Name: " +
			"\"AWS_STS_REGIONAL_ENDPOINTS\", Value: \"legacy\"}`.\n\n" +
			"Why: `legacy` sends the 15 legacy Regions to `sts.amazonaws.com` (us-east-1). Clients built with an " +
			"explicit legacy setting are reported here, not again as STS002/STS003. aws-sdk-go-v2 ignores " +
			"`AWS_STS_REGIONAL_ENDPOINTS`, so `os.Setenv` of it in a package that does not depend on aws-sdk-go " +
			"v1 (even transitively) is not reported, nor is one replaced by another `os.Setenv` of the variable " +
			"in the same block before any call could read it.\n\n" +
			"The legacy mode moves only the 15 legacy Regions (listed under STS003) to the global endpoint " +
			"(aws-sdk-go v1 `aws/endpoints/v3model.go`, `isLegacyGlobalRegion`): a `LegacySTSEndpoint` setting " +
			"whose every Region is a constant outside that list (`ap-east-1`, `af-south-1`) calls no global " +
			"endpoint and is not reported. The Regions are those of the v1 STS clients of the package the " +
			"setting reaches (a client config's Region included); a setting in an `aws.Config` literal that " +
			"reaches no visible client is judged by the literal's own Region. A Region set at run time, a legacy " +
			"Region on any client the setting reaches, or no visible Region is still reported, as are `\"legacy\"` " +
			"strings (`GetSTSRegionalEndpoint`, `os.Setenv`, env-var literals), whose Regions are not followed.",
		Wrong: "os.Setenv(\"AWS_STS_REGIONAL_ENDPOINTS\", \"legacy\")\ncfg := &aws.Config{Region: aws.String(\"eu-west-1\"), STSRegionalEndpoint: endpoints.LegacySTSEndpoint}",
		Right: "os.Setenv(\"AWS_STS_REGIONAL_ENDPOINTS\", \"regional\")\ncfg := &aws.Config{Region: aws.String(\"eu-west-1\"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}",
		Fix:   "`LegacySTSEndpoint` becomes `RegionalSTSEndpoint`; `\"legacy\"` becomes `\"regional\"`.",
	},
	Run: runSTS004,
}

// envLegacyMsg is the headline of AWS_STS_REGIONAL_ENDPOINTS=legacy.
const envLegacyMsg = `AWS_STS_REGIONAL_ENDPOINTS=legacy keeps v1 STS on the global endpoint; set it to "regional"`

func runSTS004(p *pass) {
	f := p.flow
	for _, cur := range f.Calls() {
		call := cur.Node().(*ast.CallExpr)
		_, e := f.Lookup(call)
		switch {
		case e.Role == sdk.V1ConfigSetter && e.Field == "STSRegionalEndpoint" && len(call.Args) == 1:
			p.checkLegacyValue(call.Args[0], nil)
		case e.Role == sdk.V1ParseSTSMode && len(call.Args) == 1:
			if s, ok := f.Values.ConstString(call.Args[0]); ok && strings.EqualFold(s, "legacy") {
				p.report(ExplicitLegacy, call.Args[0], `GetSTSRegionalEndpoint("legacy") keeps v1 STS on the global endpoint; use "regional"`,
					suggested(`Use "regional"`, nil, fix.Replace(call.Args[0], strconv.Quote("regional"))))
			}
		case e.Role == sdk.EnvSetter && f.Env.LinksV1():
			// Only aws-sdk-go v1 reads the variable: in a program without
			// it, the setting has no effect.
			// A setting replaced before anything can read it has no
			// effect.
			if key, val, ok := f.Env.Setenv(call); ok && key == sdk.EnvSTSRegional && strings.EqualFold(val, "legacy") && !f.Env.Overwritten(cur) {
				p.report(ExplicitLegacy, call.Args[1], envLegacyMsg,
					suggested(`Set AWS_STS_REGIONAL_ENDPOINTS to "regional"`, nil, fix.Replace(call.Args[1], strconv.Quote("regional"))))
			}
		}
	}
	for _, cur := range f.Lits() {
		lit := cur.Node().(*ast.CompositeLit)
		t := p.TypesInfo.TypeOf(lit)
		if isConfig := sdk.IsNamed(t, sdk.V1AWS, "Config"); isConfig || sdk.IsNamed(t, sdk.V1Endpoints, "Options") {
			if _, kv := flow.ElemWithKey(lit, "STSRegionalEndpoint"); kv != nil {
				var local ast.Expr
				if isConfig {
					local = lit
				}
				p.checkLegacyValue(kv.Value, local)
			}
			continue
		}
		// Kubernetes EnvVar and similar {Name, Value} literals.
		name, value := f.EnvVarFields(lit)
		if name == nil || value == nil {
			continue
		}
		key, ok1 := f.Values.ConstString(f.Values.UnwrapPtr(name))
		val, ok2 := f.Values.ConstString(f.Values.UnwrapPtr(value))
		if ok1 && ok2 && key == sdk.EnvSTSRegional && strings.EqualFold(val, "legacy") {
			var sf *analysis.SuggestedFix
			if _, isLit := ast.Unparen(value).(*ast.BasicLit); isLit {
				sf = suggested(`Set AWS_STS_REGIONAL_ENDPOINTS to "regional"`, nil, fix.Replace(value, strconv.Quote("regional")))
			}
			p.report(ExplicitLegacy, value, envLegacyMsg, sf)
		}
	}
	for _, cur := range f.Assigns() {
		as := cur.Node().(*ast.AssignStmt)
		if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			if f.Resolvers.IsSTSModeField(lhs) {
				p.checkLegacyValue(as.Rhs[i], nil)
			}
		}
	}
}

// checkLegacyValue reports an STSRegionalEndpoint value that is the legacy
// constant, replacing just the constant's name where it is written as
// endpoints.LegacySTSEndpoint (keeping the file's qualifier). A setting
// whose every Region is a constant outside the legacy list is not
// reported: v1 resolves those Regions regionally in legacy mode too. local
// is the aws.Config literal holding the setting, or nil.
func (p *pass) checkLegacyValue(value, local ast.Expr) {
	n, ok := p.flow.Values.ConstInt(value)
	if !ok || n != sdk.STSLegacy || p.flow.Sessions.LegacyOutsideList(value, local) {
		return
	}
	// A setting that flows into nothing of the SDK (a test table's
	// expected config only compared) selects no endpoint.
	if !p.flow.ReachesSDK(value) {
		return
	}
	const msg = "LegacySTSEndpoint keeps v1 STS on the global endpoint; use endpoints.RegionalSTSEndpoint"
	const fixMsg = "Use endpoints.RegionalSTSEndpoint"
	if id := flow.NameIdent(value); id != nil && sdk.IsConst(p.TypesInfo.Uses[id], sdk.V1Endpoints, "LegacySTSEndpoint") {
		p.report(ExplicitLegacy, value, msg, suggested(fixMsg, nil, fix.Replace(id, "RegionalSTSEndpoint")))
		return
	}
	var sf *analysis.SuggestedFix
	if tv, ok := p.TypesInfo.Types[ast.Unparen(value)]; ok && tv.Value != nil {
		im := p.imports(value.Pos())
		sf = suggested(fixMsg, im, fix.Replace(value, regionalValue(im)))
	}
	p.report(ExplicitLegacy, value, msg, sf)
}
