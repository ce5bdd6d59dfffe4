package integration_test

// Tests of the golangci-lint v2 module plugin with the real golangci-lint
// v2.15.0: testdata/gcl is the binary `golangci-lint custom` builds from
// .custom-gcl.yml (golangci-lint's main plus a blank import of gclplugin),
// built through the module proxy instead of a git clone of GitHub, the way
// the README tells users to (gclBuildRecipe). The build takes minutes cold, so the binary is cached outside the test's temporary
// directories (next to GOCACHE), keyed by a hash of everything compiled
// into it from this repository; set STSREGIONAL_GOLANGCI_LINT to use a
// binary built elsewhere.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// gclBuildRecipe is the README's recipe for building the custom
// golangci-lint without golangci-lint custom (which clones golangci-lint
// from GitHub): testdata/gcl is golangci-lint v2.15.0's main package plus
// the plugin's import, with go.mod and go.sum; copied, with its replace
// directive pointing at a checkout of stsregional, it builds through the
// module proxy alone. The README must contain it verbatim.
const gclBuildRecipe = `cp -R /path/to/stsregional/integration/testdata/gcl tools/custom-gcl
cd tools/custom-gcl
go mod edit -module example.com/custom-gcl -replace github.com/stsregional/stsregional=/path/to/stsregional
go build -trimpath -o ../../bin/custom-gcl .
`

func TestGolangciBuildRecipeInREADME(t *testing.T) {
	if readme := readDocs(t); !strings.Contains(readme, gclBuildRecipe) {
		t.Errorf("the documentation (README.md, docs/) lacks the custom golangci-lint build recipe:\n%s", gclBuildRecipe)
	}
}

var gclBuild struct {
	once sync.Once
	path string
	err  error
}

// golangciLint returns the path of the custom golangci-lint binary, building
// it if the cache has none for the current sources.
func golangciLint(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds golangci-lint (minutes when cold): skipped with -short")
	}
	if p := os.Getenv("STSREGIONAL_GOLANGCI_LINT"); p != "" {
		return p
	}
	root := repoRoot(t)
	gclBuild.once.Do(func() {
		gclBuild.path, gclBuild.err = buildGolangciLint(t, root)
	})
	if gclBuild.err != nil {
		t.Fatal(gclBuild.err)
	}
	return gclBuild.path
}

func buildGolangciLint(t *testing.T, root string) (string, error) {
	key, err := gclKey(root)
	if err != nil {
		return "", fmt.Errorf("hashing the plugin sources: %w", err)
	}
	base := gclCacheDir(t)
	dir := filepath.Join(base, key)
	bin := filepath.Join(dir, exe("custom-gcl"))
	if _, err := os.Stat(bin); err == nil {
		t.Logf("using cached golangci-lint %s", bin)
		return private(bin)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	tmp := fmt.Sprintf("%s.tmp%d", bin, os.Getpid())
	// Build it as the README tells a user to, in a repository of their own:
	// copy testdata/gcl, point its replace directive at this checkout, go
	// build.
	user := filepath.Join(tmpRoot, "gcl-user")
	if err := os.MkdirAll(user, 0o755); err != nil {
		return "", err
	}
	script := "set -e\nmkdir -p tools\n" + strings.NewReplacer(
		"/path/to/stsregional", shellQuote(root),
		"../../bin/custom-gcl", shellQuote(tmp),
	).Replace(gclBuildRecipe)
	cmd := exec.Command("sh", "-c", script)
	cmd.Dir = user
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
	start := time.Now()
	out, err := cmd.CombinedOutput()
	if err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("building golangci-lint in %s:\n%s\n%v\n%s\n"+
			"(if go.sum entries are missing after a change of the requirements of testdata/gcl, run go mod tidy there)",
			user, script, err, out)
	}
	t.Logf("built golangci-lint %s in %v", bin, time.Since(start).Round(time.Second))
	if err := os.Rename(tmp, bin); err != nil {
		return "", err
	}
	// Binaries are about 70 MB: remove those of sources unused for a day
	// (not sooner: test runs on other versions of the sources may be using
	// them).
	if entries, err := os.ReadDir(base); err == nil {
		for _, e := range entries {
			if info, err := e.Info(); err == nil && e.Name() != key && time.Since(info.ModTime()) > 24*time.Hour {
				os.RemoveAll(filepath.Join(base, e.Name()))
			}
		}
	}
	return private(bin)
}

