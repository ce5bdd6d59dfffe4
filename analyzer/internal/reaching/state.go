package reaching

// Process state through calls: which values a piece of state the program
// changes by calls (an environment variable set with os.Setenv) may hold
// when a given call runs. Each function of the package gets a summary, the
// states it may leave when it returns (its own calls, the calls of the
// package's functions it calls, transitively, and its deferred calls, which
// run when it returns); a call of it applies the summary. A function's
// entry state comes from its call sites when all of them are visible
// (closed), from the call that runs it before returning for a literal
// handed to one (t.Run), and otherwise from the state the package's
// initialisation leaves: the synthetic package initializer runs the
// imported packages' initialisation (whose effect the caller supplies,
// from facts), then the package's variable initialisers, then its init
// functions, in that order (Go spec, "Package initialization").

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Initial is the state before the program changes it: whatever the
// process started with.
const Initial = "\x00initial"

// Entry stands for the state at a function's entry, in a Local walk.
const Entry = entry

// entry stands, inside one function's walk, for the state at its entry.
const entry = "\x00entry"

// An Arg is an argument of a call as the state walk sees it: its constant
// string value, when every path gives it the same one.
type Arg struct {
	Value string
	Known bool
}

// Effects tells the state walk which calls change the state.
type Effects struct {
	// Set returns the state a call of fn (a function of another package)
	// with args leaves, and whether the call changes the state at all.
	Set func(fn *types.Func, args []Arg) (state string, ok bool)
	// Init returns the state the initialisation of an imported package
	// leaves, and whether it changes the state.
	Init func(pkg *types.Package) (state string, ok bool)
	// Runs returns the index of the argument holding a function that a
	// call of fn runs before it returns (testing.T.Run), if there is one.
	Runs func(fn *types.Func) (arg int, ok bool)
	// Key names the state, for the memo: one Effects value per key.
	Key string
	// Local restricts the walk to the calls Set classifies in the
	// function itself: the package's functions are not followed and the
	// entry state stays Entry.
	Local bool
}

// A stateSet is a sorted set of states.
type stateSet []string

func (s stateSet) union(t stateSet) stateSet {
	out := slices.Clone(s)
	for _, x := range t {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	sort.Strings(out)
	return out
}

// apply substitutes cur for the entry state in a callee's exit states.
func (s stateSet) apply(cur stateSet) stateSet {
	var out stateSet
	for _, x := range s {
		if x == entry {
			out = out.union(cur)
		} else {
			out = out.union(stateSet{x})
		}
	}
	return out
}

// stateWalk holds the memos of one Effects over one graph.
type stateWalk struct {
	g     *Graph
	fx    Effects
	exits map[string]stateSet // by function and bound arguments
	busy  map[string]bool
	entry map[*ssa.Function]stateSet
	inEnt map[*ssa.Function]bool
}

// StatesAt returns the states that may hold when the call at call runs,
// and ok false when the call is not in the package's SSA form. Initial
// among them stands for the process's own environment.
func (g *Graph) StatesAt(call *ast.CallExpr, fx Effects) ([]string, bool) {
	g.build()
	w := g.stateWalker(fx)
	instr, fn := g.callInstr(call)
	if instr == nil {
		return nil, false
	}
	return w.resolve(fn, w.before(fn, instr, nil)), true
}

// StatesAfterInit returns the states that may hold once the package is
// initialised (its imports, variables and init functions).
func (g *Graph) StatesAfterInit(fx Effects) []string {
	g.build()
	w := g.stateWalker(fx)
	init := g.ssa.Func("init")
	if init == nil {
		return []string{Initial}
	}
	return w.resolve(init, w.exit(init, nil))
}

func (g *Graph) stateWalker(fx Effects) *stateWalk {
	if g.states == nil {
		g.states = map[string]*stateWalk{}
	}
	w := g.states[fx.Key]
	if w == nil {
		w = &stateWalk{g: g, fx: fx, exits: map[string]stateSet{}, busy: map[string]bool{},
			entry: map[*ssa.Function]stateSet{}, inEnt: map[*ssa.Function]bool{}}
		g.states[fx.Key] = w
	}
	return w
}

// callInstr returns the call instruction of call and its function.
func (g *Graph) callInstr(call *ast.CallExpr) (ssa.CallInstruction, *ssa.Function) {
	if g.callAt == nil {
		g.callAt = map[token.Pos]ssa.CallInstruction{}
		for _, fn := range g.funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if c, ok := instr.(ssa.CallInstruction); ok && c.Pos().IsValid() {
						g.callAt[c.Pos()] = c
					}
				}
			}
		}
	}
	c := g.callAt[call.Lparen]
	if c == nil {
		return nil, nil
	}
	return c, c.Parent()
}

