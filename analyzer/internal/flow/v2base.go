package flow

// aws-sdk-go-v2 BaseEndpoint: when it replaces the SDK's own endpoint
// resolution, the client's Region only signs (aws-global included), and
// whether the host is global is a question for the values that reach the
// BaseEndpoint (GlobalSources, STS001), not for the Region (STS006).
//
// The SDK treats the two shapes of the setting differently
// (aws-sdk-go-v2 v1.47.7, config v1.33.15, service/sts v1.51.8):
//
//   - config.WithBaseEndpoint(v) is a string: "" has no effect
//     (config load_options.go:1239 "Empty values have no effect",
//     LoadOptions.getBaseEndpoint load_options.go:333-334 reports found
//     only for a non-empty value, resolve.go:108-127 sets
//     aws.Config.BaseEndpoint only then).
//   - aws.Config.BaseEndpoint and sts.Options.BaseEndpoint are *string: any
//     non-nil pointer is the endpoint. sts.NewFromConfig copies a non-nil
//     cfg.BaseEndpoint into the options (service/sts endpoints.go:205-208
//     resolveBaseEndpoint), bindEndpointParams passes it on as the
//     Endpoint parameter (endpoints.go:610), and the rules take any
//     non-nil Endpoint as the URI (endpoints.go:330, resolveResult case 5
//     at :456): a pointer to "" is an empty URI, so nothing is sent at
//     all; only nil means the SDK's resolution.
//
// Code that sets a BaseEndpoint from its own run-time configuration
// usually guards it (if ep != "" { o.BaseEndpoint = aws.String(ep) }):
// then the store happens exactly when the value is not empty, and the
// value is judged as v1 judges an Endpoint (explicitEndpoint): a flag's
// "" default or an unset field means no override, a non-empty constant
// or default means one, and an environment read is trusted as set, as in
// v1 (sts003/optionalendpoint CaseFromEnvironment).

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// v2BaseOf returns the BaseEndpoint value that replaces the SDK's
// resolution for the v2 STS client built by call from its argument i (an
// aws.Config for sts.NewFromConfig or a function of this package passing
// it there, sts.Options for sts.New), or nil: from the config, or, when
// call is the SDK's constructor itself, from one of its option functions.
// The value is the WithBaseEndpoint argument or the stored *string.
func (rt *Routes) v2BaseOf(call *ast.CallExpr, i int) ast.Expr {
	if len(rt.f.eval.ctx) > 0 {
		return rt.v2BaseOfCall(call, i) // a caller's answer, not the memo's
	}
	k := v2baseKey{call, i}
	if b, ok := rt.v2bases[k]; ok {
		return b
	}
	b := rt.v2BaseOfCall(call, i)
	rt.v2bases[k] = b
	return b
}

// v2baseKey is one client argument v2BaseOf answered for.
type v2baseKey struct {
	call *ast.CallExpr
	arg  int
}

// v2BaseOfCall computes v2BaseOf.
func (rt *Routes) v2BaseOfCall(call *ast.CallExpr, i int) ast.Expr {
	if i == 0 && !call.Ellipsis.IsValid() && isV2Constructor(rt.f.Callee(call)) {
		// The options run after the config's BaseEndpoint is copied
		// (service/sts api_client.go:495 resolveBaseEndpoint, the optFns
		// at :500), so the last one that sets it wins.
		for j := len(call.Args) - 1; j >= 1; j-- {
			if b := rt.v2OptionBase(call.Args[j]); b != nil {
				return b
			}
		}
	}
	return rt.v2Config(call.Args[i]).base
}

// isV2Constructor reports whether fn is sts.New or sts.NewFromConfig of
// aws-sdk-go-v2, whose variadic arguments are option functions.
func isV2Constructor(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && sdk.Path(fn.Pkg()) == sdk.V2STS && (fn.Name() == "New" || fn.Name() == "NewFromConfig")
}

// v2OptionBase returns the overriding BaseEndpoint that the client option
// e (a func(*sts.Options) of this package: a function literal, a
// function, a closure a helper returns) stores, when every function that
// reaches e stores one, or nil.
func (rt *Routes) v2OptionBase(e ast.Expr) ast.Expr {
	fns, ok := rt.f.Resolvers.resolverFuncs(e, "", 0)
	if !ok || len(fns) == 0 {
		return nil
	}
	var first ast.Expr
	for _, fn := range fns {
		b := rt.optionFuncBase(fn)
		if b == nil {
			return nil
		}
		if first == nil {
			first = b
		}
	}
	return first
}

