package reaching

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A Leaf is one value that reaches the queried value and that the walk
// does not look into: a constant, a call of a function outside the
// package (or one it could not follow), a parameter of a function that
// can be called from elsewhere, a function, or a construction (an
// allocation, a composite literal's address, a closure, a concatenation).
type Leaf struct {
	// Value is the leaf.
	Value ssa.Value
	// Expr is its source expression, when it is known: the constant, the
	// call, the parameter's identifier is not recorded (nil).
	Expr ast.Expr
	// Pos is where the value enters the route: the store, argument or
	// return that carries it, or the leaf's own position.
	Pos token.Pos
	// Zero reports that the leaf is the zero value of a variable that
	// nothing stored to on some path.
	Zero bool
	// Test reports that the route passes through a store or call in a
	// _test.go file (a test's replacement of a production value).
	Test bool
	// Entry is the last store or argument that carries the leaf in a
	// function the route reached upwards (the queried value's function,
	// the callers of its function, the constructors that store its
	// field), not in a function it entered for a result: where the value
	// comes in from the queried value's point of view, for a caller-side
	// verdict (a helper called with a bad argument is decided at the
	// call). It is the queried value's position when no such carrier is
	// on the route.
	Entry token.Pos
	// Passed reports that the leaf is a call the variable's address is
	// passed to (Value is the *ssa.Call, Arg the argument's index): the
	// callee may store through it (flag.StringVar(&v, …)). The result is
	// Open as well.
	Passed bool
	Arg    int
	// Index is the result of a call leaf that reaches: a call of several
	// results the walk does not enter (u, err := other.F()).
	Index int
	// Field is set when the leaf is a field of a struct result of a call
	// of another package's function (Value is the *ssa.Call, Index its
	// result): other.Load().Region, whose value the callee's facts
	// describe, not the stores of this package.
	Field *types.Var
	// Ctx is the calling context the leaf was reached in (innermost
	// last): the calls whose results the route entered. Pass it to
	// ValuesIn when asking about a value inside the leaf's construction.
	Ctx []ssa.CallInstruction
}

// A Result is what reaches a value.
type Result struct {
	Leaves []Leaf
	// Open reports that some value that reaches could not be followed.
	Open bool
	// Params are the parameters the walk followed to their call sites
	// (of closed-world functions): the routes that pass through a
	// parameter, which a leaf does not show.
	Params []*ssa.Parameter
}

// maxSteps bounds one query; maxContext the call-string the walk keeps to
// return a callee's parameter to the call it was entered from.
const (
	maxSteps   = 2000
	maxContext = 6
)

// walker is one query.
type walker struct {
	g     *Graph
	out   Result
	steps int
	seen  map[visit]bool
}

// A visit is a value reached in a calling context (the innermost call site
// that entered its function, or nil).
type visit struct {
	v    ssa.Value
	site ssa.CallInstruction
	// test: reached through a test's store or call. A value first
	// reached that way is walked again on a production route, so that
	// its leaves are not all marked Test (orig := v; defer func() { v =
	// orig }() in a test must not hide the production value of v).
	test bool
}

// A via is what carries a value into the route: the instruction and, for
// a constant, the source expression it has there.
type via struct {
	pos  token.Pos
	expr ast.Expr
	test bool
	// entry is the Leaf's Entry so far.
	entry token.Pos
}

// Values returns what reaches the value of e.
func (g *Graph) Values(e ast.Expr) Result { return g.ValuesIn(e, nil) }

// ValuesIn returns what reaches the value of e, inside the functions the
// calls ctx (a Leaf's Ctx, or nil) entered: a parameter of the innermost
// callee is that call's argument, not every caller's.
func (g *Graph) ValuesIn(e ast.Expr, ctx []ssa.CallInstruction) Result {
	g.build()
	e = ast.Unparen(e)
	if tv, ok := g.info.Types[e]; ok && tv.Value != nil {
		return Result{Leaves: []Leaf{{Value: ssa.NewConst(tv.Value, tv.Type), Expr: e, Pos: e.Pos()}}}
	}
	v, ok := g.valueOf[e]
	if !ok {
		return Result{Open: true}
	}
	return g.walk(v, ctx)
}

