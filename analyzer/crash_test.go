package analyzer

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	gochecker "golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

var crashFull = flag.Bool("crash.full", false, "run the crash-freedom test over every package of the SDKs, x/tools and the standard library (slow)")

// TestCrashFreedom runs the analyzer, with the SDK skip turned off, over
// real code that was not written for it: the AWS SDKs themselves,
// golang.org/x/tools and the standard library. There must be no panic
// (run turns one into an error), no analysis error, and no finding in the
// SDKs' endpoint tables, where sts.amazonaws.com is data, not a sink.
func TestCrashFreedom(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and analyses thousands of files")
	}
	sdkPatterns := []string{
		"github.com/aws/aws-sdk-go/aws/...",
		"github.com/aws/aws-sdk-go/service/sts/...",
		"github.com/aws/aws-sdk-go-v2/aws/...",
		"github.com/aws/aws-sdk-go-v2/config/...",
		"github.com/aws/aws-sdk-go-v2/credentials/...",
		"github.com/aws/aws-sdk-go-v2/service/sts/...",
	}
	otherPatterns := []string{"golang.org/x/tools/go/analysis/...", "golang.org/x/tools/go/packages/...", "net/...", "go/..."}
	if *crashFull {
		sdkPatterns = []string{
			"github.com/aws/aws-sdk-go/...",
			"github.com/aws/aws-sdk-go-v2/...",
			"github.com/aws/aws-sdk-go-v2/config/...",
			"github.com/aws/aws-sdk-go-v2/credentials/...",
			"github.com/aws/aws-sdk-go-v2/service/sts/...",
		}
		otherPatterns = []string{"golang.org/x/tools/...", "std"}
	}
	sdkPkgs := loadRoots(t, filepath.Join("testdata", "mod"), []string{"GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off"}, sdkPatterns...)
	otherPkgs := loadRoots(t, ".", nil, otherPatterns...)

	roots := append(sdkPkgs, otherPkgs...)
	// The shipped analyzer must stay silent in the SDKs and libraries.
	for _, act := range analyse(t, Analyzer, roots) {
		for _, d := range act.Diagnostics {
			t.Errorf("finding in SDK or library code: %s: %s", act.Package.Fset.Position(d.Pos), d.Message)
		}
	}
	// With the SDK skip off, every check meets code it was not written
	// for: it must not fail (a panic would surface as an error).
	pkgs, files, inner := 0, 0, 0
	for _, act := range analyse(t, newAnalyzer(&Config{includeSDK: true}), roots) {
		pkgs++
		files += len(act.Package.Syntax)
		inner += len(act.Diagnostics)
		for _, d := range act.Diagnostics {
			t.Logf("inside the SDK: %s: %s", act.Package.Fset.Position(d.Pos), d.Message)
		}
	}
	t.Logf("analysed %d packages, %d files; %d findings with the SDK skip off, none with it on", pkgs, files, inner)
}

// analyse runs a on roots (and, for facts, their dependencies) and returns
// its actions, failing the test on any analysis error.
func analyse(t *testing.T, a *analysis.Analyzer, roots []*packages.Package) []*gochecker.Action {
	t.Helper()
	graph, err := gochecker.Analyze([]*analysis.Analyzer{a}, roots, nil)
	if err != nil {
		t.Fatal(err)
	}
	var acts []*gochecker.Action
	for act := range graph.All() {
		if act.Analyzer != a {
			continue
		}
		if act.Err != nil {
			t.Errorf("%s: %v", act.Package.PkgPath, act.Err)
		}
		acts = append(acts, act)
	}
	return acts
}

func loadRoots(t *testing.T, dir string, env []string, patterns ...string) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Env: append(os.Environ(), env...)}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	// Packages whose dependencies the module does not provide (parts of
	// x/tools needing other modules) are not the point: skip every package
	// with an error in it or in a dependency.
	broken := map[*packages.Package]bool{}
	var visit func(p *packages.Package) bool
	seen := map[*packages.Package]bool{}
	visit = func(p *packages.Package) bool {
		if seen[p] {
			return broken[p]
		}
		seen[p] = true
		bad := len(p.Errors) > 0
		for _, imp := range p.Imports {
			if visit(imp) {
				bad = true
			}
		}
		broken[p] = bad
		return bad
	}
	var roots []*packages.Package
	for _, p := range pkgs {
		if visit(p) {
			t.Logf("skipped %s: it or a dependency does not load", p.PkgPath)
			continue
		}
		roots = append(roots, p)
	}
	if len(roots) == 0 {
		t.Fatalf("no package of %v loaded", patterns)
	}
	return roots
}
