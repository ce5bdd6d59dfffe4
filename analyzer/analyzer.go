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

	"github.com/stsregional/stsregional/analyzer/internal/fix"
	"github.com/stsregional/stsregional/analyzer/internal/flow"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
	"github.com/stsregional/stsregional/internal/inventory"
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
		Doc:  analyzerDoc(),
		URL:  DocURL,
		// Facts describe the v1 sessions and configs that functions return
		// and package-level variables hold.
		FactTypes: []analysis.Fact{(*flow.SessionFact)(nil), (*flow.ValueFact)(nil), (*flow.EnvFact)(nil), (*flow.WrapperFact)(nil), (*flow.ResolverFact)(nil)},
		Run:       func(pass *analysis.Pass) (any, error) { return run(pass, cfg) },
	}
	// A fresh FlagSet per analyzer, so tests and drivers never share state.
	a.Flags.Init(Name, flag.ContinueOnError)
	a.Flags.Var(idList{&cfg.Enable}, "enable", "comma-separated check IDs to run instead of the defaults (e.g. STS001,STS004)")
	a.Flags.Var(idList{&cfg.Disable}, "disable", "comma-separated check IDs not to run")
	// The flag's default is the configured value: BoolVar stores it.
	a.Flags.BoolVar(&cfg.Inventory, "inventory", cfg.Inventory,
		"list every STS route (client, credential provider, presign client, hand-built request) and its endpoint instead of the findings, with -format=text, json or markdown (under go vet: as diagnostics of category "+inventory.Category+")")
	a.Flags.BoolVar(&cfg.AssumeEnvRegional, "assume-env-regional", cfg.AssumeEnvRegional,
		"treat aws-sdk-go v1 sessions that read the environment (NewSession, NewSessionWithOptions, and sessions from parameters or helpers) as regional, for code bases that set AWS_STS_REGIONAL_ENDPOINTS=regional in every deployment")
	a.Flags.BoolVar(&cfg.IncludeGenerated, "include-generated", cfg.IncludeGenerated,
		`report findings in generated files ("// Code generated ... DO NOT EDIT.") too; by default they are skipped, as golangci-lint does`)
	return a
}

// A pass is one run of the checks over one package: the analysis pass, the
// flow results every check reads, and the reporting state.
type pass struct {
	*analysis.Pass
	flow *flow.Flow
	on   map[string]bool

	directives *directives
	// reported maps "id@pos" to the index of its diagnostic in diags: the
	// findings are held until the checks have run, so that a finding
	// reached by several routes carries all of them (related.go).
	reported map[string]int
	diags    []analysis.Diagnostic
	// routeList caches the package's STS routes (inventory.go), which
	// both the related locations and the inventory read.
	routeList *[]route

	// inventory reports the STS routes too (inventory.go); noted holds the
	// findings the routes refer to.
	inventory bool
	noted     []noted
	// src caches file contents read for statement deletions.
	src map[string][]byte
	// uses indexes the uses of imports, for the import deletions of
	// fixes; built on the first fix.
	uses *fix.Uses
	// generated holds the generated files whose findings are dropped
	// (none with Config.IncludeGenerated).
	generated map[*token.File]bool
	// consts indexes the package's constants for STS001's placement;
	// built on the first finding that needs it.
	consts *consts
}

func run(ap *analysis.Pass, cfg *Config) (_ any, err error) {
	// An unexpected code shape must never crash the user's build: turn a
	// bug of ours into an analysis error naming the package.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error analysing %s (please report it): %v", ap.Pkg.Path(), r)
		}
	}()
	// Never report inside the SDKs: their endpoint tables and internals
	// legitimately mention the global host.
	if sdk.IsAWSPath(sdk.Path(ap.Pkg)) && !cfg.includeSDK {
		return nil, nil
	}
	// Cheap exit: a package that imports no AWS SDK package and whose files
	// contain no string literal that can become an STS endpoint or Region
	// (stsValueLiteral) can hold no finding, because every check needs
	// either SDK types or a constant STS host, and can export no fact a
	// caller's STS client depends on (its results hold no such constant).
	// With facts, drivers run the analyzer on every dependency too, so this
	// path must stay cheap: the inspector is built only past it (requiring
	// the inspect pass would build one for every dependency, the SDK's huge
	// endpoint tables included).
	if !importsAWS(ap.Pkg) && (inGOROOT(ap) || !stsValueLiteral(ap.Files)) {
		return nil, nil
	}
	p := &pass{
		Pass:      ap,
		on:        cfg.enabled(),
		reported:  map[string]int{},
		inventory: cfg.Inventory,
		src:       map[string][]byte{},
		generated: map[*token.File]bool{},
	}
	if !cfg.IncludeGenerated {
		for _, f := range ap.Files {
			if ast.IsGenerated(f) {
				p.generated[ap.Fset.File(f.FileStart)] = true
			}
		}
	}
	// Directives matter only where findings can be; they are parsed before
	// any check runs so that every report can consult them.
	p.directives = scanDirectives(ap.Fset, ap.Files, !cfg.DriverHandlesNolint)
	p.flow = flow.New(ap, inspector.New(ap.Files), flow.Options{AssumeEnvRegional: cfg.AssumeEnvRegional})
	for _, c := range Checks {
		if p.on[c.ID] && c.ID != BadDirective {
			c.Run(p)
		}
	}
	// STS000 runs last: it reports the directives that suppressed nothing.
	if p.on[BadDirective] {
		checkDirectives(p)
	}
	for _, d := range p.diags {
		p.Report(d)
	}
	if p.inventory {
		p.reportRoutes()
	}
	p.flow.Facts.ExportFacts()
	p.flow.Facts.ExportValueFacts()
	p.flow.Env.ExportEnvFact()
	p.flow.Facts.ExportWrapperFacts()
	p.flow.Resolvers.ExportResolverFacts()
	return nil, nil
}

