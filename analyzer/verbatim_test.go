package analyzer_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestFixesVerbatim applies the suggested fixes of every fix/ folder the
// way golangci-lint --fix does: the edits as they are, then gofmt, without
// goimports. analysistest's golden comparison removes unused imports
// itself, so it cannot see a fix that leaves one behind; here the result
// must equal the .golden file exactly, and the fixed package must type-check
// (an unused import is a type error).
func TestFixesVerbatim(t *testing.T) {
	shared.Do(runShared)
	if len(fixResults) == 0 {
		t.Fatal("the fix/ folders produced no results")
	}
	checked := 0
	for _, r := range fixResults {
		act := r.Action
		if act == nil || act.Package == nil {
			continue
		}
		pkg := act.Package
		edits := map[string][]analysis.TextEdit{}
		type key struct {
			pos, end token.Pos
			text     string
		}
		seen := map[key]bool{}
		for _, d := range act.Diagnostics {
			for _, f := range d.SuggestedFixes {
				for _, e := range f.TextEdits {
					// Fixes may share an edit (two findings in one
					// session); drivers apply it once.
					k := key{e.Pos, e.End, string(e.NewText)}
					if seen[k] {
						continue
					}
					seen[k] = true
					name := pkg.Fset.File(e.Pos).Name()
					edits[name] = append(edits[name], e)
				}
			}
		}
		var files []*ast.File
		fset := token.NewFileSet()
		for _, orig := range pkg.Syntax {
			name := pkg.Fset.File(orig.Pos()).Name()
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if es := edits[name]; len(es) > 0 {
				fixed, err := apply(pkg.Fset, src, es)
				if err != nil {
					t.Errorf("%s: %v", name, err)
					continue
				}
				if src, err = format.Source(fixed); err != nil {
					t.Errorf("%s: fixed file does not parse: %v\n%s", name, err, fixed)
					continue
				}
				golden, err := os.ReadFile(name + ".golden")
				if err != nil {
					t.Errorf("%s: fixes but no golden file: %v", name, err)
					continue
				}
				if golden, err = format.Source(golden); err == nil && !bytes.Equal(src, golden) {
					t.Errorf("%s: the verbatim fixes differ from the golden file (an import left unused?):\n%s", name, src)
				}
				checked++
			}
			f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
		conf := types.Config{Importer: closure(pkg.Types)}
		if _, err := conf.Check(pkg.PkgPath, fset, files, nil); err != nil {
			t.Errorf("%s after its fixes: %v", pkg.PkgPath, err)
		}
	}
	if checked == 0 {
		t.Error("no fix was checked")
	}
}

// apply applies non-overlapping edits to src.
func apply(fset *token.FileSet, src []byte, edits []analysis.TextEdit) ([]byte, error) {
	tf := fset.File(edits[0].Pos)
	type edit struct {
		start, end int
		text       []byte
	}
	var es []edit
	for _, e := range edits {
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		es = append(es, edit{tf.Offset(e.Pos), tf.Offset(end), e.NewText})
	}
	slices.SortStableFunc(es, func(a, b edit) int { return a.start - b.start })
	var out []byte
	at := 0
	for _, e := range es {
		if e.start < at {
			return nil, fmt.Errorf("overlapping edits at offset %d", e.start)
		}
		out = append(append(out, src[at:e.start]...), e.text...)
		at = e.end
	}
	return append(out, src[at:]...), nil
}

// closure returns an importer serving the packages pkg depends on, as the
// analysis loaded them (the fixes may add imports of packages that pkg
// itself did not import directly, but its dependencies did).
func closure(pkg *types.Package) importerFunc {
	all := map[string]*types.Package{}
	var walk func(*types.Package)
	walk = func(p *types.Package) {
		for _, imp := range p.Imports() {
			if all[imp.Path()] == nil {
				all[imp.Path()] = imp
				walk(imp)
			}
		}
	}
	walk(pkg)
	return func(path string) (*types.Package, error) {
		if p := all[path]; p != nil {
			return p, nil
		}
		return nil, fmt.Errorf("package %s is not among the dependencies: %s", path, strings.Join(keys(all), ", "))
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func keys(m map[string]*types.Package) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
