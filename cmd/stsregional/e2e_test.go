package main

// End-to-end tests: build the stsregional binary once, then run it on a copy
// of the fixture module testdata/e2e (real aws-sdk-go and aws-sdk-go-v2) as a
// standalone checker, as a go vet tool and as a go fix tool.
//
// The go command runs with GOPROXY=off: the fixture's modules must already be
// in the module cache (.ci/run downloads them).

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

var (
	binPath string // the stsregional binary under test
	shared  string // a read-only copy of testdata/e2e
)

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	tmp, err := os.MkdirTemp("", "stsregional-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(tmp)

	binPath = filepath.Join(tmp, "bin", "stsregional")
	if runtime.GOOS == "windows" {
		binPath += ".exe"
	}
	build := exec.Command("go", "build", "-o", binPath, ".")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building stsregional: %v\n%s", err, out)
		return 1
	}
	shared = filepath.Join(tmp, "shared")
	if err := copyDir(filepath.Join("..", "..", "testdata", "e2e"), shared); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}

// fixture returns a fresh writable copy of testdata/e2e.
func fixture(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "e2e")
	if err := copyDir(filepath.Join("..", "..", "testdata", "e2e"), dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// result is the outcome of one command.
type result struct {
	code           int
	stdout, stderr string
}

func (r result) out() string { return r.stdout + r.stderr }

// run runs name with args in dir, in an environment that keeps the go
// command off the network and out of any enclosing workspace. It fails the
// test if the command could not start or if its output shows a Go crash.
func run(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"GOFLAGS=-mod=mod",
		"GOPROXY=off",
		"GOWORK=off",
		"GOTOOLCHAIN=local",
	)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	default:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	for _, crash := range []string{"panic:", "goroutine ", "runtime error"} {
		if strings.Contains(r.out(), crash) {
			t.Errorf("%s %s: output shows a crash (%q):\n%s", name, strings.Join(args, " "), crash, r.out())
		}
	}
	return r
}

// stsregional runs the binary under test in dir.
func stsregional(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return run(t, dir, binPath, args...)
}

func wantCode(t *testing.T, r result, want int, what string) {
	t.Helper()
	if r.code != want {
		t.Errorf("%s: exit code %d, want %d; output:\n%s", what, r.code, want, r.out())
	}
}

func wantContains(t *testing.T, r result, what string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(r.out(), s) {
			t.Errorf("%s: output lacks %q:\n%s", what, s, r.out())
		}
	}
}

// The findings package has one finding of each of these checks, each with a
// suggested fix.
var fixtureIDs = []string{"STS001", "STS003", "STS004"}

// skipIfShort skips tests that run go build, go vet or go fix on the
// fixture: each takes well over 10 s with a cold build cache.
func skipIfShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("slow with a cold build cache; skipped in -short mode")
	}
}

func TestStandaloneFindings(t *testing.T) {
	t.Parallel()
	r := stsregional(t, shared, "./findings")
	wantCode(t, r, 3, "stsregional ./findings")
	wantContains(t, r, "stsregional ./findings", fixtureIDs...)
	wantContains(t, r, "stsregional ./findings", "v1.go:", "v2.go:", "legacy.go:")

	// Findings go to stdout, for pipes (stsregional ./... | grep STS004).
	for _, id := range fixtureIDs {
		if !strings.Contains(r.stdout, id) || strings.Contains(r.stderr, id) {
			t.Errorf("%s: not on stdout alone:\n--- stdout:\n%s--- stderr:\n%s", id, r.stdout, r.stderr)
		}
	}

	r = stsregional(t, shared, "./...")
	wantCode(t, r, 3, "stsregional ./...")
	wantContains(t, r, "stsregional ./...", fixtureIDs...)

	r = stsregional(t, shared, "-c=1", "./findings")
	wantCode(t, r, 3, "stsregional -c=1 ./findings")
	wantContains(t, r, "stsregional -c=1", "endpoints.LegacySTSEndpoint")
}

func TestStandaloneClean(t *testing.T) {
	t.Parallel()
	r := stsregional(t, shared, "./clean")
	wantCode(t, r, 0, "stsregional ./clean")
	if r.out() != "" {
		t.Errorf("stsregional ./clean printed:\n%s", r.out())
	}
}

