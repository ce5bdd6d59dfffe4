package flow

// The bridge to package reaching, the one walk over SSA that answers "what
// values reach here": where the syntax-directed evaluation meets a value
// it cannot follow by itself (a parameter, a field, a closure's variable,
// a function variable), it asks reaching for the leaves that reach it and
// evaluates each leaf's construction with the SDK's semantics.

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/stsregional/stsregional/analyzer/internal/reaching"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// values returns what reaches e, dropping the routes through a test's
// stores when e itself is production code (a test that swaps a variable
// for a mock does not change what the program does).
func (ev *ssaEval) values(e ast.Expr) reaching.Result {
	r := ev.f.graph.ValuesIn(e, ev.ctx)
	if ev.inTest(e) {
		return r
	}
	kept := r.Leaves[:0:0]
	for _, l := range r.Leaves {
		if !l.Test {
			kept = append(kept, l)
		}
	}
	r.Leaves = kept
	if ev.f.split != nil {
		r.Leaves = ev.f.split.narrow(e, r.Leaves)
	}
	return r
}

// A split is the evaluation of one client construction caller by caller.
// Where the values that reach the construction come from outside the
// function that holds it (the arguments of its callers, the stores of a
// constructor into the field a method reads), the construction's verdict
// is each caller's, not one for all: the evaluation is run once per
// outside entry of the first query that has several, with the query
// narrowed to that entry, and the finding of each run belongs where its
// entry is.
type split struct {
	// scope is the function declaration or literal holding the
	// construction.
	scope ast.Node
	// pinned keeps, for a query (by position), the one outside entry
	// this run follows.
	pinned map[token.Pos]token.Pos
	// key and pending are the first query of the run with several
	// outside entries and those entries, to be followed one run each.
	key     token.Pos
	pending []token.Pos
	// last is the outside entry the run was narrowed to last: a pinned
	// one, or the only one of a query that comes from a caller's
	// argument.
	last token.Pos
	// calls are the call expressions by their Lparen, to tell a caller's
	// argument from a store.
	calls map[token.Pos]bool
	// pinnedLast reports that last is a pinned entry; stored that some
	// query came in through a store outside the function (a captured
	// variable, a field): then the function's verdict is not only its
	// callers', and a single caller does not take the finding.
	pinnedLast, stored bool
}

// at returns where the run's verdict belongs, if not at the construction.
func (sp *split) at() token.Pos {
	if sp.pinnedLast || !sp.stored {
		return sp.last
	}
	return token.NoPos
}

// outside reports whether pos is a valid position outside the split's
// function.
func (sp *split) outside(pos token.Pos) bool {
	return pos.IsValid() && (pos < sp.scope.Pos() || pos >= sp.scope.End())
}

// narrow keeps the leaves of query e that this run follows.
func (sp *split) narrow(e ast.Expr, leaves []reaching.Leaf) []reaching.Leaf {
	var entries []token.Pos
	for _, l := range leaves {
		if sp.outside(l.Entry) && !slices.Contains(entries, l.Entry) {
			entries = append(entries, l.Entry)
		}
	}
	if len(entries) == 0 {
		return leaves
	}
	for _, en := range entries {
		sp.stored = sp.stored || !sp.calls[en]
	}
	key := e.Pos()
	pin, ok := sp.pinned[key]
	switch {
	case ok:
	case len(entries) == 1:
		if sp.calls[entries[0]] {
			sp.last, sp.pinnedLast = entries[0], false
		}
		return leaves
	default:
		if !sp.key.IsValid() {
			sp.key, sp.pending = key, entries
		}
		return leaves
	}
	sp.last, sp.pinnedLast = pin, true
	kept := leaves[:0:0]
	for _, l := range leaves {
		if !sp.outside(l.Entry) || l.Entry == pin {
			kept = append(kept, l)
		}
	}
	return kept
}

// maxSplits bounds the runs of one construction.
const maxSplits = 16

