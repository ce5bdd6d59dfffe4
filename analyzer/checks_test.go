package analyzer_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/stsregional/stsregional/analyzer"
)

// The per-check tests run the analyzer over testdata/mod/<check>/..., a
// module that requires the real AWS SDK modules (aws-sdk-go v1.55.8,
// aws-sdk-go-v2 v1.47.7, config v1.33.15, credentials v1.20.15,
// service/sts v1.51.8, smithy-go v1.28.8). analysistest loads it in module
// mode with GOPROXY=off, so the module cache must already hold them: run
//
//	cd analyzer/testdata/mod && go mod download
//
// once. Every expected diagnostic is a `// want "STS00N"` comment; every
// line without one asserts that nothing is reported there. The fixes of
// the files under <check>/fix/ are applied and compared with the .golden
// files beside them.

// mod is the real-SDK test module.
func mod() string { return filepath.Join(analysistest.TestData(), "mod") }

// Loading the real SDKs from source dominates the cost of these tests, so
// every per-check folder is analysed in one run (and every fix/ folder in
// one run with fixes), and each test reports the problems found under its
// own folder.
var (
	shared     sync.Once
	sharedErrs []string
	// sharedResults are the analysis results of every package of the
	// shared runs: TestMessageLength reads their diagnostics.
	sharedResults []*analysistest.Result
	// fixResults are the results of the fix/ folders' runs.
	fixResults []*analysistest.Result
)

// recorder collects analysistest's errors.
type recorder struct{ errs *[]string }

func (r recorder) Errorf(format string, args ...any) {
	*r.errs = append(*r.errs, fmt.Sprintf(format, args...))
}

// folders are the test folders of the shared runs.
var folders = regexp.MustCompile(`^(sts\d{3}|matching|config)$`)

func runShared() {
	entries, _ := os.ReadDir(mod())
	var plain, fixes []string
	for _, e := range entries {
		if !e.IsDir() || !folders.MatchString(e.Name()) {
			continue
		}
		sub, _ := os.ReadDir(filepath.Join(mod(), e.Name()))
		for _, s := range sub {
			switch {
			case !s.IsDir():
				plain = append(plain, "./"+e.Name())
			case s.Name() == "fix":
				fixes = append(fixes, "./"+e.Name()+"/fix/...")
			default:
				plain = append(plain, "./"+e.Name()+"/"+s.Name()+"/...")
			}
		}
	}
	rec := recorder{&sharedErrs}
	// The folder of a check that is off by default runs with that check
	// on as well: its // want comments are about it.
	var offPlain, offFixes []string
	var enable []string
	plain, offPlain = splitOff(plain, &enable)
	fixes, offFixes = splitOff(fixes, &enable)
	run := func(rs []*analysistest.Result) { sharedResults = append(sharedResults, rs...) }
	runFix := func(rs []*analysistest.Result) { run(rs); fixResults = append(fixResults, rs...) }
	run(analysistest.Run(rec, mod(), analyzer.Analyzer, dedup(plain)...))
	runFix(analysistest.RunWithSuggestedFixes(rec, mod(), analyzer.Analyzer, fixes...))
	if len(enable) > 0 {
		for _, k := range analyzer.Checks {
			if k.Default {
				enable = append(enable, k.ID)
			}
		}
		a, err := analyzer.New(analyzer.Config{Enable: enable})
		if err != nil {
			rec.Errorf("%v", err)
			return
		}
		run(analysistest.Run(rec, mod(), a, dedup(offPlain)...))
		runFix(analysistest.RunWithSuggestedFixes(rec, mod(), a, offFixes...))
	}
}

// splitOff moves the patterns under the folder of a check that is off by
// default from patterns to off, adding the check's ID to enable.
func splitOff(patterns []string, enable *[]string) (on, off []string) {
	for _, pat := range patterns {
		folder, _, _ := strings.Cut(strings.TrimPrefix(pat, "./"), "/")
		k, ok := checkOf(folder)
		if !ok || k.Default {
			on = append(on, pat)
			continue
		}
		off = append(off, pat)
		if !slices.Contains(*enable, k.ID) {
			*enable = append(*enable, k.ID)
		}
	}
	return on, off
}

// checkOf returns the check whose test folder is folder.
func checkOf(folder string) (analyzer.Check, bool) {
	for _, k := range analyzer.Checks {
		if strings.ToLower(k.ID) == folder {
			return k, true
		}
	}
	return analyzer.Check{}, false
}

