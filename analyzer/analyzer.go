package analyzer

import (
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// Name is the analyzer's name, used for flags (-stsregional.disable under
// go vet) and by golangci-lint.
const Name = "stsregional"

// Analyzer reports AWS STS calls that go to the global endpoint
// sts.amazonaws.com. Its flags (-enable, -disable) select checks by ID.
var Analyzer = newAnalyzer(&Config{})

// New returns an analyzer running the checks selected by cfg. Unlike
// Analyzer, it has no flags: drivers that configure it by other means
// (golangci-lint settings) use New.
func New(cfg Config) (*analysis.Analyzer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	a := newAnalyzer(&cfg)
	a.Flags = flag.FlagSet{}
	return a, nil
}

func newAnalyzer(cfg *Config) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name: Name,
		Doc:  doc,
		URL:  DocURL,
		// Facts describe the v1 sessions and configs that functions return
		// and package-level variables hold.
		FactTypes: []analysis.Fact{(*confFact)(nil)},
		Run:       func(pass *analysis.Pass) (any, error) { return run(pass, cfg) },
	}
	// A fresh FlagSet per analyzer, so tests and drivers never share state.
	a.Flags.Init(Name, flag.ContinueOnError)
	a.Flags.Var(idList{&cfg.Enable}, "enable", "comma-separated check IDs to run instead of the defaults (e.g. STS001,STS004)")
	a.Flags.Var(idList{&cfg.Disable}, "disable", "comma-separated check IDs not to run")
	// The flag's default is the configured value: BoolVar stores it.
	a.Flags.BoolVar(&cfg.AssumeEnvRegional, "assume-env-regional", cfg.AssumeEnvRegional,
		"treat aws-sdk-go v1 sessions that read the environment (NewSession, NewSessionWithOptions, and sessions from parameters or helpers) as regional, for code bases that set AWS_STS_REGIONAL_ENDPOINTS=regional in every deployment")
	return a
}

// checker holds the per-package state of one run.
type checker struct {
	pass    *analysis.Pass
	on      map[string]bool
	inspect *inspector.Inspector

	// defs maps a variable to every value assigned to it in the package
	// (declaration or assignment), for a small flow-insensitive def-use walk.
	defs map[*types.Var][]def
	// sets maps a variable to field stores and mutating setter calls made
	// through it (cfg.Region = …, sess.Config.WithSTSRegionalEndpoint(…)).
	sets map[*types.Var][]fieldSet
	// params holds function parameters: values from outside the function.
	params map[*types.Var]bool
	// decls maps this package's functions to their declarations, in
	// declOrder (source order, for deterministic fact export); facts
	// memoises what they return.
	decls     map[*types.Func]*ast.FuncDecl
	declOrder []*types.Func
	facts     map[*types.Func]*confFact
	// toSTS memoises which parameters of a function reach
	// sts.NewFromConfig.
	toSTS map[*types.Func][]int
	// callsTo indexes this package's calls by callee, built on demand.
	callsTo map[*types.Func][]*ast.CallExpr
	cfg     *Config

	// envRegional reports whether the package sets
	// AWS_STS_REGIONAL_ENDPOINTS=regional with os.Setenv.
	envRegional bool

	// Cursors of every call, composite literal and assignment, for the
	// checks to examine once the index is complete.
	calls []inspector.Cursor
	lits  []inspector.Cursor
	asgns []inspector.Cursor

	// src caches file contents read for statement deletions.
	src map[string][]byte

	reported map[string]bool
	ignores  *ignores
}

// A def is one value assigned to a variable: rhs, or element index of the
// tuple rhs returns (index >= 0); index is zeroValue for a declaration
// without a value (var x T).
type def struct {
	rhs   ast.Expr
	index int
}

const zeroValue = -2

// A fieldSet is a store into a field reached through a variable, either an
// assignment (path "Config.Region") or a v1 aws.Config With* setter.
type fieldSet struct {
	path  string
	value ast.Expr
}

