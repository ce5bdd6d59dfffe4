package flow

// A resolver the program hands to the SDK is a function: what an STS
// client calls is what that function returns for the service identifier
// the SDK passes it and the client's Region. This file evaluates the
// function on SSA: which of its returns are reachable under those argument
// values (a branch comparing the service with an identifier the SDK never
// passes is dead, so is an empty-Region fallback when every client using
// the resolver has a Region), and what each reachable return yields (the
// resolver's own endpoint, or a delegation that forwards the session's
// options and so keeps the session's STS setting).

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/stsregional/stsregional/analyzer/internal/host"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// Method names of the resolver interfaces: v1 endpoints.Resolver, v2
// sts.EndpointResolverV2 (and the deprecated aws.EndpointResolver*).
const (
	v1ResolverMethod = "EndpointFor"
	v2ResolverMethod = "ResolveEndpoint"
)

// resolverEnv is what the SDK passes a resolver: the service identifier,
// and the Regions of the clients that use it when all are known.
type resolverEnv struct {
	service string
	regions []string
	known   bool
}

// resolverFuncs returns the functions of this package that implement the
// resolver value e: a function literal or function, a closure a helper
// returns, or the method of a named type of the package. ok is false when
// some value that reaches e is not one of those (an SDK resolver, a
// parameter).
func (rs *Resolvers) resolverFuncs(e ast.Expr, method string, depth int) ([]*ssa.Function, bool) {
	if e == nil || depth > maxDepth {
		return nil, false
	}
	e = ast.Unparen(e)
	if t := rs.f.info.TypeOf(e); t != nil {
		if _, isFunc := t.Underlying().(*types.Signature); !isFunc {
			// A named func type's method only calls the function: the
			// function converted to it decides, below.
			if fn := rs.f.graph.Method(t, method); fn != nil {
				return []*ssa.Function{fn}, true
			}
		}
	}
	switch x := e.(type) {
	case *ast.FuncLit:
		if fn := rs.f.graph.FuncOf(x); fn != nil {
			return []*ssa.Function{fn}, true
		}
		return nil, false
	case *ast.CallExpr:
		if tv, ok := rs.f.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return rs.resolverFuncs(x.Args[0], method, depth+1)
		}
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return rs.resolverFuncs(x.X, method, depth+1)
		}
	}
	r := rs.f.eval.values(e)
	if r.Open || len(r.Leaves) == 0 {
		return nil, false
	}
	var out []*ssa.Function
	for _, l := range r.Leaves {
		switch v := l.Value.(type) {
		case *ssa.Function:
			if v.Blocks == nil || v.Pkg == nil || v.Pkg.Pkg != rs.f.pass.Pkg {
				return nil, false
			}
			out = append(out, v)
		case *ssa.MakeClosure:
			fn, ok := v.Fn.(*ssa.Function)
			if !ok {
				return nil, false
			}
			out = append(out, fn)
		default:
			x := l.Expr
			if x == nil || ast.Unparen(x) == e {
				if fn := rs.f.graph.Method(v.Type(), method); fn != nil {
					out = append(out, fn)
					continue
				}
				return nil, false
			}
			sub, ok := rs.resolverFuncs(x, method, depth+1)
			if !ok {
				return nil, false
			}
			out = append(out, sub...)
		}
	}
	return out, true
}

// resolverParams returns the service and Region parameters of a resolver
// function: its string parameters are (service, region), or (region) in
// sts.EndpointResolverFunc.
func resolverParams(fn *ssa.Function) (service, region *ssa.Parameter) {
	var strs []*ssa.Parameter
	for _, p := range fn.Params {
		if b, ok := p.Type().Underlying().(*types.Basic); ok && b.Kind() == types.String {
			strs = append(strs, p)
		}
	}
	switch len(strs) {
	case 1:
		return nil, strs[0]
	case 2:
		return strs[0], strs[1]
	}
	return nil, nil
}

// reachableReturns returns the returns of fn that a call with env's
// arguments can reach: the control-flow graph from the entry, taking at
// each branch whose condition env decides only the side it selects.
func (rs *Resolvers) reachableReturns(fn *ssa.Function, env resolverEnv) []*ssa.Return {
	rets, _ := rs.reachable(fn, env)
	return rets
}