// private links (or copies) bin into this process's temporary directory, so
// that the tests keep their binary even if another run prunes the cache.
func private(bin string) (string, error) {
	now := time.Now()
	os.Chtimes(filepath.Dir(bin), now, now) // mark the entry as in use
	dst := filepath.Join(tmpRoot, "bin", filepath.Base(bin))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return "", err
	}
	if err := os.Link(bin, dst); err == nil {
		return dst, nil
	}
	return dst, copyFile(bin, dst, 0o755)
}

// gclCacheDir is where built binaries are kept between runs: next to
// GOCACHE, so that CI caching the Go build cache's parent keeps it too.
func gclCacheDir(t *testing.T) string {
	if c := goEnv(t, "GOCACHE"); c != "" && c != "off" {
		return filepath.Join(filepath.Dir(c), "stsregional-gcl")
	}
	if c, err := os.UserCacheDir(); err == nil {
		return filepath.Join(c, "stsregional-gcl")
	}
	return filepath.Join(os.TempDir(), "stsregional-gcl")
}

// gclKey hashes what goes into the binary: the Go version, the recipe, the gcl module
// (main package, go.mod, go.sum), this module's go.mod and go.sum, and the
// source files of every package of this module that gclplugin imports.
func gclKey(root string) (string, error) {
	h := sha256.New()
	for _, v := range []string{"GOVERSION", "GOOS", "GOARCH"} {
		out, err := exec.Command("go", "env", v).Output()
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s=%s", v, out)
	}
	h.Write([]byte(gclBuildRecipe))
	files := []string{
		filepath.Join(root, "go.mod"),
		filepath.Join(root, "go.sum"),
	}
	gcl := filepath.Join(root, "integration", "testdata", "gcl")
	entries, err := os.ReadDir(gcl)
	if err != nil {
		return "", err
	}
	for _, e := range entries {
		if !e.IsDir() {
			files = append(files, filepath.Join(gcl, e.Name()))
		}
	}
	list := exec.Command("go", "list", "-deps", "-f",
		`{{if and .Module .Module.Main}}{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}{{"\n"}}{{end}}{{range .EmbedFiles}}{{$d}}/{{.}}{{"\n"}}{{end}}{{end}}`,
		"./gclplugin")
	list.Dir = root
	list.Env = append(os.Environ(), "GOWORK=off")
	out, err := list.Output()
	if err != nil {
		return "", fmt.Errorf("go list: %v", err)
	}
	files = append(files, strings.Fields(string(out))...)
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		rel, _ := filepath.Rel(root, f)
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:20], nil
}

// gclConfig is a .golangci.yml running only stsregional, with settings (a
// YAML mapping body, or "" for none) under
// linters.settings.custom.stsregional.settings, and extra top-level YAML.
func gclConfig(settings string, extra ...string) string {
	var b strings.Builder
	b.WriteString(`version: "2"
linters:
  default: none
  enable:
    - stsregional
  settings:
    custom:
      stsregional:
        type: module
        description: Reports AWS STS calls that go to the global endpoint.
        original-url: https://github.com/stsregional/stsregional
`)
	if settings != "" {
		b.WriteString("        settings:\n")
		for _, line := range strings.Split(strings.TrimSpace(settings), "\n") {
			b.WriteString("          " + line + "\n")
		}
	}
	b.WriteString(`issues:
  max-issues-per-linter: 0
  max-same-issues: 0
`)
	for _, e := range extra {
		b.WriteString(e)
	}
	return b.String()
}