func TestJSON(t *testing.T) {
	t.Parallel()
	r := stsregional(t, shared, "-json", "./findings")
	wantCode(t, r, 0, "stsregional -json") // -json always exits 0 without errors
	type diag struct {
		Category       string            `json:"category"`
		Check          string            `json:"check"`
		Posn           string            `json:"posn"`
		Message        string            `json:"message"`
		SuggestedFixes []json.RawMessage `json:"suggested_fixes"`
	}
	var tree map[string]map[string][]diag
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("-json output does not parse: %v\n%s", err, r.stdout)
	}
	diags := tree["example.com/e2e/findings"]["stsregional"]
	for _, id := range fixtureIDs {
		found := false
		for _, d := range diags {
			if strings.HasPrefix(d.Message, id) {
				found = true
				if d.Category == "" || d.Posn == "" || d.Check != id {
					t.Errorf("%s: diagnostic lacks category, position or check ID: %+v", id, d)
				}
				if len(d.SuggestedFixes) == 0 {
					t.Errorf("%s: diagnostic has no suggested fix: %s", id, d.Message)
				}
			}
		}
		if !found {
			t.Errorf("-json output has no %s diagnostic:\n%s", id, r.stdout)
		}
	}
	// -format=json is -json.
	f := stsregional(t, shared, "-format=json", "./findings")
	wantCode(t, f, 0, "stsregional -format=json")
	if f.stdout != r.stdout {
		t.Errorf("-format=json printed:\n%s\nwant what -json prints:\n%s", f.stdout, r.stdout)
	}
	for _, args := range [][]string{{"-json", "-format=sarif"}, {"-json", "-format=text"}, {"-format=json", "-fix"}} {
		r := stsregional(t, shared, append(args, "./findings")...)
		wantCode(t, r, 2, strings.Join(args, " "))
	}
}

func TestVersion(t *testing.T) {
	t.Parallel()
	for _, flag := range []string{"-version", "--version"} {
		r := stsregional(t, shared, flag)
		wantCode(t, r, 0, flag)
		if !strings.HasPrefix(r.stdout, "stsregional ") || strings.Count(r.stdout, "\n") != 1 {
			t.Errorf("%s printed %q, want one line \"stsregional VERSION\"", flag, r.stdout)
		}
	}
}

// go vet and go fix query the tool with -V=full and -flags.
func TestVetProtocol(t *testing.T) {
	t.Parallel()
	r := stsregional(t, shared, "-V=full")
	wantCode(t, r, 0, "-V=full")
	if !strings.Contains(r.stdout, " version ") || !strings.Contains(r.stdout, "buildID=") {
		t.Errorf("-V=full printed %q, want \"NAME version ... buildID=...\"", r.stdout)
	}

	r = stsregional(t, shared, "-flags")
	wantCode(t, r, 0, "-flags")
	var flags []struct{ Name string }
	if err := json.Unmarshal([]byte(r.stdout), &flags); err != nil {
		t.Fatalf("-flags output does not parse: %v\n%s", err, r.stdout)
	}
	have := map[string]bool{}
	for _, f := range flags {
		have[f.Name] = true
	}
	for _, name := range []string{"enable", "disable", "stsregional.enable", "stsregional.disable", "json", "c", "diff"} {
		if !have[name] {
			t.Errorf("-flags does not list %q: %s", name, r.stdout)
		}
	}
}

func TestSelectChecks(t *testing.T) {
	t.Parallel()
	r := stsregional(t, shared, "-disable="+strings.Join(fixtureIDs, ","), "./findings")
	wantCode(t, r, 0, "-disable of every fixture check")

	r = stsregional(t, shared, "-disable", "sts001,STS003", "./findings")
	wantCode(t, r, 3, "-disable STS001,STS003")
	wantContains(t, r, "-disable STS001,STS003", "STS004")
	if strings.Contains(r.out(), "STS001") || strings.Contains(r.out(), "STS003") {
		t.Errorf("-disable STS001,STS003 still reports them:\n%s", r.out())
	}

	r = stsregional(t, shared, "-enable=STS004", "./findings")
	wantCode(t, r, 3, "-enable=STS004")
	wantContains(t, r, "-enable=STS004", "STS004")
	if strings.Contains(r.out(), "STS001") || strings.Contains(r.out(), "STS003") {
		t.Errorf("-enable=STS004 reports other checks:\n%s", r.out())
	}
}

