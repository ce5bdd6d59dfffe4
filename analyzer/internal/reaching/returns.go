package reaching

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// ReturnValues returns what reaches result index of the return statement
// ret: how a function's results are judged one return at a time (a
// result whose global value is only returned under a guard).
func (g *Graph) ReturnValues(ret *ast.ReturnStmt, index int) Result {
	r := g.returnInstr(ret)
	if r == nil || index >= len(r.Results) {
		return Result{Open: true}
	}
	w := &walker{g: g, seen: map[visit]bool{}}
	w.value(r.Results[index], nil, via{pos: r.Pos(), expr: g.returnExpr(r, index)})
	return w.out
}

// returnInstr returns the instruction of the return statement ret, or nil.
func (g *Graph) returnInstr(ret *ast.ReturnStmt) *ssa.Return {
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
	return g.returnOf[ret]
}

// ReturnFieldValues returns what reaches field field of the struct (or
// the struct pointed to) that is result index of the return statement
// ret: the field of a settings loader's result as each return leaves it.
func (g *Graph) ReturnFieldValues(ret *ast.ReturnStmt, index, field int) Result {
	r := g.returnInstr(ret)
	if g.failed || r == nil || index >= len(r.Results) {
		return Result{Open: true}
	}
	w := &walker{g: g, seen: map[visit]bool{}}
	v := r.Results[index]
	at := via{pos: r.Pos()}
	if allocs := newStructs(g.ValuesOf(v), r.Parent()); allocs != nil {
		// return &S{…}: the stores into the new struct before the
		// return, as for a struct value (callers may store into it
		// later, as they may into a copy).
		for _, a := range allocs {
			w.allocField(a, field, r, nil, at)
		}
	} else if _, ok := v.Type().Underlying().(*types.Pointer); ok {
		w.fieldOfAddr(v, field, r, nil, at)
	} else {
		w.fieldOfValue(v, field, nil, nil, at)
	}
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

// newStructs returns the allocations of fn that are every value of r, or
// nil.
func newStructs(r Result, fn *ssa.Function) []*ssa.Alloc {
	if r.Open || len(r.Leaves) == 0 {
		return nil
	}
	var out []*ssa.Alloc
	for _, l := range r.Leaves {
		a, ok := l.Value.(*ssa.Alloc)
		if !ok || a.Parent() != fn {
			return nil
		}
		out = append(out, a)
	}
	return out
}
