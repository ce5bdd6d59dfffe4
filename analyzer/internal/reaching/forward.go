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
	fw := &forwarder{g: g, follow: follow, seen: map[step]bool{}, held: map[step]bool{}}
	started := false
	for _, fn := range g.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if s, ok := instr.(*ssa.Store); ok && g.rhs[s.Pos()] == e {
					started = true
					fw.memory(s.Addr, "", 0)
				}
			}
		}
	}
	if !started {
		if v, ok := g.valueOf[e]; ok {
			started = true
			fw.value(v, "", 0)
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
	// seen are the values followed, held the containers walked up, each
	// with the path at which it carries.
	seen  map[step]bool
	held  map[step]bool
	steps int
}

// A step is a value reached with the path at which it holds the followed
// value.
type step struct {
	v    ssa.Value
	path string
}

// A path says where inside a value the followed value sits, as a string
// of selectors read left to right: deref (the pointee of a pointer), elem
// (an element of a slice, array or map, or a map key) and a field
// selector per field index. The empty path is the followed value itself;
// anything taken from it (a field, an element, its pointee) is part of it
// and carries it. Keeping the path is what tells a table row's want field
// from its name or input field: a load of another field of a carrying
// struct does not carry.
const (
	deref = "*"
	elem  = "["
)

// fieldSel is the selector of field i.
func fieldSel(i int) string { return string(rune(0x100 + i)) }

// maxPath bounds a path's length in selectors. A longer path keeps its
// prefix: a prefix says the followed value is somewhere below, which is
// what the empty path says of the value itself, so cutting only widens
// what carries.
const maxPath = 8

// push prepends sel to path.
func push(sel, path string) string {
	p := []rune(sel + path)
	if len(p) > maxPath {
		p = p[:maxPath]
	}
	return string(p)
}

// strip returns the rest of path after sel and whether path starts with
// it. The empty path is the followed value itself: every part of it
// carries, at the empty path.
func strip(sel, path string) (string, bool) {
	if path == "" {
		return "", true
	}
	r := []rune(path)
	if string(r[0]) != sel {
		return "", false
	}
	return string(r[1:]), true
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

// isPointer reports whether t is a pointer type.
func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// value follows v, which holds the followed value at path, to its uses.
func (fw *forwarder) value(v ssa.Value, path string, depth int) {
	k := step{v, path}
	if v == nil || fw.seen[k] {
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
	fw.seen[k] = true
	if gl, ok := v.(*ssa.Global); ok {
		fw.global(gl, path, depth)
		return
	}
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, r := range *refs {
		fw.use(v, path, r, depth+1)
	}
}

// use follows one use of v, which holds the followed value at path.
func (fw *forwarder) use(v ssa.Value, path string, r ssa.Instruction, depth int) {
	switch x := r.(type) {
	case *ssa.DebugRef, *ssa.If, *ssa.Jump, *ssa.Panic, *ssa.RunDefers:
	case *ssa.Store:
		if x.Val == v {
			fw.memory(x.Addr, path, depth)
		}
	case *ssa.MapUpdate:
		if x.Value == v || x.Key == v {
			fw.holds(x.Map, push(elem, path), depth)
		}
	case *ssa.Send:
		fw.out.Open = true
	case *ssa.Return:
		fw.returned(x, path, depth)
	case *ssa.MakeClosure:
		// A closure is a value like any other: what it captures is
		// followed into its body through the free variable, wherever
		// the closure itself goes (t.Run, a helper, a variable).
		fn := x.Fn.(*ssa.Function)
		for i, b := range x.Bindings {
			if b == v && i < len(fn.FreeVars) {
				fw.value(fn.FreeVars[i], path, depth)
			}
		}
	case ssa.CallInstruction:
		fw.call(v, path, x, depth)
	case *ssa.BinOp:
		if x.Op == token.ADD {
			fw.value(x, "", depth)
		} else {
			fw.out.Compared = true
		}
	case *ssa.FieldAddr:
		if rest, ok := strip(deref, path); ok {
			if rest, ok := strip(fieldSel(x.Field), rest); ok {
				fw.value(x, push(deref, rest), depth)
			}
		}
	case *ssa.Field:
		if rest, ok := strip(fieldSel(x.Field), path); ok {
			fw.value(x, rest, depth)
		}
	case *ssa.IndexAddr:
		rest, ok := path, true
		if isPointer(v.Type()) {
			rest, ok = strip(deref, path)
		}
		if ok {
			if rest, ok := strip(elem, rest); ok {
				fw.value(x, push(deref, rest), depth)
			}
		}
	case *ssa.Index:
		if x.X == v {
			if rest, ok := strip(elem, path); ok {
				fw.value(x, rest, depth)
			}
		}
	case *ssa.Lookup:
		if x.X != v {
			fw.out.Compared = true // a key selects a value: it is not the value
			return
		}
		if rest, ok := strip(elem, path); ok {
			fw.value(x, rest, depth)
		}
	case *ssa.UnOp:
		if x.Op == token.MUL {
			if rest, ok := strip(deref, path); ok {
				fw.value(x, rest, depth)
			}
			return
		}
		fw.value(x, "", depth)
	case *ssa.Slice:
		if isPointer(v.Type()) {
			if rest, ok := strip(deref, path); ok {
				fw.value(x, rest, depth)
			}
			return
		}
		fw.value(x, path, depth)
	case *ssa.SliceToArrayPointer:
		fw.value(x, push(deref, path), depth)
	case *ssa.Extract:
		if _, next := x.Tuple.(*ssa.Next); next {
			// A range step's key and value are the map's or string's
			// elements.
			if rest, ok := strip(elem, path); ok {
				fw.value(x, rest, depth)
			}
			return
		}
		fw.value(x, path, depth)
	case *ssa.Phi, *ssa.ChangeType, *ssa.Convert, *ssa.MultiConvert, *ssa.ChangeInterface,
		*ssa.MakeInterface, *ssa.TypeAssert, *ssa.Range, *ssa.Next:
		// The same value, another type or a step of a range over it.
		fw.value(x.(ssa.Value), path, depth)
	case ssa.Value:
		// Anything else computed from it is part of it.
		fw.value(x, "", depth)
	default:
		fw.out.Open = true
	}
}

// memory follows a store into addr of a value holding the followed value
// at path.
func (fw *forwarder) memory(addr ssa.Value, path string, depth int) {
	fw.holds(addr, push(deref, path), depth)
}

// holds follows x, a value that refers to memory holding the followed
// value at path (a pointer, slice, map or interface; path is relative to
// x), and the containers x was taken from: they carry it too, at a longer
// path.
func (fw *forwarder) holds(x ssa.Value, path string, depth int) {
	k := step{x, path}
	if fw.held[k] {
		return
	}
	fw.held[k] = true
	if depth > maxForward {
		fw.out.Open = true
		return
	}
	fw.value(x, path, depth)
	switch a := x.(type) {
	case *ssa.Alloc, *ssa.Global, *ssa.MakeMap, *ssa.MakeSlice:
		// Memory made here: its uses are all its referrers.
	case *ssa.FieldAddr:
		rest, _ := strip(deref, path)
		if fw.fieldLoads(a.X.Type(), a.Field, rest, depth+1) {
			return
		}
		fw.holds(a.X, push(deref, push(fieldSel(a.Field), rest)), depth+1)
	case *ssa.Field:
		if fw.fieldLoads(a.X.Type(), a.Field, path, depth+1) {
			return
		}
		fw.holds(a.X, push(fieldSel(a.Field), path), depth+1)
	case *ssa.IndexAddr:
		rest, _ := strip(deref, path)
		p := push(elem, rest)
		if isPointer(a.X.Type()) {
			p = push(deref, p)
		}
		fw.holds(a.X, p, depth+1)
	case *ssa.Index:
		fw.holds(a.X, push(elem, path), depth+1)
	case *ssa.Lookup:
		fw.holds(a.X, push(elem, path), depth+1)
	case *ssa.UnOp:
		if a.Op != token.MUL {
			fw.out.Open = true
			return
		}
		// A value loaded from a variable: the variable's later loads
		// are the same, and so is every pointer stored to it (cfg :=
		// p; cfg.Field = v writes *p).
		fw.holds(a.X, push(deref, path), depth+1)
		if al, ok := a.X.(*ssa.Alloc); ok {
			for _, r := range *al.Referrers() {
				if s, ok := r.(*ssa.Store); ok && s.Addr == al && sharing(s.Val.Type()) {
					fw.holds(s.Val, path, depth+1)
				}
			}
		}
	case *ssa.Slice:
		p := path
		if isPointer(a.X.Type()) {
			p = push(deref, path)
		}
		fw.holds(a.X, p, depth+1)
	case *ssa.FreeVar:
		fn := a.Parent()
		for i, f := range fn.FreeVars {
			if f != a {
				continue
			}
			for _, mc := range fw.g.closures[fn] {
				fw.holds(mc.Bindings[i], path, depth+1)
			}
		}
	case *ssa.Parameter:
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
					fw.holds(args[i], path, depth+1)
				}
			}
		}
	case *ssa.Phi:
		for _, e := range a.Edges {
			fw.holds(e, path, depth+1)
		}
	case *ssa.ChangeType, *ssa.Convert, *ssa.MakeInterface, *ssa.ChangeInterface, *ssa.TypeAssert:
		var buf [2]*ssa.Value
		for _, op := range a.(ssa.Instruction).Operands(buf[:0]) {
			fw.holds(*op, path, depth+1)
		}
	case *ssa.Call:
		// A pointer a function of the package returned: the values it
		// returns.
		fn := fw.g.callee(a.Common())
		if fn == nil || fn.Pkg != fw.g.ssa || fn.Blocks == nil || fn.Signature.Results().Len() != 1 {
			fw.out.Open = true
			return
		}
		for _, b := range fn.Blocks {
			if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) == 1 {
				fw.holds(ret.Results[0], path, depth+1)
			}
		}
	default:
		fw.out.Open = true
	}
}