// Bad input gives a short, clear error and a non-zero exit, never a crash
// (run fails the test on "panic:" or "goroutine " in the output).
func TestBadInput(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args     []string
		code     int
		mention  string
		maxLines int // 0: no limit
	}{
		{[]string{"-disable=STS999", "./..."}, 2, "STS999", 2},
		{[]string{"-disable", "STS999", "./..."}, 2, "STS999", 2},
		{[]string{"-enable=STS001,bogus", "./..."}, 2, "bogus", 2},
		{[]string{"-stsregional.disable=STS999", "./..."}, 2, "STS999", 2},
		{[]string{"-nosuchflag", "./..."}, 2, "-nosuchflag", 2},
		{[]string{"-V=bad"}, 1, "-V=full", 2},
		{[]string{"./nonexistent"}, 1, "nonexistent", 3},
		{[]string{"example.com/e2e/nomatch/..."}, 1, "matched no packages", 3},
		{[]string{}, 1, "Usage", 0},
	} {
		what := "stsregional " + strings.Join(tc.args, " ")
		r := stsregional(t, shared, tc.args...)
		wantCode(t, r, tc.code, what)
		wantContains(t, r, what, tc.mention)
		if lines := strings.Count(strings.TrimSpace(r.out()), "\n") + 1; tc.maxLines > 0 && lines > tc.maxLines {
			t.Errorf("%s: %d lines of output, want at most %d:\n%s", what, lines, tc.maxLines, r.out())
		}
	}
}

func TestBrokenPackages(t *testing.T) {
	t.Parallel()
	dir := fixture(t)
	write(t, filepath.Join(dir, "typeerr", "t.go"), "package typeerr\n\nvar X int = \"s\"\n")
	write(t, filepath.Join(dir, "syntaxerr", "s.go"), "package syntaxerr\n\nfunc {\n")

	r := stsregional(t, dir, "./typeerr")
	wantCode(t, r, 1, "stsregional on a type error")
	wantContains(t, r, "stsregional on a type error", "t.go:3", "cannot use")

	// A syntax error is one line, in every mode.
	for _, args := range [][]string{{}, {"-json"}, {"-fix"}, {"-fix", "-diff"}, {"-format=sarif"}, {"-inventory"}} {
		what := "stsregional " + strings.Join(args, " ") + " on a syntax error"
		r = stsregional(t, dir, append(args, "./syntaxerr")...)
		wantCode(t, r, 1, what)
		wantContains(t, r, what, "s.go:3")
		if n := strings.Count(strings.TrimSpace(r.stderr), "\n") + 1; n != 1 {
			t.Errorf("%s: %d lines on stderr, want 1:\n%s", what, n, r.stderr)
		}
		if len(args) > 0 && args[0] == "-json" {
			continue // the JSON of the packages that loaded, here none
		}
		if r.stdout != "" {
			t.Errorf("%s: stdout:\n%s", what, r.stdout)
		}
	}

	// A file that is not UTF-8 is a load error too, reported in one line.
	write(t, filepath.Join(dir, "latin1", "l.go"), "package latin1\n\nconst s = \"caf\xe9\"\n")
	r = stsregional(t, dir, "./latin1")
	wantCode(t, r, 1, "stsregional on a file that is not UTF-8")
	wantContains(t, r, "stsregional on a file that is not UTF-8", "l.go:3", "UTF-8")
	if strings.Contains(r.out(), "goroutine") || strings.Contains(r.out(), "panic") {
		t.Errorf("stack trace on a file that is not UTF-8:\n%s", r.out())
	}

	// Errors win over findings: exit 1, and the good package is still checked.
	r = stsregional(t, dir, "./...")
	wantCode(t, r, 1, "stsregional ./... with broken packages")
	wantContains(t, r, "stsregional ./... with broken packages", fixtureIDs...)

	r = run(t, dir, "go", "vet", "-vettool="+binPath, "./typeerr")
	if r.code == 0 {
		t.Errorf("go vet on a type error: exit 0; output:\n%s", r.out())
	}
}

