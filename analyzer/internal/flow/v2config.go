package flow

// One walk of an aws-sdk-go-v2 aws.Config (or sts.Options) value: what
// reaches the config an STS client is built from. The inventory
// (V2Clients), STS006's aws-global Regions (V2GlobalRegions), the
// parameter facts (Facts.regionSinks) and the BaseEndpoint rules
// (v2base.go) all read this one result, so the three questions they ask —
// which Region decides, which Regions may reach it, whether a
// BaseEndpoint replaces the SDK's resolution — follow the same values:
// literals, LoadDefaultConfig and its options, Copy, the definitions and
// field stores of a local variable that reach its use (paths.go), and, on
// SSA, a parameter's callers, a field's stores and a helper's returns in
// the calling context they were reached through.

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
	"github.com/stsregional/stsregional/internal/inventory"
)

// A v2region is one Region value that may reach a v2 config: the
// expression, its constant value when it has one (known), and, when it is
// not constant, the constants that reach it, where they are written.
type v2region struct {
	expr   ast.Expr
	value  string
	known  bool
	leaves []v2region
}

// isGlobal reports whether r is the constant pseudo Region aws-global.
func (r v2region) isGlobal() bool { return r.known && r.value == sdk.GlobalRegion }

// isOpen reports whether r is not a constant.
func (r v2region) isOpen() bool { return !r.known }

// regionsWhere returns the Region expressions of c that keep accepts: a
// Region itself, or, where it is not accepted, the constants that reach
// it.
func regionsWhere(c v2conf, keep func(v2region) bool) []ast.Expr {
	var out []ast.Expr
	for _, r := range c.regions {
		if keep(r) {
			out = append(out, r.expr)
			continue
		}
		for _, l := range r.leaves {
			if keep(l) {
				out = append(out, l.expr)
			}
		}
	}
	return out
}

// regionOf classifies one Region expression in the current calling
// context; for one that is not constant (a parameter, a receiver, a
// field), the constants that reach it, where they are written: on the
// path of each, the client's Region is that constant.
func (rt *Routes) regionOf(e ast.Expr) v2region {
	r := rt.constRegion(e)
	if !r.known {
		for _, l := range rt.f.eval.values(e).Leaves {
			if _, ok := l.Value.(*ssa.Const); ok && !l.Zero && l.Expr != nil {
				r.leaves = append(r.leaves, rt.constRegion(l.Expr))
			}
		}
	}
	return r
}

// constRegion classifies e by its constant value alone.
func (rt *Routes) constRegion(e ast.Expr) v2region {
	s, ok := rt.f.Values.ConstString(rt.f.Values.UnwrapPtr(e))
	return v2region{expr: e, value: s, known: ok}
}

// v2Config evaluates the config expression e; the answer for an
// expression outside any calling context is computed once.
func (rt *Routes) v2Config(e ast.Expr) v2conf {
	if len(rt.f.eval.ctx) > 0 {
		return rt.v2ConfigOf(e, 0)
	}
	if c, ok := rt.v2confs[e]; ok {
		return c
	}
	c := rt.v2ConfigOf(e, 0)
	c.regions = slices.Clip(c.regions)
	rt.v2confs[e] = c
	return c
}

// v2ConfigOf computes v2Config.
func (rt *Routes) v2ConfigOf(e ast.Expr, depth int) v2conf {
	unknown := v2conf{regionFrom: RegionFrom{Source: inventory.RegionUnknown}}
	if depth > maxDepth {
		return unknown
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.StarExpr:
		return rt.v2ConfigOf(x.X, depth+1)
	case *ast.UnaryExpr:
		return rt.v2ConfigOf(x.X, depth+1)
	case *ast.CompositeLit:
		c := v2conf{origin: x, regionFrom: unknown.regionFrom}
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					rt.v2Field(&c, id.Name, kv.Value)
				}
			}
		}
		c.base = rt.v2LitBase(x)
		return c
	case *ast.CallExpr:
		fn, entry := rt.f.Lookup(x)
		switch entry.Role {
		case sdk.V2LoadConfig:
			return rt.evalLoadConfig(x)
		case sdk.V2ConfigCopy:
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				return rt.v2ConfigOf(sel.X, depth+1)
			}
		}
		if fn != nil {
			unknown.regionFrom.Config = fn
		}
		return unknown
	case *ast.SelectorExpr:
		// A field holding the config (d.cfg): what is stored into it, on
		// SSA, and the stores to its Region and BaseEndpoint through the
		// same field (the field is one variable of the closed world of
		// its struct type).
		sel, ok := rt.f.info.Selections[x]
		if !ok || sel.Kind() != types.FieldVal {
			return unknown
		}
		c := unknown
		c.regions, c.base = rt.ssaConfigs(x, depth)
		for _, s := range rt.fieldConfigStores(sel.Obj(), "Region") {
			c.regions = append(c.regions, rt.regionOf(s.value))
		}
		for _, s := range rt.fieldConfigStores(sel.Obj(), "BaseEndpoint") {
			if c.base != nil {
				break
			}
			if rt.v2BaseStore(s.cur, s.value, funcBody(s.cur)) {
				c.base = s.value
			}
		}
		return c
	case *ast.Ident:
		if v := rt.f.localVar(x); v != nil {
			return rt.v2ConfigVar(v, x, depth)
		}
	}
	return unknown
}