// reachable is reachableReturns that also returns the edges the walk
// takes (from, to), so that a phi's value can be limited to its live
// edges.
func (rs *Resolvers) reachable(fn *ssa.Function, env resolverEnv) ([]*ssa.Return, map[[2]*ssa.BasicBlock]bool) {
	if len(fn.Blocks) == 0 {
		return nil, nil
	}
	service, region := resolverParams(fn)
	var out []*ssa.Return
	edges := map[[2]*ssa.BasicBlock]bool{}
	seen := map[*ssa.BasicBlock]bool{}
	stack := []*ssa.BasicBlock{fn.Blocks[0]}
	push := func(from, to *ssa.BasicBlock) {
		edges[[2]*ssa.BasicBlock{from, to}] = true
		stack = append(stack, to)
	}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[b] || len(b.Instrs) == 0 {
			continue
		}
		seen[b] = true
		switch x := b.Instrs[len(b.Instrs)-1].(type) {
		case *ssa.If:
			if v, ok := rs.condValue(x.Cond, service, region, env, 0); ok {
				if v {
					push(b, b.Succs[0])
				} else {
					push(b, b.Succs[1])
				}
				continue
			}
		case *ssa.Return:
			out = append(out, x)
		}
		for _, s := range b.Succs {
			push(b, s)
		}
	}
	return out, edges
}

// argString is a string operand of a branch condition, as far as env
// decides it.
type argString struct {
	s        string
	known    bool
	nonEmpty bool
}

// condValue evaluates a boolean branch condition of a resolver under env.
func (rs *Resolvers) condValue(v ssa.Value, service, region *ssa.Parameter, env resolverEnv, depth int) (bool, bool) {
	if depth > maxDepth {
		return false, false
	}
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value != nil && x.Value.Kind() == constant.Bool {
			return constant.BoolVal(x.Value), true
		}
	case *ssa.UnOp:
		if x.Op == token.NOT {
			b, ok := rs.condValue(x.X, service, region, env, depth+1)
			return !b, ok
		}
	case *ssa.BinOp:
		if x.Op != token.EQL && x.Op != token.NEQ {
			return false, false
		}
		a := rs.condString(x.X, service, region, env)
		b := rs.condString(x.Y, service, region, env)
		var eq, ok bool
		switch {
		case a.known && b.known:
			eq, ok = a.s == b.s, true
		case a.known && a.s == "" && b.nonEmpty, b.known && b.s == "" && a.nonEmpty:
			eq, ok = false, true
		}
		if !ok {
			return false, false
		}
		if x.Op == token.NEQ {
			return !eq, true
		}
		return eq, true
	}
	return false, false
}

// condString evaluates a string operand of a condition: a constant, or
// the service or Region parameter as env gives it.
func (rs *Resolvers) condString(v ssa.Value, service, region *ssa.Parameter, env resolverEnv) argString {
	if c, ok := v.(*ssa.Const); ok {
		if c.Value != nil && c.Value.Kind() == constant.String {
			return argString{s: constant.StringVal(c.Value), known: true}
		}
		return argString{}
	}
	r := rs.f.graph.ValuesOf(v)
	if r.Open || len(r.Leaves) == 0 {
		return argString{}
	}
	var p *ssa.Parameter
	for _, l := range r.Leaves {
		q, ok := l.Value.(*ssa.Parameter)
		if !ok || p != nil && q != p {
			return argString{}
		}
		p = q
	}
	switch {
	case p == nil:
	case p == service && env.service != "":
		return argString{s: env.service, known: true, nonEmpty: env.service != ""}
	case p == region && env.known:
		out := argString{nonEmpty: true}
		for _, r := range env.regions {
			if r == "" {
				out.nonEmpty = false
			}
		}
		if len(env.regions) == 1 {
			out.s, out.known = env.regions[0], true
		}
		return out
	}
	return argString{}
}

// v1ResolverDecides reports whether the v1 resolver value e answers STS by
// its own code on every path the session can take: no reachable return
// delegates with the session's options (opts...), which would keep the
// session's STS setting. A resolver the analysis cannot see into does not
// decide.
func (rs *Resolvers) v1ResolverDecides(e ast.Expr) bool {
	fns, ok := rs.resolverFuncs(e, v1ResolverMethod, 0)
	if !ok || len(fns) == 0 {
		return false
	}
	// The session's verdict is about a Region: an empty one goes global
	// whatever the setting and is judged on its own (STS006, and the
	// resolver's own fallback where it is written), so the resolver is
	// asked about a non-empty Region.
	env := resolverEnv{service: sdk.V1ResolverService, known: true}
	for _, fn := range fns {
		rets := rs.reachableReturns(fn, env)
		if len(rets) == 0 {
			return false
		}
		for _, ret := range rets {
			if !rs.v1ReturnDecides(fn, ret) {
				return false
			}
		}
	}
	return true
}

