package reaching

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"
)

// load type-checks one file of package p.
func load(t *testing.T, src string) (*Graph, *ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Implicits: map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{}, Scopes: map[ast.Node]*types.Scope{},
		Instances: map[*ast.Ident]types.Instance{}, FileVersions: map[*ast.File]string{},
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	return New(fset, pkg, []*ast.File{f}, info), f
}

// checkSinks loads src (a package body, after an optional first import
// line) with a sink function and compares what reaches each sink call's
// argument, in order, with want.
func checkSinks(t *testing.T, src string, want []string) {
	t.Helper()
	body := "func sink(any) {}\n" + src
	if imp, rest, ok := strings.Cut(src, "\n"); ok && strings.HasPrefix(imp, "import ") {
		body = imp + "\nfunc sink(any) {}\n" + rest
	}
	g, f := load(t, "package p\n"+body)
	args := sinkArgs(f)
	if len(args) != len(want) {
		t.Fatalf("%d sinks, want %d", len(args), len(want))
	}
	for i, a := range args {
		if got := describe(g.Values(a)); got != want[i] {
			t.Errorf("sink %d: got %q, want %q", i, got, want[i])
		}
	}
}

// sinkArgs returns the arguments of every call of sink in f.
func sinkArgs(f *ast.File) []ast.Expr {
	var out []ast.Expr
	ast.Inspect(f, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "sink" {
				out = append(out, c.Args[0])
			}
		}
		return true
	})
	return out
}

// describe renders a result as sorted constants ("" for a zero value),
// "?" for another leaf, and "open".
func describe(r Result) string {
	var parts []string
	for _, l := range r.Leaves {
		switch {
		case l.Zero:
			parts = append(parts, `zero`)
		default:
			if c, ok := l.Value.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
				s := constant.StringVal(c.Value)
				if l.Test {
					s += "(test)"
				}
				parts = append(parts, s)
			} else {
				parts = append(parts, "?"+strings.TrimPrefix(fmt.Sprintf("%T", l.Value), "*ssa."))
			}
		}
	}
	slices.Sort(parts)
	parts = slices.Compact(parts)
	if r.Open {
		parts = append(parts, "open")
	}
	return strings.Join(parts, " ")
}

func TestValues(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // one per sink call, in order
	}{
		{"early return", `
func f(r string) {
	x := "a"
	if r == "" {
		sink(x)
		return
	}
	x = "b"
	sink(x)
}`, []string{"a", "b"}},
		{"switch default", `
func f(r string) {
	var x string
	switch r {
	case "1":
		x = "one"
	default:
		x = "def"
	}
	sink(x)
}`, []string{"def one"}},
		{"no default", `
func f(r string) {
	var x string
	switch r {
	case "1":
		x = "one"
	}
	sink(x)
}`, []string{"one zero"}},
		{"loop", `
func f(rs []string) {
	x := "first"
	for _, r := range rs {
		sink(x)
		x = r + "!"
	}
}`, []string{"?BinOp first"}},
		{"closed helper param", `
func helper(s string) { sink(s) }
func f() { helper("a"); helper("b") }`, []string{"a b"}},
		{"exported param open", `
func Helper(s string) { sink(s) }`, []string{"?Parameter"}},
		{"result in context", `
func id(s string) string { return s }
func f() { sink(id("a")); sink(id("b")) }`, []string{"a", "b"}},
		{"closure free var", `
func f() {
	x := "a"
	g := func() { sink(x) }
	x = "b"
	g()
}`, []string{"a b"}},
		{"struct field closed world", `
type c struct{ region string }
func newC() *c { return &c{region: "eu-west-1"} }
func (k *c) use() { sink(k.region) }
func set(k *c) { k.region = "aws-global" }`, []string{"aws-global eu-west-1"}},
		{"value receiver copy", `
type c struct{ region string }
func f() {
	v := c{region: "a"}
	sink(v.region)
}`, []string{"a"}},
		{"global with test store", `
var def = "prod"
func f() { sink(def) }`, []string{"prod"}},
		{"goto", `
func f(r string) {
	x := "a"
	if r != "" {
		goto done
	}
	x = "b"
done:
	sink(x)
}`, []string{"a b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkSinks(t, tt.src, tt.want) })
	}
}

func TestFuncVarResults(t *testing.T) {
	g, f := load(t, `package p
func sink(any) {}
func f() {
	id := func(s string) string { return s }
	sink(id("a"))
	sink(id("b"))
}
`)
	args := sinkArgs(f)
	for i, want := range []string{"a", "b"} {
		if got := describe(g.Values(args[i])); got != want {
			t.Errorf("sink %d: got %q, want %q (the call's own argument)", i, got, want)
		}
	}
}

func TestElements(t *testing.T) {
	g, f := load(t, `package p
func sink(any) {}
func build(xs ...string) { sink(xs) }
func f() {
	build("a", "b")
	build(append([]string{"c"}, "d")...)
}
func Open(xs ...string) { sink(xs) }
`)
	args := sinkArgs(f)
	if got := describe(g.Elements(args[0])); got != "a b c d" {
		t.Errorf("elements: got %q, want %q", got, "a b c d")
	}
	if got := describe(g.Elements(args[1])); got != "open" {
		t.Errorf("elements of an exported function's parameter: got %q, want open", got)
	}
}

// TestIncompleteTypes: a package with type errors (which partial-results
// drivers still analyse) gives open answers, never a panic.
func TestIncompleteTypes(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", `package p
func sink(any) {}
func f() { x := undefined(); sink(x); var y T; sink(y) }
`, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Implicits: map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{}, Scopes: map[ast.Node]*types.Scope{},
	}
	conf := types.Config{Importer: importer.Default(), Error: func(error) {}}
	pkg, _ := conf.Check("p", fset, []*ast.File{f}, info)
	g := New(fset, pkg, []*ast.File{f}, info)
	for _, a := range sinkArgs(f) {
		_ = g.Values(a) // must not panic
	}
}