func run(pass *analysis.Pass, cfg *Config) (_ any, err error) {
	// An unexpected code shape must never crash the user's build: turn a
	// bug of ours into an analysis error naming the package.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error analysing %s (please report it): %v", pass.Pkg.Path(), r)
		}
	}()
	// Never report inside the SDKs: their endpoint tables and internals
	// legitimately mention the global host.
	if sdk.IsAWSPath(sdk.Path(pass.Pkg)) && !cfg.includeSDK {
		return nil, nil
	}
	// Cheap exit: a package that imports no AWS SDK package and whose files
	// contain no string literal mentioning amazonaws can hold no finding,
	// because every check needs either SDK types or a constant STS host.
	// With facts, drivers run the analyzer on every dependency too, so this
	// path must stay cheap: the inspector is built only past it (requiring
	// the inspect pass would build one for every dependency, the SDK's huge
	// endpoint tables included).
	if !importsAWS(pass.Pkg) && (inGOROOT(pass) || !mentionsAmazonaws(pass.Files)) {
		return nil, nil
	}
	// Directives matter only where findings can be; malformed ones are
	// reported there too.
	on := cfg.enabled()
	ig := scanIgnores(pass.Fset, pass.Files, func(pos, end token.Pos, msg string) {
		if on[BadDirective] {
			chk, _ := checkByID(BadDirective)
			pass.Report(analysis.Diagnostic{Pos: pos, End: end, Category: chk.Category, URL: chk.URL(), Message: BadDirective + ": " + msg})
		}
	})
	in := inspector.New(pass.Files)
	c := &checker{
		pass:     pass,
		on:       on,
		ignores:  ig,
		inspect:  in,
		defs:     map[*types.Var][]def{},
		sets:     map[*types.Var][]fieldSet{},
		params:   map[*types.Var]bool{},
		reported: map[string]bool{},
		src:      map[string][]byte{},
		decls:    map[*types.Func]*ast.FuncDecl{},
		facts:    map[*types.Func]*confFact{},
		toSTS:    map[*types.Func][]int{},
		cfg:      cfg,
	}
	c.index()
	c.scanEnv()
	c.checkLiterals()
	c.checkV1Clients()
	c.checkLegacy()
	c.checkResolverCalls()
	c.checkAWSGlobal()
	c.checkV2Overrides()
	c.exportFacts()
	return nil, nil
}

func importsAWS(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if sdk.IsAWSPath(sdk.Path(imp)) {
			return true
		}
	}
	return false
}

// goroot is the standard library source directory.
var goroot = filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)

// inGOROOT reports whether the package is part of the standard library,
// which never holds an STS endpoint: skipping its literal scan keeps the
// dependency walk that facts impose cheap.
func inGOROOT(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 {
		return false
	}
	name := pass.Fset.File(pass.Files[0].FileStart).Name()
	return strings.HasPrefix(name, goroot)
}

// mentionsAmazonaws reports whether any string literal of files contains
// "amazonaws" in any case.
func mentionsAmazonaws(files []*ast.File) bool {
	found := false
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && containsFold(lit.Value, "amazonaws") {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// containsFold reports whether s contains the lower-case ASCII string sub,
// ignoring ASCII case, without allocating.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// index walks the package once, recording assignments, field stores,
// parameters, and the calls, composite literals and assignments the checks
// examine afterwards (they need the complete def-use index).
func (c *checker) index() {
	info := c.pass.TypesInfo
	filter := []ast.Node{
		(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CallExpr)(nil),
		(*ast.CompositeLit)(nil), (*ast.FuncType)(nil), (*ast.RangeStmt)(nil),
		(*ast.FuncDecl)(nil),
	}
	for cur := range c.inspect.Root().Preorder(filter...) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if fn, ok := info.Defs[n.Name].(*types.Func); ok {
				c.decls[fn] = n
				c.declOrder = append(c.declOrder, fn)
			}
		case *ast.FuncType:
			for _, list := range []*ast.FieldList{n.Params, n.Results} {
				if list == nil {
					continue
				}
				for _, f := range list.List {
					for _, name := range f.Names {
						if v, ok := info.Defs[name].(*types.Var); ok {
							c.params[v] = true
						}
					}
				}
			}
		case *ast.RangeStmt:
			// Range variables take values the walk cannot follow.
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if v := c.localVar(e); v != nil {
					c.defs[v] = append(c.defs[v], def{rhs: nil})
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				v, ok := info.Defs[name].(*types.Var)
				if !ok {
					continue
				}
				switch {
				case len(n.Values) == len(n.Names):
					c.defs[v] = append(c.defs[v], def{rhs: n.Values[i], index: -1})
				case len(n.Values) == 1:
					c.defs[v] = append(c.defs[v], def{rhs: n.Values[0], index: i})
				default:
					// var x T: the zero value.
					c.defs[v] = append(c.defs[v], def{rhs: nil, index: zeroValue})
				}
			}
		case *ast.AssignStmt:
			c.asgns = append(c.asgns, cur)
			c.indexAssign(n)
		case *ast.CallExpr:
			c.calls = append(c.calls, cur)
			c.indexSetterCall(n)
		case *ast.CompositeLit:
			c.lits = append(c.lits, cur)
		}
	}
}

func (c *checker) indexAssign(n *ast.AssignStmt) {
	for i, lhs := range n.Lhs {
		var rhs ast.Expr
		index := -1
		switch {
		case len(n.Lhs) == len(n.Rhs):
			rhs = n.Rhs[i]
		case len(n.Rhs) == 1:
			rhs, index = n.Rhs[0], i
		}
		if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
			rhs = nil // x += …: not a value the walk follows
		}
		if v := c.localVar(lhs); v != nil {
			c.defs[v] = append(c.defs[v], def{rhs: rhs, index: index})
			continue
		}
		if root, path := c.fieldPath(lhs); root != nil && index == -1 {
			c.sets[root] = append(c.sets[root], fieldSet{path: path, value: rhs})
		}
	}
}