func dedup(list []string) []string {
	var out []string
	for i, s := range list {
		if i == 0 || s != list[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// runCheck reports the shared runs' problems under testdata/mod/dir: its
// // want comments, and the .golden files of its fix/ folder. Problems that
// name no file (a failed load) are reported by every test.
func runCheck(t *testing.T, dir string) {
	t.Helper()
	shared.Do(runShared)
	sep := string(filepath.Separator)
	in := filepath.Join("testdata", "mod", dir) + sep
	for _, e := range sharedErrs {
		if strings.Contains(e, in) || !strings.Contains(e, filepath.Join("testdata", "mod")+sep) {
			t.Error(e)
		}
	}
}

// TestSTS000 covers the suppression directives: malformed and unused
// directives (STS000 findings), and the line and file forms suppressing
// findings of other checks.
func TestSTS000(t *testing.T) { runCheck(t, "sts000") }

// TestSTS001 covers constant global endpoints in endpoint sinks, traced
// request URLs, and uses of the global host that are not endpoints; and
// (generated/) that findings in generated files are not reported by
// default while values flowing out of them are analysed.
func TestSTS001(t *testing.T) { runCheck(t, "sts001") }

// TestSTS002 covers v1 sessions that are not provably regional, through
// variables, helpers, wrappers, package variables and facts across
// packages, per path (conditional/) and with the process environment
// (procenv/).
func TestSTS002(t *testing.T) { runCheck(t, "sts002") }

// TestSTS003 covers v1 clients with a Region but not the regional setting,
// and configs that flow through MergeIn, Copy and reassignments
// (configflow/).
func TestSTS003(t *testing.T) { runCheck(t, "sts003") }

// TestSTS004 covers the legacy STS mode selected explicitly.
func TestSTS004(t *testing.T) { runCheck(t, "sts004") }

// TestSTS005 covers v1 EndpointFor calls (discarded results included) and
// custom v1 resolvers.
func TestSTS005(t *testing.T) { runCheck(t, "sts005") }

// TestSTS006 covers aws-global and empty Regions reaching STS clients.
func TestSTS006(t *testing.T) { runCheck(t, "sts006") }

// TestSTS007 covers v2 resolver overrides, and v2 code that is clean.
func TestSTS007(t *testing.T) { runCheck(t, "sts007") }

// TestSTS008 covers v1 sessions whose default credential chain builds an
// STS client (web identity, assume-role profiles); the check is off by
// default, so its folder runs with it on.
func TestSTS008(t *testing.T) { runCheck(t, "sts008") }

// TestMatching covers how SDK objects are recognised whatever their names:
// renamed and dot imports, a local package called sts, shadowed names,
// generic helpers; and fixes that reuse aliased and dot imports.
func TestMatching(t *testing.T) { runCheck(t, "matching") }

// TestConfigFolder checks the // want comments of the gating fixture under
// the default configuration (config_test.go runs the other ones).
func TestConfigFolder(t *testing.T) { runCheck(t, "config") }

// maxMessage is the longest diagnostic message allowed: a finding is one
// headline of about 100 characters (the check ID included); the background
// is in the check's Doc, shown by -explain and docs/checks/.
const maxMessage = 120

// TestMessageLength keeps every diagnostic of the shared runs, every check
// and branch the test module covers, a one-line headline.
func TestMessageLength(t *testing.T) {
	shared.Do(runShared)
	n, longest := 0, ""
	for _, r := range sharedResults {
		for _, d := range r.Diagnostics {
			n++
			if len(d.Message) > len(longest) {
				longest = d.Message
			}
			pos := r.Action.Package.Fset.Position(d.Pos)
			if len(d.Message) > maxMessage {
				t.Errorf("%s: message of %d characters (at most %d): %s", pos, len(d.Message), maxMessage, d.Message)
			}
			if strings.Contains(d.Message, "\n") {
				t.Errorf("%s: message spans lines: %q", pos, d.Message)
			}
			if os.Getenv("STSREGIONAL_DUMP_MESSAGES") != "" {
				fmt.Printf("MSG\t%d\t%s\n", len(d.Message), d.Message)
			}
		}
	}
	// The shared runs report hundreds of findings; none means the runs
	// failed to load and the test above checked nothing.
	if n < 100 {
		t.Fatalf("the shared runs reported %d diagnostics, want at least 100", n)
	}
	t.Logf("%d diagnostics, longest %d characters: %s", n, len(longest), longest)
}

// TestIncludeGenerated runs testdata/mod/generated with Config.IncludeGenerated:
// the findings of its generated file are reported, directives there
// included. sts001/generated is the same code under the default.
func TestIncludeGenerated(t *testing.T) {
	a, err := analyzer.New(analyzer.Config{IncludeGenerated: true})
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, mod(), a, "./generated")
}

// TestLayout keeps the test module's layout: one folder per check, and
// every other top-level folder run by a known test, so that no // want
// comment goes unchecked.
func TestLayout(t *testing.T) {
	for _, c := range analyzer.Checks {
		if _, err := os.Stat(filepath.Join(mod(), strings.ToLower(c.ID))); err != nil {
			t.Errorf("check %s has no test folder: %v", c.ID, err)
		}
	}
	// Folders of other tests: flow/ holds the flow classes of issue 8 and
	// truth/ the ground-truth harness (both run by truth_test.go);
	// inventory/ the routes only the inventory lists (inventory_test.go);
	// generated/ runs with -include-generated (TestIncludeGenerated);
	// related/ the findings whose routes end elsewhere (related_test.go).
	known := regexp.MustCompile(`^(sts\d{3}|matching|config|flow|truth|inventory|generated|related)$`)
	entries, err := os.ReadDir(mod())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() && !known.MatchString(e.Name()) && holdsGo(filepath.Join(mod(), e.Name())) {
			t.Errorf("testdata/mod/%s is run by no test: move it into a check's folder", e.Name())
		}
	}
}

// holdsGo reports whether dir holds a Go file at any depth.
func holdsGo(dir string) bool {
	found := false
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
			found = true
			return filepath.SkipAll
		}
		return nil
	})
	return found
}