// gclIssue is an issue of golangci-lint's JSON output.
type gclIssue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename     string
		Line, Column int
	}
}

// key is "file:line ID", e.g. "v1/v1.go:15 STS003".
func (i gclIssue) key() string {
	id, _, _ := strings.Cut(i.Text, ":")
	return fmt.Sprintf("%s:%d %s", filepath.ToSlash(i.Pos.Filename), i.Pos.Line, id)
}

// gclRun runs golangci-lint with config in a fresh copy of testdata/awsmod
// (or in dir, if not empty) and returns the result and the parsed issues.
func gclRun(t *testing.T, bin, dir, config string, args ...string) (string, result, []gclIssue) {
	t.Helper()
	if dir == "" {
		dir = fixture(t, "awsmod")
	}
	writeFile(t, filepath.Join(dir, ".golangci.yml"), config)
	jsonOut := filepath.Join(t.TempDir(), "issues.json")
	// --allow-parallel-runners: other test processes (go test ./... runs
	// packages in parallel) may run golangci-lint at the same time.
	args = append([]string{"run", "--allow-parallel-runners", "--output.json.path=" + jsonOut, "--output.text.path=stdout"}, args...)
	args = append(args, "./...")
	// A cache per run: results of one configuration never leak into another.
	r := run(t, dir, offlineEnv(t, "GOLANGCI_LINT_CACHE="+t.TempDir()), bin, args...)
	var issues []gclIssue
	if b, err := os.ReadFile(jsonOut); err == nil {
		var report struct{ Issues []gclIssue }
		if err := json.Unmarshal(b, &report); err != nil {
			t.Fatalf("parsing golangci-lint JSON output: %v\n%s", err, b)
		}
		issues = report.Issues
	}
	return dir, r, issues
}

var idText = regexp.MustCompile(`^STS\d{3}: `)

// checkIssues checks that every issue comes from stsregional with a check ID,
// that want are all reported and that none of the keys in notWant, or of the
// file prefixes in notWant ending in "/", are.
func checkIssues(t *testing.T, r result, issues []gclIssue, want, notWant []string) {
	t.Helper()
	got := map[string]bool{}
	for _, i := range issues {
		got[i.key()] = true
		if i.FromLinter != "stsregional" {
			t.Errorf("issue from linter %q, want stsregional: %+v", i.FromLinter, i)
		}
		if !idText.MatchString(i.Text) {
			t.Errorf("issue text %q does not start with a check ID", i.Text)
		}
		for _, nw := range notWant {
			if strings.HasSuffix(nw, "/") && strings.HasPrefix(i.key(), nw) {
				t.Errorf("unexpected issue in %s: %s", nw, i.key())
			}
		}
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("missing issue %s", w)
		}
	}
	for _, nw := range notWant {
		if got[nw] {
			t.Errorf("unexpected issue %s", nw)
		}
	}
	if t.Failed() {
		t.Logf("issues: %v\n%s", keys(got), r)
	}
}

func keys(m map[string]bool) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// The findings in testdata/awsmod, as "file:line ID".
const (
	v1RegionOnly = "v1/v1.go:15 STS003"
	v1Legacy     = "v1/v1.go:22 STS004"
	v1FromEnv    = "v1/v1.go:30 STS002"
	v2BaseURL    = "v2/v2.go:20 STS001"
	v2Global     = "v2/v2.go:28 STS007"
	suppressed   = "suppressed/" // //nolint:stsregional
)

var allFindings = []string{v1RegionOnly, v1Legacy, v1FromEnv, v2BaseURL, v2Global}

func TestGolangciLintFindings(t *testing.T) {
	bin := golangciLint(t)
	_, r, issues := gclRun(t, bin, "", gclConfig(""))
	if r.code != 1 {
		t.Errorf("exit code %d, want 1 (issues found)\n%s", r.code, r)
	}
	checkIssues(t, r, issues, allFindings, []string{suppressed})
	// The text output names the linter and the check ID.
	if !strings.Contains(r.stdout, "STS003: ") || !strings.Contains(r.stdout, "(stsregional)") {
		t.Errorf("text output lacks the check ID or linter name:\n%s", r)
	}
}

