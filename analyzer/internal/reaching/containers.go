package reaching

// Values read out of containers the package builds: m[k] of a map made
// here, s[i] of an array or slice literal of the package. A read reaches
// what is stored under that key or index, wherever the container is
// reached from (a local variable, an unexported package variable, a phi),
// so the walk first collects every alias of the container and every write
// through one. A container that leaves what the walk sees (stored in a
// field or an exported variable, its address taken, a map passed to a
// function) makes the read Open. A slice passed to a function is taken as
// read, perhaps reordered: the index then no longer tells the elements
// apart, and every element reaches the read.

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// A container is what collect found of one map or array: the writes into
// it through any of its aliases.
type container struct {
	writes []write
	// open: an alias leaves the walk's sight, or the container may be
	// written where the walk cannot see.
	open bool
	// anyIndex: the elements may have been reordered (passed to a
	// function): every write reaches every read.
	anyIndex bool
}

// A write is one value stored into a container under key (nil: not a
// constant).
type write struct {
	key *ssa.Const
	val ssa.Value
	pos token.Pos
}

// lookup follows the read l of a map: what is stored under its key.
func (w *walker) lookup(l *ssa.Lookup, ctx []ssa.CallInstruction, at via) {
	mt, ok := l.X.Type().Underlying().(*types.Map)
	if !ok {
		w.out.Open = true // a byte of a string
		return
	}
	key, _ := l.Index.(*ssa.Const)
	w.readContainer(l.X, key, mt.Elem(), ctx, at)
}

// element follows the load of the array or slice element ia.
func (w *walker) element(ia *ssa.IndexAddr, ctx []ssa.CallInstruction, at via) {
	key, _ := ia.Index.(*ssa.Const)
	w.readContainer(ia.X, key, ia.Type().(*types.Pointer).Elem(), ctx, at)
}

// readContainer follows a read under key (nil: unknown) of the containers
// that reach x, whose elements are of type elem.
func (w *walker) readContainer(x ssa.Value, key *ssa.Const, elem types.Type, ctx []ssa.CallInstruction, at via) {
	var roots []ssa.Value
	if a, ok := x.(*ssa.Alloc); ok {
		roots = append(roots, a) // a local array indexed in place
	} else {
		r := w.g.ValuesOf(x)
		if r.Open {
			w.out.Open = true
		}
		for _, l := range r.Leaves {
			switch v := l.Value.(type) {
			case *ssa.MakeMap:
				roots = append(roots, v)
			case *ssa.Slice:
				if a, ok := v.X.(*ssa.Alloc); ok {
					roots = append(roots, a)
					continue
				}
				w.out.Open = true
			case *ssa.Const:
				// A nil map reads the zero value; a nil slice has none.
				if _, isMap := v.Type().Underlying().(*types.Map); isMap {
					w.leafIn(ctx, ssa.NewConst(nil, elem), at, true)
				}
			default:
				w.out.Open = true
			}
		}
	}
	for _, root := range roots {
		c := collect(w.g, root)
		if c.open {
			w.out.Open = true
		}
		exact := false
		for _, wr := range c.writes {
			if key != nil && wr.key != nil && !c.anyIndex {
				if !sameConst(key, wr.key) {
					continue
				}
				exact = true
			}
			w.value(wr.val, ctx, via{pos: wr.pos, expr: w.g.rhs[wr.pos], test: at.test || w.g.inTest(wr.pos), entry: at.entry})
		}
		if _, isMap := root.(*ssa.MakeMap); isMap && !exact {
			w.leafIn(ctx, ssa.NewConst(nil, elem), at, true) // a missing key
		}
	}
}

// sameConst reports whether two constant keys are equal.
func sameConst(a, b *ssa.Const) bool {
	if a.Value == nil || b.Value == nil {
		return a.Value == nil && b.Value == nil
	}
	if a.Value.Kind() != b.Value.Kind() {
		return false
	}
	return constant.Compare(a.Value, token.EQL, b.Value)
}

