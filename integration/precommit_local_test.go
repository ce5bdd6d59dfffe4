package integration_test

// The README's pre-commit configurations that work without a release: a
// `repo: local` hook running the stsregional installed from a checkout, a
// `repo: local` hook running the module's pinned tool (go tool), and the
// hook repository given as a local path. Each runs `pre-commit run
// --all-files` in a throw-away git repository holding testdata/hookmod.

import (
	"path/filepath"
	"strings"
	"testing"
)

// The configurations, verbatim in the README (with /path/to/stsregional and
// COMMIT standing for a checkout and one of its commits).
const (
	preCommitLocalSystem = `repos:
  - repo: local
    hooks:
      - id: stsregional
        name: stsregional
        entry: stsregional
        language: system
        types: [go]
        pass_filenames: false
        require_serial: true
        args: ["./..."]
`
	preCommitLocalGoTool = `repos:
  - repo: local
    hooks:
      - id: stsregional
        name: stsregional
        entry: go tool stsregional
        language: system
        types: [go]
        pass_filenames: false
        require_serial: true
        args: ["./..."]
`
	preCommitLocalPath = `repos:
  - repo: /path/to/stsregional
    rev: COMMIT
    hooks:
      - id: stsregional
`
)

func TestPreCommitConfigsInREADME(t *testing.T) {
	readme := readDocs(t)
	for _, c := range []string{preCommitLocalSystem, preCommitLocalGoTool, preCommitLocalPath} {
		if !strings.Contains(readme, c) {
			t.Errorf("the documentation (README.md, docs/) lacks the pre-commit configuration\n%s", c)
		}
	}
}

// preCommitRun writes config as .pre-commit-config.yaml into the git
// repository dir, stages everything and runs pre-commit run --all-files.
func preCommitRun(t *testing.T, dir, config string, env []string) result {
	t.Helper()
	preCommit := needTool(t, "pre-commit")
	writeFile(t, filepath.Join(dir, ".pre-commit-config.yaml"), config)
	mustRun(t, dir, gitEnv(), needTool(t, "git"), "add", "-A")
	env = append(env, gitVars...)
	env = append(env, "PRE_COMMIT_HOME="+t.TempDir(), "PRE_COMMIT_COLOR=never", "SKIP=")
	return run(t, dir, env, preCommit, "run", "--all-files", "--verbose")
}

// wantHookResult checks a pre-commit run: on the fixture's finding the hook
// fails and prints it; on clean code it passes.
func wantHookResult(t *testing.T, r result, finding bool) {
	t.Helper()
	out := r.stdout + r.stderr
	switch {
	case finding && (r.code == 0 || !strings.Contains(out, "Failed") || !strings.Contains(out, "main.go:16:9: STS003: ")):
		t.Errorf("want the hook to fail with main.go:16:9: STS003, got %s", r)
	case !finding && (r.code != 0 || !strings.Contains(out, "Passed")):
		t.Errorf("want the hook to pass on clean code, got %s", r)
	}
}

func TestPreCommitLocalSystem(t *testing.T) {
	gobin := installFromCheckout(t)
	env := pathWith(offlineEnv(t), gobin)
	t.Run("finding", func(t *testing.T) {
		wantHookResult(t, preCommitRun(t, userRepo(t, ""), preCommitLocalSystem, env), true)
	})
	t.Run("clean", func(t *testing.T) {
		wantHookResult(t, preCommitRun(t, userRepo(t, cleanMain), preCommitLocalSystem, env), false)
	})
	// Not installed: the hook fails and says so.
	t.Run("not installed", func(t *testing.T) {
		noTool := offlineEnv(t, "PATH="+pathWithout(t, "stsregional", "pre-commit", "git", "go"))
		r := preCommitRun(t, userRepo(t, cleanMain), preCommitLocalSystem, noTool)
		if r.code == 0 || !strings.Contains(r.stdout+r.stderr, "stsregional") || !strings.Contains(r.stdout+r.stderr, "not found") {
			t.Errorf("want a failure naming the missing executable, got %s", r)
		}
	})
}

func TestPreCommitLocalGoTool(t *testing.T) {
	root := repoRoot(t)
	env := offlineEnv(t, "GOFLAGS=-mod=mod")
	// Without the tool directive the hook fails loudly.
	t.Run("no tool directive", func(t *testing.T) {
		r := preCommitRun(t, userRepo(t, cleanMain), preCommitLocalGoTool, env)
		if r.code == 0 || !strings.Contains(r.stdout+r.stderr, `no such tool "stsregional"`) {
			t.Errorf("want the hook to fail with `no such tool \"stsregional\"`, got %s", r)
		}
	})
	t.Run("finding", func(t *testing.T) {
		dir := userRepo(t, "")
		mustRunSh(t, dir, env, strings.Replace(goToolReplaceRecipe, "/path/to/stsregional", shellQuote(root), 1))
		appendGoSum(t, filepath.Join(root, "go.sum"), filepath.Join(dir, "go.sum"))
		mustRunSh(t, dir, env, goToolGetRecipe)
		wantHookResult(t, preCommitRun(t, dir, preCommitLocalGoTool, env), true)
	})
}

func TestPreCommitLocalPath(t *testing.T) {
	repo := snapshotRepo(t)
	rev := strings.TrimSpace(mustRun(t, repo, gitEnv(), needTool(t, "git"), "rev-parse", "HEAD").stdout)
	config := strings.NewReplacer("/path/to/stsregional", repo, "COMMIT", rev).Replace(preCommitLocalPath)
	wantHookResult(t, preCommitRun(t, userRepo(t, ""), config, offlineEnv(t)), true)
}