// byCaller evaluates a client construction at call, held in function
// scope, caller by caller (see split): one verdict per outside entry, at
// that entry, or the one verdict of the construction when nothing that
// reaches it comes from outside.
func (ev *ssaEval) byCaller(scope ast.Node, base Client, eval func() (sess, conf)) []Client {
	if scope == nil {
		s, c := eval()
		return []Client{ev.f.Sessions.verdict(base, s, c)}
	}
	if ev.lparens == nil {
		ev.lparens = map[token.Pos]bool{}
		for _, cur := range ev.f.calls {
			ev.lparens[cur.Node().(*ast.CallExpr).Lparen] = true
		}
	}
	calls := ev.callsOf(scope)
	var out []Client
	movedStored := false
	queue := []map[token.Pos]token.Pos{{}}
	for runs := 0; len(queue) > 0; runs++ {
		pins := queue[0]
		queue = queue[1:]
		if runs >= maxSplits {
			// Too many callers to tell apart: the one verdict.
			s, c := eval()
			return []Client{ev.f.Sessions.verdict(base, s, c)}
		}
		sp := &split{scope: scope, pinned: pins, calls: calls, stored: ev.captures(scope)}
		s, c := ev.splitRun(sp, eval)
		if sp.key.IsValid() {
			for _, e := range sp.pending {
				p := maps.Clone(pins)
				p[sp.key] = e
				queue = append(queue, p)
			}
			continue
		}
		cl := ev.f.Sessions.verdict(base, s, c)
		if at := sp.at(); at.IsValid() {
			cl.At, cl.Caller = ev.nodeAt(at), true
			movedStored = movedStored || sp.stored
		}
		out = append(out, cl)
	}
	if len(out) > 1 && movedStored && !slices.ContainsFunc(out, func(cl Client) bool { return !finding(cl) }) {
		// Every session stored for the client is a finding: the paths do
		// not need telling apart, and the client is where the one finding
		// belongs (its sessions are its related locations).
		s, c := eval()
		return []Client{ev.f.Sessions.verdict(base, s, c)}
	}
	return out
}

// callsOf returns the positions of the calls of the function scope (all
// calls, for a function literal, whose calls go through variables): only
// an argument at such a call is a caller's value that may take a finding.
// A session built inside, or stored into a field the function reads, is
// judged at the client.
func (ev *ssaEval) callsOf(scope ast.Node) map[token.Pos]bool {
	decl, ok := scope.(*ast.FuncDecl)
	if !ok {
		return ev.lparens
	}
	fn, _ := ev.f.info.Defs[decl.Name].(*types.Func)
	out := map[token.Pos]bool{}
	for _, cur := range ev.f.calls {
		call := cur.Node().(*ast.CallExpr)
		if fn != nil && ev.f.Callee(call) == fn {
			out[call.Lparen] = true
		}
	}
	return out
}

// captures reports whether the function literal lit uses a local
// variable of the function around it: then what it builds depends on more
// than its callers' arguments.
func (ev *ssaEval) captures(fn ast.Node) bool {
	lit, ok := fn.(*ast.FuncLit)
	if !ok {
		return false
	}
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || found {
			return !found
		}
		v, ok := ev.f.info.Uses[id].(*types.Var)
		if ok && !v.IsField() && v.Pkg() == ev.f.pass.Pkg && v.Parent() != ev.f.pass.Pkg.Scope() &&
			(v.Pos() < lit.Pos() || v.Pos() >= lit.End()) {
			found = true
		}
		return true
	})
	return found
}

// splitRun runs eval under sp, with memos of its own: what a variable
// holds depends on the entries the run keeps.
func (ev *ssaEval) splitRun(sp *split, eval func() (sess, conf)) (sess, conf) {
	saved, confMemo, sessMemo := ev.f.split, ev.f.confMemo, ev.f.sessMemo
	ev.f.split, ev.f.confMemo, ev.f.sessMemo = sp, map[use]confResult{}, map[use]sess{}
	s, c := eval()
	ev.f.split, ev.f.confMemo, ev.f.sessMemo = saved, confMemo, sessMemo
	return s, c
}

// inCall runs eval as the evaluation of the returns of the helper call
// calls, in the current context: a parameter of the helper is this
// call's argument. ok is false when call is not one the SSA form has, or
// the context is as deep as it may go.
func (ev *ssaEval) inCall(call *ast.CallExpr, eval func()) bool {
	v, ok := ev.f.graph.Value(call)
	site, isCall := v.(ssa.CallInstruction)
	if !ok || !isCall || len(ev.ctx) >= maxCallContext {
		return false
	}
	ev.runIn(append(ev.ctx[:len(ev.ctx):len(ev.ctx)], site), eval)
	return true
}

// within runs eval in the calling context ctx, a Leaf's Ctx: the
// evaluation of a construction reached through the calls ctx entered,
// whose parameters are those calls' arguments. A leaf without a context
// keeps the current one.
func (ev *ssaEval) within(ctx []ssa.CallInstruction, eval func()) {
	if len(ctx) == 0 || len(ctx) > maxCallContext {
		eval()
		return
	}
	ev.runIn(ctx, eval)
}

// runIn runs eval in the calling context ctx, with memos of its own, as
// in splitRun: what a variable holds depends on the context.
func (ev *ssaEval) runIn(ctx []ssa.CallInstruction, eval func()) {
	saved, confMemo, sessMemo := ev.ctx, ev.f.confMemo, ev.f.sessMemo
	ev.ctx, ev.f.confMemo, ev.f.sessMemo = ctx, map[use]confResult{}, map[use]sess{}
	eval()
	ev.ctx, ev.f.confMemo, ev.f.sessMemo = saved, confMemo, sessMemo
}