// fieldLoads follows a value stored into field index of the struct type t
// (or a pointer to it), at path below the field, when every load of that
// field is in this package (a closed world: a struct type declared here
// whose field or type is unexported, and that no code of another package
// can reach by reflection): the walk continues from every load of the
// field and need not know which variable holds the struct. It reports
// whether the field is such a field.
func (fw *forwarder) fieldLoads(t types.Type, index int, path string, depth int) bool {
	st, ok := structOf(t)
	if !ok || index >= st.NumFields() || st.Field(index).Pkg() != fw.g.pkg ||
		!fw.g.localStruct(t, index) || fw.g.esc.reflected(st) {
		return false
	}
	for _, l := range fw.g.loadsOf(fieldKey{st, index}) {
		if _, addr := l.(*ssa.FieldAddr); addr {
			fw.value(l, push(deref, path), depth)
		} else {
			fw.value(l, path, depth)
		}
	}
	return true
}

// loadsOf returns the selections of a field of a struct type of the
// package: its FieldAddr and Field instructions.
func (g *Graph) loadsOf(k fieldKey) []ssa.Value {
	if g.loads == nil {
		g.loads = map[fieldKey][]ssa.Value{}
		for _, fn := range g.funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					switch x := instr.(type) {
					case *ssa.FieldAddr:
						if st, ok := structOf(x.X.Type()); ok {
							k := fieldKey{st, x.Field}
							g.loads[k] = append(g.loads[k], x)
						}
					case *ssa.Field:
						if st, ok := structOf(x.X.Type()); ok {
							k := fieldKey{st, x.Field}
							g.loads[k] = append(g.loads[k], x)
						}
					}
				}
			}
		}
	}
	return g.loads[k]
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
func (fw *forwarder) global(gl *ssa.Global, path string, depth int) {
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
						fw.use(gl, path, instr, depth+1)
					}
				}
			}
		}
	}
}

