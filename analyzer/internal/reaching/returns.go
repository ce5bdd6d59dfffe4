package reaching

import (
	"go/ast"

	"golang.org/x/tools/go/ssa"
)

// ReturnValues returns what reaches result index of the return statement
// ret: how a function's results are judged one return at a time (a
// result whose global value is only returned under a guard).
func (g *Graph) ReturnValues(ret *ast.ReturnStmt, index int) Result {
	g.build()
	if g.returnOf == nil {
		g.returnOf = map[*ast.ReturnStmt]*ssa.Return{}
		for _, fn := range g.funcs {
			for _, b := range fn.Blocks {
				if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
					if s, ok := g.returns[r.Pos()]; ok {
						g.returnOf[s] = r
					}
				}
			}
		}
	}
	r, ok := g.returnOf[ret]
	if !ok || index >= len(r.Results) {
		return Result{Open: true}
	}
	w := &walker{g: g, seen: map[visit]bool{}}
	w.value(r.Results[index], nil, via{pos: r.Pos(), expr: g.returnExpr(r, index)})
	return w.out
}

// CallArgs returns what reaches parameter p at the static calls of its
// function in this package, even when the function can also be called
// from elsewhere (an exported function's callers here): the values this
// package passes.
func (g *Graph) CallArgs(p *ssa.Parameter) Result {
	g.build()
	fn := p.Parent()
	index := -1
	for i, q := range fn.Params {
		if q == p {
			index = i
		}
	}
	w := &walker{g: g, seen: map[visit]bool{}}
	for _, s := range g.sites[fn] {
		w.arg(s, index, nil, via{pos: s.Pos()})
	}
	return w.out
}

// returnStoreExpr is the source of a store of a return statement into
// the function's result variable (the SSA builder returns through them):
// result i of the statement, for the i-th such store of its block.
func (g *Graph) returnStoreExpr(s *ssa.Store) ast.Expr {
	ret, ok := g.returns[s.Pos()]
	if !ok || !s.Pos().IsValid() {
		return nil
	}
	i := 0
	for _, in := range s.Block().Instrs {
		st, ok := in.(*ssa.Store)
		if !ok || st.Pos() != s.Pos() {
			continue
		}
		if st == s {
			break
		}
		i++
	}
	if i < len(ret.Results) && len(ret.Results) == s.Parent().Signature.Results().Len() {
		return ret.Results[i]
	}
	return nil
}
