package analyzer

// STS004: the legacy (global) STS endpoint mode selected explicitly, in an
// aws.Config, through the string lookup, or through the environment.

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/stsregional/stsregional/analyzer/internal/fix"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

const legacyWhy = "aws-sdk-go v1 then sends STS calls in the 15 legacy Regions to the global endpoint sts.amazonaws.com (us-east-1)"

// scanEnv records whether the package sets AWS_STS_REGIONAL_ENDPOINTS to
// "regional" through os.Setenv: the sessions built afterwards (NewSession,
// NewSessionWithOptions) read it, typically from an init function.
func (c *checker) scanEnv() {
	for _, cur := range c.calls {
		call := cur.Node().(*ast.CallExpr)
		if key, val, ok := c.setenv(call); ok && key == sdk.EnvSTSRegional && strings.EqualFold(val, "regional") {
			c.envRegional = true
			return
		}
	}
}

// setenv returns the constant key and value of an os.Setenv (or
// testing Setenv) call.
func (c *checker) setenv(call *ast.CallExpr) (key, val string, ok bool) {
	if len(call.Args) != 2 {
		return "", "", false
	}
	fn := c.callee(call)
	if fn == nil || !sdk.IsFunc(fn, sdk.OS, "Setenv") && !isTestingSetenv(fn) {
		return "", "", false
	}
	key, ok1 := c.constString(call.Args[0])
	val, ok2 := c.constString(call.Args[1])
	return key, val, ok1 && ok2
}

func (c *checker) checkLegacy() {
	if !c.on[ExplicitLegacy] {
		return
	}
	for _, cur := range c.calls {
		call := cur.Node().(*ast.CallExpr)
		fn := c.callee(call)
		switch {
		case fn == nil:
		case sdk.IsMethod(fn, sdk.V1AWS, "Config", "WithSTSRegionalEndpoint") && len(call.Args) == 1:
			c.checkLegacyValue(call.Args[0])
		case sdk.IsFunc(fn, sdk.V1Endpoints, "GetSTSRegionalEndpoint") && len(call.Args) == 1:
			if s, ok := c.constString(call.Args[0]); ok && strings.EqualFold(s, "legacy") {
				c.report(ExplicitLegacy, call.Args[0], `GetSTSRegionalEndpoint("legacy") selects the legacy STS endpoint mode: `+legacyWhy+`; use "regional"`,
					suggested(`Use "regional"`, nil, fix.Replace(call.Args[0], strconv.Quote("regional"))))
			}
		default:
			if key, val, ok := c.setenv(call); ok && key == sdk.EnvSTSRegional && strings.EqualFold(val, "legacy") {
				c.report(ExplicitLegacy, call.Args[1], "AWS_STS_REGIONAL_ENDPOINTS=legacy selects the legacy STS endpoint mode: "+legacyWhy+`; set it to "regional" (aws-sdk-go-v2 ignores it)`,
					suggested(`Set AWS_STS_REGIONAL_ENDPOINTS to "regional"`, nil, fix.Replace(call.Args[1], strconv.Quote("regional"))))
			}
		}
	}
	for _, cur := range c.lits {
		lit := cur.Node().(*ast.CompositeLit)
		t := c.pass.TypesInfo.TypeOf(lit)
		if sdk.IsNamed(t, sdk.V1AWS, "Config") || sdk.IsNamed(t, sdk.V1Endpoints, "Options") {
			if _, kv := elemWithKey(lit, "STSRegionalEndpoint"); kv != nil {
				c.checkLegacyValue(kv.Value)
			}
			continue
		}
		// Kubernetes EnvVar and similar {Name, Value} literals.
		name, value := c.envVarFields(lit)
		if name == nil || value == nil {
			continue
		}
		key, ok1 := c.constString(c.unwrapPtr(name))
		val, ok2 := c.constString(c.unwrapPtr(value))
		if ok1 && ok2 && key == sdk.EnvSTSRegional && strings.EqualFold(val, "legacy") {
			var f *analysis.SuggestedFix
			if _, isLit := ast.Unparen(value).(*ast.BasicLit); isLit {
				f = suggested(`Set AWS_STS_REGIONAL_ENDPOINTS to "regional"`, nil, fix.Replace(value, strconv.Quote("regional")))
			}
			c.report(ExplicitLegacy, value, "AWS_STS_REGIONAL_ENDPOINTS=legacy selects the legacy STS endpoint mode: "+legacyWhy+`; set it to "regional"`, f)
		}
	}
	for _, cur := range c.asgns {
		as := cur.Node().(*ast.AssignStmt)
		if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			if c.isSTSRegionalField(lhs) {
				c.checkLegacyValue(as.Rhs[i])
			}
		}
	}
}

// isSTSRegionalField reports whether e selects the STSRegionalEndpoint
// field of a v1 aws.Config or endpoints.Options.
func (c *checker) isSTSRegionalField(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "STSRegionalEndpoint" {
		return false
	}
	s, ok := c.pass.TypesInfo.Selections[sel]
	return ok && s.Kind() == types.FieldVal &&
		(sdk.IsNamed(s.Recv(), sdk.V1AWS, "Config") || sdk.IsNamed(s.Recv(), sdk.V1Endpoints, "Options"))
}

// checkLegacyValue reports an STSRegionalEndpoint value that is the legacy
// constant, replacing just the constant's name where it is written as
// endpoints.LegacySTSEndpoint (keeping the file's qualifier).
func (c *checker) checkLegacyValue(value ast.Expr) {
	n, ok := c.constInt(value, 0)
	if !ok || n != sdk.STSLegacy {
		return
	}
	const msg = "STSRegionalEndpoint is set to endpoints.LegacySTSEndpoint: " + legacyWhy + "; use endpoints.RegionalSTSEndpoint"
	const fixMsg = "Use endpoints.RegionalSTSEndpoint"
	var id *ast.Ident
	switch x := ast.Unparen(value).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	}
	if id != nil && sdk.IsConst(c.pass.TypesInfo.Uses[id], sdk.V1Endpoints, "LegacySTSEndpoint") {
		c.report(ExplicitLegacy, value, msg, suggested(fixMsg, nil, fix.Replace(id, "RegionalSTSEndpoint")))
		return
	}
	var f *analysis.SuggestedFix
	if tv, ok := c.pass.TypesInfo.Types[ast.Unparen(value)]; ok && tv.Value != nil {
		im := c.imports(value.Pos())
		f = suggested(fixMsg, im, fix.Replace(value, regionalValue(im)))
	}
	c.report(ExplicitLegacy, value, msg, f)
}