// ValuesOf returns what reaches v.
func (g *Graph) ValuesOf(v ssa.Value) Result {
	g.build()
	return g.walk(v, nil)
}

// walk is one query: what reaches v in the calling context ctx.
func (g *Graph) walk(v ssa.Value, ctx []ssa.CallInstruction) Result {
	if g.failed {
		return Result{Open: true}
	}
	w := &walker{g: g, seen: map[visit]bool{}}
	w.value(v, ctx, via{pos: v.Pos(), expr: g.exprOf[v], entry: v.Pos()})
	return w.out
}

func (w *walker) leaf(v ssa.Value, at via, zero bool) {
	expr := at.expr
	if _, isConst := v.(*ssa.Const); !isConst || expr == nil {
		if e := w.g.Expr(v); e != nil {
			expr = e
		}
	}
	pos := at.pos
	if !pos.IsValid() {
		pos = v.Pos()
	}
	w.out.Leaves = append(w.out.Leaves, Leaf{Value: v, Expr: expr, Pos: pos, Zero: zero, Test: at.test, Entry: at.entry})
}

// leafIn records the leaf v reached in the calling context ctx: the call
// sites the walk entered functions from for their results, which a
// caller evaluating the leaf's construction passes on to its own queries
// (ValuesIn) so that the construction's parameters are its call's
// arguments, not every caller's.
func (w *walker) leafIn(ctx []ssa.CallInstruction, v ssa.Value, at via, zero bool) {
	w.leaf(v, at, zero)
	if len(ctx) > 0 {
		w.out.Leaves[len(w.out.Leaves)-1].Ctx = slices.Clone(ctx)
	}
}

// value follows v, reached in the calling context ctx (innermost last).
func (w *walker) value(v ssa.Value, ctx []ssa.CallInstruction, at via) {
	w.steps++
	if w.steps > maxSteps {
		w.out.Open = true
		return
	}
	var site ssa.CallInstruction
	if len(ctx) > 0 {
		site = ctx[len(ctx)-1]
	}
	k := visit{v, site, at.test}
	if w.seen[k] {
		return
	}
	w.seen[k] = true

	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op == token.MUL {
			w.load(x.X, x, ctx, at)
			return
		}
		w.out.Open = true
	case *ssa.Phi:
		for i, e := range x.Edges {
			if !w.g.feasibleEdge(x.Block().Preds[i], x.Block(), ctx) {
				continue // a branch the calling context rules out
			}
			w.value(e, ctx, via{pos: at.pos, test: at.test, entry: at.entry})
		}
	case *ssa.ChangeType:
		w.value(x.X, ctx, at)
	case *ssa.Convert:
		w.value(x.X, ctx, at)
	case *ssa.MakeInterface:
		w.value(x.X, ctx, at)
	case *ssa.ChangeInterface:
		w.value(x.X, ctx, at)
	case *ssa.TypeAssert:
		w.value(x.X, ctx, at)
	case *ssa.Extract:
		switch t := x.Tuple.(type) {
		case *ssa.Call:
			w.call(t, x.Index, ctx, at)
		case *ssa.TypeAssert:
			if x.Index == 0 {
				w.value(t.X, ctx, at)
				return
			}
			w.out.Open = true
		case *ssa.Lookup:
			if x.Index == 0 {
				w.lookup(t, ctx, at) // v, ok := m[k]
				return
			}
			w.out.Open = true
		default:
			w.out.Open = true
		}
	case *ssa.Call:
		w.call(x, 0, ctx, at)
	case *ssa.Parameter:
		w.param(x, ctx, at)
	case *ssa.FreeVar:
		w.freeVar(x, ctx, at)
	case *ssa.Field:
		w.field(x, ctx, at)
	case *ssa.Lookup:
		if x.CommaOk {
			w.out.Open = true
			return
		}
		w.lookup(x, ctx, at)
	default:
		// Constants, functions, allocations, closures, globals used as
		// addresses, concatenations: the caller interprets them.
		w.leafIn(ctx, v, at, false)
	}
}

