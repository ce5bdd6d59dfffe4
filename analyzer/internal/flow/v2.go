package flow

// aws-sdk-go-v2 configs and options: where the pseudo-Region aws-global
// reaches an STS client. The same Region is right for global services such
// as Route 53, so a config counts only when it flows into
// sts.NewFromConfig in the package, and sts.Options only when it really is
// the STS client's options.

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
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
			out = append(out, rt.v2Regions(call.Args[i], 0, rt.f.Values.IsAWSGlobal)...)
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

// v2Regions returns the expressions that set the Region of the v2
// aws.Config e and that keep accepts (aws-global, for V2GlobalRegions):
// config.WithRegion / WithDefaultRegion options of LoadDefaultConfig,
// aws.Config literals, and cfg.Region stores.
func (rt *Routes) v2Regions(e ast.Expr, depth int, keep func(ast.Expr) bool) []ast.Expr {
	if depth > maxDepth {
		return nil
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.StarExpr:
		return rt.v2Regions(x.X, depth+1, keep)
	case *ast.UnaryExpr:
		return rt.v2Regions(x.X, depth+1, keep)
	case *ast.CompositeLit:
		if _, kv := ElemWithKey(x, "Region"); kv != nil && keep(kv.Value) {
			return []ast.Expr{kv.Value}
		}
	case *ast.CallExpr:
		_, entry := rt.f.Lookup(x)
		switch entry.Role {
		case sdk.V2LoadConfig:
			var out []ast.Expr
			for _, a := range x.Args {
				opt, ok := ast.Unparen(a).(*ast.CallExpr)
				if !ok || len(opt.Args) != 1 {
					continue
				}
				if _, oe := rt.f.Lookup(opt); oe.Role != sdk.V2RegionOption {
					continue
				}
				if keep(opt.Args[0]) {
					out = append(out, opt.Args[0])
					continue
				}
				// A Region from a parameter, a receiver, a field: the
				// constants that reach it, where they are written.
				for _, l := range rt.f.eval.values(opt.Args[0]).Leaves {
					if _, ok := l.Value.(*ssa.Const); ok && !l.Zero && l.Expr != nil && keep(l.Expr) {
						out = append(out, l.Expr)
					}
				}
			}
			return out
		case sdk.V2ConfigCopy:
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				return rt.v2Regions(sel.X, depth+1, keep)
			}
		}
	case *ast.SelectorExpr:
		// A field holding the config (d.cfg): what is stored into it, on
		// SSA, and the stores to its Region through the same field.
		if sel, ok := rt.f.info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			return append(rt.ssaV2Regions(x, depth, keep), rt.fieldRegionStores(sel.Obj(), keep)...)
		}
	case *ast.Ident:
		v := rt.f.localVar(x)
		if v == nil {
			return nil
		}
		if rt.f.params[v] {
			return rt.ssaV2Regions(x, depth, keep)
		}
		var out []ast.Expr
		for _, d := range rt.f.defs[v] {
			if d.rhs == nil || d.index > 0 {
				continue
			}
			if call, ok := ast.Unparen(d.rhs).(*ast.CallExpr); ok && !rt.v2ConfigCall(call) {
				// A helper's or an interface method's result: its
				// returns, on SSA.
				out = append(out, rt.ssaV2Regions(x, depth, keep)...)
				continue
			}
			out = append(out, rt.v2Regions(d.rhs, depth+1, keep)...)
		}
		// Only the stores that reach this use: sts.NewFromConfig copies
		// cfg.Region, so a store after the client changes nothing.
		for _, s := range rt.setsReaching(v, x.Pos()) {
			if s.path == "Region" && keep(s.value) {
				out = append(out, s.value)
			}
		}
		return out
	}
	return nil
}

// setsReaching returns the field stores to v that reach its use at pos,
// in source order (paths.go reaching: every path's, some paths', and those
// following a conditional definition).
func (rt *Routes) setsReaching(v *types.Var, pos token.Pos) []*fieldSet {
	r := rt.f.paths.reaching(v, pos)
	sets := append(append([]*fieldSet{}, r.sets...), r.csets...)
	for _, cs := range r.condSets {
		sets = append(sets, cs...)
	}
	slices.SortFunc(sets, func(a, b *fieldSet) int { return cmp.Compare(a.at, b.at) })
	return slices.CompactFunc(sets, func(a, b *fieldSet) bool { return a == b })
}

// v2ConfigCall reports whether call is one v2Regions reads by its syntax.
func (rt *Routes) v2ConfigCall(call *ast.CallExpr) bool {
	_, entry := rt.f.Lookup(call)
	return entry.Role == sdk.V2LoadConfig || entry.Role == sdk.V2ConfigCopy
}

// ssaV2Regions returns the Regions of the configs that reach e on SSA (a
// parameter's arguments, a field's stores, a helper's returns).
func (rt *Routes) ssaV2Regions(e ast.Expr, depth int, keep func(ast.Expr) bool) []ast.Expr {
	if depth > maxDepth/2 {
		return nil
	}
	var out []ast.Expr
	for _, l := range rt.f.eval.values(e).Leaves {
		if x := exprOr(l); x != nil && x != e {
			rt.f.eval.within(l.Ctx, func() { out = append(out, rt.v2Regions(x, depth+1, keep)...) })
		}
	}
	return out
}

// fieldRegionStores returns the values stored in the package to the
// Region of a config held in field (d.cfg.Region = …) that keep accepts.
func (rt *Routes) fieldRegionStores(field types.Object, keep func(ast.Expr) bool) []ast.Expr {
	var out []ast.Expr
	for _, s := range rt.fieldConfigStores(field, "Region") {
		if keep(s.value) {
			out = append(out, s.value)
		}
	}
	return out
}

// A configStore is one store to a field of an aws.Config: the assignment
// and the stored value.
type configStore struct {
	cur   inspector.Cursor
	value ast.Expr
}

// fieldConfigStores returns the stores in the package to the aws.Config
// field name of a config held in field (d.cfg.Region = …): the field is
// one variable of the closed world of its struct type.
func (rt *Routes) fieldConfigStores(field types.Object, name string) []configStore {
	var out []configStore
	for _, cur := range rt.f.asgns {
		as := cur.Node().(*ast.AssignStmt)
		if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok || !rt.f.IsFieldOf(sel, sdk.V2AWS, "Config", name) {
				continue
			}
			inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			if s, ok := rt.f.info.Selections[inner]; ok && s.Obj() == field {
				out = append(out, configStore{cur, as.Rhs[i]})
			}
		}
	}
	return out
}
