package reaching

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// escapes answers whether code that the package's own stores do not
// describe (another package, a decoder by reflection) may write a struct
// of a type, or one object: the closed world of fields holds only where
// it cannot. Its answers are computed on first use.
type escapes struct {
	g *Graph
	// reflect are the struct types a pointer to which leaves the
	// package's code.
	reflect map[*types.Struct]bool
	// escaped memoizes object.
	escaped map[*ssa.Alloc]bool
	// docs are the constant documents decoded into each object that
	// object answered for (decoded.go), and collect those of the object
	// in progress.
	docs    map[*ssa.Alloc][]decode
	collect []decode
}

// reflected reports whether a pointer to a struct of type st leaves the
// package's code: converted to an interface or passed to a function of
// another package (json.Unmarshal(data, &s), a flag or env decoder). Such
// a function can write the struct's fields by reflection, so the package's
// own stores to a field are not all that reaches it.
func (e *escapes) reflected(st *types.Struct) bool {
	g := e.g
	if e.reflect == nil {
		e.reflect = map[*types.Struct]bool{}
		mark := func(t types.Type) {
			if p, ok := t.Underlying().(*types.Pointer); ok {
				if s, ok := p.Elem().Underlying().(*types.Struct); ok {
					e.reflect[s] = true
				}
			}
		}
		for _, fn := range g.funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					switch x := instr.(type) {
					case *ssa.MakeInterface:
						mark(x.X.Type())
					case ssa.CallInstruction:
						callee := g.callee(x.Common())
						if callee != nil && callee.Pkg == g.ssa && callee.Blocks != nil {
							continue
						}
						for _, a := range x.Common().Args {
							mark(a.Type())
						}
					}
				}
			}
		}
	}
	return e.reflect[st]
}

// object reports whether a pointer to the object obj (an allocation of
// this package, &T{…}) may reach code that the package's own stores do
// not describe, which could then write its fields: an interface, another
// package's function, a function value, an exported function's result,
// any place but a local variable (a field, a package variable, an
// element, a captured variable, a channel, a map). The pointer is followed
// through local variables, phis and the parameters and results of the
// package's own functions. An address of one of its fields may be stored
// (Endpoint: &s.Endpoint in a config): the SDK reads it, never writes.
func (e *escapes) object(obj *ssa.Alloc) bool {
	if done, ok := e.escaped[obj]; ok {
		return done
	}
	seen := map[ssa.Value]bool{}
	work := []ssa.Value{obj}
	escaped := false
	e.collect = nil
	add := func(v ssa.Value) {
		if !seen[v] {
			seen[v] = true
			work = append(work, v)
		}
	}
	for len(work) > 0 && !escaped {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		if len(seen) > maxObjectValues {
			escaped = true
			break
		}
		for _, r := range *v.Referrers() {
			if !e.holds(v, r, add) {
				escaped = true
				break
			}
		}
	}
	if e.escaped == nil {
		e.escaped, e.docs = map[*ssa.Alloc]bool{}, map[*ssa.Alloc][]decode{}
	}
	e.escaped[obj], e.docs[obj] = escaped, e.collect
	return escaped
}

// decoded returns the constant documents decoded into obj, where obj
// does not otherwise escape.
func (e *escapes) decoded(obj *ssa.Alloc) []decode {
	if e.object(obj) {
		return nil
	}
	return e.docs[obj]
}

// maxObjectValues bounds the values object follows for one object.
const maxObjectValues = 64

// holds reports whether the use r of v, a value holding a pointer to an
// object, keeps the pointer within the package's visible code, calling
// add for each value the pointer reaches through r.
func (e *escapes) holds(v ssa.Value, r ssa.Instruction, add func(ssa.Value)) bool {
	g := e.g
	switch u := r.(type) {
	case *ssa.DebugRef:
		return true
	case *ssa.FieldAddr:
		return true // a field's address: loads, stores, kept in a config
	case *ssa.UnOp:
		return u.Op == token.MUL // a copy of the struct
	case *ssa.Phi:
		add(u)
		return true
	case *ssa.ChangeType:
		add(u)
		return true
	case *ssa.MakeInterface:
		// json.Unmarshal of a constant document: its keys are the
		// fields it writes (decoded.go).
		d, ok := constDecode(u)
		if ok {
			e.collect = append(e.collect, d)
		}
		return ok
	case *ssa.Store:
		if u.Addr == v {
			return true // the whole struct written: a store of the package
		}
		local, ok := u.Addr.(*ssa.Alloc)
		if !ok || local.Heap {
			return false
		}
		for _, lr := range *local.Referrers() {
			if ld, ok := lr.(*ssa.UnOp); ok && ld.Op == token.MUL {
				add(ld)
			}
		}
		return true
	case *ssa.Return:
		fn := u.Parent()
		if fn.Object() != nil && fn.Object().Exported() || !g.closed(fn) {
			return false
		}
		for _, site := range g.sites[fn] {
			if c, ok := site.(*ssa.Call); ok {
				add(c)
			}
		}
		return true
	case ssa.CallInstruction:
		common := u.Common()
		callee := g.callee(common)
		if common.IsInvoke() || callee == nil || callee.Pkg != g.ssa || callee.Blocks == nil {
			return false
		}
		for i, a := range common.Args {
			if a == v && i < len(callee.Params) {
				add(callee.Params[i])
			}
		}
		return common.Value != v
	}
	return false
}
