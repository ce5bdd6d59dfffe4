package integration_test

// The route that works from a checkout before any release: go install
// ./cmd/stsregional in the checkout, then the installed binary standalone,
// under go vet and under go fix, as the README shows.

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var installed struct {
	once sync.Once
	dir  string
	err  string
}

// installFromCheckout runs `go install ./cmd/stsregional` in this checkout
// with GOBIN set to a temporary directory (once per test process) and
// returns that directory.
func installFromCheckout(t *testing.T) string {
	t.Helper()
	installed.once.Do(func() {
		gobin := filepath.Join(tmpRoot, "gobin")
		r := run(t, repoRoot(t), offlineEnv(t, "GOBIN="+gobin), "go", "install", "./cmd/stsregional")
		if r.code != 0 {
			installed.err = "go install ./cmd/stsregional in the checkout: " + r.String()
			return
		}
		installed.dir = gobin
	})
	if installed.err != "" {
		t.Fatal(installed.err)
	}
	return installed.dir
}

// pathWith returns env with dir first on PATH.
func pathWith(env []string, dir string) []string {
	path := os.Getenv("PATH")
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "PATH="); ok {
			path = v
		}
	}
	return append(env, "PATH="+dir+string(os.PathListSeparator)+path)
}

// The README's lines for an installed binary. `tool=$(command -v …) &&`
// makes each fail when stsregional is not on PATH: with the substitution
// inside the argument, -vettool= would be empty and go vet would run its
// default analyzers and pass.
const (
	installRecipe  = `go install ./cmd/stsregional`
	vetRecipe      = `tool=$(command -v stsregional) && go vet -vettool="$tool" ./...`
	vetFlagsRecipe = `tool=$(command -v stsregional) && go vet -vettool="$tool" -stsregional.disable=STS002 ./...`
	fixDiffRecipe  = `tool=$(command -v stsregional) && go fix -fixtool="$tool" -diff ./...`
	fixRecipe      = `tool=$(command -v stsregional) && go fix -fixtool="$tool" ./...`
)

func TestInstallFromCheckout(t *testing.T) {
	gobin := installFromCheckout(t)
	bin := filepath.Join(gobin, exe("stsregional"))
	dir := fixture(t, "awsmod")
	env := pathWith(offlineEnv(t), gobin)

	r := mustRun(t, dir, env, bin, "-version")
	if !strings.HasPrefix(r.stdout, "stsregional ") {
		t.Errorf("stsregional -version: %q, want \"stsregional VERSION\"", r.stdout)
	}

	t.Run("standalone", func(t *testing.T) {
		r := run(t, dir, env, bin, "./...")
		if r.code != 3 {
			t.Errorf("stsregional ./...: exit code %d, want 3 (findings)\n%s", r.code, r)
		}
		wantFindings(t, "stsregional ./...", r.stdout+r.stderr, allFindings)
	})

	// The README's go vet and go fix lines, with the binary found on PATH.
	t.Run("go vet", func(t *testing.T) {
		r := sh(t, dir, env, vetRecipe)
		if r.code != 1 {
			t.Errorf("%s: exit code %d, want 1 (findings)\n%s", vetRecipe, r.code, r)
		}
		wantFindings(t, vetRecipe, r.stdout+r.stderr, allFindings)
	})
	t.Run("go vet flags", func(t *testing.T) {
		const recipe = vetFlagsRecipe
		r := sh(t, dir, env, recipe)
		if r.code != 1 {
			t.Errorf("%s: exit code %d, want 1 (findings)\n%s", recipe, r.code, r)
		}
		want := []string{v1RegionOnly, v1Legacy, v2BaseURL, v2Global}
		wantFindings(t, recipe, r.stdout+r.stderr, want)
		if strings.Contains(r.stdout+r.stderr, "STS002") {
			t.Errorf("%s: reported STS002:\n%s", recipe, r)
		}
	})
	t.Run("go fix", func(t *testing.T) {
		const recipe = fixDiffRecipe
		r := sh(t, dir, env, recipe)
		if r.code != 1 {
			t.Errorf("%s: exit code %d, want 1 (a non-empty diff)\n%s", recipe, r.code, r)
		}
		for _, want := range []string{"+++ ", "endpoints.RegionalSTSEndpoint", "-\tparams.UseGlobalEndpoint", "-\t\to.BaseEndpoint"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%s: the diff lacks %q\n%s", recipe, want, r)
			}
		}
		// -diff changes nothing.
		if got, want := readFile(t, filepath.Join(dir, "v1", "v1.go")), readFile(t, filepath.Join("testdata", "awsmod", "v1", "v1.go")); got != want {
			t.Errorf("go fix -diff changed v1/v1.go")
		}
	})
	// Without stsregional on PATH, command -v fails and && stops before go
	// vet or go fix: no silent run of the default vet suite.
	t.Run("not installed", func(t *testing.T) {
		noTool := offlineEnv(t, "PATH="+pathWithout(t, "stsregional", "go", "sh"))
		for _, recipe := range []string{vetRecipe, fixDiffRecipe, fixRecipe} {
			if r := sh(t, dir, noTool, recipe); r.code == 0 {
				t.Errorf("%s without stsregional on PATH passed:\n%s", recipe, r)
			}
		}
		// go fix -fixtool= would have applied the go command's own fixers.
		if got, want := readFile(t, filepath.Join(dir, "v1", "v1.go")), readFile(t, filepath.Join("testdata", "awsmod", "v1", "v1.go")); got != want {
			t.Errorf("a recipe changed v1/v1.go without stsregional:\n%s", got)
		}
	})
	t.Run("go fix apply", func(t *testing.T) {
		dir := fixture(t, "awsmod")
		r := sh(t, dir, env, fixRecipe)
		if r.code != 0 {
			t.Fatalf("%s: %s", fixRecipe, r)
		}
		mustRun(t, dir, env, "go", "build", "./...")
		// Every finding had a fix: the fixed module vets clean.
		r = run(t, dir, env, "go", "vet", "-vettool="+bin, "./...")
		if r.code != 0 {
			t.Errorf("go vet with stsregional on the fixed module: exit code %d, want 0\n%s", r.code, r)
		}
	})
	for _, recipe := range []string{vetRecipe, vetFlagsRecipe, fixDiffRecipe, fixRecipe, installRecipe} {
		if !strings.Contains(readDocs(t), recipe) {
			t.Errorf("the documentation (README.md, docs/) lacks the recipe line %q", recipe)
		}
	}
}

// pathWithout returns a PATH made of the directories of tools, /usr/bin and
// /bin, failing the test if the program missing can be found in it.
func pathWithout(t *testing.T, missing string, tools ...string) string {
	t.Helper()
	var dirs []string
	for _, tool := range tools {
		dirs = append(dirs, filepath.Dir(needTool(t, tool)))
	}
	dirs = append(dirs, "/usr/bin", "/bin")
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, exe(missing))); err == nil {
			t.Fatalf("%s is installed in %s: cannot test its absence", missing, d)
		}
	}
	return strings.Join(dirs, string(os.PathListSeparator))
}