// maxCallContext bounds the helper calls one evaluation is inside.
const maxCallContext = 4

// nodeAt returns the innermost node of the package at pos: the call whose
// Lparen it is, or the store's left-hand side or key.
func (ev *ssaEval) nodeAt(pos token.Pos) ast.Node {
	for _, file := range ev.f.pass.Files {
		if file.FileStart <= pos && pos < file.FileEnd {
			path, _ := astutil.PathEnclosingInterval(file, pos, pos)
			if len(path) > 0 {
				return path[0]
			}
		}
	}
	return nil
}

// ssaString returns the constant string every value that reaches e is,
// if there is one. A zero value is not a constant here: a field nothing in
// the package stores to may be filled by reflection (a decoded config
// file), so its "" is not a value the code chose.
func (ev *ssaEval) ssaString(e ast.Expr) (string, bool) {
	r := ev.values(e)
	if r.Open || len(r.Leaves) == 0 {
		return "", false
	}
	var out string
	for i, l := range r.Leaves {
		c, ok := l.Value.(*ssa.Const)
		if !ok || l.Zero || c.Value == nil || c.Value.Kind() != constant.String {
			return "", false
		}
		s := constant.StringVal(c.Value)
		if i > 0 && s != out {
			return "", false
		}
		out = s
	}
	return out, true
}

// openParam reports whether every value that reaches e is a parameter
// of a function whose callers the package cannot all see (exported, or
// used as a value): e passes an outside caller's value on.
func (ev *ssaEval) openParam(e ast.Expr) bool {
	r := ev.values(e)
	if r.Open || len(r.Leaves) == 0 {
		return false
	}
	for _, l := range r.Leaves {
		if _, ok := l.Value.(*ssa.Parameter); !ok {
			return false
		}
	}
	return true
}

// openParamIdent reports whether e names a parameter, never reassigned,
// of an exported function or method: what reaches it is its callers'
// values, which the package cannot see, so SSA would answer only the
// parameter itself, and building SSA for that costs a large package (one
// exported lister per file, each taking the session) most of the run.
func (ev *ssaEval) openParamIdent(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := ev.f.info.Uses[id].(*types.Var)
	if !ok || !ev.f.params[v] || len(ev.f.defs[v]) > 0 {
		return false
	}
	return ev.f.exportedParam(v)
}

// inTest reports whether n is in a _test.go file.
func (ev *ssaEval) inTest(n ast.Node) bool {
	return strings.HasSuffix(ev.f.pass.Fset.File(n.Pos()).Name(), "_test.go")
}

// funcOf returns the function every value that reaches the function
// expression fun is, if there is one (var newCreds = stscreds.NewCredentials,
// a field or parameter that always holds the same function).
func (ev *ssaEval) funcOf(fun ast.Expr) *types.Func {
	r := ev.values(fun)
	if r.Open || len(r.Leaves) == 0 {
		return nil
	}
	var out *types.Func
	for _, l := range r.Leaves {
		sf, ok := l.Value.(*ssa.Function)
		if !ok {
			return nil
		}
		fn, ok := sf.Object().(*types.Func)
		if !ok || out != nil && fn != out {
			return nil
		}
		out = fn
	}
	return out
}

// receiver returns the receiver expression of a method call: x of x.M(…),
// or of the method value x.M every value that reaches a function variable
// holds (derive := base.Copy; derive(cfg)). It is nil when there is none
// or when several receivers may reach the call.
func (ev *ssaEval) receiver(call *ast.CallExpr) ast.Expr {
	fun := ast.Unparen(call.Fun)
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		if s, ok := ev.f.info.Selections[sel]; ok && s.Kind() == types.MethodVal {
			return sel.X
		}
	}
	r := ev.values(fun)
	if r.Open || len(r.Leaves) == 0 {
		return nil
	}
	var out ast.Expr
	for _, l := range r.Leaves {
		sel, ok := ast.Unparen(l.Expr).(*ast.SelectorExpr)
		if !ok || out != nil && sel.X != out {
			return nil
		}
		if s, ok := ev.f.info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
			return nil
		}
		out = sel.X
	}
	return out
}