// report emits one diagnostic for check id at node n, once per position,
// unless the check is disabled or a directive suppresses it. related are
// the other ends of the finding's routes (related.go); a second report at
// the same position adds its related locations to the first.
func (p *pass) report(id string, n ast.Node, msg string, fix *analysis.SuggestedFix, related ...analysis.RelatedInformation) {
	if !p.on[id] || p.inGenerated(n.Pos()) {
		return
	}
	suppressed := p.directives.suppress(p.Fset, id, n.Pos())
	p.note(id, n, suppressed, related)
	if suppressed {
		return
	}
	key := fmt.Sprintf("%s@%d", id, n.Pos())
	if i, ok := p.reported[key]; ok {
		p.diags[i].Related = addRelated(p.diags[i].Related, related...)
		return
	}
	p.reported[key] = len(p.diags)
	chk, _ := checkByID(id)
	d := analysis.Diagnostic{
		Pos:      n.Pos(),
		End:      n.End(),
		Category: chk.Category,
		URL:      chk.URL(),
		Message:  id + ": " + msg,
		Related:  addRelated(nil, related...),
	}
	if fix != nil && len(fix.TextEdits) > 0 && !p.editsGenerated(fix) {
		d.SuggestedFixes = []analysis.SuggestedFix{p.pruneImports(*fix)}
	}
	p.diags = append(p.diags, d)
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

// stsValueLiteral reports whether a string literal of files (outside the
// imports) can be, or be a piece of, an STS endpoint or Region: it
// contains "aws" in any case at a word's start or after "amazon"
// (amazonaws, "amazon"+"aws.com", aws-global), or a Region name. Such a literal may flow into an STS sink here or,
// through a function's result, in the packages that import this one.
func stsValueLiteral(files []*ast.File) bool {
	found := false
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ImportSpec:
				return false
			case *ast.BasicLit:
				if n.Kind == token.STRING && (hasAWS(n.Value) || hasRegionShape(n.Value)) {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// hasRegionShape reports whether s contains a Region name.
func hasRegionShape(s string) bool {
	data := []byte(s)
	for i := range data {
		if regionShapeAt(data, i) {
			return true
		}
	}
	return false
}

// hasAWS reports whether the literal text s holds "aws" where an STS
// value can (awsAt).
func hasAWS(s string) bool {
	b := []byte(s)
	for i := range b {
		if awsAt(b, i) {
			return true
		}
	}
	return false
}

// inGenerated reports whether pos is in a generated file whose findings are
// dropped. Their fixes are not built either where that would cost file
// reads (see source).
func (p *pass) inGenerated(pos token.Pos) bool {
	return len(p.generated) > 0 && pos.IsValid() && p.generated[p.Fset.File(pos)]
}

// editsGenerated reports whether fix edits a generated file (the session a
// finding's fix would change may be built there): no driver applies such
// a fix.
func (p *pass) editsGenerated(fix *analysis.SuggestedFix) bool {
	for _, e := range fix.TextEdits {
		if p.inGenerated(e.Pos) {
			return true
		}
	}
	return false
}

// inTestFile reports whether n is in a _test.go file.
func (p *pass) inTestFile(n ast.Node) bool {
	return strings.HasSuffix(p.Fset.File(n.Pos()).Name(), "_test.go")
}

// fileOf returns the syntax tree of the file holding pos.
func (p *pass) fileOf(pos token.Pos) *ast.File {
	for _, f := range p.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
