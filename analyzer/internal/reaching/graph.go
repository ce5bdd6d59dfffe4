// Package reaching answers one question over SSA: which values can reach a
// given value of a type-checked package. It follows, across control flow,
// the stores to local variables that reach a load (early returns, switch
// defaults, goto, loops), the arguments of every call site of a function
// whose callers are all visible (an unexported function of the package
// that is never used as a value), the results of the package's functions,
// the bindings of a closure's free variables, the stores to the
// package's variables, and the stores to a field of a struct type
// declared in the package (a closed world: every store is visible).
//
// It stops at values it does not look into (constants, calls of other
// packages' functions, parameters of functions that can be called from
// elsewhere, constructions such as a composite literal's address) and
// returns them as leaves; the caller interprets them with the SDK's
// semantics. Where a value cannot be followed at all (a channel receive, a
// field of another package's struct written through a pointer), the result
// says so (Open). It never reports and holds no English.
//
// The SSA form is built without lifting (ssa.NaiveForm): every local
// variable stays a memory cell whose stores keep their source position, so
// each leaf can be mapped back to the expression that wrote it, and the
// reaching-stores walk over the control-flow graph is this package's own.
package reaching

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A Graph is the SSA form of one package and the indexes the walk uses. It
// is built on first use: packages that never ask pay nothing.
type Graph struct {
	fset  *token.FileSet
	pkg   *types.Package
	files []*ast.File
	info  *types.Info

	built bool
	// deciding marks the walk constReaching runs to decide a branch:
	// the branches on its own route are not decided again.
	deciding bool
	decided  map[decideKey]*ssa.Const
	// failed reports that the SSA form could not be built.
	failed bool
	ssa    *ssa.Package
	// exprOf and valueOf map the debug references of the SSA form: the
	// value of each non-constant expression.
	valueOf map[ast.Expr]ssa.Value
	exprOf  map[ssa.Value]ast.Expr
	// calls maps a Call's Lparen to its syntax, rhs maps a store's
	// position to the expression stored, returns a Return's position to
	// its statement: how a constant leaf is mapped back to its source.
	calls   map[token.Pos]*ast.CallExpr
	rhs     map[token.Pos]ast.Expr
	returns map[token.Pos]*ast.ReturnStmt
	// sites are the static call sites of each function of the package;
	// escapes the functions also used as values (called from where the
	// walk cannot see); invoked the method names called through an
	// interface somewhere in the package.
	sites   map[*ssa.Function][]ssa.CallInstruction
	escapes map[*ssa.Function]bool
	// varCallee is the one function a call through a function variable
	// calls.
	varCallee map[*ssa.CallCommon]*ssa.Function
	// uses counts each function's uses as a value, while indexing.
	uses    map[*ssa.Function]int
	invoked map[string]bool
	// closures are the closures made of each function literal.
	closures map[*ssa.Function][]*ssa.MakeClosure
	// globals and fields are the stores to each package variable and to
	// each field of a struct type of the package.
	globals map[*ssa.Global][]*ssa.Store
	fields  map[fieldKey][]*ssa.Store
	// globalLoads are the loads of each package variable: the aliases of
	// a container it holds (containers.go).
	globalLoads map[*ssa.Global][]*ssa.UnOp
	// funcs are the package's functions (literals included) that have a
	// body.
	funcs []*ssa.Function

	// states and callAt serve the state walk (state.go): its memos by
	// key, and the call instructions by position.
	states map[string]*stateWalk
	callAt map[token.Pos]ssa.CallInstruction
	// nested counts the queries in progress inside a query.
	nested int
	// esc answers which structs and objects code the package's stores
	// do not describe may write (reflected.go).
	esc escapes
	// loads are the selections of each field of a struct type (forward.go),
	// computed on first use.
	loads map[fieldKey][]ssa.Value
	// returnOf maps return statements to their instruction (returns.go).
	returnOf map[*ast.ReturnStmt]*ssa.Return
}

// A fieldKey names a field of a struct type.
type fieldKey struct {
	st    *types.Struct
	index int
}

// New returns the graph of a type-checked package. Nothing is built until
// the first query.
func New(fset *token.FileSet, pkg *types.Package, files []*ast.File, info *types.Info) *Graph {
	g := &Graph{fset: fset, pkg: pkg, files: files, info: info}
	g.esc.g = g
	return g
}

// Build builds the SSA form now; queries otherwise build it on first use.
func (g *Graph) Build() { g.build() }

// build creates the SSA form, as the buildssa pass does (direct imports
// as packages without bodies, the package itself built), and indexes it.
func (g *Graph) build() {
	if g.built {
		return
	}
	g.built = true
	defer func() {
		// The SSA builder panics on packages whose types are incomplete
		// (a driver that analyses a package with type errors): every
		// query then answers that nothing can be followed.
		if r := recover(); r != nil {
			g.failed = true
			g.index0()
		}
	}()
	prog := ssa.NewProgram(g.fset, ssa.NaiveForm|ssa.GlobalDebug)
	for _, p := range g.pkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	g.ssa = prog.CreatePackage(g.pkg, g.files, g.info, false)
	g.ssa.Build()
	g.index()
}

