// Package unit runs an analyzer on one package as the go command's vet tool
// protocol asks (go vet -vettool, go fix -fixtool): it reads the unit's JSON
// configuration, type-checks the package against the compiler's export data
// of its imports, runs the analyzer, writes the facts that importers read,
// and prints the findings (JSON or text) or applies the fixes.
//
// Unlike golang.org/x/tools' unitchecker, which type-checks every package
// of the build graph from source to write its types into the fact file, it
// takes the imports' types from the export data that the go command
// compiles for the build anyway, and keeps only facts in the fact file. A
// dependency that cannot produce facts is then answered without parsing or
// type-checking it: an empty fact file.
package unit

import (
	"bufio"
	"bytes"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"maps"
	"os"
	"reflect"
	"runtime/debug"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/types/objectpath"
)

// Config is the unit configuration the go command writes (cmd/go's
// vetConfig); only the fields used here.
type Config struct {
	ID            string
	ImportPath    string
	GoVersion     string
	GoFiles       []string
	NonGoFiles    []string
	IgnoredFiles  []string
	ModulePath    string
	ModuleVersion string
	ImportMap     map[string]string // import path → package path
	PackageFile   map[string]string // package path → export data
	Standard      map[string]bool
	PackageVetx   map[string]string // package path → fact file
	VetxOnly      bool              // only compute facts
	VetxOutput    string            // where to write the facts
	Stdout        string            // where to write stdout
	FixArchive    string            // zip of fixed files (go fix)
}

// ReadConfig reads a unit configuration file.
func ReadConfig(name string) (*Config, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	cfg := new(Config)
	if err := json.Unmarshal(data, cfg); err != nil {
		return nil, fmt.Errorf("cannot decode JSON config file %s: %v", name, err)
	}
	if len(cfg.GoFiles) == 0 {
		return nil, fmt.Errorf("package has no files: %s", cfg.ImportPath)
	}
	return cfg, nil
}

// Options are the output flags of the protocol.
type Options struct {
	JSON    bool // print diagnostics as JSON (go vet always asks for it)
	Fix     bool // apply the first fix of each diagnostic
	Diff    bool // with Fix, print a unified diff instead
	Context int  // lines of context in text output; negative for none
	// MayExport reports whether the package (its path, the package paths
	// of its direct imports and its Go files) can produce facts although
	// none of its imports has any; nil: always.
	MayExport func(path string, imports, goFiles []string) bool
}

// A record is one fact in a fact file: of the object at Path in package
// Pkg, or of the package itself when Path is empty.
type record struct {
	Pkg  string
	Path objectpath.Path
	Fact analysis.Fact
}

// Run analyses the unit described by cfg with a and returns the exit code:
// 0 success (in text mode, no findings), 1 errors or findings in text mode.
// Errors go to stderr.
func Run(cfg *Config, a *analysis.Analyzer, opts Options, stderr io.Writer) int {
	relaxGC()
	stdout := io.Writer(os.Stdout)
	if cfg.Stdout != "" {
		f, err := os.Create(cfg.Stdout)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		defer f.Close()
		stdout = f
	}
	for _, f := range factTypes(a) {
		gob.Register(f)
	}
	deps, err := readFacts(cfg.PackageVetx)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	// A package none of whose imports has facts produces facts only if
	// the analyzer can start them there; a dependency (VetxOnly) that
	// cannot is answered with an empty fact file, unparsed.
	if cfg.VetxOnly && len(deps) == 0 {
		imports := slices.Sorted(maps.Values(cfg.ImportMap))
		if len(factTypes(a)) == 0 || opts.MayExport != nil && !opts.MayExport(cfg.ImportPath, imports, cfg.GoFiles) {
			return writeFacts(cfg.VetxOutput, nil, stderr)
		}
	}

	fset := token.NewFileSet()
	pkg, files, info, err := check(fset, cfg)
	if err != nil {
		if cfg.VetxOnly {
			return 1
		}
		var terr types.Error
		var serr scanner.ErrorList
		if errors.As(err, &terr) || errors.As(err, &serr) {
			fmt.Fprintln(stderr, err)
		} else {
			fmt.Fprintf(stderr, "%s: %v\n", cfg.ImportPath, err)
		}
		return 1
	}
	res := analyze(fset, cfg, a, pkg, files, info, deps)
	if code := writeFacts(cfg.VetxOutput, res.facts, stderr); code != 0 || cfg.VetxOnly {
		return code
	}
	switch {
	case opts.Fix:
		return fix(fset, cfg, pkg, res.diags, opts.Diff, stdout, stderr)
	case opts.JSON:
		return printJSON(stdout, fset, cfg.ID, a.Name, res)
	}
	if res.err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", cfg.ImportPath, res.err)
		return 1
	}
	for _, d := range res.diags {
		printPlain(stderr, fset, d, opts.Context)
	}
	if len(res.diags) > 0 {
		return 1
	}
	return 0
}

