package flow

// aws-sdk-go-v2 configs and options: where the pseudo-Region aws-global
// reaches an STS client. The same Region is right for global services such
// as Route 53, so a config counts only when it flows into
// sts.NewFromConfig in the package, and sts.Options only when it really is
// the STS client's options.

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// V2GlobalRegions returns the expressions that set the Region of an
// aws-sdk-go-v2 STS client to aws-global: sts.Options literals and
// o.Region stores on *sts.Options, and aws.Config values reaching
// sts.NewFromConfig directly or through a function of this package. A
// client whose BaseEndpoint replaces the SDK's resolution is left out: its
// Region only signs (v2base.go).
func (rt *Routes) V2GlobalRegions() []ast.Expr {
	var out []ast.Expr
	for _, cur := range rt.f.lits {
		lit := cur.Node().(*ast.CompositeLit)
		if sdk.IsNamed(rt.f.info.TypeOf(lit), sdk.V2STS, "Options") {
			if _, r := ElemWithKey(lit, "EndpointResolverV2"); r != nil && rt.f.Resolvers.v2ResolverPinsRegion(r.Value) {
				continue // the resolver replaces the client's Region
			}
			if rt.v2LitBase(lit) != nil {
				continue // the BaseEndpoint replaces the resolution
			}
			if _, kv := ElemWithKey(lit, "Region"); kv != nil && rt.f.Values.IsAWSGlobal(kv.Value) {
				out = append(out, kv.Value)
			}
		}
	}
	for _, cur := range rt.f.asgns {
		as := cur.Node().(*ast.AssignStmt)
		if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			if rt.f.IsFieldOf(lhs, sdk.V2STS, "Options", "Region") && rt.f.Values.IsAWSGlobal(as.Rhs[i]) && !rt.regionStoreBase(cur, lhs) {
				out = append(out, as.Rhs[i])
			}
		}
	}
	for _, cur := range rt.f.calls {
		call := cur.Node().(*ast.CallExpr)
		for _, i := range rt.stsConfigArgs(call) {
			if rt.v2BaseOf(call, i) != nil {
				continue // the Region only signs
			}
			if sp, ok := rt.v2ByCaller(call, i); ok {
				out = append(out, sp.global...)
				continue
			}
			out = append(out, regionsWhere(rt.v2Config(call.Args[i]), v2region.isGlobal)...)
		}
	}
	return out
}

// stsConfigArgs returns the indexes of call's arguments that become the
// aws.Config of a v2 STS client.
func (rt *Routes) stsConfigArgs(call *ast.CallExpr) []int {
	if len(call.Args) == 0 {
		return nil
	}
	if fn, e := rt.f.Lookup(call); fn != nil {
		if e.Role == sdk.V2STSClient {
			return []int{0}
		}
		return rt.paramsToSTS(fn)
	}
	// d.StsProvider(cfg): a function-typed field or variable; follow the
	// functions that reach it (only a function type that mentions an SDK
	// type can hold sts.NewFromConfig or a wrapper of it).
	if tv := rt.f.info.Types[ast.Unparen(call.Fun)]; tv.IsBuiltin() || tv.IsType() {
		return nil // append, make, a conversion: no function value
	}
	if !mentionsAWS(rt.f.info.TypeOf(call.Fun)) {
		return nil
	}
	var out []int
	for _, l := range rt.f.eval.values(call.Fun).Leaves {
		sf, ok := l.Value.(*ssa.Function)
		if !ok {
			continue
		}
		if fn, ok := sf.Object().(*types.Func); ok {
			if sdk.Lookup(fn).Role == sdk.V2STSClient {
				out = append(out, 0)
			}
			out = append(out, rt.paramsToSTS(fn)...)
		}
	}
	return out
}

// paramsToSTS returns the parameter indexes of fn, a function of this
// package, that fn passes unchanged to sts.NewFromConfig.
func (rt *Routes) paramsToSTS(fn *types.Func) []int {
	if fn.Pkg() != rt.f.pass.Pkg {
		return nil
	}
	if idx, ok := rt.toSTS[fn]; ok {
		return idx
	}
	rt.toSTS[fn] = nil
	decl := rt.f.decls[fn]
	if decl == nil || decl.Body == nil {
		return nil
	}
	params := fn.Signature().Params()
	var idx []int
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return true
		}
		if _, e := rt.f.Lookup(call); e.Role != sdk.V2STSClient {
			return true
		}
		if v := rt.f.localVar(call.Args[0]); v != nil {
			for i := 0; i < params.Len(); i++ {
				if params.At(i) == v {
					idx = append(idx, i)
				}
			}
		}
		return true
	})
	rt.toSTS[fn] = idx
	return idx
}