// index0 makes the indexes empty.
func (g *Graph) index0() {
	g.valueOf = map[ast.Expr]ssa.Value{}
	g.exprOf = map[ssa.Value]ast.Expr{}
	g.sites = map[*ssa.Function][]ssa.CallInstruction{}
	g.escapes = map[*ssa.Function]bool{}
	g.uses = map[*ssa.Function]int{}
	g.varCallee = map[*ssa.CallCommon]*ssa.Function{}
	g.invoked = map[string]bool{}
	g.closures = map[*ssa.Function][]*ssa.MakeClosure{}
	g.globals = map[*ssa.Global][]*ssa.Store{}
	g.fields = map[fieldKey][]*ssa.Store{}
	g.globalLoads = map[*ssa.Global][]*ssa.UnOp{}
}

// index walks the SSA form and the syntax once.
func (g *Graph) index() {
	g.index0()
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		if fn.Blocks != nil {
			g.funcs = append(g.funcs, fn)
		}
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	for _, m := range g.ssa.Members {
		switch m := m.(type) {
		case *ssa.Function:
			add(m)
		case *ssa.Type:
			for _, sel := range methodsOf(m.Type()) {
				if fn := g.ssa.Prog.MethodValue(sel); fn != nil && fn.Pkg == g.ssa {
					add(fn)
				}
			}
		}
	}
	seen := map[*ssa.Function]bool{}
	for _, fn := range g.funcs {
		if seen[fn] {
			continue
		}
		seen[fn] = true
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				g.indexInstr(instr)
			}
		}
	}
	g.indexFuncVars()
	for fn, n := range g.uses {
		if n > 0 {
			g.escapes[fn] = true
		}
	}
	g.indexSyntax()
}

// indexFuncVars finds the local variables that hold only functions of the
// package and are only called (build := func(…) {…}; build(x)): their
// calls are the functions' call sites, and storing a function there does
// not let it escape.
func (g *Graph) indexFuncVars() {
	for _, fn := range g.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				a, ok := instr.(*ssa.Alloc)
				if !ok {
					continue
				}
				held, calls, ok := funcVar(a)
				if !ok || len(held) == 0 {
					continue
				}
				if len(held) == 1 {
					for _, c := range calls {
						g.varCallee[c.Common()] = held[0]
					}
				}
				for _, h := range held {
					g.sites[h] = append(g.sites[h], calls...)
					g.uses[h]-- // its store into a
				}
			}
		}
	}
}

// funcVar returns the functions stored to a and the calls of its loads,
// if a is only stored functions and loaded to be called.
func funcVar(a *ssa.Alloc) (held []*ssa.Function, calls []ssa.CallInstruction, ok bool) {
	for _, r := range *a.Referrers() {
		switch x := r.(type) {
		case *ssa.Store:
			if x.Addr != a {
				return nil, nil, false
			}
			switch v := x.Val.(type) {
			case *ssa.Function:
				held = append(held, v)
			case *ssa.MakeClosure:
				held = append(held, v.Fn.(*ssa.Function))
			default:
				return nil, nil, false
			}
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return nil, nil, false
			}
			for _, u := range *x.Referrers() {
				switch c := u.(type) {
				case ssa.CallInstruction:
					if c.Common().Value != x {
						return nil, nil, false
					}
					calls = append(calls, c)
				case *ssa.DebugRef:
				default:
					return nil, nil, false
				}
			}
		case *ssa.DebugRef:
		default:
			return nil, nil, false
		}
	}
	return held, calls, true
}

// methodsOf returns the methods declared on T and *T.
func methodsOf(t types.Type) []*types.Selection {
	var out []*types.Selection
	for _, typ := range []types.Type{t, types.NewPointer(t)} {
		if types.IsInterface(typ) {
			continue
		}
		ms := types.NewMethodSet(typ)
		for i := range ms.Len() {
			out = append(out, ms.At(i))
		}
	}
	return out
}

