package reaching

import (
	"go/ast"

	"golang.org/x/tools/go/ssa"
)

// Elements returns what reaches the elements of the slice e: the values
// stored into the arrays that reach it (a variadic call's implicit slice,
// a slice literal) and the elements appended to it. It answers
// session.NewSession(cfgs...) inside a helper whose callers pass configs.
func (g *Graph) Elements(e ast.Expr) Result {
	slices := g.Values(e)
	out := Result{Open: slices.Open}
	w := &walker{g: g, seen: map[visit]bool{}}
	for _, l := range slices.Leaves {
		w.elements(l.Value, via{pos: l.Pos, test: l.Test}, 0)
	}
	out.Leaves = w.out.Leaves
	out.Open = out.Open || w.out.Open
	return out
}

// elements follows the elements of the slice value v.
func (w *walker) elements(v ssa.Value, at via, depth int) {
	if depth > 8 {
		w.out.Open = true
		return
	}
	switch x := v.(type) {
	case *ssa.Slice:
		alloc, ok := x.X.(*ssa.Alloc)
		if !ok {
			w.out.Open = true
			return
		}
		for _, r := range *alloc.Referrers() {
			ia, ok := r.(*ssa.IndexAddr)
			if !ok {
				continue
			}
			for _, u := range *ia.Referrers() {
				if s, ok := u.(*ssa.Store); ok && s.Addr == ia {
					w.value(s.Val, nil, w.storeVia(s, at, nil))
				}
			}
		}
	case *ssa.Const:
		// nil: no elements.
	case *ssa.Call:
		if b, ok := x.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" {
			for _, a := range x.Call.Args {
				r := w.g.ValuesOf(a)
				w.out.Open = w.out.Open || r.Open
				for _, l := range r.Leaves {
					w.elements(l.Value, at, depth+1)
				}
			}
			return
		}
		w.out.Open = true
	default:
		w.out.Open = true
	}
}