// ssaSession evaluates a session expression through the constructions
// that reach it; ok is false when some value that reaches it is not a
// construction the evaluation understands, or when every construction
// that reaches it is the same verdict as an opaque session would be.
func (ev *ssaEval) ssaSession(e ast.Expr, depth int) (sess, bool) {
	if depth > maxDepth/2 {
		return sess{}, false
	}
	r := ev.values(e)
	if r.Open || len(r.Leaves) == 0 {
		return sess{}, false
	}
	var alts []sess
	at := map[*ast.CallExpr]int{} // the alternative of each construction
	for _, l := range r.Leaves {
		call, ok := ast.Unparen(exprOr(l)).(*ast.CallExpr)
		if !ok || call == e {
			return sess{}, false
		}
		// Built in the calls the leaf was reached through (a
		// constructor storing it in its object): their arguments.
		var s sess
		ev.within(l.Ctx, func() { s = ev.f.Sessions.evalSession(call, depth+1) })
		if s.conf.opaque && s.fix == nil && s.built == nil {
			return sess{}, false
		}
		// One construction reached in several callers' contexts is
		// judged by its worst caller, where that caller's values are,
		// as a parameter's callers are (ssaConfig).
		if i, ok := at[call]; ok {
			if alts[i].conf.safe() && !s.conf.safe() {
				alts[i] = s
			}
			continue
		}
		at[call] = len(alts)
		alts = append(alts, s)
	}
	return combine(alts), true
}

// ssaConfig evaluates a config expression the same way.
func (ev *ssaEval) ssaConfig(e ast.Expr, depth int) (conf, bool) {
	if depth > maxDepth/2 {
		return conf{}, false
	}
	r := ev.values(e)
	if r.Open || len(r.Leaves) == 0 {
		return conf{}, false
	}
	var alts []conf
	for _, l := range r.Leaves {
		x := exprOr(l)
		if x == nil || x == e {
			return conf{}, false
		}
		var c conf
		var ok bool
		// In the helper's calling context: its parameters are this
		// call's arguments, and the branches they decide are decided.
		ev.within(l.Ctx, func() { c, ok = ev.f.Sessions.evalConfig(x, depth+1) })
		if !ok {
			return conf{}, false
		}
		alts = append(alts, c)
	}
	main := alts[0]
	for _, c := range alts[1:] {
		if main.safe() && !c.safe() {
			main = c
		}
	}
	return main, true
}

// exprOr is the source expression of a leaf.
func exprOr(l reaching.Leaf) ast.Expr { return l.Expr }

// combine merges the sessions that may reach one use: the verdict is the
// worst one, with a regional one as the other path when they differ.
func combine(alts []sess) sess {
	main := -1
	other := -1
	for i, a := range alts {
		if !a.conf.safe() {
			if main < 0 {
				main = i
			}
		} else if other < 0 {
			other = i
		}
	}
	if main < 0 {
		s := alts[0]
		if len(alts) > 1 {
			s.fix = nil
		}
		return s
	}
	s := alts[main]
	if other >= 0 {
		o := alts[other]
		s.other, s.mainWhen, s.otherWhen = &o, Cond{Kind: CondSome}, Cond{Kind: CondOther}
	} else if len(alts) > 1 {
		s.fix = nil
	}
	return s
}

// spreadConfigs evaluates the configs a spread list (cfgs...) holds: the
// elements every caller passes, merged. ok is false when some element
// cannot be followed.
func (ev *ssaEval) spreadConfigs(list ast.Expr, depth int) (conf, bool) {
	r := ev.f.graph.Elements(list)
	if r.Open || depth > maxDepth/2 {
		return conf{}, false
	}
	var c conf
	for _, l := range r.Leaves {
		if l.Test && !ev.inTest(list) {
			continue
		}
		if l.Expr == nil {
			return conf{}, false
		}
		cc, ok := ev.f.Sessions.evalConfig(l.Expr, depth+1)
		if !ok {
			return conf{}, false
		}
		c.merge(cc)
	}
	return c, true
}

// mentionsAWS reports whether the function type t takes or returns a
// value of an AWS SDK type: only such a function variable can hold an SDK
// constructor.
func mentionsAWS(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	if !ok {
		return false
	}
	for _, tup := range []*types.Tuple{sig.Params(), sig.Results()} {
		for i := range tup.Len() {
			if awsType(tup.At(i).Type(), 0) {
				return true
			}
		}
	}
	return false
}

// awsType reports whether t is, or points to or holds, a named type of
// an AWS SDK package.
func awsType(t types.Type, depth int) bool {
	if depth > 4 {
		return false
	}
	switch x := types.Unalias(t).(type) {
	case *types.Named:
		return x.Obj().Pkg() != nil && sdk.IsAWSPath(sdk.Path(x.Obj().Pkg()))
	case *types.Pointer:
		return awsType(x.Elem(), depth+1)
	case *types.Slice:
		return awsType(x.Elem(), depth+1)
	case *types.Signature:
		return mentionsAWS(x)
	}
	return false
}