func (g *Graph) indexInstr(instr ssa.Instruction) {
	switch x := instr.(type) {
	case *ssa.DebugRef:
		if !x.IsAddr && x.X != nil {
			g.valueOf[x.Expr] = x.X
			if _, ok := g.exprOf[x.X]; !ok {
				g.exprOf[x.X] = x.Expr
			}
		}
	case *ssa.MakeClosure:
		if fn, ok := x.Fn.(*ssa.Function); ok {
			g.closures[fn] = append(g.closures[fn], x)
		}
	case *ssa.UnOp:
		if gl, ok := x.X.(*ssa.Global); ok && x.Op == token.MUL {
			g.globalLoads[gl] = append(g.globalLoads[gl], x)
		}
	case *ssa.Store:
		switch a := x.Addr.(type) {
		case *ssa.Global:
			g.globals[a] = append(g.globals[a], x)
		case *ssa.FieldAddr:
			if st, ok := structOf(a.X.Type()); ok {
				k := fieldKey{st, a.Field}
				g.fields[k] = append(g.fields[k], x)
			}
		}
	}
	if c, ok := instr.(ssa.CallInstruction); ok {
		common := c.Common()
		if common.IsInvoke() {
			g.invoked[common.Method.Name()] = true
		} else if fn := g.callee(common); fn != nil {
			g.sites[fn] = append(g.sites[fn], c)
		}
	}
	// A function used as an operand other than a static callee escapes.
	var buf [8]*ssa.Value
	ops := instr.Operands(buf[:0])
	for i, op := range ops {
		fn, ok := (*op).(*ssa.Function)
		if !ok {
			continue
		}
		if c, isCall := instr.(ssa.CallInstruction); isCall && i == 0 && !c.Common().IsInvoke() {
			continue // the callee position
		}
		if mc, isClosure := instr.(*ssa.MakeClosure); isClosure && i == 0 {
			_ = mc
			continue // a closure's code: its calls are the closure's
		}
		if _, dbg := instr.(*ssa.DebugRef); dbg {
			continue
		}
		g.uses[fn]++
	}
	// A closure used as anything but a callee escapes too.
	if mc, ok := instr.(*ssa.MakeClosure); ok {
		if fn, ok := mc.Fn.(*ssa.Function); ok {
			for _, r := range *mc.Referrers() {
				if c, isCall := r.(ssa.CallInstruction); isCall && c.Common().Value == mc {
					continue
				}
				if _, dbg := r.(*ssa.DebugRef); dbg {
					continue
				}
				g.uses[fn]++
			}
		}
	}
}

// staticCallee returns the function a call calls, if it is known
// statically (a function, or a closure made at the call).
func staticCallee(c *ssa.CallCommon) *ssa.Function {
	switch v := c.Value.(type) {
	case *ssa.Function:
		return v
	case *ssa.MakeClosure:
		fn, _ := v.Fn.(*ssa.Function)
		return fn
	}
	return nil
}

// structOf returns the struct type a value of type t (or a pointer to it)
// holds.
func structOf(t types.Type) (*types.Struct, bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return st, ok
}

// indexSyntax maps the positions the SSA form records back to syntax.
func (g *Graph) indexSyntax() {
	g.calls = map[token.Pos]*ast.CallExpr{}
	g.rhs = map[token.Pos]ast.Expr{}
	g.returns = map[token.Pos]*ast.ReturnStmt{}
	for _, f := range g.files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				g.calls[n.Lparen] = n
			case *ast.ReturnStmt:
				g.returns[n.Return] = n
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, l := range n.Lhs {
						g.rhs[lhsPos(l)] = n.Rhs[i]
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i, name := range n.Names {
						g.rhs[name.Pos()] = n.Values[i]
					}
				}
			case *ast.CompositeLit:
				for _, elt := range n.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						g.rhs[kv.Colon] = kv.Value
					} else {
						g.rhs[elt.Pos()] = elt
					}
				}
			}
			return true
		})
	}
}

// lhsPos is the position the SSA builder gives a store to l.
func lhsPos(l ast.Expr) token.Pos {
	switch l := ast.Unparen(l).(type) {
	case *ast.SelectorExpr:
		return l.Sel.Pos()
	case *ast.StarExpr:
		return l.Star
	case *ast.IndexExpr:
		return l.Lbrack
	}
	return l.Pos()
}

// Value returns the SSA value of the expression e, and whether there is
// one (a constant, nil, or an expression in dead code has none).
func (g *Graph) Value(e ast.Expr) (ssa.Value, bool) {
	g.build()
	v, ok := g.valueOf[ast.Unparen(e)]
	return v, ok
}

// Expr returns the expression whose value v is, if the SSA form recorded
// one.
func (g *Graph) Expr(v ssa.Value) ast.Expr {
	g.build()
	if c, ok := v.(*ssa.Call); ok {
		if call, ok := g.calls[c.Pos()]; ok {
			return call
		}
	}
	return g.exprOf[v]
}

// Call returns the syntax of a call instruction, if it has one.
func (g *Graph) Call(c ssa.CallInstruction) *ast.CallExpr {
	g.build()
	return g.calls[c.Pos()]
}

// inTest reports whether pos is in a _test.go file.
func (g *Graph) inTest(pos token.Pos) bool {
	if !pos.IsValid() {
		return false
	}
	return strings.HasSuffix(g.fset.File(pos).Name(), "_test.go")
}