// v1Setters maps aws.Config setter methods to the field they store.
var v1Setters = map[string]string{
	"WithRegion":              "Region",
	"WithEndpoint":            "Endpoint",
	"WithSTSRegionalEndpoint": "STSRegionalEndpoint",
	"WithUseFIPSEndpoint":     "UseFIPSEndpoint",
}

// indexSetterCall records x.WithRegion(r) and x.Config.WithRegion(r): v1
// setters mutate their receiver as well as returning it.
func (c *checker) indexSetterCall(call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 1 {
		return
	}
	field, ok := v1Setters[sel.Sel.Name]
	if !ok || !sdk.IsMethod(c.pass.TypesInfo.Uses[sel.Sel], sdk.V1AWS, "Config", sel.Sel.Name) {
		return
	}
	var root *types.Var
	path := field
	if v := c.localVar(sel.X); v != nil {
		root = v
	} else if r, p := c.fieldPath(sel.X); r != nil {
		root, path = r, p+"."+field
	}
	if root != nil {
		c.sets[root] = append(c.sets[root], fieldSet{path: path, value: call.Args[0]})
	}
}

// localVar returns the variable e denotes if e is a plain identifier.
func (c *checker) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if v == nil || v.IsField() {
		return nil
	}
	return v
}

// fieldPath splits x.A.B (or (*x).A.B) into the variable x and "A.B".
func (c *checker) fieldPath(e ast.Expr) (*types.Var, string) {
	var parts []string
	for {
		e = ast.Unparen(e)
		switch x := e.(type) {
		case *ast.SelectorExpr:
			if sel, ok := c.pass.TypesInfo.Selections[x]; !ok || sel.Kind() != types.FieldVal {
				return nil, ""
			}
			parts = append(parts, x.Sel.Name)
			e = x.X
			continue
		case *ast.StarExpr:
			e = x.X
			continue
		case *ast.Ident:
			v := c.localVar(x)
			if v == nil || len(parts) == 0 {
				return nil, ""
			}
			for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
				parts[i], parts[j] = parts[j], parts[i]
			}
			return v, strings.Join(parts, ".")
		}
		return nil, ""
	}
}

// callee returns the function or method a call statically calls, or nil.
func (c *checker) callee(call *ast.CallExpr) *types.Func {
	fun := ast.Unparen(call.Fun)
	if ix, ok := fun.(*ast.IndexExpr); ok {
		fun = ix.X
	}
	var id *ast.Ident
	switch f := fun.(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return nil
	}
	switch obj := c.pass.TypesInfo.Uses[id].(type) {
	case *types.Func:
		return obj
	case *types.Var:
		// var newCreds = stscreds.NewCredentials: a function variable
		// that only ever holds one function is that function.
		return c.funcValue(obj)
	}
	return nil
}

// funcValue returns the function a variable always holds, if every
// assignment to it is the same function.
func (c *checker) funcValue(v *types.Var) *types.Func {
	if v.IsField() || c.params[v] {
		return nil
	}
	var fn *types.Func
	for _, d := range c.defs[v] {
		if d.index != -1 || d.rhs == nil {
			return nil
		}
		var id *ast.Ident
		switch x := ast.Unparen(d.rhs).(type) {
		case *ast.Ident:
			id = x
		case *ast.SelectorExpr:
			id = x.Sel
		default:
			return nil
		}
		f, ok := c.pass.TypesInfo.Uses[id].(*types.Func)
		if !ok || fn != nil && f != fn {
			return nil
		}
		fn = f
	}
	return fn
}

// report emits one diagnostic for check id at node n, once per position.
func (c *checker) report(id string, n ast.Node, msg string, fix *analysis.SuggestedFix) {
	if !c.on[id] || c.ignores.suppressed(c.pass.Fset, id, n.Pos()) {
		return
	}
	key := fmt.Sprintf("%s@%d", id, n.Pos())
	if c.reported[key] {
		return
	}
	c.reported[key] = true
	chk, _ := checkByID(id)
	d := analysis.Diagnostic{
		Pos:      n.Pos(),
		End:      n.End(),
		Category: chk.Category,
		URL:      chk.URL(),
		Message:  id + ": " + msg,
	}
	if fix != nil && len(fix.TextEdits) > 0 {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	c.pass.Report(d)
}

// inTestFile reports whether n is in a _test.go file.
func (c *checker) inTestFile(n ast.Node) bool {
	return strings.HasSuffix(c.pass.Fset.File(n.Pos()).Name(), "_test.go")
}

// fileOf returns the syntax tree of the file holding pos.
func (c *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
