package analyzer

// The words for flow's typed account of a verdict (flow/why.go): the
// checks and the inventory build their text here, so the deciding layer
// records only what decided.

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/stsregional/stsregional/analyzer/internal/flow"
)

// causeText words why a verdict's mode was chosen; override is the v2
// client's BaseEndpoint value or resolver, which two causes name.
func causeText(c flow.Cause, cond string, override ast.Expr) string {
	switch c {
	case flow.CauseOpaque:
		return "session not visible"
	case flow.CauseGlobalRegion:
		return "aws-global"
	case flow.CauseEmptyRegion:
		return "empty Region"
	case flow.CauseSettingRegional:
		return "STSRegionalEndpoint is regional"
	case flow.CauseSettingRuntime:
		return "STSRegionalEndpoint set at runtime"
	case flow.CauseSettingLegacy:
		return "STSRegionalEndpoint is legacy"
	case flow.CauseSettingLegacyOutside:
		return "STSRegionalEndpoint is legacy, but the Region is outside the legacy list"
	case flow.CauseEnvRegional:
		return "AWS_STS_REGIONAL_ENDPOINTS=regional set by the program before the session is built"
	case flow.CauseAssumedEnv:
		return "assumed regional environment"
	case flow.CauseEndpoint:
		return "explicit endpoint or endpoint variant"
	case flow.CauseEnvLegacy:
		return "AWS_STS_REGIONAL_ENDPOINTS=legacy set by the program before the session is built"
	case flow.CauseEnvChosen:
		return "STSRegionalEndpoint left to AWS_STS_REGIONAL_ENDPOINTS, which is set on this path"
	case flow.CauseRegionOutside:
		return "Region outside the legacy list"
	case flow.CauseLegacyDefault:
		return "legacy STS default"
	case flow.CauseSomePaths:
		return "regional on some paths only; not " + cond
	case flow.CauseV2Default:
		return "aws-sdk-go-v2 resolves STS regionally"
	case flow.CauseV2GlobalRegion:
		return "Region aws-global"
	case flow.CauseV2Resolver:
		return "endpoint resolver " + flow.ExprString(override)
	case flow.CauseV2BaseEndpoint:
		return "BaseEndpoint " + flow.ExprString(override)
	case flow.CauseV2RegionResult:
		return "Region may be aws-global"
	}
	return ""
}

// condText says when the path c names runs: `when region != "" is
// false`, "in case "x" (line 12)", "on the path that skips line 9".
func condText(fset *token.FileSet, c flow.Cond) string {
	line := func(n ast.Node) string { return strconv.Itoa(fset.Position(n.Pos()).Line) }
	switch c.Kind {
	case flow.CondNone:
		return ""
	case flow.CondIf:
		return "when " + types.ExprString(c.Node.(*ast.IfStmt).Cond) + " is " + strconv.FormatBool(c.Truth)
	case flow.CondCase:
		x := c.Node.(*ast.CaseClause)
		label := "the default case"
		if x.List != nil {
			var vals []string
			for _, e := range x.List {
				vals = append(vals, types.ExprString(e))
			}
			label = "case " + strings.Join(vals, ", ")
		}
		if c.Truth {
			return "in " + label + " (line " + line(x) + ")"
		}
		return "outside " + label + " (line " + line(x) + ")"
	case flow.CondLoop:
		if c.Truth {
			return "when the loop at line " + line(c.Node) + " runs"
		}
		return "when the loop at line " + line(c.Node) + " does not run"
	case flow.CondFuncLit:
		if c.Truth {
			return "when the function literal at line " + line(c.Node) + " has run"
		}
		return "when the function literal at line " + line(c.Node) + " has not run"
	case flow.CondSome:
		return "on some paths"
	case flow.CondOther:
		return "on other paths"
	}
	if c.Truth {
		return "on the path through line " + line(c.Node)
	}
	return "on the path that skips line " + line(c.Node)
}

// opaqueWords name each kind of opaque value; % stands for its name.
var opaqueWords = map[flow.OpaqueKind]string{
	flow.OpaqueProvider:     "the config provider %",
	flow.OpaqueSession:      "the session %",
	flow.OpaqueSessionParam: "the session parameter %",
	flow.OpaqueSpread:       "the session built from %...",
	flow.OpaqueReturned:     "the session returned by %",
	flow.OpaqueOptions:      "the session options %",
	flow.OpaqueClient:       "the client %",
	flow.OpaqueClientParam:  "the client parameter %",
}

// opaqueText names a value the analysis cannot see into, with its
// article: "the session parameter sess".
func opaqueText(o flow.Opaque) string {
	name := ""
	switch {
	case o.Obj != nil:
		name = o.Obj.Name()
	case o.Expr != nil:
		name = flow.ExprString(o.Expr)
	}
	if f, ok := opaqueWords[o.Kind]; ok {
		return strings.Replace(f, "%", name, 1)
	}
	return ""
}

// whatText names what a v1 client verdict is about: "client",
// "credential provider (built by newClient)".
func whatText(cl flow.Client) string {
	if cl.BuiltBy != nil {
		return cl.What + " (built by " + cl.BuiltBy.Name() + ")"
	}
	return cl.What
}
