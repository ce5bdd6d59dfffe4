package integration_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The README's recipes for a module that pins stsregional with Go's tool
// directive (Go 1.24+). Each must fail, loudly, when the module has no such
// tool: `go vet -vettool="$(go tool -n stsregional)"` does not, because the
// failed substitution leaves -vettool empty and go vet then runs its default
// analyzers and passes. The README must contain each line verbatim.
const (
	goToolRecipe    = `go tool stsregional ./...`
	goToolVetRecipe = `vettool=$(go tool -n stsregional) && go vet -vettool="$vettool" ./...`
	goToolFixRecipe = `fixtool=$(go tool -n stsregional) && go fix -fixtool="$fixtool" -diff ./...`
	// From a checkout, until a release exists: the checkout replaces the
	// module, then go get -tool adds the tool directive.
	goToolReplaceRecipe = `go mod edit -replace github.com/stsregional/stsregional=/path/to/stsregional`
	goToolGetRecipe     = `go get -tool github.com/stsregional/stsregional/cmd/stsregional`
)

func TestGoToolRecipesInREADME(t *testing.T) {
	readme := readDocs(t)
	for _, r := range []string{goToolRecipe, goToolVetRecipe, goToolFixRecipe, goToolReplaceRecipe, goToolGetRecipe} {
		if !strings.Contains(readme, r) {
			t.Errorf("the documentation (README.md, docs/) lacks the recipe line %q", r)
		}
	}
	// A substitution inside -vettool= or -fixtool= passes silently when the
	// tool is missing: no code block may use one.
	silent := regexp.MustCompile(`-(vet|fix)tool="?\$\(`)
	for _, block := range codeBlocks(readme) {
		if silent.MatchString(block) {
			t.Errorf("the documentation has a recipe passing a command substitution to -vettool or -fixtool, which runs go's own suite and exits 0 when the tool is missing:\n%s", block)
		}
	}
}

// codeBlocks returns the fenced code blocks of a Markdown text.
func codeBlocks(md string) []string {
	var blocks []string
	var cur []string
	in := false
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			if in {
				blocks = append(blocks, strings.Join(cur, "\n"))
				cur = nil
			}
			in = !in
			continue
		}
		if in {
			cur = append(cur, line)
		}
	}
	return blocks
}

// goToolModule returns a copy of testdata/awsmod (findings in v1/ and v2/,
// no tool directive) and the environment to run the go command in it.
func goToolModule(t *testing.T) (string, []string) {
	dir := fixture(t, "awsmod")
	return dir, offlineEnv(t, "GOFLAGS=-mod=mod")
}

// sh runs a recipe line with sh -c in dir.
func sh(t *testing.T, dir string, env []string, recipe string) result {
	t.Helper()
	return run(t, dir, env, needTool(t, "sh"), "-c", recipe)
}

// TestGoToolMissing runs the recipes in a module whose go.mod has no tool
// directive: each exits non-zero and says why, before any vet runs.
func TestGoToolMissing(t *testing.T) {
	dir, env := goToolModule(t)
	for _, recipe := range []string{goToolRecipe, goToolVetRecipe, goToolFixRecipe} {
		r := sh(t, dir, env, recipe)
		if r.code == 0 || !strings.Contains(r.stderr, `no such tool "stsregional"`) {
			t.Errorf("%s without the tool directive: want a non-zero exit and `no such tool \"stsregional\"`, got %s", recipe, r)
		}
		if strings.Contains(r.stdout+r.stderr, "STS00") {
			t.Errorf("%s without the tool directive reported findings:\n%s", recipe, r)
		}
	}
	// The trap the recipes avoid: with the substitution inside the argument,
	// go vet gets -vettool= and passes with its default analyzers. Logged,
	// not asserted: it is the go command's behaviour, not ours.
	r := sh(t, dir, env, `go vet -vettool="$(go tool -n stsregional)" ./...`)
	t.Logf(`go vet -vettool="$(go tool -n stsregional)" without the tool: exit code %d (0 is the silent pass the README warns about)`, r.code)
}

