package reaching

// The forward question: where can a value go? Backward (walk.go) asks what
// reaches a use; forward asks whether a value written somewhere (a setting
// in a composite literal, a URL in a struct) flows on into a call that
// configures something. A value only compared, printed or kept in a test
// table configures nothing. The walk follows SSA referrers: a stored value
// makes its container (and the variable the container was loaded from)
// carry it, a load of a carrying address carries it, an argument of a
// function of the package carries it into the parameter, a returned value
// into every call site's result, a closure's binding into its free
// variable. It stops at calls of other packages' functions: each is an End
// the caller judges by the parameter's type (reaching holds no SDK
// knowledge). Where the value can leave what the walk sees (returned from
// or stored through a parameter of a function others can call, sent on a
// channel, an exported package variable), the result is Open.

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// An End is a call of a function outside the package (or of an unknown
// function) that receives a carrying value.
type End struct {
	// Call is the call.
	Call ssa.CallInstruction
	// Callee is the function called, nil for a dynamic call.
	Callee *ssa.Function
	// Type is the type of the parameter the value is passed as (the
	// variadic slice's type for a variadic argument, the receiver's for a
	// method's receiver); nil when it is not known.
	Type types.Type
}

// A Forward is where a value can go.
type Forward struct {
	Ends []End
	// Open reports that the value may flow where the walk cannot see.
	Open bool
	// Compared reports that the value reaches a comparison.
	Compared bool
}

// Used reports whether the walk saw the value used at all: passed to a
// call, compared, or lost from sight. A value only stored and discarded
// (_ = &T{...}) is not.
func (f Forward) Used() bool { return f.Open || f.Compared || len(f.Ends) > 0 }

// Forward returns where the value written by the expression e can go. e is
// the value of a store (a composite literal's element or field, the
// right-hand side of an assignment): the walk starts at the container it
// is stored into. follow reports whether the result of an End's call
// carries the value on (a conversion such as aws.String), so that the walk
// continues from it; nil follows none.
func (g *Graph) Forward(e ast.Expr, follow func(End) bool) Forward {
	g.build()
	e = ast.Unparen(e)
	fw := &forwarder{g: g, follow: follow, seen: map[ssa.Value]bool{}}
	started := false
	for _, fn := range g.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if s, ok := instr.(*ssa.Store); ok && g.rhs[s.Pos()] == e {
					started = true
					fw.memory(s.Addr, 0)
				}
			}
		}
	}
	if !started {
		if v, ok := g.valueOf[e]; ok {
			started = true
			fw.value(v, 0)
		}
	}
	if !started {
		fw.out.Open = true
	}
	return fw.out
}

// forwarder is one forward query.
type forwarder struct {
	g      *Graph
	follow func(End) bool
	out    Forward
	seen   map[ssa.Value]bool
	steps  int
}

// maxForward bounds the depth of one forward walk.
const maxForward = 64

// carries reports whether a value of type t can hold what is followed: a
// boolean (a comparison's result) or an error cannot.
func carries(t types.Type) bool {
	if t == nil {
		return true
	}
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsBoolean != 0 {
		return false
	}
	return !types.Identical(t, types.Universe.Lookup("error").Type())
}

// value follows a value that carries the followed one to its uses.
func (fw *forwarder) value(v ssa.Value, depth int) {
	if v == nil || fw.seen[v] {
		return
	}
	fw.steps++
	if depth > maxForward || fw.steps > maxSteps {
		fw.out.Open = true
		return
	}
	if !carries(v.Type()) {
		return
	}
	fw.seen[v] = true
	if gl, ok := v.(*ssa.Global); ok {
		fw.global(gl, depth)
		return
	}
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, r := range *refs {
		fw.use(v, r, depth+1)
	}
}

// use follows one use of the carrying value v.
func (fw *forwarder) use(v ssa.Value, r ssa.Instruction, depth int) {
	switch x := r.(type) {
	case *ssa.DebugRef, *ssa.If, *ssa.Jump, *ssa.Panic, *ssa.RunDefers:
	case *ssa.Store:
		if x.Val == v {
			fw.memory(x.Addr, depth)
		}
	case *ssa.MapUpdate:
		if x.Value == v || x.Key == v {
			fw.memory(x.Map, depth)
		}
	case *ssa.Send:
		fw.out.Open = true
	case *ssa.Return:
		fw.returned(x, depth)
	case *ssa.MakeClosure:
		fn := x.Fn.(*ssa.Function)
		for i, b := range x.Bindings {
			if b == v && i < len(fn.FreeVars) {
				fw.value(fn.FreeVars[i], depth)
			}
		}
	case ssa.CallInstruction:
		fw.call(v, x, depth)
	case *ssa.BinOp:
		if x.Op == token.ADD {
			fw.value(x, depth)
		} else {
			fw.out.Compared = true
		}
	case ssa.Value:
		// Loads, field and element selections, conversions, phis,
		// extractions, slices, lookups, range iterators: the result
		// carries what its operand does.
		fw.value(x, depth)
	default:
		fw.out.Open = true
	}
}