// call follows result index of a call: the returns of a function of the
// package, entered from this call site.
func (w *walker) call(c *ssa.Call, index int, ctx []ssa.CallInstruction, at via) {
	fn := w.g.callee(c.Common())
	if ms := w.g.invokees(c.Common()); len(ms) > 0 && len(ctx) < maxContext {
		for _, m := range ms {
			w.enter(c, m, index, ctx, at)
		}
		return
	}
	if fn == nil || fn.Blocks == nil || fn.Pkg != w.g.ssa || len(ctx) >= maxContext {
		if index == 0 || c.Type() == nil {
			w.leafIn(ctx, c, via{pos: c.Pos(), test: at.test || w.g.inTest(c.Pos()), entry: at.entry}, false)
			return
		}
		// Another result of a call the walk does not enter: the caller
		// asks about the call itself.
		w.leafIn(ctx, c, via{pos: c.Pos(), test: at.test, entry: at.entry}, false)
		w.out.Leaves[len(w.out.Leaves)-1].Index = index
		return
	}
	w.enter(c, fn, index, ctx, at)
}

// enter follows result index of fn, entered from call c.
func (w *walker) enter(c *ssa.Call, fn *ssa.Function, index int, ctx []ssa.CallInstruction, at via) {
	inner := append(ctx[:len(ctx):len(ctx)], c)
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || index >= len(ret.Results) || !w.g.feasible(b, inner) {
			continue
		}
		w.value(ret.Results[index], inner, via{pos: ret.Pos(), expr: w.g.returnExpr(ret, index), test: at.test, entry: at.entry})
	}
}

// callee returns the function a call calls: static, or through a local
// variable that only ever holds that function.
func (g *Graph) callee(c *ssa.CallCommon) *ssa.Function {
	if c.IsInvoke() {
		return nil
	}
	if fn := staticCallee(c); fn != nil {
		return fn
	}
	return g.varCallee[c]
}

// returnExpr is the source of result i of a return.
func (g *Graph) returnExpr(ret *ssa.Return, i int) ast.Expr {
	if s, ok := g.returns[ret.Pos()]; ok && i < len(s.Results) && len(s.Results) == len(ret.Results) {
		return s.Results[i]
	}
	return nil
}

// param follows a parameter: the argument of the call that entered its
// function, or of every call site when all are visible.
func (w *walker) param(p *ssa.Parameter, ctx []ssa.CallInstruction, at via) {
	fn := p.Parent()
	index := -1
	for i, q := range fn.Params {
		if q == p {
			index = i
		}
	}
	w.out.Params = append(w.out.Params, p)
	if len(ctx) > 0 {
		site := ctx[len(ctx)-1]
		if w.g.callee(site.Common()) == fn {
			w.arg(site, index, ctx[:len(ctx)-1], at)
			return
		}
		if site.Common().IsInvoke() && w.g.enters(site, fn) {
			// A method entered through an interface: its receiver is
			// the interface's dynamic value, the others the arguments.
			if index == 0 {
				w.value(site.Common().Value, ctx[:len(ctx)-1], at)
				return
			}
			w.arg(site, index-1, ctx[:len(ctx)-1], at)
			return
		}
	}
	if !w.g.closed(fn) {
		w.leafIn(ctx, p, at, false)
		return
	}
	sites := w.g.sites[fn]
	if len(sites) == 0 {
		w.out.Open = true // dead code, or called only where the walk cannot see
		return
	}
	for _, s := range sites {
		w.arg(s, index, nil, at)
	}
}

// arg follows argument index (of the callee's parameters) at a call site.
func (w *walker) arg(site ssa.CallInstruction, index int, ctx []ssa.CallInstruction, at via) {
	args := site.Common().Args
	if index < 0 || index >= len(args) {
		w.out.Open = true
		return
	}
	var expr ast.Expr
	if call := w.g.calls[site.Pos()]; call != nil {
		// A method call's receiver is args[0] but not in call.Args.
		off := len(args) - len(call.Args)
		if j := index - off; j >= 0 && j < len(call.Args) && !call.Ellipsis.IsValid() {
			expr = call.Args[j]
		}
	}
	entry := at.entry
	if len(ctx) == 0 {
		entry = site.Pos()
	}
	w.value(args[index], ctx, via{pos: site.Pos(), expr: expr, test: at.test || w.g.inTest(site.Pos()), entry: entry})
}