// TestGoTool follows the README from a checkout: replace the module with
// this checkout, go get -tool, then both recipes find the findings.
func TestGoTool(t *testing.T) {
	dir, env := goToolModule(t)
	root := repoRoot(t)
	replace := strings.Replace(goToolReplaceRecipe, "/path/to/stsregional", shellQuote(root), 1)
	mustRunSh(t, dir, env, replace)
	// The checksums of stsregional's dependencies come from sum.golang.org
	// when go get runs online; offline, from this checkout's go.sum.
	appendGoSum(t, filepath.Join(root, "go.sum"), filepath.Join(dir, "go.sum"))
	mustRunSh(t, dir, env, goToolGetRecipe)
	if !strings.Contains(readFile(t, filepath.Join(dir, "go.mod")), "tool github.com/stsregional/stsregional/cmd/stsregional") {
		t.Fatalf("go.mod has no tool directive:\n%s", readFile(t, filepath.Join(dir, "go.mod")))
	}

	// Standalone through go tool: exit 3 on findings, passed through by
	// the go command.
	r := sh(t, dir, env, goToolRecipe)
	if r.code != 3 {
		t.Errorf("%s: exit code %d, want 3 (findings)\n%s", goToolRecipe, r.code, r)
	}
	wantFindings(t, goToolRecipe, r.stdout+r.stderr, allFindings)

	// Under go vet: exit 1 on findings.
	r = sh(t, dir, env, goToolVetRecipe)
	if r.code != 1 {
		t.Errorf("%s: exit code %d, want 1 (findings)\n%s", goToolVetRecipe, r.code, r)
	}
	wantFindings(t, goToolVetRecipe, r.stdout+r.stderr, allFindings)

	// The README's SARIF line for the workflow: go tool passes the log and
	// exit code 0 through.
	const sarifRecipe = `go tool stsregional -format=sarif ./... > stsregional.sarif`
	mustRunSh(t, dir, env, sarifRecipe)
	var log struct {
		Version string
		Runs    []struct{ Results []json.RawMessage }
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(dir, "stsregional.sarif"))), &log); err != nil ||
		log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) < len(allFindings) {
		t.Errorf("%s: want a SARIF 2.1.0 log with the findings, got %+v (%v)", sarifRecipe, log, err)
	}
	if !strings.Contains(readDocs(t), sarifRecipe) {
		t.Errorf("the documentation (README.md, docs/) lacks %q", sarifRecipe)
	}

	// Under go fix -diff: exit 1 on a non-empty diff, files unchanged.
	r = sh(t, dir, env, goToolFixRecipe)
	if r.code != 1 || !strings.Contains(r.stdout, "endpoints.RegionalSTSEndpoint") {
		t.Errorf("%s: want exit code 1 and a diff adding endpoints.RegionalSTSEndpoint, got %s", goToolFixRecipe, r)
	}
	if got, want := readFile(t, filepath.Join(dir, "v1", "v1.go")), readFile(t, filepath.Join("testdata", "awsmod", "v1", "v1.go")); got != want {
		t.Errorf("%s changed v1/v1.go", goToolFixRecipe)
	}
}

// wantFindings checks that out, text output of stsregional, reports each
// finding of want ("file:line ID").
func wantFindings(t *testing.T, what, out string, want []string) {
	t.Helper()
	for _, w := range want {
		file, rest, _ := strings.Cut(w, ":")
		line, id, _ := strings.Cut(rest, " ")
		// "v1/v1.go:15:9: STS003: …", the path relative or absolute.
		found := false
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, file+":"+line+":") && strings.Contains(l, ": "+id+": ") {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("%s: finding %s missing from the output:\n%s", what, w, out)
		}
	}
}

func mustRunSh(t *testing.T, dir string, env []string, recipe string) result {
	t.Helper()
	r := sh(t, dir, env, recipe)
	if r.code != 0 {
		t.Fatalf("%s: %s", recipe, r)
	}
	return r
}

// shellQuote quotes s for sh.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// appendGoSum appends the lines of the go.sum file src to dst.
func appendGoSum(t *testing.T, src, dst string) {
	t.Helper()
	f, err := os.OpenFile(dst, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(readFile(t, src)); err != nil {
		t.Fatal(err)
	}
}