// memory follows a store into addr: the container addr points into, and
// the variable it was loaded from, carry the value.
func (fw *forwarder) memory(addr ssa.Value, depth int) {
	if depth > maxForward {
		fw.out.Open = true
		return
	}
	switch a := addr.(type) {
	case *ssa.Alloc:
		fw.value(a, depth)
	case *ssa.Global:
		fw.value(a, depth)
	case *ssa.FieldAddr:
		fw.value(a, depth)
		fw.memory(a.X, depth+1)
	case *ssa.IndexAddr:
		fw.value(a, depth)
		fw.memory(a.X, depth+1)
	case *ssa.UnOp:
		// A pointer loaded from a variable: the variable's later loads
		// are the same pointer.
		fw.value(a, depth)
		if a.Op == token.MUL {
			fw.memory(a.X, depth+1)
			if al, ok := a.X.(*ssa.Alloc); ok {
				fw.heldPointers(al, depth+1)
			}
		} else {
			fw.out.Open = true
		}
	case *ssa.Slice:
		fw.value(a, depth)
		fw.memory(a.X, depth+1)
	case *ssa.FreeVar:
		fw.value(a, depth)
		fn := a.Parent()
		for i, f := range fn.FreeVars {
			if f != a {
				continue
			}
			for _, mc := range fw.g.closures[fn] {
				fw.memory(mc.Bindings[i], depth+1)
			}
		}
	case *ssa.Parameter:
		fw.value(a, depth)
		fn := a.Parent()
		if !fw.g.closed(fn) || len(fw.g.sites[fn]) == 0 {
			fw.out.Open = true // the caller's memory, unseen
			return
		}
		for i, p := range fn.Params {
			if p != a {
				continue
			}
			for _, s := range fw.g.sites[fn] {
				if args := s.Common().Args; i < len(args) {
					fw.memory(args[i], depth+1)
				}
			}
		}
	case *ssa.Phi:
		fw.value(a, depth)
		for _, e := range a.Edges {
			fw.memory(e, depth+1)
		}
	case *ssa.ChangeType, *ssa.Convert, *ssa.MakeInterface:
		fw.value(a, depth)
		var buf [2]*ssa.Value
		for _, op := range a.(ssa.Instruction).Operands(buf[:0]) {
			fw.memory(*op, depth+1)
		}
	default:
		fw.value(addr, depth)
		fw.out.Open = true
	}
}

// heldPointers follows the pointers a variable holds: a store through a
// pointer loaded from it writes the memory of every pointer stored to it
// (cfg := p; cfg.Field = v writes *p).
func (fw *forwarder) heldPointers(a *ssa.Alloc, depth int) {
	for _, r := range *a.Referrers() {
		s, ok := r.(*ssa.Store)
		if !ok || s.Addr != a || !sharing(s.Val.Type()) {
			continue
		}
		fw.memory(s.Val, depth+1)
	}
}

// sharing reports whether copying a value of type t shares memory with
// the original: a pointer, slice, map, channel or interface.
func sharing(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Interface:
		return true
	}
	return false
}

// global follows a package variable: every load of it.
func (fw *forwarder) global(gl *ssa.Global, depth int) {
	if gl.Pkg != fw.g.ssa {
		fw.out.Open = true
		return
	}
	if obj, ok := gl.Object().(*types.Var); ok && obj.Exported() {
		fw.out.Open = true // other packages may read it
	}
	for _, fn := range fw.g.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				var buf [4]*ssa.Value
				for _, op := range instr.Operands(buf[:0]) {
					if *op == gl {
						fw.use(gl, instr, depth+1)
					}
				}
			}
		}
	}
}

// returned follows a returned value to every call of its function.
func (fw *forwarder) returned(ret *ssa.Return, depth int) {
	fn := ret.Parent()
	if !fw.g.closed(fn) || len(fw.g.sites[fn]) == 0 {
		// Callers the walk cannot see, or none in the package (a
		// function kept for other builds, a test's helper).
		fw.out.Open = true
		return
	}
	for _, s := range fw.g.sites[fn] {
		if c, ok := s.(*ssa.Call); ok {
			fw.value(c, depth)
		}
	}
}

// call follows v passed to a call (as an argument, a receiver, or the
// function called).
func (fw *forwarder) call(v ssa.Value, c ssa.CallInstruction, depth int) {
	common := c.Common()
	if common.Value == v && !common.IsInvoke() {
		return // calling a carrying function value
	}
	if b, ok := common.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "append":
			if cv, ok := c.(*ssa.Call); ok {
				fw.value(cv, depth)
			}
			if len(common.Args) > 0 && common.Args[0] != v {
				fw.memory(common.Args[0], depth+1)
			}
		case "copy":
			if len(common.Args) > 0 {
				fw.memory(common.Args[0], depth+1)
			}
		}
		return
	}
	if fn := fw.g.callee(common); fn != nil && fn.Pkg == fw.g.ssa && fn.Blocks != nil {
		for i, a := range common.Args {
			if a == v && i < len(fn.Params) {
				fw.value(fn.Params[i], depth)
			}
		}
		if common.Value == v {
			fw.out.Open = true
		}
		return
	}
	var fn *ssa.Function
	if !common.IsInvoke() {
		fn, _ = common.Value.(*ssa.Function)
	}
	sig := common.Signature()
	for i, a := range common.Args {
		if a != v {
			continue
		}
		e := End{Call: c, Callee: fn, Type: paramType(sig, i, common.IsInvoke())}
		fw.out.Ends = append(fw.out.Ends, e)
		if cv, ok := c.(*ssa.Call); ok && fw.follow != nil && fw.follow(e) {
			fw.value(cv, depth)
		}
	}
	if common.IsInvoke() && common.Value == v {
		e := End{Call: c, Type: v.Type()}
		fw.out.Ends = append(fw.out.Ends, e)
		if cv, ok := c.(*ssa.Call); ok && fw.follow != nil && fw.follow(e) {
			fw.value(cv, depth)
		}
	}
}

// paramType is the type of argument i of a call with signature sig (a
// static method call's receiver is argument 0).
func paramType(sig *types.Signature, i int, invoke bool) types.Type {
	if sig == nil {
		return nil
	}
	if !invoke && sig.Recv() != nil {
		if i == 0 {
			return sig.Recv().Type()
		}
		i--
	}
	if i < sig.Params().Len() {
		return sig.Params().At(i).Type()
	}
	return nil
}
