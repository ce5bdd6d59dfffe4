package reaching

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// Pointee returns what the address v (a local variable, or a field of one,
// as in &s.Endpoint) holds from where v is taken on: the stores that reach
// that point (the variable's zero value on a path without one) and every
// store to it the control flow can reach afterwards. The result is Open
// when v is no such address, or when the variable is used beyond direct
// loads and stores (passed to a call such as json.Unmarshal, captured by a
// closure, its address kept elsewhere), so that something the walk does
// not see may write it. The values stored are followed in the calling
// context ctx (a Leaf's Ctx, or nil), and the field of a struct a pointer
// points to (&cfg.Endpoint of a helper's cfg) is that field of the objects
// the pointer may point to in that context.
func (g *Graph) Pointee(v ssa.Value, ctx []ssa.CallInstruction) Result {
	g.build()
	w := &walker{g: g, seen: map[visit]bool{}}
	instr, ok := v.(ssa.Instruction)
	if !ok {
		return Result{Open: true}
	}
	var alloc *ssa.Alloc
	field := -1
	switch a := v.(type) {
	case *ssa.Alloc:
		alloc = a
	case *ssa.FieldAddr:
		al, ok := a.X.(*ssa.Alloc)
		if !ok {
			return w.objectPointee(a, ctx)
		}
		alloc, field = al, a.Field
	default:
		return Result{Open: true}
	}
	if !onlyDirect(alloc, v) {
		return Result{Open: true}
	}
	match := func(s *ssa.Store) (bool, bool) {
		if s.Addr == alloc {
			return true, field >= 0
		}
		if fa, ok := s.Addr.(*ssa.FieldAddr); ok && fa.X == alloc && fa.Field == field {
			return true, false
		}
		return false, false
	}
	// The stored values are followed in the calling context: the
	// parameter a helper copies into its own variable (s Settings, then
	// &s.Endpoint) is that call's argument.
	found := func(s *ssa.Store, whole bool) {
		at := w.storeVia(s, via{}, ctx)
		if whole {
			w.fieldOfValue(s.Val, field, nil, ctx, at)
			return
		}
		w.value(s.Val, ctx, at)
	}
	w.reaching(instr, match, found, alloc, via{pos: v.Pos()})
	// Stores the control flow reaches after v is taken.
	for _, s := range storesAfter(instr) {
		if ok, whole := match(s); ok {
			found(s, whole)
		}
	}
	return w.out
}

// objectPointee is Pointee of the field address fa of a struct that a
// pointer (a parameter, a variable holding &T{…}) points to: that field
// of the objects the pointer may point to, in the calling context ctx (a
// helper's parameter is that call's argument), by every store to it
// (fieldOfObjects). It is Open where the objects are not all known.
func (w *walker) objectPointee(fa *ssa.FieldAddr, ctx []ssa.CallInstruction) Result {
	if !w.fieldOfObjects(fa.X, fa.Field, ctx, via{pos: fa.Pos(), entry: fa.Pos()}) {
		return Result{Open: true}
	}
	return w.out
}

// onlyDirectAddr reports whether the field address x is used only by
// direct loads and stores of its value, or is v, whose address may be
// stored but not passed on.
func onlyDirectAddr(x, v ssa.Value) bool {
	for _, r := range *x.Referrers() {
		switch u := r.(type) {
		case *ssa.DebugRef:
		case *ssa.UnOp:
			if u.Op != token.MUL {
				return false
			}
		case *ssa.Store:
			if u.Val == x && x != v {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// onlyDirect reports whether the variable alloc is used only by direct
// loads and stores, by field addresses used the same way, and by v, whose
// address may be stored (into a configuration's field) but not passed on.
func onlyDirect(alloc *ssa.Alloc, v ssa.Value) bool {
	for _, r := range *alloc.Referrers() {
		switch u := r.(type) {
		case *ssa.FieldAddr:
			if !onlyDirectAddr(u, v) {
				return false
			}
		case *ssa.DebugRef:
		case *ssa.UnOp:
			if u.Op != token.MUL {
				return false
			}
		case *ssa.Store:
			if u.Val == alloc && ssa.Value(alloc) != v {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// storesAfter returns the stores that run after instr: later in its block
// and in every block reachable from it.
func storesAfter(instr ssa.Instruction) []*ssa.Store {
	var out []*ssa.Store
	b := instr.Block()
	after := false
	for _, in := range b.Instrs {
		if in == instr {
			after = true
			continue
		}
		if s, ok := in.(*ssa.Store); ok && after {
			out = append(out, s)
		}
	}
	seen := map[*ssa.BasicBlock]bool{}
	stack := append([]*ssa.BasicBlock(nil), b.Succs...)
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[x] {
			continue
		}
		seen[x] = true
		for _, in := range x.Instrs {
			if s, ok := in.(*ssa.Store); ok {
				out = append(out, s)
			}
		}
		stack = append(stack, x.Succs...)
	}
	return out
}

// Loaded returns what a load through the address v would read where v is
// computed: for a field of a struct a closure shares (&s.Endpoint inside
// the option function), the stores into that field of the objects v may
// point to, which Pointee leaves open.
func (g *Graph) Loaded(v ssa.Value) Result {
	g.build()
	instr, ok := v.(ssa.Instruction)
	if g.failed || !ok {
		return Result{Open: true}
	}
	w := &walker{g: g, seen: map[visit]bool{}}
	w.load(v, instr, nil, via{pos: v.Pos(), expr: g.exprOf[v], entry: v.Pos()})
	return w.out
}