// v1ReturnDecides reports whether one return of a v1 resolver yields an
// endpoint of the resolver's own making: a ResolvedEndpoint literal, or an
// EndpointFor call that passes no options or appends its own after the
// session's (the last option wins: aws/endpoints/endpoints.go Options.Set),
// directly or through the variables that hold them (ep, err :=
// EndpointFor(service, region, opts...) after opts = append(opts, f)).
func (rs2 *Resolvers) v1ReturnDecides(fn *ssa.Function, ret *ssa.Return) bool {
	rs := rs2.f.graph.ReturnStmt(ret)
	if rs == nil || len(rs.Results) == 0 {
		return false
	}
	return rs2.v1EndpointDecides(rs.Results[0]) || rs2.everyReaching(rs.Results[0], rs2.v1EndpointDecides)
}

// everyReaching reports whether e is a variable and every value that
// reaches it is an expression that ok accepts.
func (rs2 *Resolvers) everyReaching(e ast.Expr, ok func(ast.Expr) bool) bool {
	if _, isVar := ast.Unparen(e).(*ast.Ident); !isVar {
		return false
	}
	r := rs2.f.graph.Values(e)
	if r.Open || len(r.Leaves) == 0 {
		return false
	}
	for _, l := range r.Leaves {
		if l.Expr == nil || !ok(l.Expr) {
			return false
		}
	}
	return true
}

// v1EndpointDecides reports whether the endpoint expression e is of the
// resolver's own making (v1ReturnDecides).
func (rs2 *Resolvers) v1EndpointDecides(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		if _, e := rs2.f.Lookup(x); e.Role != sdk.V1EndpointFor {
			return false
		}
		if !x.Ellipsis.IsValid() {
			return true
		}
		// The options appended inline, or a variable every value of
		// which appends an option that sets the STS mode itself.
		spread := x.Args[len(x.Args)-1]
		return rs2.appendsOwn(spread, false) ||
			rs2.everyReaching(spread, func(e ast.Expr) bool { return rs2.appendsOwn(e, true) })
	}
	return false
}

// appendsOwn reports whether e is append(opts, f…), options appended after
// the session's; with setsMode, one of them must set the STS mode to
// regional (a literal storing RegionalSTSEndpoint, or the endpoints
// package's option).
func (rs2 *Resolvers) appendsOwn(e ast.Expr, setsMode bool) bool {
	last, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(last.Args) < 2 || last.Ellipsis.IsValid() {
		return false
	}
	if b, ok := rs2.f.info.Uses[NameIdent(last.Fun)].(*types.Builtin); !ok || b.Name() != "append" {
		return false
	}
	if !setsMode {
		return true
	}
	for _, a := range last.Args[1:] {
		if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok && rs2.storesRegional(lit) {
			return true
		}
		if id := NameIdent(a); id != nil {
			if fn, ok := rs2.f.info.Uses[id].(*types.Func); ok && sdk.Lookup(fn).Role == sdk.V1RegionalOption {
				return true
			}
		}
	}
	return false
}

// resolverUsers returns the Regions of the clients a resolver function's
// value is stored into: the Region field of each SDK config literal whose
// resolver field (fields) receives it. ok is false when the value goes
// anywhere else or a Region is not a constant.
func (rs2 *Resolvers) resolverUsers(fn *ssa.Function, fields map[string]bool) ([]string, bool) {
	if fn.Parent() == nil {
		return nil, false // a declared function: used as a value anywhere
	}
	var regions []string
	found := false
	var visit func(v ssa.Value, depth int) bool
	visit = func(v ssa.Value, depth int) bool {
		if depth > maxDepth {
			return false
		}
		refs := v.Referrers()
		if refs == nil {
			return false
		}
		for _, r := range *refs {
			switch x := r.(type) {
			case *ssa.DebugRef:
			case *ssa.MakeClosure:
				if x.Fn != v || !visit(x, depth+1) {
					return false
				}
			case *ssa.ChangeType, *ssa.MakeInterface, *ssa.Convert, *ssa.ChangeInterface:
				if !visit(x.(ssa.Value), depth+1) {
					return false
				}
			case *ssa.Store:
				fa, ok := x.Addr.(*ssa.FieldAddr)
				if !ok || x.Val != v {
					return false
				}
				st, ok := structOfType(fa.X.Type())
				if !ok || !fields[st.Field(fa.Field).Name()] {
					return false
				}
				rs, ok := rs2.regionStores(fa.X, st)
				if !ok {
					return false
				}
				found = true
				regions = append(regions, rs...)
			default:
				return false
			}
		}
		return true
	}
	if !visit(fn, 0) || !found {
		return nil, false
	}
	return regions, true
}