// resolve replaces the entry state by the states at fn's entry.
func (w *stateWalk) resolve(fn *ssa.Function, s stateSet) []string {
	if slices.Contains(s, entry) && !w.fx.Local {
		s = s.apply(w.entryOf(fn))
	}
	return s
}

// entryOf returns the states that may hold when fn starts.
func (w *stateWalk) entryOf(fn *ssa.Function) stateSet {
	if s, ok := w.entry[fn]; ok {
		return s
	}
	if w.inEnt[fn] {
		return nil // a cycle of calls: the other paths decide
	}
	w.inEnt[fn] = true
	defer delete(w.inEnt, fn)
	var out stateSet
	g := w.g
	switch {
	case fn == g.ssa.Func("init"):
		out = stateSet{Initial}
	case (g.closed(fn) || isInit(fn) || g.mainOnly(fn)) && len(g.sites[fn]) > 0:
		for _, site := range g.sites[fn] {
			caller := site.Parent()
			out = out.union(stateSet(w.resolve(caller, w.before(caller, site, nil))))
		}
	default:
		if site := w.runner(fn); site != nil {
			caller := site.Parent()
			out = stateSet(w.resolve(caller, w.before(caller, site, nil)))
			break
		}
		// Called from where the walk cannot see: after the package's
		// initialisation.
		if init := g.ssa.Func("init"); init != nil {
			out = stateSet(w.resolve(init, w.exit(init, nil)))
		} else {
			out = stateSet{Initial}
		}
	}
	if len(out) == 0 {
		out = stateSet{Initial}
	}
	w.entry[fn] = out
	return out
}

// isInit reports whether fn is one of the package's init functions, which
// only the package initializer calls.
func isInit(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	return ok && fn.Parent() == nil && obj.Name() == "init" && obj.Signature().Recv() == nil
}