func TestGolangciLintNolint(t *testing.T) {
	bin := golangciLint(t)
	dir := fixture(t, "awsmod")
	// Without the directive the line is reported: the suppression is what
	// hides it.
	path := filepath.Join(dir, "suppressed", "suppressed.go")
	src := readFile(t, path)
	if !strings.Contains(src, "//nolint:stsregional") {
		t.Fatal("fixture lacks //nolint:stsregional")
	}
	writeFile(t, path, strings.Replace(src, "//nolint:stsregional", "// lint:", 1))
	_, r, issues := gclRun(t, bin, dir, gclConfig(""))
	checkIssues(t, r, issues, []string{"suppressed/suppressed.go:14 STS003"}, nil)

	writeFile(t, path, src)
	_, r, issues = gclRun(t, bin, dir, gclConfig(""))
	checkIssues(t, r, issues, []string{v1RegionOnly}, []string{suppressed})
}

func TestGolangciLintSettings(t *testing.T) {
	bin := golangciLint(t)
	for _, tc := range []struct {
		name     string
		settings string
		want     []string
		notWant  []string
	}{
		{"disable", "disable: [STS004]",
			[]string{v1RegionOnly, v1FromEnv, v2BaseURL, v2Global}, []string{v1Legacy, suppressed}},
		{"enable", "enable: [STS004, sts007]",
			[]string{v1Legacy, v2Global}, []string{v1RegionOnly, v1FromEnv, v2BaseURL, suppressed}},
		{"disable wins", "enable: [STS003, STS004]\ndisable: [STS003]",
			[]string{v1Legacy}, []string{v1RegionOnly, v1FromEnv, v2BaseURL, v2Global}},
		{"assume-env-regional", "assume-env-regional: true",
			[]string{v1Legacy, v2BaseURL, v2Global}, []string{v1RegionOnly, v1FromEnv, suppressed}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, r, issues := gclRun(t, bin, "", gclConfig(tc.settings))
			if r.code != 1 {
				t.Errorf("exit code %d, want 1\n%s", r.code, r)
			}
			checkIssues(t, r, issues, tc.want, tc.notWant)
			// "enable" lists exactly the checks that run.
			if tc.name == "enable" {
				for _, i := range issues {
					if id := i.key()[strings.LastIndex(i.key(), " ")+1:]; id != "STS004" && id != "STS007" {
						t.Errorf("issue of a check not enabled: %s", i.key())
					}
				}
			}
		})
	}
}