// factTypes returns the fact types of a and of the analyzers it requires.
func factTypes(a *analysis.Analyzer) []analysis.Fact {
	ft := slices.Clone(a.FactTypes)
	for _, req := range a.Requires {
		ft = append(ft, factTypes(req)...)
	}
	return ft
}

// readFacts reads the fact files of the direct imports. Each holds the
// facts of its package and of all the packages below it.
func readFacts(vetx map[string]string) ([]record, error) {
	var all []record
	seen := map[string]bool{}
	for _, path := range slices.Sorted(maps.Keys(vetx)) {
		data, err := os.ReadFile(vetx[path])
		if err != nil {
			return nil, err
		}
		if len(data) == 0 {
			continue
		}
		var recs []record
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&recs); err != nil {
			return nil, fmt.Errorf("invalid fact file for %q: %v", path, err)
		}
		for _, r := range recs {
			key := r.Pkg + "\x00" + string(r.Path) + "\x00" + reflect.TypeOf(r.Fact).String()
			if !seen[key] {
				seen[key] = true
				all = append(all, r)
			}
		}
	}
	return all, nil
}

// writeFacts writes the fact file: empty when there are no facts.
func writeFacts(name string, recs []record, stderr io.Writer) int {
	if name == "" {
		return 0
	}
	var buf bytes.Buffer
	if len(recs) > 0 {
		if err := gob.NewEncoder(&buf).Encode(recs); err != nil {
			fmt.Fprintf(stderr, "encoding facts: %v\n", err)
			return 1
		}
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o666); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// check parses and type-checks the package, its imports read from the
// export data the go command built.
func check(fset *token.FileSet, cfg *Config) (*types.Package, []*ast.File, *types.Info, error) {
	var files []*ast.File
	for _, name := range cfg.GoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			return nil, nil, nil, err
		}
		files = append(files, f)
	}
	imports := map[string]*types.Package{}
	importer := importerFunc(func(importPath string) (*types.Package, error) {
		path, ok := cfg.ImportMap[importPath]
		if !ok {
			return nil, fmt.Errorf("can't resolve import %q", importPath)
		}
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		if pkg := imports[path]; pkg != nil && pkg.Complete() {
			return pkg, nil
		}
		file, ok := cfg.PackageFile[path]
		if !ok {
			return nil, fmt.Errorf("no export data for %q", path)
		}
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r, err := gcexportdata.NewReader(bufio.NewReader(f))
		if err != nil {
			return nil, fmt.Errorf("reading export data for %q: %v", path, err)
		}
		return gcexportdata.Read(r, fset, imports, path)
	})
	tc := &types.Config{
		Importer:  importer,
		Sizes:     types.SizesFor("gc", build.Default.GOARCH),
		GoVersion: cfg.GoVersion,
	}
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
	pkg, err := tc.Check(cfg.ImportPath, fset, files, info)
	return pkg, files, info, err
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// result is what the analysis of a unit gives.
type result struct {
	diags []analysis.Diagnostic
	err   error
	facts []record // to export: the imports' and the package's own
}

