package flow

// aws-sdk-go v1 EndpointFor calls on the SDK's own resolvers.

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// A Resolve is an EndpointFor call on one of the SDK's resolvers that
// resolves STS without the regional option: with no options the setting
// is Unset, which the resolver treats as legacy
// (aws/endpoints/v3model.go, partition.EndpointFor).
type Resolve struct {
	Cur  inspector.Cursor
	Call *ast.CallExpr
	// DropsOptions reports a custom resolver that forwards a non-constant
	// service to EndpointFor but drops the options it was given.
	DropsOptions bool
}

// LegacyResolves returns the EndpointFor calls that resolve STS the legacy
// way.
func (rs *Resolvers) LegacyResolves() []Resolve {
	var out []Resolve
	for _, cur := range rs.f.calls {
		call := cur.Node().(*ast.CallExpr)
		if _, e := rs.f.Lookup(call); e.Role != sdk.V1EndpointFor || len(call.Args) < 2 {
			continue
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); !ok || !rs.isSDKResolver(sel.X, 0) {
			// An endpoints.Resolver holding the program's own resolver
			// decides by its own code, not by the options.
			continue
		}
		if discarded(cur) {
			// Only the error is looked at, as a Region check: the
			// endpoint goes nowhere.
			continue
		}
		r := Resolve{Cur: cur, Call: call}
		svc, ok := rs.f.Values.ConstString(call.Args[0])
		if !ok {
			// A resolver that forwards a non-constant service but drops the
			// options it was given loses the session's STS setting.
			if !rs.dropsResolverOpts(cur, call) {
				continue
			}
			r.DropsOptions = true
		} else if svc != sdk.V1ResolverService {
			continue
		}
		if rs.passesRegionalOption(call) {
			// Includes forwarded options (opts...), which carry the
			// session's setting.
			continue
		}
		if rs.ResolverBranchDead(call.Pos(), false) {
			// A branch of a program's resolver that the SDK's arguments
			// never take (resolverfn.go).
			continue
		}
		out = append(out, r)
	}
	return out
}

// isSDKResolver reports whether e provably is one of the SDK's own
// resolvers: a Partition value, or a Resolver obtained from a function of
// the endpoints package (DefaultResolver, AwsPartition …), directly or
// through variables.
func (rs *Resolvers) isSDKResolver(e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	e = ast.Unparen(e)
	if sdk.IsNamed(rs.f.info.TypeOf(e), sdk.V1Endpoints, "Partition") {
		return true
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		fn := rs.f.Callee(x)
		return fn != nil && sdk.Path(fn.Pkg()) == sdk.V1Endpoints &&
			!sdk.IsNamed(rs.f.info.TypeOf(x.Fun), sdk.V1Endpoints, "ResolverFunc")
	case *ast.Ident:
		v := rs.f.localVar(x)
		if v == nil || rs.f.params[v] || len(rs.f.defs[v]) == 0 {
			return false
		}
		for _, d := range rs.f.defs[v] {
			if d.rhs == nil || d.index > 0 || !rs.isSDKResolver(d.rhs, depth+1) {
				return false
			}
		}
		return true
	case *ast.SelectorExpr:
		// r.next, a field of the program's resolver type: what every
		// store to it holds (a closed world of the package's struct).
		r := rs.f.eval.values(x)
		if r.Open || len(r.Leaves) == 0 {
			return false
		}
		for _, l := range r.Leaves {
			if l.Expr == nil || ast.Unparen(l.Expr) == x || !rs.isSDKResolver(l.Expr, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// passesRegionalOption reports whether the option arguments may select the
// regional STS endpoint: endpoints.STSRegionalEndpointOption, a function
// literal storing RegionalSTSEndpoint, or an option the analysis cannot
// see into (given the benefit of the doubt). Other options of the
// endpoints package (StrictMatchingOption …) do not.
func (rs *Resolvers) passesRegionalOption(call *ast.CallExpr) bool {
	if call.Ellipsis.IsValid() {
		return true
	}
	for _, a := range call.Args[2:] {
		if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok {
			if rs.storesRegional(lit) {
				return true
			}
			continue
		}
		id := NameIdent(a)
		if id == nil {
			return true
		}
		if fn, ok := rs.f.info.Uses[id].(*types.Func); ok && sdk.Path(fn.Pkg()) == sdk.V1Endpoints {
			if sdk.Lookup(fn).Role == sdk.V1RegionalOption {
				return true
			}
			continue
		}
		return true
	}
	return false
}

// storesRegional reports whether a function literal stores
// RegionalSTSEndpoint into an STSRegionalEndpoint field.
func (rs *Resolvers) storesRegional(lit *ast.FuncLit) bool {
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
			for i, lhs := range as.Lhs {
				if rs.IsSTSModeField(lhs) {
					if v, ok := rs.f.Values.ConstInt(as.Rhs[i]); ok && v == sdk.STSRegional {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

// IsSTSModeField reports whether e selects the STSRegionalEndpoint field
// of a v1 aws.Config or endpoints.Options.
func (rs *Resolvers) IsSTSModeField(e ast.Expr) bool {
	return rs.f.IsFieldOf(e, sdk.V1AWS, "Config", "STSRegionalEndpoint") ||
		rs.f.IsFieldOf(e, sdk.V1Endpoints, "Options", "STSRegionalEndpoint")
}

// dropsResolverOpts reports whether call is inside a function that
// receives endpoint options (...func(*endpoints.Options)) and does not
// pass any on.
func (rs *Resolvers) dropsResolverOpts(cur inspector.Cursor, call *ast.CallExpr) bool {
	if len(call.Args) > 2 {
		return false
	}
	sig := rs.f.EnclosingSig(cur)
	if sig == nil || !sig.Variadic() {
		return false
	}
	slice, ok := sig.Params().At(sig.Params().Len() - 1).Type().Underlying().(*types.Slice)
	if !ok {
		return false
	}
	fsig, ok := slice.Elem().Underlying().(*types.Signature)
	return ok && fsig.Params().Len() == 1 && sdk.IsNamed(fsig.Params().At(0).Type(), sdk.V1Endpoints, "Options")
}

// discarded reports whether the endpoint result of the call at cur is
// thrown away: the call is a statement, or its first result is assigned to
// the blank identifier.
func discarded(cur inspector.Cursor) bool {
	switch p := cur.Parent().Node().(type) {
	case *ast.ExprStmt:
		return true
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && len(p.Lhs) > 0 {
			id, ok := p.Lhs[0].(*ast.Ident)
			return ok && id.Name == "_"
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && len(p.Names) > 0 {
			return p.Names[0].Name == "_"
		}
	}
	return false
}