func TestGolangciLintBadSettings(t *testing.T) {
	bin := golangciLint(t)
	for _, tc := range []struct {
		name     string
		settings string
		want     []string
	}{
		{"mistyped key", "disabel: [STS004]", []string{"stsregional", `unknown key "disabel"`}},
		{"list as string", "disable: STS004", []string{"stsregional", `key "disable"`}},
		{"unknown check ID", "disable: [STS999]", []string{"stsregional", `unknown check ID "STS999"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, r, issues := gclRun(t, bin, "", gclConfig(tc.settings))
			// exitcodes.Failure: the linter could not be built.
			if r.code != 3 {
				t.Errorf("exit code %d, want 3 (failure)\n%s", r.code, r)
			}
			if len(issues) != 0 {
				t.Errorf("issues reported despite invalid settings: %v", issues)
			}
			out := r.stdout + r.stderr
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output does not mention %q\n%s", w, r)
				}
			}
		})
	}
}

// goimportsFormatter makes golangci-lint run --fix format the files it fixed
// with goimports, which removes imports the fixes left unused.
const goimportsFormatter = `formatters:
  enable:
    - goimports
`

func TestGolangciLintFix(t *testing.T) {
	bin := golangciLint(t)
	t.Run("goimports", func(t *testing.T) {
		dir := gclFix(t, bin, goimportsFormatter)
		// The fixed module still builds and vets.
		env := offlineEnv(t)
		mustRun(t, dir, env, "go", "build", "./...")
		mustRun(t, dir, env, "go", "vet", "./...")
		gclRecheck(t, bin, dir, goimportsFormatter)
	})
	// Without a formatter golangci-lint writes the edits as they are: unlike
	// go vet -fix and the stsregional command, it does not remove an import
	// that several fixes together left unused (here: deleting both uses of
	// aws-sdk-go-v2/aws in v2.go). The README asks for the goimports
	// formatter; check that this is the only problem.
	t.Run("no formatter", func(t *testing.T) {
		dir := gclFix(t, bin)
		r := run(t, dir, offlineEnv(t), "go", "build", "./...")
		if r.code == 0 {
			gclRecheck(t, bin, dir)
			return
		}
		for _, line := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
			if strings.HasPrefix(line, "#") || strings.HasSuffix(line, "imported and not used") {
				continue
			}
			t.Errorf("fixed module does not build:\n%s", r)
			break
		}
		t.Logf("without the goimports formatter the fixes leave unused imports:\n%s", r.stderr)
	})
}

// gclFix runs golangci-lint run --fix on a copy of testdata/awsmod, checks
// that the fixes were applied and returns the directory.
func gclFix(t *testing.T, bin string, extra ...string) string {
	t.Helper()
	dir, r, _ := gclRun(t, bin, "", gclConfig("", extra...), "--fix")
	if r.code > 1 {
		t.Fatalf("golangci-lint run --fix failed:\n%s", r)
	}
	suppressedSrc := readFile(t, filepath.Join("testdata", "awsmod", "suppressed", "suppressed.go"))
	if got := readFile(t, filepath.Join(dir, "suppressed", "suppressed.go")); got != suppressedSrc {
		t.Errorf("--fix changed a suppressed finding's file:\n%s", got)
	}
	v1 := readFile(t, filepath.Join(dir, "v1", "v1.go"))
	if strings.Contains(v1, "LegacySTSEndpoint") || strings.Count(v1, "endpoints.RegionalSTSEndpoint") < 2 {
		t.Errorf("v1 fixes not applied:\n%s", v1)
	}
	v2 := readFile(t, filepath.Join(dir, "v2", "v2.go"))
	if strings.Contains(v2, "sts.amazonaws.com") || strings.Contains(v2, "UseGlobalEndpoint") {
		t.Errorf("v2 fixes not applied:\n%s", v2)
	}
	if t.Failed() {
		t.Logf("fixed v1.go:\n%s\nfixed v2.go:\n%s", v1, v2)
	}
	return dir
}

// gclRecheck runs golangci-lint again on the fixed module in dir: the fixed
// findings are gone.
func gclRecheck(t *testing.T, bin, dir string, extra ...string) {
	t.Helper()
	_, r, issues := gclRun(t, bin, dir, gclConfig("", extra...))
	fixed := []string{v1RegionOnly, v1Legacy, v1FromEnv, v2BaseURL, v2Global, suppressed}
	checkIssues(t, r, issues, nil, fixed)
	if r.code != 0 {
		t.Errorf("golangci-lint on the fixed module: exit code %d, want 0\n%s", r.code, r)
	}
}

// The example configuration in the repository root works as shipped: its
// plugin settings decode and the custom binary reports every finding with
// it. It adds stsregional to golangci-lint's default linters, whose own
// reports on the fixture (staticcheck's SA1019 on aws-sdk-go v1) are not
// this test's business: --enable-only runs stsregional alone.
func TestGolangciLintExampleConfig(t *testing.T) {
	bin := golangciLint(t)
	example := readFile(t, filepath.Join(repoRoot(t), ".golangci.example.yml"))
	_, r, issues := gclRun(t, bin, "", example, "--enable-only=stsregional")
	if r.code != 1 {
		t.Errorf("exit code %d, want 1 (issues found)\n%s", r.code, r)
	}
	checkIssues(t, r, issues, allFindings, []string{suppressed})
}
