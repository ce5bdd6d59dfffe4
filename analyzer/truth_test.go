package analyzer_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/stsregional/stsregional/analyzer"
)

// The SDK ground truth (issue 8): every executable case in testdata/mod (an
// exported func CaseXxx() any, or an implicit case: a function without
// parameters that returns a client, provider or request; see
// testdata/mod/truth/doc.go for the convention) is run against the real
// SDKs with a recording proxy, and the host the SDK calls decides what the
// analyzer must say about it.

// globalHost is the only global STS host (reference §5).
const globalHost = "sts.amazonaws.com"

// truthGoEnv is the environment of every go command the truth tests run on
// the fixture module: modules come from the module cache only.
var truthGoEnv = []string{"GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off"}

// A truthCase is one discovered case function.
type truthCase struct {
	key    string // import path "." function name
	pkg    *packages.Package
	decl   *ast.FuncDecl
	extra  []*ast.FuncDecl // declarations named by //truth:include
	runs   [][]string      // one environment delta per run
	noHost string          // the //truth:nohost reason, if any
	enable []string        // check IDs //truth:enable adds to the defaults
	flow   bool            // the case is under testdata/mod/flow (issue 8's classes)
	// implicit marks a function that is not a CaseXxx but can be run as
	// one: no parameters, and it returns a value the runner drives
	// (optionally with an error). The runner calls it through a wrapper
	// that a build overlay adds to its package; it runs once in the base
	// environment, and may send nothing (it cannot say //truth:nohost).
	implicit bool
	withErr  bool // an implicit case's results are (T, error)
}

// A truthRun is one execution of a case in one environment.
type truthRun struct {
	env    []string
	host   string
	via    string
	err    string
	stderr string
}

// TestSDKTruth runs every truth case against the real SDKs, offline, and
// asserts, per case: the SDK sent something unless the case says
// //truth:nohost; the case has a // want comment exactly when the SDK called
// sts.amazonaws.com in one of its runs; and the analyzer reports something
// inside the case exactly then (the class cases under testdata/mod/flow included). A disagreement names the case, the hosts and the diagnostics.
func TestSDKTruth(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "mod")
	pkgs := truthLoad(t, dir)
	cases := truthDiscover(t, pkgs)
	if len(cases) == 0 {
		t.Fatal("no truth case found in testdata/mod: the discovery or the convention is broken")
	}
	diags := truthDiagnostics(t, pkgs, analyzer.Analyzer)
	extra := truthExtraDiagnostics(t, pkgs, cases)
	runs := truthRunAll(t, dir, pkgs, cases)
	gaps := loadKnownGaps(t)
	keys := map[string]bool{}
	for _, c := range cases {
		keys[strings.TrimPrefix(c.key, "example.com/mod/")] = true
	}
	for k := range gaps.cases {
		if !keys[k] {
			t.Errorf("KNOWN_GAPS.txt names case %s, which does not exist", k)
		}
	}

	var agree, disagree int
	for _, c := range cases {
		rs := runs[c.key]
		global := false
		for _, r := range rs {
			if truthIsGlobal(r.host) {
				global = true
			}
		}
		inside := append(truthInside(c, diags), truthInside(c, truthEnabled(extra, c.enable))...)
		wants := append(truthWants(c), truthWantsOutside(c, inside)...)
		t.Run(strings.TrimPrefix(c.key, "example.com/mod/"), func(t *testing.T) {
			desc := truthDescribe(rs)
			t.Logf("SDK: %s; analyzer: %s", desc, truthFormat(c.pkg.Fset, inside))
			// The harness: every run either sent something or is declared
			// not to.
			for _, r := range rs {
				switch {
				case r.host == "" && c.noHost == "" && !c.implicit:
					t.Errorf("the SDK sent nothing (%s); if that is the SDK's behaviour, say so with //truth:nohost", desc)
				case r.host != "" && c.noHost != "":
					t.Errorf("declared //truth:nohost (%s) but the SDK called %s", c.noHost, desc)
				}
			}
			// The case's own expectations must agree with the SDK.
			if (len(wants) > 0) != global {
				t.Errorf("the case's // want comments (%d) disagree with the SDK: %s", len(wants), desc)
			}
			known := gaps.cases[strings.TrimPrefix(c.key, "example.com/mod/")]
			if (len(inside) > 0) != global {
				disagree++
				if known {
					t.Logf("known gap (testdata/mod/flow/KNOWN_GAPS.txt): analyzer and SDK disagree: SDK %s; analyzer diagnostics in %s: %s",
						desc, c.decl.Name.Name, truthFormat(c.pkg.Fset, inside))
					return
				}
				t.Errorf("analyzer and SDK disagree: SDK %s; analyzer diagnostics in %s: %s",
					desc, c.decl.Name.Name, truthFormat(c.pkg.Fset, inside))
				return
			}
			if known {
				t.Errorf("known gap %s agrees with the SDK now: delete its line from testdata/mod/flow/KNOWN_GAPS.txt", c.key)
			}
			agree++
		})
	}
	flow, implicit := truthCount(cases)
	t.Logf("%d cases (%d implicit, %d under flow/): analyzer agrees with the SDK on %d, disagrees on %d",
		len(cases), implicit, flow, agree, disagree)
}