// mainOnly reports whether fn, exported or not, is called only from its
// own package: a function of package main (no other package imports it)
// other than main and init, never used as a value nor called through an
// interface.
func (g *Graph) mainOnly(fn *ssa.Function) bool {
	if g.pkg.Name() != "main" || fn.Pkg != g.ssa || g.escapes[fn] || fn.Parent() != nil {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Name() == "main" || obj.Name() == "init" {
		return false
	}
	return obj.Signature().Recv() == nil || !g.invoked[obj.Name()]
}

// runner returns the one call that runs the function literal fn before it
// returns (t.Run(name, func…)), when that is the literal's only use.
func (w *stateWalk) runner(fn *ssa.Function) ssa.CallInstruction {
	if fn.Parent() == nil || w.fx.Runs == nil {
		return nil
	}
	mcs := w.g.closures[fn]
	var uses []ssa.Instruction
	if len(mcs) == 1 {
		uses = *mcs[0].Referrers()
	} else if len(mcs) == 0 {
		// A literal without free variables is the function itself.
		for _, caller := range w.g.funcs {
			for _, b := range caller.Blocks {
				for _, instr := range b.Instrs {
					var buf [8]*ssa.Value
					for _, op := range instr.Operands(buf[:0]) {
						if *op == fn {
							uses = append(uses, instr)
						}
					}
				}
			}
		}
	} else {
		return nil
	}
	var site ssa.CallInstruction
	for _, u := range uses {
		if _, dbg := u.(*ssa.DebugRef); dbg {
			continue
		}
		c, ok := u.(*ssa.Call)
		if !ok || site != nil {
			return nil
		}
		callee := staticCallee(c.Common())
		obj, _ := calleeObj(c.Common(), callee)
		if obj == nil {
			return nil
		}
		arg, ok := w.fx.Runs(obj)
		args := c.Common().Args
		if c.Common().Signature().Recv() != nil && !c.Common().IsInvoke() {
			arg++ // the receiver is the first operand of a static method call
		}
		if !ok || arg >= len(args) || !usesFn(args[arg], fn) {
			return nil
		}
		site = c
	}
	return site
}

// calleeObj returns the declared function a call calls.
func calleeObj(c *ssa.CallCommon, callee *ssa.Function) (*types.Func, bool) {
	if c.IsInvoke() {
		return c.Method, true
	}
	if callee == nil {
		return nil, false
	}
	obj, ok := callee.Object().(*types.Func)
	return obj, ok
}

// usesFn reports whether v is fn or a closure of it.
func usesFn(v ssa.Value, fn *ssa.Function) bool {
	if mc, ok := v.(*ssa.MakeClosure); ok {
		return mc.Fn == fn
	}
	return v == fn
}

// before returns the states that may hold when instr of fn runs (entry
// standing for fn's entry state), with bind the constant arguments fn was
// called with.
func (w *stateWalk) before(fn *ssa.Function, instr ssa.Instruction, bind map[*ssa.Parameter]Arg) stateSet {
	in := w.flow(fn, bind)
	b := instr.Block()
	cur := in[b]
	for _, x := range b.Instrs {
		if x == instr {
			return cur
		}
		cur = w.transfer(x, cur, bind)
	}
	return cur
}

// flow computes the states at the start of each block of fn.
func (w *stateWalk) flow(fn *ssa.Function, bind map[*ssa.Parameter]Arg) map[*ssa.BasicBlock]stateSet {
	in := map[*ssa.BasicBlock]stateSet{}
	if len(fn.Blocks) == 0 {
		return in
	}
	in[fn.Blocks[0]] = stateSet{entry}
	work := []*ssa.BasicBlock{fn.Blocks[0]}
	for len(work) > 0 {
		b := work[0]
		work = work[1:]
		cur := in[b]
		for _, x := range b.Instrs {
			cur = w.transfer(x, cur, bind)
		}
		for i, s := range b.Succs {
			if i == 0 && isInitGuard(b) {
				continue // the package is initialised once: the guard's early return is not this run
			}
			old, seen := in[s]
			next := old.union(cur)
			if !seen || len(next) != len(old) {
				in[s] = next
				work = append(work, s)
			}
		}
	}
	return in
}

// isInitGuard reports whether b ends in the package initializer's test of
// its guard variable (init$guard), whose true edge returns at once.
func isInitGuard(b *ssa.BasicBlock) bool {
	if b.Parent().Synthetic == "" || b.Parent().Name() != "init" || len(b.Instrs) == 0 {
		return false
	}
	iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	load, ok := iff.Cond.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	g, ok := load.X.(*ssa.Global)
	return ok && g.Name() == "init$guard"
}

// transfer applies one instruction to the states.
func (w *stateWalk) transfer(x ssa.Instruction, cur stateSet, bind map[*ssa.Parameter]Arg) stateSet {
	c, ok := x.(*ssa.Call)
	if !ok {
		return cur
	}
	if s, ok := w.callEffect(c.Common(), bind); ok {
		return s.apply(cur)
	}
	return cur
}

// callEffect returns the exit states of a call (entry for unchanged),
// and whether the call may change the state.
func (w *stateWalk) callEffect(c *ssa.CallCommon, bind map[*ssa.Parameter]Arg) (stateSet, bool) {
	callee := staticCallee(c)
	if callee == nil {
		return nil, false
	}
	if callee.Pkg == w.g.ssa && callee.Blocks != nil {
		if w.fx.Local {
			return nil, false
		}
		args := map[*ssa.Parameter]Arg{}
		for i, p := range callee.Params {
			if i < len(c.Args) {
				if a := w.arg(c.Args[i], bind); a.Known {
					args[p] = a
				}
			}
		}
		s := w.exit(callee, args)
		return s, !(len(s) == 1 && s[0] == entry)
	}
	if callee.Pkg != nil && callee.Pkg != w.g.ssa && callee.Name() == "init" && callee.Signature.Recv() == nil &&
		callee.Object() == nil && w.fx.Init != nil {
		if s, ok := w.fx.Init(callee.Pkg.Pkg); ok {
			return stateSet{s}, true
		}
		return nil, false
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok || w.fx.Set == nil {
		return nil, false
	}
	args := make([]Arg, len(c.Args))
	for i, a := range c.Args {
		args[i] = w.arg(a, bind)
	}
	if obj.Signature().Recv() != nil && len(args) > 0 {
		args = args[1:] // the receiver
	}
	if s, ok := w.fx.Set(obj, args); ok {
		return stateSet{s}, true
	}
	return nil, false
}

// arg returns the constant string value of v: a constant, a bound
// parameter, or a local variable (a memory cell in the naive form) whose
// only store is one of those.
func (w *stateWalk) arg(v ssa.Value, bind map[*ssa.Parameter]Arg) Arg {
	for range 4 {
		switch x := v.(type) {
		case *ssa.Const:
			if x.Value != nil && x.Value.Kind() == constant.String {
				return Arg{constant.StringVal(x.Value), true}
			}
			return Arg{}
		case *ssa.Parameter:
			return bind[x]
		case *ssa.UnOp:
			alloc, ok := x.X.(*ssa.Alloc)
			if x.Op != token.MUL || !ok {
				return Arg{}
			}
			var store *ssa.Store
			for _, r := range *alloc.Referrers() {
				if s, ok := r.(*ssa.Store); ok && s.Addr == alloc {
					if store != nil {
						return Arg{}
					}
					store = s
				}
			}
			if store == nil {
				return Arg{}
			}
			v = store.Val
		default:
			return Arg{}
		}
	}
	return Arg{}
}

// exit returns the states fn may leave when it returns, called with
// bind: those at its returns, then its deferred calls, which run last
// first (the earliest deferred call on every path wins).
func (w *stateWalk) exit(fn *ssa.Function, bind map[*ssa.Parameter]Arg) stateSet {
	key := memoKey(fn, bind)
	if s, ok := w.exits[key]; ok {
		return s
	}
	if w.busy[key] {
		return stateSet{entry} // recursion: no effect of its own
	}
	w.busy[key] = true
	defer delete(w.busy, key)
	in := w.flow(fn, bind)
	var out stateSet
	var rets []*ssa.BasicBlock
	for _, b := range fn.Blocks {
		cur, reached := in[b]
		if !reached && b != fn.Blocks[0] {
			continue
		}
		for _, x := range b.Instrs {
			if _, ok := x.(*ssa.Return); ok {
				out = out.union(cur)
				rets = append(rets, b)
			}
			cur = w.transfer(x, cur, bind)
		}
	}
	// Deferred calls that change the state.
	type deferred struct {
		d *ssa.Defer
		s stateSet
	}
	var defs []deferred
	for _, b := range fn.Blocks {
		if _, reached := in[b]; !reached && b != fn.Blocks[0] {
			continue
		}
		for _, x := range b.Instrs {
			if d, ok := x.(*ssa.Defer); ok {
				if s, ok := w.callEffect(d.Common(), bind); ok {
					defs = append(defs, deferred{d, s})
				}
			}
		}
	}
	if len(defs) > 0 && len(rets) > 0 {
		// The first deferred call registered on every path runs last.
		var first *deferred
		for i, d := range defs {
			every := true
			for _, r := range rets {
				every = every && d.d.Block().Dominates(r)
			}
			if every && (first == nil || d.d.Block() != first.d.Block() && d.d.Block().Dominates(first.d.Block())) {
				first = &defs[i]
			}
		}
		base := out
		if first != nil {
			base = first.s.apply(out)
		}
		for i, d := range defs {
			if first == nil || &defs[i] != first && !d.d.Block().Dominates(first.d.Block()) {
				base = base.union(d.s.apply(out))
			}
		}
		out = base
	}
	if len(out) == 0 {
		out = stateSet{entry} // never returns
	}
	w.exits[key] = out
	return out
}

// memoKey names fn called with bind.
func memoKey(fn *ssa.Function, bind map[*ssa.Parameter]Arg) string {
	var b strings.Builder
	b.WriteString(fn.RelString(nil))
	for i, p := range fn.Params {
		if a, ok := bind[p]; ok {
			b.WriteString("\x00")
			b.WriteByte(byte('0' + i%10))
			b.WriteString(a.Value)
		}
	}
	return b.String()
}