// v2ConfigVar evaluates the config variable v at its use x. The Region
// that decides is the first definition's (the others are error paths more
// often than not: cfg, err := …; if err …) and then the stores that reach
// x; every definition's Regions, a parameter's callers' and every reaching
// store's may reach it. A BaseEndpoint replaces the resolution when every
// definition carries one or a store that reaches x does: a store on every
// path decides in source order, one on some paths only when it is guarded
// by a test that its value is not empty (the other paths hold the empty
// value, which is no override). sts.NewFromConfig copies the config, so a
// store after the client changes nothing.
func (rt *Routes) v2ConfigVar(v *types.Var, x *ast.Ident, depth int) v2conf {
	c := v2conf{regionFrom: RegionFrom{Source: inventory.RegionUnknown}}
	defs := rt.f.defs[v]
	// On SSA, once: a parameter's callers, a helper's returns.
	var ssaRegions []v2region
	var ssaBase ast.Expr
	ssaDone := false
	viaSSA := func() {
		if !ssaDone {
			ssaRegions, ssaBase = rt.ssaConfigs(x, depth)
			ssaDone = true
		}
	}
	if rt.f.params[v] {
		viaSSA()
		c.regions = append(c.regions, ssaRegions...)
		if len(defs) == 0 {
			c.regionFrom = RegionFrom{Source: inventory.RegionParameter, Value: v.Name() + ".Region"}
			c.base = ssaBase
		}
	}
	first, every := true, true
	for _, d := range defs {
		if d.rhs == nil || d.index > 0 {
			continue
		}
		sub := rt.v2ConfigOf(d.rhs, depth+1)
		if call, ok := ast.Unparen(d.rhs).(*ast.CallExpr); ok && !rt.v2ConfigCall(call) {
			// A helper's or an interface method's result: its returns,
			// on SSA.
			viaSSA()
			sub.regions, sub.base = ssaRegions, ssaBase
		}
		if first {
			c.region, c.regionFrom, c.override, c.resolver, c.origin = sub.region, sub.regionFrom, sub.override, sub.resolver, sub.origin
			c.base, first = sub.base, false
		}
		if !rt.f.params[v] {
			// A parameter's definitions are among its SSA values.
			c.regions = append(c.regions, sub.regions...)
		}
		every = every && sub.base != nil
	}
	if !every {
		c.base = nil
	}
	r := rt.f.paths.reaching(v, x.Pos())
	for _, s := range reachingSets(r) {
		rt.v2Field(&c, s.path, s.value)
	}
	// Stores on every path, in source order: the last one decides.
	for _, s := range r.sets {
		if s.path == "BaseEndpoint" {
			c.base = nil
			if rt.v2BaseStore(s.cur, s.value, nil) {
				c.base = s.value
			}
		}
	}
	// Stores on some paths: only a guarded one is an override.
	for _, s := range conditionalSets(r) {
		if s.path == "BaseEndpoint" && rt.v2BaseStore(s.cur, s.value, x) {
			c.base = s.value
		}
	}
	return c
}

// ssaConfigs evaluates the configs that reach e on SSA (a parameter's
// arguments, a field's stores, a helper's returns), each in the calling
// context it was reached through: the Regions of every one, and the
// BaseEndpoint when every one carries one.
func (rt *Routes) ssaConfigs(e ast.Expr, depth int) (regions []v2region, base ast.Expr) {
	if depth > maxDepth/2 {
		return nil, nil
	}
	r := rt.f.eval.values(e)
	every := !r.Open && len(r.Leaves) > 0
	for _, l := range r.Leaves {
		x := exprOr(l)
		if x == nil || x == e {
			every = false
			continue
		}
		var sub v2conf
		rt.f.eval.within(l.Ctx, func() { sub = rt.v2ConfigOf(x, depth+1) })
		regions = append(regions, sub.regions...)
		if sub.base == nil {
			every = false
		} else if base == nil {
			base = sub.base
		}
	}
	if !every {
		base = nil
	}
	return regions, base
}