func truthCount(cases []*truthCase) (flow, implicit int) {
	for _, c := range cases {
		if c.flow {
			flow++
		}
		if c.implicit {
			implicit++
		}
	}
	return flow, implicit
}

// truthLoad loads every package of the fixture module, class cases
// included, with syntax and types.
func truthLoad(t *testing.T, dir string) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax | packages.NeedModule,
		Dir:  dir,
		Env:  append(os.Environ(), truthGoEnv...),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatalf("loading %s: %v", dir, err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		t.Fatalf("%d errors loading %s", n, dir)
	}
	return pkgs
}

// truthDiagnostics runs the analyzer over pkgs and returns every diagnostic
// about an endpoint, with the file set of its package. STS000 findings are
// about suppression directives, not about where a client calls: a stale
// directive next to a regional client is not a global verdict.
func truthDiagnostics(t *testing.T, pkgs []*packages.Package, a *analysis.Analyzer) []analysis.Diagnostic {
	t.Helper()
	g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []analysis.Diagnostic
	for _, act := range g.Roots {
		if act.Err != nil {
			t.Fatalf("analyzer failed on %s: %v", act.Package.PkgPath, act.Err)
		}
		for _, d := range act.Diagnostics {
			if !strings.HasPrefix(d.Message, analyzer.BadDirective+":") {
				out = append(out, d)
			}
		}
	}
	return out
}

// truthExtraDiagnostics returns the findings of the checks that are off by
// default and that some case enables with //truth:enable, from one more run
// of the analyzer with just those checks on; nil when no case enables any.
func truthExtraDiagnostics(t *testing.T, pkgs []*packages.Package, cases []*truthCase) []analysis.Diagnostic {
	t.Helper()
	ids := map[string]bool{}
	for _, c := range cases {
		for _, id := range c.enable {
			ids[id] = true
		}
	}
	if len(ids) == 0 {
		return nil
	}
	cfg := analyzer.Config{}
	for id := range ids {
		cfg.Enable = append(cfg.Enable, id)
	}
	sort.Strings(cfg.Enable)
	a, err := analyzer.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return truthDiagnostics(t, pkgs, a)
}

// truthEnabled returns the diagnostics of ds whose check is one of ids.
func truthEnabled(ds []analysis.Diagnostic, ids []string) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, d := range ds {
		for _, id := range ids {
			if strings.HasPrefix(d.Message, id+":") {
				out = append(out, d)
			}
		}
	}
	return out
}

