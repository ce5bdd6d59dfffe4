package analyzer

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// sdkImports loads, once, the type information of the SDK packages the
// fixtures import, so fuzz inputs type-check against the real SDK API.
var sdkImports = sync.OnceValues(func() (map[string]*types.Package, error) {
	cfg := &packages.Config{
		Mode: packages.NeedTypes | packages.NeedImports | packages.NeedDeps | packages.NeedName,
		Dir:  filepath.Join("testdata", "mod"),
		Env:  append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "./sts00...", "./matching/...")
	if err != nil {
		return nil, err
	}
	m := map[string]*types.Package{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.Types != nil {
			m[p.PkgPath] = p.Types
		}
	})
	return m, nil
})

type mapImporter map[string]*types.Package

func (m mapImporter) Import(path string) (*types.Package, error) {
	if p, ok := m[path]; ok {
		return p, nil
	}
	return nil, os.ErrNotExist
}

// FuzzAnalyzer runs the analyzer on mutated fixture files. Inputs that do
// not parse are skipped; inputs with type errors are analysed anyway, as
// gopls does with code being edited, so the analyzer must cope with partial
// type information. It must never panic.
func FuzzAnalyzer(f *testing.F) {
	// Every fixture of the per-check folders is a seed.
	var seeds []string
	checks, _ := filepath.Glob(filepath.Join("testdata", "mod", "sts00*"))
	for _, dir := range checks {
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
				seeds = append(seeds, path)
			}
			return nil
		})
	}
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(string(data))
		}
	}
	imports, err := sdkImports()
	if err != nil {
		f.Skipf("loading the SDK: %v", err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "fuzz.go", src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return
		}
		info := &types.Info{
			Types:      map[ast.Expr]types.TypeAndValue{},
			Defs:       map[*ast.Ident]types.Object{},
			Uses:       map[*ast.Ident]types.Object{},
			Implicits:  map[ast.Node]types.Object{},
			Selections: map[*ast.SelectorExpr]*types.Selection{},
			Scopes:     map[ast.Node]*types.Scope{},
		}
		conf := types.Config{Importer: mapImporter(imports), Error: func(error) {}}
		pkg, _ := conf.Check("example.com/fuzz", fset, []*ast.File{file}, info)
		pass := &analysis.Pass{
			Analyzer:          Analyzer,
			Fset:              fset,
			Files:             []*ast.File{file},
			Pkg:               pkg,
			TypesInfo:         info,
			TypesSizes:        types.SizesFor("gc", "amd64"),
			Report:            func(analysis.Diagnostic) {},
			ReadFile:          func(string) ([]byte, error) { return []byte(src), nil },
			ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
			ExportObjectFact:  func(types.Object, analysis.Fact) {},
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportPackageFact: func(analysis.Fact) {},
			AllObjectFacts:    func() []analysis.ObjectFact { return nil },
			AllPackageFacts:   func() []analysis.PackageFact { return nil },
		}
		if _, err := run(pass, &Config{}); err != nil {
			t.Fatalf("analyzer failed: %v", err)
		}
	})
}
