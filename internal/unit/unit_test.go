package unit

import (
	"encoding/json"
	"go/ast"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// fact is a test fact: the name of a function.
type fact struct{ Name string }

func (*fact) AFact() {}

// testAnalyzer reports every call to fmt.Println and exports a fact for
// every function; it reports functions of imports that carry a fact.
var testAnalyzer = &analysis.Analyzer{
	Name:      "t",
	Doc:       "test",
	FactTypes: []analysis.Fact{(*fact)(nil)},
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncDecl:
					pass.ExportObjectFact(pass.TypesInfo.Defs[n.Name], &fact{n.Name.Name})
				case *ast.CallExpr:
					if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
						if fn, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Func); ok && fn.Pkg().Path() == "fmt" && fn.Name() == "Println" {
							pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Category: "c", Message: "call",
								Related:        []analysis.RelatedInformation{{Pos: sel.X.Pos(), End: sel.X.End(), Message: "fmt here"}},
								SuggestedFixes: []analysis.SuggestedFix{{Message: "Print", TextEdits: []analysis.TextEdit{{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("Print")}}}}})
						}
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

// A dependency that cannot produce facts is answered with an empty fact
// file, without parsing it (its file is not even Go).
func TestSkip(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.go")
	os.WriteFile(bad, []byte("this is not Go"), 0o644)
	vetx := filepath.Join(dir, "vet.out")
	cfg := &Config{ID: "p", ImportPath: "p", GoFiles: []string{bad}, ImportMap: map[string]string{"fmt": "fmt"},
		VetxOnly: true, VetxOutput: vetx}
	never := func(string, []string, []string) bool { return false }
	var stderr strings.Builder
	if code := Run(cfg, testAnalyzer, Options{MayExport: never}, &stderr); code != 0 {
		t.Fatalf("Run: exit %d: %s", code, stderr.String())
	}
	if data, err := os.ReadFile(vetx); err != nil || len(data) != 0 {
		t.Errorf("fact file %q, %v; want an empty file", data, err)
	}
	// When the package may export facts, it is parsed (and fails here).
	if code := Run(cfg, testAnalyzer, Options{}, &stderr); code == 0 {
		t.Errorf("Run on a package that may export facts: exit 0 without parsing it")
	}
}

// A package is type-checked against the export data of its imports; its
// facts reach an importer; its diagnostics are printed as go vet -json
// prints them; -fix writes the fixes.
func TestRun(t *testing.T) {
	out, err := exec.Command("go", "list", "-export", "-f", "{{.Export}}", "fmt").Output()
	if err != nil {
		t.Skipf("go list -export fmt: %v", err)
	}
	fmtExport := strings.TrimSpace(string(out))
	dir := t.TempDir()
	a := filepath.Join(dir, "a.go")
	src := "package a\n\nimport \"fmt\"\n\nfunc F() { fmt.Println() }\n"
	os.WriteFile(a, []byte(src), 0o644)
	cfg := &Config{ID: "example.com/a", ImportPath: "example.com/a", GoFiles: []string{a},
		ImportMap: map[string]string{"fmt": "fmt"}, PackageFile: map[string]string{"fmt": fmtExport},
		VetxOutput: filepath.Join(dir, "a.vetx"), Stdout: filepath.Join(dir, "a.stdout")}
	var stderr strings.Builder
	if code := Run(cfg, testAnalyzer, Options{JSON: true}, &stderr); code != 0 {
		t.Fatalf("Run: exit %d: %s", code, stderr.String())
	}
	data, _ := os.ReadFile(cfg.Stdout)
	var tree map[string]map[string][]struct {
		Posn           string `json:"posn"`
		Message        string `json:"message"`
		SuggestedFixes []struct {
			Edits []struct {
				Filename   string `json:"filename"`
				Start, End int
			} `json:"edits"`
		} `json:"suggested_fixes"`
		Related []struct {
			Posn    string `json:"posn"`
			End     string `json:"end"`
			Message string `json:"message"`
		} `json:"related"`
	}
	if err := json.Unmarshal(data, &tree); err != nil {
		t.Fatalf("JSON output: %v\n%s", err, data)
	}
	d := tree["example.com/a"]["t"]
	if len(d) != 1 || d[0].Posn != a+":5:12" || d[0].SuggestedFixes[0].Edits[0].Start != strings.Index(src, "Println") ||
		len(d[0].Related) != 1 || d[0].Related[0].Posn != a+":5:12" || d[0].Related[0].End != a+":5:15" || d[0].Related[0].Message != "fmt here" {
		t.Errorf("JSON output:\n%s", data)
	}
	recs, err := readFacts(map[string]string{"example.com/a": cfg.VetxOutput})
	if err != nil || len(recs) != 1 || recs[0].Pkg != "example.com/a" || recs[0].Fact.(*fact).Name != "F" {
		t.Errorf("facts %+v, %v; want F's", recs, err)
	}

	// -fix writes the file.
	cfg.Stdout = ""
	if code := Run(cfg, testAnalyzer, Options{Fix: true}, &stderr); code != 0 {
		t.Fatalf("Run -fix: exit %d: %s", code, stderr.String())
	}
	if got, _ := os.ReadFile(a); !strings.Contains(string(got), "fmt.Print()") {
		t.Errorf("after -fix:\n%s", got)
	}
}