// truthDiscover finds every case in pkgs and parses its directives. Anything
// that looks like a case or a directive but is not valid fails the test:
// a typo must never drop a case silently.
func truthDiscover(t *testing.T, pkgs []*packages.Package) []*truthCase {
	t.Helper()
	var cases []*truthCase
	for _, p := range pkgs {
		for _, f := range p.Syntax {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok {
					continue
				}
				pos := p.Fset.Position(fd.Pos())
				named := fd.Recv == nil && truthIsCaseName(fd.Name.Name)
				directives := truthDirectives(fd.Doc)
				if !named {
					if len(directives) > 0 {
						t.Errorf("%s: //truth: directive on %s, which is not a case (func CaseXxx() any)", pos, fd.Name.Name)
					}
					if obj, ok := p.TypesInfo.Defs[fd.Name].(*types.Func); ok && fd.Recv == nil && fd.Name.Name != "init" {
						if drivable, withErr := truthDrivable(obj.Type().(*types.Signature)); drivable {
							cases = append(cases, &truthCase{
								key:      p.PkgPath + "." + fd.Name.Name,
								pkg:      p,
								decl:     fd,
								runs:     [][]string{truthImplicitEnv},
								flow:     strings.HasPrefix(p.PkgPath, "example.com/mod/flow/"),
								implicit: true,
								withErr:  withErr,
							})
						}
					}
					continue
				}
				obj, _ := p.TypesInfo.Defs[fd.Name].(*types.Func)
				if obj == nil || !truthIsCaseSig(obj.Type().(*types.Signature)) {
					t.Errorf("%s: %s is named like a truth case but is not func() any", pos, fd.Name.Name)
					continue
				}
				c := &truthCase{
					key:  p.PkgPath + "." + fd.Name.Name,
					pkg:  p,
					decl: fd,
					flow: strings.HasPrefix(p.PkgPath, "example.com/mod/flow/"),
				}
				for _, dir := range directives {
					verb, rest, _ := strings.Cut(dir, " ")
					rest = strings.TrimSpace(rest)
					switch verb {
					case "env":
						c.runs = append(c.runs, strings.Fields(rest))
						for _, kv := range strings.Fields(rest) {
							if k, _, ok := strings.Cut(kv, "="); !ok || k == "" {
								t.Errorf("%s: %s: //truth:env wants KEY=VALUE, got %q", pos, fd.Name.Name, kv)
							}
						}
					case "include":
						for _, name := range strings.Fields(rest) {
							d := truthLookupDecl(p, name)
							if d == nil {
								t.Errorf("%s: %s: //truth:include %s: no such function or method in %s", pos, fd.Name.Name, name, p.PkgPath)
								continue
							}
							c.extra = append(c.extra, d)
						}
					case "enable":
						for _, id := range strings.Fields(rest) {
							k, ok := truthCheck(id)
							switch {
							case !ok:
								t.Errorf("%s: %s: //truth:enable %s: no such check", pos, fd.Name.Name, id)
							case k.Default:
								t.Errorf("%s: %s: //truth:enable %s: the check is on by default", pos, fd.Name.Name, id)
							default:
								c.enable = append(c.enable, k.ID)
							}
						}
						if rest == "" {
							t.Errorf("%s: %s: //truth:enable needs check IDs", pos, fd.Name.Name)
						}
					case "nohost":
						if rest == "" {
							t.Errorf("%s: %s: //truth:nohost needs a reason", pos, fd.Name.Name)
						}
						c.noHost = rest
					default:
						t.Errorf("%s: %s: unknown directive //truth:%s", pos, fd.Name.Name, verb)
					}
				}
				if len(c.runs) == 0 {
					c.runs = [][]string{nil}
				}
				cases = append(cases, c)
			}
		}
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].key < cases[j].key })
	return cases
}

// truthCheck returns the check with the given ID.
func truthCheck(id string) (analyzer.Check, bool) {
	for _, k := range analyzer.Checks {
		if k.ID == id {
			return k, true
		}
	}
	return analyzer.Check{}, false
}

// truthIsCaseName reports whether name is Case followed by nothing or a
// character that is not lowercase, like go test's Test names.
func truthIsCaseName(name string) bool {
	if !strings.HasPrefix(name, "Case") {
		return false
	}
	if len(name) == 4 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(name[4:])
	return !unicode.IsLower(r)
}