// optionFuncBase returns the overriding BaseEndpoint the option function
// fn stores into its *sts.Options parameter, or nil.
func (rt *Routes) optionFuncBase(fn *ssa.Function) ast.Expr {
	var body *ast.BlockStmt
	switch s := fn.Syntax().(type) {
	case *ast.FuncLit:
		body = s.Body
	case *ast.FuncDecl:
		body = s.Body
	}
	if body == nil || len(fn.Params) == 0 {
		return nil
	}
	return rt.bodyBase(body, fn.Params[0].Object())
}

// bodyBase returns the overriding BaseEndpoint the function body stores
// into the sts.Options that o points to, or nil.
func (rt *Routes) bodyBase(body *ast.BlockStmt, o types.Object) ast.Expr {
	var found ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false // another function's stores
		}
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, lhs := range as.Lhs {
			if !rt.f.IsFieldOf(lhs, sdk.V2STS, "Options", "BaseEndpoint") {
				continue
			}
			if o == nil || rt.baseObj(lhs.(*ast.SelectorExpr).X) != o {
				continue
			}
			cur, ok := rt.f.in.Root().FindNode(as)
			if ok && rt.v2BaseStore(cur, as.Rhs[i], body) {
				found = as.Rhs[i]
			}
		}
		return true
	})
	return found
}

// baseObj returns the variable an options expression (o, *o) names.
func (rt *Routes) baseObj(e ast.Expr) types.Object {
	e = ast.Unparen(e)
	if s, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(s.X)
	}
	if id, ok := e.(*ast.Ident); ok {
		return rt.f.info.Uses[id]
	}
	return nil
}

// v2BaseStore reports whether the BaseEndpoint store of value at cur
// replaces the SDK's resolution. within bounds the statements that must
// lead to the store on every path (an option function's body, or the use
// of the config: the innermost block holding it); a nil within accepts
// every enclosing statement (a store the caller knows is on every path).
// Between the two only the then-branch of a test that the value is not
// empty may stand: the store happens when the value is set, which
// guardPasses decides. An unguarded store replaces the resolution
// unless every value that reaches it is nil.
func (rt *Routes) v2BaseStore(cur inspector.Cursor, value ast.Expr, within ast.Node) bool {
	if within != nil {
		guard, ok := rt.guardOf(cur, value, within)
		if !ok {
			return false // on some paths only
		}
		if guard != nil {
			return rt.guardPasses(guard)
		}
	}
	return rt.v2BaseValue(value)
}

// guardPasses reports whether a test that operand is not empty can pass:
// no value that reaches it is provably empty (an empty constant, a flag's
// empty default, a field or variable nothing set). An environment read is
// trusted as set, as v1's explicitEndpoint trusts it, and a parameter is
// judged by what its callers pass: the guard, not the helper's caller,
// says the value is optional.
func (rt *Routes) guardPasses(operand ast.Expr) bool {
	if s, ok := rt.f.Values.ConstString(rt.f.Values.UnwrapPtr(operand)); ok {
		return s != ""
	}
	if rt.f.Sessions.endpointIs(operand, emptyConst, 0) {
		return false
	}
	return len(rt.f.Values.sources(operand, func(s string) bool { return s == "" }, true).Matches) == 0
}

// v2BaseValue reports whether the *string value of a BaseEndpoint field is
// an endpoint: anything but nil (service/sts endpoints.go:330).
func (rt *Routes) v2BaseValue(value ast.Expr) bool {
	if id, ok := ast.Unparen(value).(*ast.Ident); ok && rt.f.info.Uses[id] == types.Universe.Lookup("nil") {
		return false
	}
	r := rt.f.eval.values(value)
	if r.Open || len(r.Leaves) == 0 {
		return true
	}
	for _, l := range r.Leaves {
		c, isConst := l.Value.(*ssa.Const)
		if !l.Zero && (!isConst || c.Value != nil) {
			return true
		}
	}
	return false // nil on every path
}

// guardOf walks from the store at cur up to within (a node, or the
// innermost block holding within's position when within is an
// expression). It returns ok when no branch but the then-branch of a test
// that the stored value is not empty separates the two, and the tested
// operand (*p for a store of p, ep for aws.String(ep)) if there is one.
func (rt *Routes) guardOf(cur inspector.Cursor, value ast.Expr, within ast.Node) (guard ast.Expr, ok bool) {
	names := []ast.Expr{rt.f.Values.UnwrapPtr(value), &ast.StarExpr{X: ast.Unparen(value)}}
	stop := func(n ast.Node) bool {
		if _, isExpr := within.(ast.Expr); isExpr {
			_, isBlock := n.(*ast.BlockStmt)
			return isBlock && n.Pos() <= within.Pos() && within.End() <= n.End()
		}
		return n == within
	}
	prev := cur
	for c := cur.Parent(); c.Node() != nil; prev, c = c, c.Parent() {
		n := c.Node()
		if stop(n) {
			return guard, true
		}
		switch x := n.(type) {
		case *ast.BlockStmt, *ast.LabeledStmt, *ast.ExprStmt, *ast.AssignStmt:
		case *ast.IfStmt:
			if prev.Node() != x.Body {
				return nil, false
			}
			g := rt.nonEmptyOperand(x.Cond, names)
			if g == nil {
				return nil, false
			}
			if guard == nil {
				guard = g
			}
		default:
			return nil, false // a loop, a switch, a function literal
		}
	}
	return nil, false
}