// regionStores returns the constant Regions stored into the Region field
// of the struct at addr.
func (rs *Resolvers) regionStores(addr ssa.Value, st *types.Struct) ([]string, bool) {
	var out []string
	refs := addr.Referrers()
	if refs == nil {
		return nil, false // a global: stored to anywhere
	}
	for _, r := range *refs {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || st.Field(fa.Field).Name() != "Region" {
			continue
		}
		for _, u := range *fa.Referrers() {
			s, ok := u.(*ssa.Store)
			if !ok || s.Addr != fa {
				continue
			}
			e := rs.f.graph.Expr(s.Val)
			if e == nil {
				return nil, false
			}
			v, ok := rs.f.Values.ConstString(rs.f.Values.UnwrapPtr(e))
			if !ok {
				return nil, false
			}
			out = append(out, v)
		}
	}
	return out, len(out) > 0
}

func structOfType(t types.Type) (*types.Struct, bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return st, ok
}

// resolverFields are the config fields that hold a program's resolver.
var (
	v1ResolverFields = map[string]bool{"EndpointResolver": true}
	v2ResolverFields = map[string]bool{"EndpointResolverV2": true, "EndpointResolver": true}
)

// ResolverBranchDead reports whether the node at pos, inside a return of a
// function shaped like a resolver, is on a return that no call of the
// resolver reaches: the SDK passes its service identifier (v1 "sts", v2
// "STS"), and the Regions of every client using the resolver when they are
// known.
func (rs2 *Resolvers) ResolverBranchDead(pos token.Pos, v2 bool) bool {
	fn := rs2.f.graph.Enclosing(pos)
	if fn == nil || !resolverShaped(fn.Signature, v2) {
		return false
	}
	env := resolverEnv{service: sdk.V1ResolverService}
	fields := v1ResolverFields
	if v2 {
		env.service, fields = sdk.V2ResolverService, v2ResolverFields
	}
	if _, region := resolverParams(fn); region != nil {
		env.regions, env.known = rs2.resolverUsers(fn, fields)
	}
	var in *ssa.Return
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			if rs := rs2.f.graph.ReturnStmt(ret); rs != nil && rs.Pos() <= pos && pos < rs.End() {
				in = ret
			}
		}
	}
	if in == nil {
		return false
	}
	for _, ret := range rs2.reachableReturns(fn, env) {
		if ret == in {
			return false
		}
	}
	return true
}

// resolverShaped reports whether sig is the signature of a resolver the
// SDK calls: it returns (endpoints.ResolvedEndpoint, error) in v1, or
// (aws.Endpoint, error) or (smithy endpoints.Endpoint, error) in v2.
func resolverShaped(sig *types.Signature, v2 bool) bool {
	if sig.Results().Len() != 2 {
		return false
	}
	res := sig.Results().At(0).Type()
	if !v2 {
		return sdk.IsNamed(res, sdk.V1Endpoints, "ResolvedEndpoint")
	}
	return sdk.IsNamed(res, sdk.V2AWS, "Endpoint") || sdk.IsNamed(res, sdk.SmithyEP, "Endpoint")
}

// V2ResolverRegions returns the Regions of the v2 clients whose
// EndpointResolverV2 is the function enclosing pos, when all are known.
func (rs *Resolvers) V2ResolverRegions(pos token.Pos) ([]string, bool) {
	fn := rs.f.graph.Enclosing(pos)
	if fn == nil {
		return nil, false
	}
	return rs.resolverUsers(fn, v2ResolverFields)
}