func truthIsCaseSig(sig *types.Signature) bool {
	if sig.Params().Len() != 0 || sig.Results().Len() != 1 || sig.TypeParams().Len() != 0 {
		return false
	}
	iface, ok := sig.Results().At(0).Type().Underlying().(*types.Interface)
	return ok && iface.Empty()
}

// truthImplicitEnv is the environment of implicit cases: a deployed
// process has a Region, and us-east-1 is a legacy Region, the worst case
// for aws-sdk-go v1 (aws-sdk-go-v2 is regional in every Region). With no
// Region at all, aws-sdk-go v1 resolves STS as aws-global, global even
// with the regional setting; the analyzer leaves that to the runtime
// (reference §8, STSG-V1-EMPTY-REGION), and so does this environment.
var truthImplicitEnv = []string{"AWS_REGION=us-east-1"}

// truthDrivableTypes are the result types the runner drives (package
// truth's documentation), by type string; interfaces are listed through
// the SDK types that implement them.
var truthDrivableTypes = map[string]bool{
	"*github.com/aws/aws-sdk-go/service/sts.STS":                                  true,
	"*github.com/aws/aws-sdk-go/aws/credentials.Credentials":                      true,
	"*github.com/aws/aws-sdk-go/aws/credentials/stscreds.AssumeRoleProvider":      true,
	"*github.com/aws/aws-sdk-go/aws/credentials/stscreds.WebIdentityRoleProvider": true,
	"*github.com/aws/aws-sdk-go/aws/request.Request":                              true,
	"github.com/aws/aws-sdk-go/aws/endpoints.ResolvedEndpoint":                    true,
	"*github.com/aws/aws-sdk-go-v2/service/sts.Client":                            true,
	"*github.com/aws/aws-sdk-go-v2/service/sts.PresignClient":                     true,
	"*github.com/aws/aws-sdk-go-v2/credentials/stscreds.AssumeRoleProvider":       true,
	"*github.com/aws/aws-sdk-go-v2/credentials/stscreds.WebIdentityRoleProvider":  true,
	"*github.com/aws/aws-sdk-go-v2/aws.CredentialsCache":                          true,
	"*net/http.Request": true,
}

// truthDrivable reports whether a function with signature sig can run as
// an implicit case: no parameters, and results T or (T, error) where the
// runner drives T.
func truthDrivable(sig *types.Signature) (ok, withErr bool) {
	if sig.Params().Len() != 0 || sig.TypeParams().Len() != 0 {
		return false, false
	}
	res := sig.Results()
	switch res.Len() {
	case 1:
	case 2:
		if !types.Identical(res.At(1).Type(), types.Universe.Lookup("error").Type()) {
			return false, false
		}
		withErr = true
	default:
		return false, false
	}
	return truthDrivableTypes[types.TypeString(res.At(0).Type(), nil)], withErr
}

func truthDirectives(doc *ast.CommentGroup) []string {
	if doc == nil {
		return nil
	}
	var out []string
	for _, c := range doc.List {
		if s, ok := strings.CutPrefix(c.Text, "//truth:"); ok {
			out = append(out, strings.TrimSpace(s))
		}
	}
	return out
}

// truthDecls returns the declarations whose findings and want comments
// belong to the case: the case function and those it includes.
func (c *truthCase) truthDecls() []*ast.FuncDecl {
	return append([]*ast.FuncDecl{c.decl}, c.extra...)
}

// truthInside returns the diagnostics that belong to the case: reported
// inside the case function or a declaration it includes, or at package
// level with a related location there (issue 12: a literal in a package
// variable that flows into the case's endpoint is reported where it is
// written, and points at the sink). Positions are compared within one
// package, so a file set position identifies the file.
func truthInside(c *truthCase, diags []analysis.Diagnostic) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, d := range diags {
		if c.holds(d.Pos) {
			out = append(out, d)
			continue
		}
		if !truthPackageLevel(c.pkg, d.Pos) {
			continue // another function's finding
		}
		for _, r := range d.Related {
			if c.holds(r.Pos) {
				out = append(out, d)
				break
			}
		}
	}
	return out
}