// closed reports whether every call of fn is visible: a function or
// method of the package that nothing outside can call (unexported, never
// used as a value, and for a method never called through an interface).
func (g *Graph) closed(fn *ssa.Function) bool {
	if fn.Pkg != g.ssa || g.escapes[fn] {
		return false
	}
	if fn.Parent() != nil {
		return true // a function literal called where it is made
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Exported() || obj.Name() == "main" || obj.Name() == "init" {
		return false
	}
	if recv := obj.Signature().Recv(); recv != nil && g.invoked[obj.Name()] {
		return false
	}
	return true
}

// freeVar follows a closure's free variable to what each closure of its
// function binds.
func (w *walker) freeVar(fv *ssa.FreeVar, ctx []ssa.CallInstruction, at via) {
	fn := fv.Parent()
	index := -1
	for i, f := range fn.FreeVars {
		if f == fv {
			index = i
		}
	}
	mcs := w.g.closures[fn]
	if len(mcs) == 0 || index < 0 {
		w.out.Open = true
		return
	}
	for _, mc := range mcs {
		w.value(mc.Bindings[index], ctx, at)
	}
}

// field follows a field of a struct value.
func (w *walker) field(f *ssa.Field, ctx []ssa.CallInstruction, at via) {
	// A struct value loaded from a variable: the stores to that field of
	// the variable, or to the whole variable; a parameter's: its callers'.
	w.fieldOfValue(f.X, f.Field, w.g.Expr(f), ctx, at)
}

// paramField follows field index of the struct parameter p (a value
// receiver, a struct argument) to the argument of the call it was entered
// from, or of every call of its closed-world function: the field of the
// variable each caller passes, at the call (a value-receiver setter
// changes a copy, not the caller's variable). It reports false where the
// calls are not all visible.
func (w *walker) paramField(p *ssa.Parameter, index int, ctx []ssa.CallInstruction, at via) bool {
	fn := p.Parent()
	param := slices.Index(fn.Params, p)
	if param < 0 {
		return false
	}
	if len(ctx) > 0 {
		site := ctx[len(ctx)-1]
		if w.g.callee(site.Common()) != fn {
			return false
		}
		w.argField(site, param, index, ctx[:len(ctx)-1], at)
		return true
	}
	sites := w.g.sites[fn]
	if !w.g.closed(fn) || len(sites) == 0 {
		return false
	}
	w.out.Params = append(w.out.Params, p)
	for _, site := range sites {
		w.argField(site, param, index, nil, at)
	}
	return true
}

// argField follows field index of argument param at a call site.
func (w *walker) argField(site ssa.CallInstruction, param, index int, ctx []ssa.CallInstruction, at via) {
	args := site.Common().Args
	if param >= len(args) {
		w.out.Open = true
		return
	}
	entry := at.entry
	if len(ctx) == 0 {
		entry = site.Pos()
	}
	w.fieldOfValue(args[param], index, nil, ctx, via{pos: site.Pos(), test: at.test || w.g.inTest(site.Pos()), entry: entry})
}

// callField follows field index of the struct (or the struct pointed to)
// base, of another package's type, when every value that reaches base is
// the result of a call the walk does not enter: one leaf per call, with
// the field, for the caller to judge by the callee's facts, at read (the
// selector that reads the field) when it is known. It reports
// false otherwise (the field's stores in this package decide, or nothing
// does).
func (w *walker) callField(base ssa.Value, index int, read ast.Expr, ctx []ssa.CallInstruction, at via) bool {
	st, ok := structOf(base.Type())
	if !ok || !foreign(base.Type(), w.g.pkg) || w.g.nested >= maxNested {
		return false
	}
	w.g.nested++
	defer func() { w.g.nested-- }()
	r := w.g.ValuesOf(base)
	if r.Open || len(r.Leaves) == 0 {
		return false
	}
	for _, l := range r.Leaves {
		if _, ok := l.Value.(*ssa.Call); !ok || l.Passed || l.Field != nil {
			return false
		}
	}
	if read == nil {
		read = at.expr
	}
	for _, l := range r.Leaves {
		w.out.Leaves = append(w.out.Leaves, Leaf{Value: l.Value, Expr: read, Pos: at.pos, Test: at.test || l.Test, Entry: at.entry, Index: l.Index, Field: st.Field(index)})
	}
	return true
}

// fieldOfAddr follows field index of the struct at addr, read at instr.
func (w *walker) fieldOfAddr(addr ssa.Value, index int, instr ssa.Instruction, ctx []ssa.CallInstruction, at via) {
	if alloc, ok := addr.(*ssa.Alloc); ok && !alloc.Heap {
		w.allocField(alloc, index, instr, ctx, at)
		return
	}
	if w.fieldOfObjects(addr, index, ctx, at) || w.callField(addr, index, exprOfInstr(w.g, instr), ctx, at) {
		return
	}
	w.fieldStores(addr.Type(), index, ctx, at)
}

// allocField follows field index of the struct allocated by alloc, read
// at instr: the stores to the field, or to the whole struct, that reach
// instr in alloc's function.
func (w *walker) allocField(alloc *ssa.Alloc, index int, instr ssa.Instruction, ctx []ssa.CallInstruction, at via) {
	w.reaching(instr, func(s *ssa.Store) (bool, bool) {
		if fa, ok := s.Addr.(*ssa.FieldAddr); ok && fa.X == alloc && fa.Field == index {
			return true, false
		}
		return s.Addr == alloc, true
	}, func(s *ssa.Store, whole bool) {
		at := w.storeVia(s, at, ctx)
		if whole {
			w.fieldOfValue(s.Val, index, exprOfInstr(w.g, instr), ctx, at)
			return
		}
		w.value(s.Val, ctx, at)
	}, alloc, at)
}

// maxNested bounds the queries a query asks about pointers
// (fieldOfObjects): each is a walk of its own.
const maxNested = 3

// fieldOfObjects follows field index of the struct that addr points to
// when every value that reaches addr is an allocation (f := &T{…}): the
// stores into that field of those objects, directly or through a pointer
// that may point to one of them, rather than every store to the field in
// the package. It reports false when addr may point elsewhere.
func (w *walker) fieldOfObjects(addr ssa.Value, index int, ctx []ssa.CallInstruction, at via) bool {
	st, ok := structOf(addr.Type())
	if !ok || w.g.nested >= maxNested {
		return false
	}
	w.g.nested++
	defer func() { w.g.nested-- }()
	// In a calling context a parameter's objects are that call's
	// argument's, not every caller's.
	r := w.g.walk(addr, ctx)
	if r.Open || len(r.Leaves) == 0 {
		return false
	}
	objs := map[ssa.Value]bool{}
	var order []objectAt             // the objects in the order reached, with their contexts
	var ctxs [][]ssa.CallInstruction // the objects' calling contexts
	for _, l := range r.Leaves {
		if _, ok := l.Value.(*ssa.Alloc); !ok || l.Test && !w.g.inTest(addr.Pos()) {
			return false
		}
		objs[l.Value] = true
		order = append(order, objectAt{l.Value, l.Ctx})
		if len(l.Ctx) > 0 {
			ctxs = append(ctxs, l.Ctx)
		}
	}
	stored := map[ssa.Value]bool{} // the objects some store writes the field of
	// A store in the function a call built an object in (a constructor
	// storing into its &T{…}) runs in that call's context, the
	// constructor's parameters bound to that call's arguments: once per
	// call the objects came from.
	storeCtxs := func(s *ssa.Store) [][]ssa.CallInstruction {
		var out [][]ssa.CallInstruction
		for _, c := range ctxs {
			if w.g.callee(c[len(c)-1].Common()) == s.Parent() {
				out = append(out, c)
			}
		}
		if len(out) == 0 {
			out = append(out, ctx)
		}
		return out
	}
	// Such a store enters the query at the call the object came from:
	// each caller of the constructor is an entry of its own (a split).
	objVia := func(s *ssa.Store, sc []ssa.CallInstruction) via {
		v := w.storeVia(s, at, sc)
		if len(sc) > len(ctx) {
			v.entry = sc[len(ctx)].Pos()
		}
		return v
	}
	// Another package writes the field only where the field is its to
	// write (localStruct) and it holds a pointer to one of the objects.
	if !w.g.localStruct(addr.Type(), index) {
		for obj := range objs {
			if w.g.esc.object(obj.(*ssa.Alloc)) {
				w.out.Open = true
				break
			}
		}
	}
	for _, s := range w.g.fields[fieldKey{st, index}] {
		fa := s.Addr.(*ssa.FieldAddr)
		if objs[fa.X] {
			stored[fa.X] = true
		} else {
			if _, other := fa.X.(*ssa.Alloc); other {
				continue // another object
			}
			base := w.g.ValuesOf(fa.X)
			mayAlias := false
			for _, l := range base.Leaves {
				if objs[l.Value] {
					mayAlias, stored[l.Value] = true, true
				}
			}
			if base.Open {
				mayAlias = true
				for obj := range objs {
					stored[obj] = true
				}
			}
			if !mayAlias {
				continue
			}
		}
		for _, sc := range storeCtxs(s) {
			w.value(s.Val, sc, objVia(s, sc))
		}
	}
	// Stores of the whole struct into the objects (s := T{…} of a
	// variable a closure captures: the literal is built in a temporary
	// and copied in).
	for _, o := range order {
		for _, ref := range *o.obj.Referrers() {
			if s, ok := ref.(*ssa.Store); ok && s.Addr == o.obj {
				stored[o.obj] = true
				for _, sc := range storeCtxs(s) {
					w.fieldOfValue(s.Val, index, nil, sc, objVia(s, sc))
				}
			}
		}
	}
	// A constant document decoded into an object writes the fields its
	// keys name.
	for _, o := range order {
		for _, d := range w.g.esc.decoded(o.obj.(*ssa.Alloc)) {
			value, set, known := d.field(st, index)
			switch {
			case !known:
				w.out.Open = true
			case set:
				stored[o.obj] = true
				doc := d.call.Common().Args[0]
				w.leafIn(o.ctxOr(ctx), ssa.NewConst(constant.MakeString(value), st.Field(index).Type()),
					via{pos: d.call.Pos(), expr: w.g.Expr(doc), test: at.test || w.g.inTest(d.call.Pos()), entry: at.entry}, false)
			}
		}
	}
	// An object no store writes the field of holds its zero value.
	for _, o := range order {
		if !stored[o.obj] {
			stored[o.obj] = true // one zero value per object
			w.leafIn(o.ctxOr(ctx), ssa.NewConst(nil, st.Field(index).Type()), at, true)
		}
	}
	return true
}

// objectAt is one object fieldOfObjects follows a field of, and the
// calling context it was reached in.
type objectAt struct {
	obj ssa.Value
	ctx []ssa.CallInstruction
}

// ctxOr returns the object's calling context, or outer where it has none.
func (o objectAt) ctxOr(outer []ssa.CallInstruction) []ssa.CallInstruction {
	if len(o.ctx) > 0 {
		return o.ctx
	}
	return outer
}

// fieldOfValue follows field index of the struct value v, read at read
// (the selector, when it is known).
func (w *walker) fieldOfValue(v ssa.Value, index int, read ast.Expr, ctx []ssa.CallInstruction, at via) {
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		w.fieldOfAddr(ld.X, index, ld, ctx, at)
		return
	}
	if c, ok := v.(*ssa.Const); ok && c.Value == nil {
		w.leafIn(ctx, v, at, true) // the zero struct: a zero field
		return
	}
	if p, ok := v.(*ssa.Parameter); ok && w.paramField(p, index, ctx, at) {
		return
	}
	if w.callField(v, index, read, ctx, at) {
		return
	}
	w.fieldStores(v.Type(), index, ctx, at)
}

