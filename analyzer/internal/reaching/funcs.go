package reaching

// Access to the package's functions by syntax, type and position, for
// callers that evaluate a function's body themselves (a resolver the
// program hands to the SDK is judged by what each of its returns yields).

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// FuncOf returns the function of the package whose syntax is n (a
// *ast.FuncDecl or *ast.FuncLit), or nil.
func (g *Graph) FuncOf(n ast.Node) *ssa.Function {
	g.build()
	for _, fn := range g.funcs {
		if fn.Syntax() == n {
			return fn
		}
	}
	return nil
}

// Enclosing returns the innermost function of the package whose body
// contains pos, or nil.
func (g *Graph) Enclosing(pos token.Pos) *ssa.Function {
	g.build()
	var best *ssa.Function
	for _, fn := range g.funcs {
		syn := fn.Syntax()
		if syn == nil || pos < syn.Pos() || pos >= syn.End() {
			continue
		}
		if best == nil || syn.Pos() >= best.Syntax().Pos() && syn.End() <= best.Syntax().End() {
			best = fn
		}
	}
	return best
}

// Method returns the method name of the type t (or *t) when it is
// declared in this package and has a body, or nil.
func (g *Graph) Method(t types.Type, name string) *ssa.Function {
	g.build()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != g.pkg {
		return nil
	}
	for _, sel := range methodsOf(named) {
		if sel.Obj().Name() != name {
			continue
		}
		if fn := g.ssa.Prog.MethodValue(sel); fn != nil && fn.Pkg == g.ssa && fn.Blocks != nil {
			return fn
		}
	}
	return nil
}

// ReturnStmt returns the syntax of a return instruction, if it has one.
func (g *Graph) ReturnStmt(ret *ssa.Return) *ast.ReturnStmt {
	g.build()
	return g.returns[ret.Pos()]
}

// Funcs returns the functions of the package that have a body.
func (g *Graph) Funcs() []*ssa.Function {
	g.build()
	return g.funcs
}

// Sites returns the call sites of fn when the package sees every call of
// it (closed: an unexported function never used as a value, or a function
// literal only called where it is held); ok is false otherwise.
func (g *Graph) Sites(fn *ssa.Function) (sites []ssa.CallInstruction, ok bool) {
	g.build()
	if fn == nil || !g.closed(fn) {
		return nil, false
	}
	return g.sites[fn], true
}
