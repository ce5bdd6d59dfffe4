package flow

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// TestFuncAtFileOrder guards against a verdict that depends on how the
// driver parsed a package. go/packages parses a package's files
// concurrently, so the FileSet's order of files (their positions) need
// not be the order of pass.Files. funcAt once assumed the two agreed and
// stopped at the first function starting after a position: with the
// files added in reverse, it found no function around any position of
// the first file, and TestSTS001 failed on loaded machines only.
func TestFuncAtFileOrder(t *testing.T) {
	srcs := []struct{ name, src string }{
		{"a.go", "package p\n\nfunc A() { _ = func() { println() } }\n\nfunc B() {}\n"},
		{"b.go", "package p\n\nfunc C() {}\n\nfunc D() { println() }\n"},
	}
	for _, reverse := range []bool{false, true} {
		fset := token.NewFileSet()
		files := make([]*ast.File, len(srcs))
		for k := range srcs {
			i := k
			if reverse {
				i = len(srcs) - 1 - k // b.go gets the lower positions
			}
			f, err := parser.ParseFile(fset, srcs[i].name, srcs[i].src, 0)
			if err != nil {
				t.Fatal(err)
			}
			files[i] = f
		}
		info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
		pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, files, info)
		if err != nil {
			t.Fatal(err)
		}
		pass := &analysis.Pass{Fset: fset, Files: files, Pkg: pkg, TypesInfo: info}
		f := New(pass, inspector.New(files), Options{})
		// Every call must be found inside its innermost function.
		for _, file := range files {
			ast.Inspect(file, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				var want ast.Node
				ast.Inspect(file, func(m ast.Node) bool {
					switch m.(type) {
					case *ast.FuncDecl, *ast.FuncLit:
						if m.Pos() <= call.Pos() && call.Pos() < m.End() {
							want = m
						}
					}
					return true
				})
				if got := f.paths.funcAt(call.Pos()); got != want {
					t.Errorf("reverse=%v: funcAt(%s) = %v, want %v", reverse, fset.Position(call.Pos()), got, want)
				}
				return true
			})
		}
	}
}