// fieldStores follows every store in the package to field index of the
// struct type t: the closed world of a struct type declared here. A type
// of another package, or an exported field of an exported type that other
// packages can write, leaves the result open.
func (w *walker) fieldStores(t types.Type, index int, ctx []ssa.CallInstruction, at via) {
	st, ok := structOf(t)
	if !ok {
		w.out.Open = true
		return
	}
	if !w.g.localStruct(t, index) || w.g.esc.reflected(st) {
		w.out.Open = true
		if foreign(t, w.g.pkg) {
			return // another package's struct: its stores here are not the ones that reach
		}
	}
	stores := w.g.fields[fieldKey{st, index}]
	if len(stores) == 0 {
		w.leafIn(ctx, ssa.NewConst(nil, st.Field(index).Type()), at, true)
		return
	}
	for _, s := range stores {
		w.value(s.Val, ctx, w.storeVia(s, at, ctx))
	}
}

// localStruct reports whether every store to field index of t is in this
// package: a struct type declared here whose field is unexported or whose
// type is unexported.
func (g *Graph) localStruct(t types.Type, index int) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return true // an anonymous struct: only this package spells it
	}
	obj := named.Obj()
	if obj.Pkg() != g.pkg {
		return false
	}
	st, _ := structOf(t)
	return !obj.Exported() || !st.Field(index).Exported()
}