// truthPackageLevel reports whether pos is outside every function
// declaration of p: in a package-level variable or constant.
func truthPackageLevel(p *packages.Package, pos token.Pos) bool {
	for _, f := range p.Syntax {
		if p.Fset.File(f.Pos()) != p.Fset.File(pos) {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && pos >= fd.Pos() && pos < fd.End() {
				return false
			}
		}
		return true
	}
	return false
}

// holds reports whether pos is inside the case function or a declaration
// it includes.
func (c *truthCase) holds(pos token.Pos) bool {
	for _, fd := range c.truthDecls() {
		if c.pkg.Fset.File(pos) == c.pkg.Fset.File(fd.Pos()) && pos >= fd.Pos() && pos < fd.End() {
			return true
		}
	}
	return false
}

// truthWantsOutside returns the // want comments on the lines of the
// diagnostics that belong to the case only by a related location.
func truthWantsOutside(c *truthCase, inside []analysis.Diagnostic) []*ast.Comment {
	var out []*ast.Comment
	for _, d := range inside {
		if c.holds(d.Pos) {
			continue
		}
		line := c.pkg.Fset.Position(d.Pos)
		for _, f := range c.pkg.Syntax {
			if c.pkg.Fset.File(f.Pos()) != c.pkg.Fset.File(d.Pos) {
				continue
			}
			for _, cg := range f.Comments {
				for _, cm := range cg.List {
					if p := c.pkg.Fset.Position(cm.Pos()); p.Line == line.Line && strings.HasPrefix(cm.Text, "// want ") {
						out = append(out, cm)
					}
				}
			}
		}
	}
	return out
}

// truthWants returns the // want comments inside the case function or a
// declaration it includes.
func truthWants(c *truthCase) []*ast.Comment {
	var out []*ast.Comment
	for _, fd := range c.truthDecls() {
		for _, f := range c.pkg.Syntax {
			if f.Pos() > fd.Pos() || f.End() < fd.End() {
				continue
			}
			for _, cg := range f.Comments {
				for _, cm := range cg.List {
					if cm.Pos() > fd.Pos() && cm.End() <= fd.End() && strings.HasPrefix(cm.Text, "// want ") {
						out = append(out, cm)
					}
				}
			}
		}
	}
	return out
}

// truthLookupDecl finds the declaration of a function (Name) or method
// (Type.Name) of p.
func truthLookupDecl(p *packages.Package, name string) *ast.FuncDecl {
	for _, f := range p.Syntax {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			got := fd.Name.Name
			if fd.Recv != nil && len(fd.Recv.List) == 1 {
				if fn, ok := p.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					recv := fn.Type().(*types.Signature).Recv().Type()
					if ptr, ok := recv.(*types.Pointer); ok {
						recv = ptr.Elem()
					}
					if named, ok := recv.(*types.Named); ok {
						got = named.Obj().Name() + "." + got
					}
				}
			}
			if got == name {
				return fd
			}
		}
	}
	return nil
}

func truthFormat(fset *token.FileSet, ds []analysis.Diagnostic) string {
	if len(ds) == 0 {
		return "none"
	}
	var b strings.Builder
	for i, d := range ds {
		if i > 0 {
			b.WriteString("; ")
		}
		p := fset.Position(d.Pos)
		fmt.Fprintf(&b, "%s:%d: %s", filepath.Base(p.Filename), p.Line, d.Message)
	}
	return b.String()
}

func truthDescribe(rs []truthRun) string {
	var parts []string
	for _, r := range rs {
		env := strings.Join(r.env, " ")
		if env == "" {
			env = "base environment"
		}
		what := "sent nothing"
		switch {
		case r.host != "":
			what = "called " + r.host + " (" + r.via + ")"
		case r.err != "":
			what = "sent nothing: " + r.err
		}
		parts = append(parts, "["+env+"] "+what)
	}
	return strings.Join(parts, "; ")
}