// returned follows a returned value to every call of its function.
func (fw *forwarder) returned(ret *ssa.Return, path string, depth int) {
	fn := ret.Parent()
	if !fw.g.closed(fn) || len(fw.g.sites[fn]) == 0 {
		// Callers the walk cannot see, or none in the package (a
		// function kept for other builds, a test's helper).
		fw.out.Open = true
		return
	}
	for _, s := range fw.g.sites[fn] {
		if c, ok := s.(*ssa.Call); ok {
			fw.value(c, path, depth)
		}
	}
}

// callees returns the functions of the package with a body that a call
// can run, or nil when one of them is not known: its static callee, the
// methods an interface call can reach, or for a call of a function value
// every function that reaches the value (a check func of a test table,
// defaulted to a helper).
func (fw *forwarder) callees(common *ssa.CallCommon) []*ssa.Function {
	if common.IsInvoke() {
		return fw.g.invokees(common)
	}
	if fn := fw.g.callee(common); fn != nil {
		if fn.Pkg == fw.g.ssa && fn.Blocks != nil {
			return []*ssa.Function{fn}
		}
		return nil
	}
	if _, ok := common.Value.(*ssa.Builtin); ok {
		return nil
	}
	r := fw.g.ValuesOf(common.Value)
	if r.Open || len(r.Leaves) == 0 {
		return nil
	}
	var out []*ssa.Function
	for _, l := range r.Leaves {
		var fn *ssa.Function
		switch x := l.Value.(type) {
		case *ssa.Function:
			fn = x
		case *ssa.MakeClosure:
			fn, _ = x.Fn.(*ssa.Function)
		case *ssa.Const:
			if x.IsNil() {
				continue // a nil function panics: it passes nothing on
			}
		}
		if fn == nil || fn.Pkg != fw.g.ssa || fn.Blocks == nil {
			return nil
		}
		out = append(out, fn)
	}
	return out
}