// foreign reports whether t (or the type t points to) is a named type
// declared in a package other than pkg.
func foreign(t types.Type, pkg *types.Package) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() != pkg
}

// storeVia is the via of a value stored by s, reached in the calling
// context ctx.
func (w *walker) storeVia(s *ssa.Store, at via, ctx []ssa.CallInstruction) via {
	entry := at.entry
	if len(ctx) == 0 {
		entry = s.Pos()
	}
	expr := w.g.rhs[s.Pos()]
	if c, isConst := s.Val.(*ssa.Const); isConst && c.Value != nil && expr == nil {
		// A constant returned through the result variable.
		expr = w.g.returnStoreExpr(s)
	}
	return via{pos: s.Pos(), expr: expr, test: at.test || w.g.inTest(s.Pos()), entry: entry}
}

// load follows a load from addr at instruction ld.
func (w *walker) load(addr ssa.Value, ld ssa.Instruction, ctx []ssa.CallInstruction, at via) {
	switch a := addr.(type) {
	case *ssa.Alloc:
		if !a.Heap && !w.g.captured(a) {
			w.reaching(ld, func(s *ssa.Store) (bool, bool) { return s.Addr == a, false },
				func(s *ssa.Store, _ bool) { w.value(s.Val, ctx, w.storeVia(s, at, ctx)) }, a, at)
			return
		}
		// A variable a closure or a pointer shares: every store to it.
		w.allStores(a, ctx, at)
	case *ssa.Global:
		if a.Pkg != w.g.ssa {
			w.leafIn(ctx, a, at, false)
			return
		}
		stores := w.g.globals[a]
		if obj, ok := a.Object().(*types.Var); ok && obj.Exported() {
			w.out.Open = true // other packages may assign it
		}
		if len(stores) == 0 {
			w.leafIn(ctx, ssa.NewConst(nil, a.Type().(*types.Pointer).Elem()), at, true)
		}
		for _, s := range stores {
			w.value(s.Val, ctx, w.storeVia(s, at, ctx))
		}
	case *ssa.FieldAddr:
		w.fieldOfAddr(a.X, a.Field, ld, ctx, at)
	case *ssa.IndexAddr:
		w.element(a, ctx, at)
	case *ssa.FreeVar, *ssa.Parameter, *ssa.UnOp, *ssa.Call:
		// A pointer from elsewhere: what reaches it, then its stores.
		r := w.g.ValuesOf(addr)
		if r.Open {
			w.out.Open = true
		}
		for _, l := range r.Leaves {
			if al, ok := l.Value.(*ssa.Alloc); ok {
				w.allStores(al, ctx, at)
				continue
			}
			w.out.Open = true
		}
	default:
		w.out.Open = true
	}
}

