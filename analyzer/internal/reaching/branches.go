package reaching

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Branches decided by the calling context. A helper entered from a call
// that passes a constant (regionFor("global"), cfgFor(region, true)) runs
// only the blocks that constant leads to: a return or a phi edge behind
// `if global`, or behind a switch case on the parameter, that the
// argument rules out reaches nothing on that call. A test is decided
// when it is a constant, a parameter the calls in ctx bind to one (or a
// comparison of such values), or a boolean, string or number that one
// walk in that context finds to be a single constant; every other branch
// may go either way.

// feasible reports whether block b can run when its function is entered
// through the calls ctx (the innermost last).
func (g *Graph) feasible(b *ssa.BasicBlock, ctx []ssa.CallInstruction) bool {
	if len(ctx) == 0 {
		return true
	}
	for d := b.Idom(); d != nil; d = d.Idom() {
		if skipped, ok := g.ruledOut(d, ctx); ok && skipped.Dominates(b) && len(skipped.Preds) == 1 {
			return false // every path to b takes the edge the argument rules out
		}
	}
	return true
}

// feasibleEdge reports whether the edge from pred into its successor
// succ can be taken in the context ctx.
func (g *Graph) feasibleEdge(pred, succ *ssa.BasicBlock, ctx []ssa.CallInstruction) bool {
	if len(ctx) == 0 {
		return true
	}
	if skipped, ok := g.ruledOut(pred, ctx); ok && skipped == succ {
		return false
	}
	return g.feasible(pred, ctx)
}

// ruledOut returns the successor of block d that its closing if can never
// take in the context ctx, when the condition is decided there.
func (g *Graph) ruledOut(d *ssa.BasicBlock, ctx []ssa.CallInstruction) (*ssa.BasicBlock, bool) {
	if len(d.Instrs) == 0 || len(d.Succs) != 2 || d.Succs[0] == d.Succs[1] {
		return nil, false
	}
	ifi, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
	if !ok {
		return nil, false
	}
	v, ok := g.condIn(ifi.Cond, ctx, 0)
	if !ok {
		return nil, false
	}
	if v {
		return d.Succs[1], true // the else edge
	}
	return d.Succs[0], true
}

// condIn evaluates a branch condition in the context ctx.
func (g *Graph) condIn(cond ssa.Value, ctx []ssa.CallInstruction, depth int) (bool, bool) {
	if depth > maxContext {
		return false, false
	}
	switch x := cond.(type) {
	case *ssa.UnOp:
		if x.Op == token.NOT {
			v, ok := g.condIn(x.X, ctx, depth+1)
			return !v, ok
		}
	case *ssa.BinOp:
		switch x.Op {
		case token.EQL, token.NEQ:
			a, aok := g.constIn(x.X, ctx, depth+1)
			b, bok := g.constIn(x.Y, ctx, depth+1)
			if !aok || !bok || a.Value == nil || b.Value == nil || a.Value.Kind() != b.Value.Kind() {
				return false, false
			}
			return constant.Compare(a.Value, x.Op, b.Value), true
		}
	}
	c, ok := g.constIn(cond, ctx, depth+1)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(c.Value), true
}

// constIn returns the constant v holds in the context ctx: a constant, or
// a parameter of the innermost callee that its call binds to one
// (through the callers' own parameters, further out in ctx).
func (g *Graph) constIn(v ssa.Value, ctx []ssa.CallInstruction, depth int) (*ssa.Const, bool) {
	switch x := v.(type) {
	case *ssa.Const:
		return x, true
	case *ssa.UnOp:
		// The SSA form is not lifted: a parameter is spilled to a local
		// at entry and read back. A local stored only that once holds
		// the parameter wherever it is read.
		if a, ok := x.X.(*ssa.Alloc); ok && x.Op == token.MUL {
			if p := spilled(a); p != nil {
				return g.constIn(p, ctx, depth+1)
			}
		}
	case *ssa.Parameter:
		if len(ctx) == 0 || depth > maxContext {
			return nil, false
		}
		site := ctx[len(ctx)-1].Common()
		if site.IsInvoke() || site.StaticCallee() != x.Parent() {
			return nil, false
		}
		for i, p := range x.Parent().Params {
			if p == x && i < len(site.Args) {
				return g.constIn(site.Args[i], ctx[:len(ctx)-1], depth+1)
			}
		}
		return nil, false
	}
	return g.constReaching(v, ctx)
}

// constReaching returns the one constant that every value reaching v in
// the context ctx is (a field the call's receiver was built with), by
// one walk that decides no branch itself. A zero value is no constant
// (a field nothing stored may be filled by reflection), nor is an open
// route.
func (g *Graph) constReaching(v ssa.Value, ctx []ssa.CallInstruction) (*ssa.Const, bool) {
	if len(ctx) == 0 || len(ctx) > maxContext || g.deciding {
		return nil, false
	}
	if _, ok := v.Type().Underlying().(*types.Basic); !ok {
		return nil, false // only booleans, strings and numbers are tested against constants
	}
	k := decideKey{v: v, n: len(ctx)}
	copy(k.ctx[:], ctx)
	if m, ok := g.decided[k]; ok {
		return m, m != nil
	}
	g.deciding = true
	r := g.walk(v, ctx)
	g.deciding = false
	var one *ssa.Const
	if !r.Open {
		for _, l := range r.Leaves {
			c, ok := l.Value.(*ssa.Const)
			if !ok || l.Zero || l.Test || c.Value == nil || one != nil && !constant.Compare(one.Value, token.EQL, c.Value) {
				one = nil
				break
			}
			one = c
		}
	}
	if g.decided == nil {
		g.decided = map[decideKey]*ssa.Const{}
	}
	g.decided[k] = one
	return one, one != nil
}

// A decideKey is a value asked about in a calling context.
type decideKey struct {
	v   ssa.Value
	ctx [maxContext]ssa.CallInstruction
	n   int
}

// spilled returns the parameter a local holds when its one store is that
// parameter and it is otherwise only read.
func spilled(a *ssa.Alloc) *ssa.Parameter {
	var p *ssa.Parameter
	for _, r := range *a.Referrers() {
		switch u := r.(type) {
		case *ssa.Store:
			q, ok := u.Val.(*ssa.Parameter)
			if !ok || p != nil || u.Addr != a {
				return nil
			}
			p = q
		case *ssa.UnOp:
			if u.Op != token.MUL {
				return nil
			}
		case *ssa.DebugRef:
		default:
			return nil
		}
	}
	return p
}

// Decided reports the value the branch condition e (an if's condition in
// the package's syntax) takes in the calling context ctx, when the calls
// there bind what it tests to constants (see feasible).
func (g *Graph) Decided(e ast.Expr, ctx []ssa.CallInstruction) (value, ok bool) {
	if len(ctx) == 0 {
		return false, false
	}
	g.build()
	v, found := g.valueOf[ast.Unparen(e)]
	if !found || g.failed {
		return false, false
	}
	return g.condIn(v, ctx, 0)
}