// truthRunAll builds the runners and runs every case in every one of its
// environments, in parallel, each run in its own process.
func truthRunAll(t *testing.T, dir string, pkgs []*packages.Package, cases []*truthCase) map[string][]truthRun {
	t.Helper()
	bins := truthBuildRunners(t, dir, pkgs, cases)
	type job struct {
		c   *truthCase
		i   int
		env []string
	}
	results := map[string][]truthRun{}
	var jobs []job
	for _, c := range cases {
		results[c.key] = make([]truthRun, len(c.runs))
		for i, env := range c.runs {
			jobs = append(jobs, job{c, i, env})
		}
	}
	var mu sync.Mutex
	sem := make(chan struct{}, 2*runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			r, err := truthRunOne(t.TempDir(), bins[j.c.pkg.PkgPath], j.c.key, j.env)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				t.Errorf("%s [%s]: %v", j.c.key, strings.Join(j.env, " "), err)
			}
			results[j.c.key][j.i] = r
		}()
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	return results
}

// truthRunOne runs one case in a fresh process whose environment is the
// base environment of package truth's documentation plus delta.
func truthRunOne(home, bin, key string, delta []string) (truthRun, error) {
	r := truthRun{env: delta}
	if err := os.WriteFile(filepath.Join(home, "token"), []byte("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0cnV0aCJ9."), 0o600); err != nil {
		return r, err
	}
	env := map[string]string{
		"HOME":                        home,
		"TMPDIR":                      home,
		"AWS_ACCESS_KEY_ID":           "AKIDTRUTHHARNESS",
		"AWS_SECRET_ACCESS_KEY":       "truth-harness-fake-secret",
		"AWS_CONFIG_FILE":             os.DevNull,
		"AWS_SHARED_CREDENTIALS_FILE": os.DevNull,
		"AWS_EC2_METADATA_DISABLED":   "true",
	}
	for _, kv := range delta {
		k, v, _ := strings.Cut(kv, "=")
		if v == "" {
			delete(env, k)
			continue
		}
		env[k] = strings.ReplaceAll(v, "$HOME", home)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, key)
	cmd.Env = []string{}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r.stderr = stderr.String()
	if err != nil {
		return r, fmt.Errorf("runner: %v\n%s", err, r.stderr)
	}
	var res struct{ Host, Via, Error string }
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		return r, fmt.Errorf("runner output %q: %v\n%s", stdout.String(), err, r.stderr)
	}
	r.host, r.via, r.err = res.Host, res.Via, res.Error
	return r, nil
}

// truthBuildRunners builds the runner binaries and returns, for every
// package with cases, the binary that runs them. Packages whose init
// functions (their own or those of packages of this module they import)
// would run in every process of a shared binary get a binary of their own;
// all other packages share one.
func truthBuildRunners(t *testing.T, dir string, pkgs []*packages.Package, cases []*truthCase) map[string]string {
	t.Helper()
	byPkg := map[string][]*truthCase{}
	var order []string
	for _, c := range cases {
		if _, ok := byPkg[c.pkg.PkgPath]; !ok {
			order = append(order, c.pkg.PkgPath)
		}
		byPkg[c.pkg.PkgPath] = append(byPkg[c.pkg.PkgPath], c)
	}
	groups := map[string][]string{} // binary name -> packages
	for _, path := range order {
		p := byPkg[path][0].pkg
		name := "shared"
		if truthHasInit(p, map[string]bool{}) {
			name = "own" + strconv.Itoa(len(groups))
		}
		groups[name] = append(groups[name], path)
	}
	tmp := t.TempDir()
	absDir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	bins := map[string]string{}
	names := make([]string, 0, len(groups))
	for n := range groups {
		names = append(names, n)
	}
	sort.Strings(names)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			bin, err := truthBuildRunner(dir, absDir, tmp, name, groups[name], byPkg)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				t.Error(err)
				return
			}
			for _, path := range groups[name] {
				bins[path] = bin
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	return bins
}

