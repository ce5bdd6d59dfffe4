package reaching

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// A field read through a pointer that only ever points to objects
// allocated at known sites follows the stores into those objects, not
// every store to the field in the package.
func TestFieldOfObjects(t *testing.T) {
	g, f := load(t, `package p
type S struct{ v string }
func sink(string) {}
func A() {
	a := &S{v: "a"}
	sink(a.v)
}
func B() {
	b := &S{v: "b"}
	b.v = "b2"
	sink(b.v)
}
func set(s *S) { s.v = "set" }
func C() {
	c := &S{v: "c"}
	set(c)
	sink(c.v)
}
func D(s *S) { sink(s.v) }
`)
	want := []string{"a", "b b2", "c set", "a b b2 c set"}
	for i, arg := range sinkArgs(f) {
		if got := describe(g.Values(arg)); got != want[i] {
			t.Errorf("sink %d: got %q, want %q", i, got, want[i])
		}
	}
}

// A production read of a package variable that a test swaps (orig := v;
// defer func() { v = orig }()) still reaches the production value, not
// only through the test's route.
func TestTestRouteKeepsProductionValue(t *testing.T) {
	fset := token.NewFileSet()
	var files []*ast.File
	for name, src := range map[string]string{
		"p.go": `package p
func sink(string) {}
var v = "prod"
func Use() { sink(v) }
`,
		"p_test.go": `package p
func swap() {
	orig := v
	defer func() { v = orig }()
	v = "mock"
	Use()
}
`,
	} {
		file, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Implicits: map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{}, Scopes: map[ast.Node]*types.Scope{},
		Instances: map[*ast.Ident]types.Instance{}, FileVersions: map[*ast.File]string{},
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, files, info)
	if err != nil {
		t.Fatal(err)
	}
	g := New(fset, pkg, files, info)
	for _, file := range files {
		for _, arg := range sinkArgs(file) {
			r := g.Values(arg)
			prod := false
			for _, l := range r.Leaves {
				if c, ok := l.Value.(interface{ String() string }); ok && !l.Test && c.String() == `"prod":string` {
					prod = true
				}
			}
			if !prod {
				t.Errorf("%s: no production leaf \"prod\" in %s", fset.Position(arg.Pos()), describe(r))
			}
		}
	}
}