// call follows v, holding the followed value at path, passed to a call (as
// an argument, a receiver, or the function called).
func (fw *forwarder) call(v ssa.Value, path string, c ssa.CallInstruction, depth int) {
	common := c.Common()
	if common.Value == v && !common.IsInvoke() {
		return // calling a carrying function value
	}
	if b, ok := common.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "append":
			if cv, ok := c.(*ssa.Call); ok {
				fw.value(cv, path, depth)
			}
			if len(common.Args) > 0 && common.Args[0] != v {
				fw.holds(common.Args[0], path, depth+1)
			}
		case "copy":
			if len(common.Args) > 0 {
				fw.holds(common.Args[0], path, depth+1)
			}
		}
		return
	}
	if fns := fw.callees(common); len(fns) > 0 {
		for _, fn := range fns {
			params := fn.Params
			args := common.Args
			if common.IsInvoke() {
				// The receiver is the interface's dynamic value.
				if common.Value == v && len(params) > 0 {
					fw.value(params[0], path, depth)
				}
				if len(params) > 0 {
					params = params[1:]
				}
			}
			for i, a := range args {
				if a == v && i < len(params) {
					fw.value(params[i], path, depth)
				}
			}
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
			fw.value(cv, "", depth)
		}
	}
	if common.IsInvoke() && common.Value == v {
		e := End{Call: c, Type: v.Type()}
		fw.out.Ends = append(fw.out.Ends, e)
		if cv, ok := c.(*ssa.Call); ok && fw.follow != nil && fw.follow(e) {
			fw.value(cv, "", depth)
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