// truthBuildRunner builds one runner binary for the cases of pkgs: the
// committed package truth/runner plus a generated registry added through a
// build overlay, so nothing generated is ever written into the tree.
func truthBuildRunner(dir, absDir, tmp, name string, pkgs []string, byPkg map[string][]*truthCase) (string, error) {
	var src strings.Builder
	src.WriteString("// Code generated by TestSDKTruth. DO NOT EDIT.\n\npackage main\n\nimport (\n")
	for i, path := range pkgs {
		fmt.Fprintf(&src, "\tc%d %q\n", i, path)
	}
	src.WriteString(")\n\nfunc init() {\n")
	for i, path := range pkgs {
		for _, c := range byPkg[path] {
			fmt.Fprintf(&src, "\tcases[%q] = c%d.%s\n", c.key, i, truthEntry(c))
		}
	}
	src.WriteString("}\n")
	gen := filepath.Join(tmp, name+"_cases_gen.go")
	if err := os.WriteFile(gen, []byte(src.String()), 0o600); err != nil {
		return "", err
	}
	replace := map[string]string{filepath.Join(absDir, "truth", "runner", "cases_gen.go"): gen}
	for i, path := range pkgs {
		src, file := truthWrappers(byPkg[path])
		if src == "" {
			continue
		}
		w := filepath.Join(tmp, fmt.Sprintf("%s_wrappers_%d.go", name, i))
		if err := os.WriteFile(w, []byte(src), 0o600); err != nil {
			return "", err
		}
		replace[file] = w
	}
	overlay, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		return "", err
	}
	ov := filepath.Join(tmp, name+"_overlay.json")
	if err := os.WriteFile(ov, overlay, 0o600); err != nil {
		return "", err
	}
	bin := filepath.Join(tmp, name+"_runner")
	cmd := exec.Command("go", "build", "-overlay="+ov, "-o", bin, "./truth/runner")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), truthGoEnv...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building the truth runner %s: %v\n%s\ngenerated registry:\n%s", name, err, out, src.String())
	}
	return bin, nil
}

// truthEntry is the registry's function for c: the case itself, or the
// wrapper of an implicit case.
func truthEntry(c *truthCase) string {
	if c.implicit {
		return "TruthCase_" + c.decl.Name.Name
	}
	return c.decl.Name.Name
}

// truthWrappers returns the source of a file that exports a func() any
// wrapper for every implicit case of one package, and the path it takes in
// the overlay (a file name no package uses).
func truthWrappers(cases []*truthCase) (src, file string) {
	var b strings.Builder
	for _, c := range cases {
		if !c.implicit {
			continue
		}
		if b.Len() == 0 {
			fmt.Fprintf(&b, "// Code generated by TestSDKTruth. DO NOT EDIT.\n\npackage %s\n", c.pkg.Name)
			file = filepath.Join(filepath.Dir(c.pkg.GoFiles[0]), "zz_truth_wrappers_gen.go")
		}
		name := c.decl.Name.Name
		if c.withErr {
			fmt.Fprintf(&b, "\nfunc TruthCase_%s() any {\n\tv, err := %s()\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn v\n}\n", name, name)
		} else {
			fmt.Fprintf(&b, "\nfunc TruthCase_%s() any { return %s() }\n", name, name)
		}
	}
	return b.String(), file
}

// truthHasInit reports whether p, or a package of the fixture module it
// imports, declares an init function.
func truthHasInit(p *packages.Package, seen map[string]bool) bool {
	if seen[p.PkgPath] || !strings.HasPrefix(p.PkgPath, "example.com/mod/") {
		return false
	}
	seen[p.PkgPath] = true
	for _, f := range p.Syntax {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "init" {
				return true
			}
		}
	}
	for _, imp := range p.Imports {
		if truthHasInit(imp, seen) {
			return true
		}
	}
	return false
}

// truthIsGlobal reports whether host is the global STS host: host names
// are case-insensitive, and a trailing dot names the same host.
func truthIsGlobal(host string) bool {
	return strings.TrimSuffix(strings.ToLower(host), ".") == globalHost
}