// nonEmptyOperand returns the operand of cond that is one of names (by
// its objects) and that cond being true proves non-empty (x != "",
// len(x) > 0, either side of an &&), or nil.
func (rt *Routes) nonEmptyOperand(cond ast.Expr, names []ast.Expr) ast.Expr {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	if b.Op == token.LAND {
		if g := rt.nonEmptyOperand(b.X, names); g != nil {
			return g
		}
		return rt.nonEmptyOperand(b.Y, names)
	}
	for _, name := range names {
		if rt.f.Sessions.testsNonEmpty(b, name) {
			for _, side := range []ast.Expr{b.X, b.Y} {
				if op := lenOperand(rt.f.info, side); rt.f.sameRef(op, name) {
					if star, ok := op.(*ast.StarExpr); ok {
						return ast.Unparen(star.X) // the *string: a flag's default
					}
					return op
				}
			}
		}
	}
	return nil
}

// lenOperand returns x for len(x), otherwise e.
func lenOperand(info *types.Info, e ast.Expr) ast.Expr {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 1 {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && info.Uses[id] == types.Universe.Lookup("len") {
			return ast.Unparen(call.Args[0])
		}
	}
	return ast.Unparen(e)
}

// sameRef reports whether a and b name the same variable, field path or
// dereference (x, x.f, *p, pkg.V), by their objects rather than their
// text: a shadowing variable of the same name is another value.
func (f *Flow) sameRef(a, b ast.Expr) bool {
	a, b = ast.Unparen(a), ast.Unparen(b)
	switch x := a.(type) {
	case *ast.Ident:
		y, ok := b.(*ast.Ident)
		return ok && f.info.ObjectOf(x) != nil && f.info.ObjectOf(x) == f.info.ObjectOf(y)
	case *ast.SelectorExpr:
		y, ok := b.(*ast.SelectorExpr)
		if !ok || f.info.ObjectOf(x.Sel) == nil || f.info.ObjectOf(x.Sel) != f.info.ObjectOf(y.Sel) {
			return false
		}
		if id, ok := ast.Unparen(x.X).(*ast.Ident); ok {
			if _, isPkg := f.info.ObjectOf(id).(*types.PkgName); isPkg {
				return true // pkg.V: the variable's object decides
			}
		}
		return f.sameRef(x.X, y.X)
	case *ast.StarExpr:
		y, ok := b.(*ast.StarExpr)
		return ok && f.sameRef(x.X, y.X)
	}
	return false
}

// v2LitBase returns the BaseEndpoint field of an sts.Options or
// aws.Config literal when it replaces the SDK's resolution, or nil.
func (rt *Routes) v2LitBase(lit *ast.CompositeLit) ast.Expr {
	if _, kv := ElemWithKey(lit, "BaseEndpoint"); kv != nil && rt.v2BaseValue(kv.Value) {
		return kv.Value
	}
	return nil
}

// regionStoreBase reports whether the o.Region store at cur shares its
// function with an overriding o.BaseEndpoint store on the same options,
// or is in an option function passed to sts.NewFromConfig (or sts.New)
// whose config or other options override the endpoint.
func (rt *Routes) regionStoreBase(cur inspector.Cursor, lhs ast.Expr) bool {
	var body *ast.BlockStmt
	var fnCur inspector.Cursor
	lit := false
	for c := cur.Parent(); c.Node() != nil && body == nil; c = c.Parent() {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			body, fnCur, lit = n.Body, c, true
		case *ast.FuncDecl:
			body = n.Body
		}
	}
	if body == nil {
		return false
	}
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if rt.bodyBase(body, rt.baseObj(sel.X)) != nil {
		return true
	}
	if !lit {
		return false
	}
	call, ok := fnCur.Parent().Node().(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || ast.Unparen(call.Args[0]) == fnCur.Node() {
		return false
	}
	return isV2Constructor(rt.f.Callee(call)) && rt.v2BaseOf(call, 0) != nil
}

// funcBody returns the body of the function whose statement cur is.
func funcBody(cur inspector.Cursor) ast.Node {
	for c := cur.Parent(); c.Node() != nil; c = c.Parent() {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return n.Body
		case *ast.FuncDecl:
			return n.Body
		}
	}
	return nil
}