// analyze runs a (and the analyzers it requires, once each) on the package.
func analyze(fset *token.FileSet, cfg *Config, root *analysis.Analyzer, pkg *types.Package,
	files []*ast.File, info *types.Info, deps []record) result {
	// Resolve the imports' facts to objects of this type-check; facts of
	// packages it does not reach are only passed on.
	type key struct {
		obj any // types.Object or *types.Package
		t   reflect.Type
	}
	facts := map[key]analysis.Fact{}
	pkgs := map[string]*types.Package{}
	var visit func(*types.Package)
	visit = func(p *types.Package) {
		if pkgs[p.Path()] == nil {
			pkgs[p.Path()] = p
			for _, imp := range p.Imports() {
				visit(imp)
			}
		}
	}
	visit(pkg)
	for _, r := range deps {
		p := pkgs[r.Pkg]
		if p == nil {
			continue
		}
		if r.Path == "" {
			facts[key{p, reflect.TypeOf(r.Fact)}] = r.Fact
		} else if obj, err := objectpath.Object(p, r.Path); err == nil {
			facts[key{obj, reflect.TypeOf(r.Fact)}] = r.Fact
		}
	}
	var own []record
	load := func(k key, ptr analysis.Fact) bool {
		f, ok := facts[k]
		if ok {
			reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
		}
		return ok
	}
	export := func(k key, pkgPath string, path objectpath.Path, f analysis.Fact) {
		if _, ok := facts[k]; !ok {
			own = append(own, record{pkgPath, path, f})
		} else {
			for i := range own {
				if own[i].Pkg == pkgPath && own[i].Path == path && reflect.TypeOf(own[i].Fact) == k.t {
					own[i].Fact = f
				}
			}
		}
		facts[k] = f
	}

	var res result
	results := map[*analysis.Analyzer]any{}
	errs := map[*analysis.Analyzer]error{}
	var exec func(*analysis.Analyzer)
	exec = func(a *analysis.Analyzer) {
		if _, done := results[a]; done {
			return
		}
		results[a] = nil
		inputs := map[*analysis.Analyzer]any{}
		for _, req := range a.Requires {
			exec(req)
			if errs[req] != nil {
				errs[a] = fmt.Errorf("failed prerequisite: %v", req)
				return
			}
			inputs[req] = results[req]
		}
		var diags []analysis.Diagnostic
		pass := &analysis.Pass{
			Analyzer:     a,
			Fset:         fset,
			Files:        files,
			OtherFiles:   cfg.NonGoFiles,
			IgnoredFiles: cfg.IgnoredFiles,
			Pkg:          pkg,
			TypesInfo:    info,
			TypesSizes:   types.SizesFor("gc", build.Default.GOARCH),
			ResultOf:     inputs,
			Report:       func(d analysis.Diagnostic) { diags = append(diags, d) },
			ImportObjectFact: func(obj types.Object, f analysis.Fact) bool {
				return load(key{obj, reflect.TypeOf(f)}, f)
			},
			ExportObjectFact: func(obj types.Object, f analysis.Fact) {
				if obj.Pkg() != pkg {
					panic(fmt.Sprintf("%s: fact for object %v of another package", a, obj))
				}
				if path, err := objectpath.For(obj); err == nil {
					export(key{obj, reflect.TypeOf(f)}, pkg.Path(), path, f)
				}
			},
			ImportPackageFact: func(p *types.Package, f analysis.Fact) bool {
				return load(key{p, reflect.TypeOf(f)}, f)
			},
			ExportPackageFact: func(f analysis.Fact) {
				export(key{pkg, reflect.TypeOf(f)}, pkg.Path(), "", f)
			},
			AllObjectFacts: func() []analysis.ObjectFact {
				var out []analysis.ObjectFact
				for k, f := range facts {
					if obj, ok := k.obj.(types.Object); ok {
						out = append(out, analysis.ObjectFact{Object: obj, Fact: f})
					}
				}
				return out
			},
			AllPackageFacts: func() []analysis.PackageFact {
				var out []analysis.PackageFact
				for k, f := range facts {
					if p, ok := k.obj.(*types.Package); ok {
						out = append(out, analysis.PackageFact{Package: p, Fact: f})
					}
				}
				return out
			},
			ReadFile: readFile(cfg),
		}
		if cfg.ModulePath != "" {
			pass.Module = &analysis.Module{Path: cfg.ModulePath, Version: cfg.ModuleVersion, GoVersion: cfg.GoVersion}
		}
		results[a], errs[a] = a.Run(pass)
		if a == root {
			res.diags = diags
		}
	}
	exec(root)
	res.err = errs[root]
	res.facts = append(slices.Clone(deps), own...)
	return res
}

// unitGCPercent is the garbage collector's target in a unit process,
// unless GOGC says otherwise.
const unitGCPercent = 400

// relaxGC lets the heap of this short-lived process grow further between
// collections (as cmd/compile does with its starting heap): most of what
// a unit allocates, the imports' export data and the type-checked
// package, stays live until it exits, so collecting at the default
// target mostly rescans it. On aws-nuke's 424-file resources package
// this cut the unit's CPU time by a third for 8% more peak memory.
// GOGC, if set, wins.
func relaxGC() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(unitGCPercent)
	}
}