// v2ConfigCall reports whether call is a config the walk reads by its
// syntax (LoadDefaultConfig, Copy) rather than through its returns.
func (rt *Routes) v2ConfigCall(call *ast.CallExpr) bool {
	_, entry := rt.f.Lookup(call)
	return entry.Role == sdk.V2LoadConfig || entry.Role == sdk.V2ConfigCopy
}

// v2Field applies one aws.Config or sts.Options field.
func (rt *Routes) v2Field(c *v2conf, field string, value ast.Expr) {
	if value == nil {
		return
	}
	switch field {
	case "Region":
		c.region, c.regionFrom = value, rt.RegionSource(value)
		c.regions = append(c.regions, rt.regionOf(value))
	case "BaseEndpoint":
		c.override, c.resolver = value, false
	case "EndpointResolver", "EndpointResolverWithOptions", "EndpointResolverV2":
		if id, ok := ast.Unparen(value).(*ast.Ident); ok && id.Name == "nil" {
			return
		}
		c.override, c.resolver = value, true
	}
}

// evalLoadConfig evaluates config.LoadDefaultConfig(ctx, opts...): the
// Regions its config.WithRegion and WithDefaultRegion options set, and
// the first config.WithBaseEndpoint argument that sets a BaseEndpoint:
// only a non-empty one does (config load_options.go:333-334), which
// explicitEndpoint decides as it does for a v1 Endpoint.
func (rt *Routes) evalLoadConfig(call *ast.CallExpr) v2conf {
	c := v2conf{origin: call, regionFrom: RegionFrom{Source: inventory.RegionEnvironment, Value: "AWS_REGION"}}
	if call.Ellipsis.IsValid() {
		c.regionFrom = RegionFrom{Source: inventory.RegionUnknown}
		return c
	}
	for _, a := range call.Args[min(1, len(call.Args)):] {
		opt, ok := ast.Unparen(a).(*ast.CallExpr)
		if !ok {
			continue
		}
		fn, e := rt.f.Lookup(opt)
		switch {
		case e.Role == sdk.V2RegionOption && len(opt.Args) == 1:
			c.region, c.regionFrom = opt.Args[0], rt.RegionSource(opt.Args[0])
			c.regions = append(c.regions, rt.regionOf(opt.Args[0]))
		case e.Sink == sdk.SinkV2BaseOpt && len(opt.Args) == 1:
			c.override, c.resolver = opt.Args[0], false
			if c.base == nil && rt.f.Sessions.explicitEndpoint(opt.Args[0]) {
				c.base = opt.Args[0]
			}
		default:
			switch sdk.V2ConfigOption(fn) {
			case sdk.OptIMDSRegion:
				if c.region == nil {
					c.regionFrom = RegionFrom{Source: inventory.RegionIMDS}
				}
			case sdk.OptProfile:
				if c.region == nil && len(opt.Args) == 1 {
					p, _ := rt.f.Values.ConstString(opt.Args[0])
					c.regionFrom = RegionFrom{Source: inventory.RegionProfile, Value: p}
				}
			case sdk.OptResolver:
				if len(opt.Args) == 1 {
					c.override, c.resolver = opt.Args[0], true
				}
			}
		}
	}
	return c
}

// reachingSets returns the field stores of r, the stores to a variable
// that reach one use, in source order (paths.go reaching: every path's,
// some paths', and those following a conditional definition).
func reachingSets(r reach) []*fieldSet {
	return inOrder(append(append([]*fieldSet{}, r.sets...), conditionalSets(r)...))
}

// conditionalSets returns the stores of r that run on some paths only
// (some paths' and those following a conditional definition), in source
// order: condSets is a map, and the last guarded store decides.
func conditionalSets(r reach) []*fieldSet {
	sets := append([]*fieldSet{}, r.csets...)
	for _, cs := range r.condSets {
		sets = append(sets, cs...)
	}
	return inOrder(sets)
}

// inOrder sorts sets by position and drops repeats.
func inOrder(sets []*fieldSet) []*fieldSet {
	slices.SortFunc(sets, func(a, b *fieldSet) int { return cmp.Compare(a.at, b.at) })
	return slices.CompactFunc(sets, func(a, b *fieldSet) bool { return a == b })
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