// captured reports whether a local variable is shared with a closure or
// has its address taken beyond loads and stores.
func (g *Graph) captured(a *ssa.Alloc) bool {
	for _, r := range *a.Referrers() {
		switch x := r.(type) {
		case *ssa.Store:
			if x.Val == a {
				return true
			}
		case *ssa.UnOp, *ssa.DebugRef, *ssa.FieldAddr, *ssa.IndexAddr:
		default:
			return true
		}
	}
	return false
}

// allStores follows every store to a shared variable, in its function and
// in the closures that capture it.
func (w *walker) allStores(a *ssa.Alloc, ctx []ssa.CallInstruction, at via) {
	any := false
	var visit func(addr ssa.Value, depth int)
	visit = func(addr ssa.Value, depth int) {
		if depth > 4 {
			return
		}
		for _, r := range *addr.Referrers() {
			switch x := r.(type) {
			case *ssa.Store:
				if x.Addr == addr {
					any = true
					w.value(x.Val, ctx, w.storeVia(x, at, ctx))
				}
			case *ssa.MakeClosure:
				fn := x.Fn.(*ssa.Function)
				for i, b := range x.Bindings {
					if b == addr && i < len(fn.FreeVars) {
						visit(fn.FreeVars[i], depth+1)
					}
				}
			case *ssa.Call:
				w.out.Open = true // a callee may store through it
				for i, arg := range x.Call.Args {
					if arg == addr {
						w.out.Leaves = append(w.out.Leaves, Leaf{Value: x, Expr: w.g.calls[x.Pos()], Pos: x.Pos(), Test: at.test || w.g.inTest(x.Pos()), Passed: true, Arg: i})
					}
				}
			case *ssa.Defer, *ssa.Go:
				w.out.Open = true // a callee may store through it
			}
		}
	}
	visit(a, 0)
	if !any {
		w.leafIn(ctx, ssa.NewConst(nil, a.Type().(*types.Pointer).Elem()), at, true)
	}
}