func TestGoVet(t *testing.T) {
	skipIfShort(t)
	t.Parallel()
	vet := func(args ...string) result {
		return run(t, shared, "go", append([]string{"vet", "-vettool=" + binPath}, args...)...)
	}

	r := vet("./...")
	if r.code == 0 {
		t.Errorf("go vet ./...: exit 0 despite findings; output:\n%s", r.out())
	}
	wantContains(t, r, "go vet ./...", fixtureIDs...)

	r = vet("./clean")
	wantCode(t, r, 0, "go vet ./clean")

	// Flags pass through, in both spellings.
	r = vet("-stsregional.disable="+strings.Join(fixtureIDs, ","), "./...")
	wantCode(t, r, 0, "go vet -stsregional.disable=...")
	r = vet("-disable="+strings.Join(fixtureIDs, ","), "./...")
	wantCode(t, r, 0, "go vet -disable=...")
	r = vet("-stsregional.enable=STS004", "./findings")
	if r.code == 0 || !strings.Contains(r.out(), "STS004") || strings.Contains(r.out(), "STS001") {
		t.Errorf("go vet -stsregional.enable=STS004: exit %d, want non-zero with STS004 only:\n%s", r.code, r.out())
	}

	// A bad check ID is reported once per package checked, not once per
	// dependency.
	r = vet("-stsregional.disable=STS999", "./findings")
	if r.code == 0 {
		t.Errorf("go vet with an unknown check ID: exit 0:\n%s", r.out())
	}
	if n := strings.Count(r.out(), "unknown check ID \"STS999\""); n != 1 {
		t.Errorf("go vet with an unknown check ID: reported %d times, want once:\n%s", n, r.out())
	}

	r = vet("-json", "./findings")
	wantCode(t, r, 0, "go vet -json")
	wantContains(t, r, "go vet -json", `"suggested_fixes"`, "STS004")
}

func TestFix(t *testing.T) {
	skipIfShort(t)
	t.Parallel()
	dir := fixture(t)

	r := stsregional(t, dir, "-fix", "-diff", "./...")
	wantCode(t, r, 0, "stsregional -fix -diff")
	wantContains(t, r, "stsregional -fix -diff", "+", "endpoints.RegionalSTSEndpoint")
	if got := read(t, filepath.Join(dir, "findings", "legacy.go")); !strings.Contains(got, "LegacySTSEndpoint") {
		t.Errorf("-fix -diff changed legacy.go")
	}

	r = stsregional(t, dir, "-fix", "./...")
	wantCode(t, r, 0, "stsregional -fix")
	checkFixed(t, dir)
}

func TestGoFix(t *testing.T) {
	skipIfShort(t)
	t.Parallel()
	dir := fixture(t)

	r := run(t, dir, "go", "fix", "-fixtool="+binPath, "-diff", "./...")
	if r.code == 0 {
		t.Errorf("go fix -diff: exit 0, want 1 with a non-empty diff:\n%s", r.out())
	}
	wantContains(t, r, "go fix -diff", "endpoints.RegionalSTSEndpoint")

	r = run(t, dir, "go", "fix", "-fixtool="+binPath, "./...")
	wantCode(t, r, 0, "go fix")
	checkFixed(t, dir)
}

// checkFixed checks that the fixes were applied in dir, that the module
// still builds and that the checker has nothing more to say.
func checkFixed(t *testing.T, dir string) {
	t.Helper()
	legacy := read(t, filepath.Join(dir, "findings", "legacy.go"))
	if strings.Contains(legacy, "LegacySTSEndpoint") || !strings.Contains(legacy, "RegionalSTSEndpoint") {
		t.Errorf("STS004 not fixed:\n%s", legacy)
	}
	v1 := read(t, filepath.Join(dir, "findings", "v1.go"))
	if !strings.Contains(v1, "STSRegionalEndpoint: endpoints.RegionalSTSEndpoint") ||
		!strings.Contains(v1, `"github.com/aws/aws-sdk-go/aws/endpoints"`) {
		t.Errorf("STS003 not fixed (field and import):\n%s", v1)
	}
	v2 := read(t, filepath.Join(dir, "findings", "v2.go"))
	if strings.Contains(v2, "sts.amazonaws.com") {
		t.Errorf("STS001 not fixed:\n%s", v2)
	}

	r := run(t, dir, "go", "build", "./...")
	wantCode(t, r, 0, "go build after the fixes")
	r = run(t, dir, "go", "vet", "./...")
	wantCode(t, r, 0, "go vet (default analyzers) after the fixes")

	r = stsregional(t, dir, "./...")
	wantCode(t, r, 0, "stsregional after the fixes")
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