// collect finds the writes into the map or array root through every
// alias: the local variables and unexported package variables it is
// stored in, their loads, phis and slices of it.
func collect(g *Graph, root ssa.Value) container {
	a := &aliases{g: g, seen: map[ssa.Value]bool{root: true}, work: []ssa.Value{root}, root: root}
	for len(a.work) > 0 && !a.c.open {
		if len(a.seen) > maxSteps {
			a.c.open = true
			break
		}
		v := a.work[len(a.work)-1]
		a.work = a.work[:len(a.work)-1]
		refs := v.Referrers()
		if refs == nil {
			a.c.open = true
			break
		}
		for _, r := range *refs {
			a.use(v, r)
		}
	}
	return a.c
}

// aliases is collect's work list: the values that hold the container.
type aliases struct {
	g    *Graph
	root ssa.Value
	c    container
	seen map[ssa.Value]bool
	work []ssa.Value
}

// add queues v, a value that holds the container.
func (a *aliases) add(v ssa.Value) {
	if !a.seen[v] {
		a.seen[v] = true
		a.work = append(a.work, v)
	}
}

// use records what the instruction r does with v, an alias.
func (a *aliases) use(v ssa.Value, r ssa.Instruction) {
	c := &a.c
	switch x := r.(type) {
	case *ssa.DebugRef, *ssa.Lookup, *ssa.Range:
	case *ssa.MapUpdate:
		if x.Map != v {
			c.open = true // the container stored as a value
			return
		}
		k, _ := x.Key.(*ssa.Const)
		c.writes = append(c.writes, write{key: k, val: x.Value, pos: x.Pos()})
	case *ssa.IndexAddr:
		a.element(x)
	case *ssa.Slice, *ssa.Phi:
		a.add(x.(ssa.Value))
	case *ssa.UnOp:
		if x.Op != token.MUL {
			c.open = true
		}
		a.add(x) // a load of a variable holding the container
	case *ssa.Store:
		if x.Val != v {
			if x.Addr == v && v == a.root {
				c.open = true // the whole array overwritten
			}
			return // a store into the variable v (an alias's own)
		}
		a.variable(x.Addr)
	case ssa.CallInstruction:
		a.call(v, x.Common())
	default:
		c.open = true
	}
}

// call records the call common that takes the alias v as an argument.
func (a *aliases) call(v ssa.Value, common *ssa.CallCommon) {
	c := &a.c
	if b, ok := common.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "len", "cap":
			return
		case "copy":
			if len(common.Args) > 0 && common.Args[0] == v {
				c.open = true
			}
			return
		}
	}
	if _, isMap := v.Type().Underlying().(*types.Map); isMap {
		c.open = true // a function may store into the map
		return
	}
	if fn := a.g.callee(common); fn == nil || fn.Pkg == a.g.ssa {
		// The package's function, or one called through a value, may
		// write elements.
		c.open = true
		return
	}
	c.anyIndex = true // read, perhaps reordered (sort.Strings)
}

// element records the writes through the element address ia.
func (a *aliases) element(ia *ssa.IndexAddr) {
	c := &a.c
	k, _ := ia.Index.(*ssa.Const)
	for _, r := range *ia.Referrers() {
		switch x := r.(type) {
		case *ssa.DebugRef:
		case *ssa.UnOp:
			if x.Op != token.MUL {
				c.open = true
			}
		case *ssa.Store:
			if x.Addr != ia {
				c.open = true // the element's address stored
				continue
			}
			c.writes = append(c.writes, write{key: k, val: x.Val, pos: x.Pos()})
		default:
			c.open = true // the element's address taken
		}
	}
}

// variable follows a container stored into the variable addr: a local
// variable no closure or pointer shares, or an unexported package
// variable, whose loads are aliases; anything else leaves the walk's
// sight.
func (a *aliases) variable(addr ssa.Value) {
	switch v := addr.(type) {
	case *ssa.Alloc:
		if v.Heap || a.g.captured(v) {
			a.c.open = true
			return
		}
		a.add(v)
	case *ssa.Global:
		obj, ok := v.Object().(*types.Var)
		if v.Pkg != a.g.ssa || !ok || obj.Exported() {
			a.c.open = true
			return
		}
		for _, ld := range a.g.globalLoads[v] {
			a.add(ld)
		}
	default:
		a.c.open = true
	}
}