// reaching walks the control-flow graph backwards from instr and follows
// the stores that reach it: match says whether a store writes the value
// (and whether it writes it as a whole struct, of which a field is read);
// a path that reaches the variable's allocation, or the function's entry,
// without a store reads the zero value.
func (w *walker) reaching(instr ssa.Instruction, match func(*ssa.Store) (bool, bool), found func(*ssa.Store, bool), alloc *ssa.Alloc, at via) {
	type point struct {
		b *ssa.BasicBlock
		i int // instructions before index i are searched
	}
	start := instr.Block()
	idx := 0
	for i, in := range start.Instrs {
		if in == instr {
			idx = i
		}
	}
	seenBlock := map[*ssa.BasicBlock]bool{}
	zero := false
	stack := []point{{start, idx}}
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		hit := false
		for i := p.i - 1; i >= 0; i-- {
			in := p.b.Instrs[i]
			if in == alloc {
				zero = true // the allocation zeroes it
				hit = true
				break
			}
			s, ok := in.(*ssa.Store)
			if !ok {
				continue
			}
			if ok, whole := match(s); ok {
				found(s, whole)
				hit = true
				break
			}
		}
		if hit {
			continue
		}
		if len(p.b.Preds) == 0 {
			zero = true
			continue
		}
		for _, pred := range p.b.Preds {
			if !seenBlock[pred] {
				seenBlock[pred] = true
				stack = append(stack, point{pred, len(pred.Instrs)})
			}
		}
	}
	if zero {
		w.leaf(ssa.NewConst(nil, alloc.Type().(*types.Pointer).Elem()), at, true)
	}
}

// exprOfInstr returns the source expression of instr when it is a value.
func exprOfInstr(g *Graph, instr ssa.Instruction) ast.Expr {
	if v, ok := instr.(ssa.Value); ok {
		return g.Expr(v)
	}
	return nil
}
