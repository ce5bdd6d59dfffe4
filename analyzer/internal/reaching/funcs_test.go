package reaching

import (
	"go/ast"
	"go/token"
	"testing"

	"golang.org/x/tools/go/ssa"
)

const funcsSrc = `package p

type pin struct{ region string }

func (p pin) Resolve(service string) string { return p.region }

func (p *pin) set(r string) { p.region = r }

type fn func() string

func (f fn) Resolve() string { return f() }

func outer() func() string {
	return func() string {
		if true {
			return "a"
		}
		return "b"
	}
}
`

// TestFuncOfAndEnclosing checks that a function literal and a declaration
// map to their SSA functions, and that a position inside the literal
// belongs to the literal, not to the function around it.
func TestFuncOfAndEnclosing(t *testing.T) {
	g, f := load(t, funcsSrc)
	var lit *ast.FuncLit
	var outer *ast.FuncDecl
	var inner *ast.ReturnStmt
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			lit = n
		case *ast.FuncDecl:
			if n.Name.Name == "outer" {
				outer = n
			}
		case *ast.ReturnStmt:
			if lit != nil && inner == nil && n.Pos() > lit.Pos() {
				inner = n
			}
		}
		return true
	})
	litFn := g.FuncOf(lit)
	if litFn == nil || litFn.Parent() == nil {
		t.Fatalf("FuncOf(literal) = %v, want the anonymous function", litFn)
	}
	outerFn := g.FuncOf(outer)
	if outerFn == nil || outerFn.Name() != "outer" {
		t.Fatalf("FuncOf(outer) = %v", outerFn)
	}
	if got := g.Enclosing(inner.Pos()); got != litFn {
		t.Errorf("Enclosing(return in literal) = %v, want %v", got, litFn)
	}
	if got := g.Enclosing(outer.Body.Lbrace + 1); got != outerFn {
		t.Errorf("Enclosing(outer body) = %v, want outer", got)
	}
	if got := g.Enclosing(token.NoPos); got != nil {
		t.Errorf("Enclosing(NoPos) = %v, want nil", got)
	}
	// Each return instruction of the literal maps back to its statement.
	n := 0
	for _, b := range litFn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			if rs := g.ReturnStmt(ret); rs == nil || rs.Pos() < lit.Pos() || rs.End() > lit.End() {
				t.Errorf("ReturnStmt(%v) = %v, want a return of the literal", ret, rs)
			}
			n++
		}
	}
	if n != 2 {
		t.Errorf("literal has %d returns, want 2", n)
	}
}

// TestMethod checks that Method finds value and pointer methods declared
// in the package, and nothing for a missing name or another package's type.
func TestMethod(t *testing.T) {
	g, _ := load(t, funcsSrc)
	pin := g.pkg.Scope().Lookup("pin").Type()
	if m := g.Method(pin, "Resolve"); m == nil || m.Name() != "Resolve" || m.Signature.Recv() == nil {
		t.Errorf("Method(pin, Resolve) = %v", m)
	}
	if m := g.Method(pin, "set"); m == nil || m.Name() != "set" {
		t.Errorf("Method(pin, set) = %v, want the pointer method", m)
	}
	if m := g.Method(pin, "Missing"); m != nil {
		t.Errorf("Method(pin, Missing) = %v, want nil", m)
	}
	errT := g.pkg.Scope().Lookup("fn").Type()
	if m := g.Method(errT, "Resolve"); m == nil {
		t.Errorf("Method(fn, Resolve) = nil")
	}
	if m := g.Method(g.info.TypeOf(ast.NewIdent("x")), "Resolve"); m != nil {
		t.Errorf("Method(nil type) = %v", m)
	}
}