// GlobalHostAt returns the expression that writes the global STS host into
// the string value e (the constant a captured or assigned variable holds,
// an operand of a concatenation), or nil when there is not exactly one.
func (rs *Resolvers) GlobalHostAt(e ast.Expr) ast.Expr {
	var out []ast.Expr
	var visit func(v ssa.Value, at ast.Expr, depth int)
	visit = func(v ssa.Value, at ast.Expr, depth int) {
		if depth > maxDepth || len(out) > 1 {
			return
		}
		if b, ok := v.(*ssa.BinOp); ok && b.Op == token.ADD {
			visit(b.X, nil, depth+1)
			visit(b.Y, nil, depth+1)
			return
		}
		if c, ok := v.(*ssa.Const); ok {
			if c.Value != nil && c.Value.Kind() == constant.String && host.IsGlobal(constant.StringVal(c.Value)) && at != nil {
				out = append(out, at)
			}
			return
		}
		r := rs.f.graph.ValuesOf(v)
		for _, l := range r.Leaves {
			if l.Value == v {
				continue
			}
			visit(l.Value, l.Expr, depth+1)
		}
	}
	v, ok := rs.f.graph.Value(e)
	if !ok {
		return nil
	}
	visit(v, nil, 0)
	if len(out) != 1 {
		return nil
	}
	return out[0]
}

// AWSGlobalAt returns the expressions writing the constant Region
// aws-global that reach the Region value e (a string or *string): through
// variables, a receiver's fields, parameters of closed functions.
func (rs *Resolvers) AWSGlobalAt(e ast.Expr) []ast.Expr {
	x := rs.f.Values.UnwrapPtr(e)
	if rs.f.Values.IsAWSGlobal(x) {
		return []ast.Expr{x}
	}
	var out []ast.Expr
	for _, l := range rs.f.eval.values(x).Leaves {
		c, ok := l.Value.(*ssa.Const)
		if ok && l.Expr != nil && c.Value != nil && c.Value.Kind() == constant.String && constant.StringVal(c.Value) == sdk.GlobalRegion {
			out = append(out, l.Expr)
		}
	}
	return out
}

// v2ResolverPinsRegion reports whether the v2 EndpointResolverV2 value e
// overwrites the Region of the parameters it is given on every path to a
// return: the client's own Region then never reaches the rules.
func (rs *Resolvers) v2ResolverPinsRegion(e ast.Expr) bool {
	fns, ok := rs.resolverFuncs(e, v2ResolverMethod, 0)
	if !ok || len(fns) == 0 {
		return false
	}
	for _, fn := range fns {
		if !pinsParamsRegion(fn) {
			return false
		}
	}
	return true
}

// pinsParamsRegion reports whether a store to the Region field of an
// sts.EndpointParameters dominates every return of fn.
func pinsParamsRegion(fn *ssa.Function) bool {
	var stores, rets []*ssa.BasicBlock
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch x := in.(type) {
			case *ssa.Store:
				fa, ok := x.Addr.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				t := fa.X.Type()
				if p, ok := t.Underlying().(*types.Pointer); ok {
					t = p.Elem()
				}
				if st, ok := structOfType(t); ok && sdk.IsNamed(t, sdk.V2STS, "EndpointParameters") && st.Field(fa.Field).Name() == "Region" {
					stores = append(stores, b)
				}
			case *ssa.Return:
				rets = append(rets, b)
			}
		}
	}
	if len(rets) == 0 {
		return false
	}
	for _, r := range rets {
		dominated := false
		for _, s := range stores {
			if s.Dominates(r) {
				dominated = true
			}
		}
		if !dominated {
			return false
		}
	}
	return true
}

// UseGlobalHarmless reports whether UseGlobalEndpoint set at pos, inside a
// function that is the EndpointResolverV2 of v2 clients, cannot select the
// global endpoint: the rules move only the legacy Regions (and aws-global)
// there (service/sts@v1.51.8 endpoints.go, the rules on UseGlobalEndpoint
// list the legacy Regions one by one), and every client using the
// resolver has a constant Region outside that list.
func (rs *Resolvers) UseGlobalHarmless(pos token.Pos) bool {
	regions, ok := rs.V2ResolverRegions(pos)
	if !ok {
		return false
	}
	for _, r := range regions {
		if r == "" || r == sdk.GlobalRegion || sdk.LegacyRegions[r] {
			return false
		}
	}
	return true
}
