package integration_test

// Tests of the pre-commit hooks in .pre-commit-hooks.yaml with the real
// pre-commit: `pre-commit try-repo HOOK_REPO HOOK --all-files` in a
// throw-away git repository holding testdata/hookmod (aws-sdk-go v1 code).
//
// try-repo needs a hook repository with a committed HEAD, so the tests
// commit a snapshot of this module's working tree in a temporary repository.
// pre-commit installs the hooks (language: golang) by running go install ./...
// in its clone of that repository with GOPATH set to the hook environment; the
// tests set GOMODCACHE explicitly (and GOPROXY=off), so the install uses the
// shared module cache and needs no network.

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var hookRepo struct {
	once sync.Once
	dir  string
}

// snapshotRepo commits a copy of this module's working tree (without .git)
// into a temporary git repository and returns its path.
func snapshotRepo(t *testing.T) string {
	t.Helper()
	git := needTool(t, "git")
	root := repoRoot(t)
	hookRepo.once.Do(func() {
		dir := filepath.Join(tmpRoot, "hook-repo")
		// Skip large files (test binaries, build outputs): the hooks only
		// need the sources.
		skip := func(rel string, info fs.FileInfo) bool { return info.Size() > 8<<20 }
		if err := copyTree(root, dir, skip); err != nil {
			t.Fatalf("copying the working tree: %v", err)
		}
		env := gitEnv()
		mustRun(t, dir, env, git, "init", "-q")
		mustRun(t, dir, env, git, "add", "-A")
		mustRun(t, dir, env, git, "commit", "-q", "--no-verify", "-m", "snapshot")
		hookRepo.dir = dir
	})
	if hookRepo.dir == "" {
		t.Fatal("no hook repository snapshot")
	}
	return hookRepo.dir
}

// gitEnv is the environment for git: a fixed identity and no user or system
// configuration (hooks, signing) that could interfere.
func gitEnv() []string {
	return append(os.Environ(), gitVars...)
}

// gitVars are the variables of gitEnv added to the environment.
var gitVars = []string{
	"GIT_AUTHOR_NAME=stsregional test", "GIT_AUTHOR_EMAIL=test@example.com",
	"GIT_COMMITTER_NAME=stsregional test", "GIT_COMMITTER_EMAIL=test@example.com",
	"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
}

// cleanMain is testdata/hookmod/main.go made regional.
const cleanMain = `// Command hookmod builds a regional aws-sdk-go v1 STS client.
package main

import (
	"fmt"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

func main() {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	svc := sts.New(sess)
	fmt.Println(svc.GetCallerIdentity(&sts.GetCallerIdentityInput{}))
}
`

// userRepo returns a git repository holding a copy of testdata/hookmod,
// with main.go replaced by mainGo if it is not empty, all files staged.
func userRepo(t *testing.T, mainGo string) string {
	t.Helper()
	git := needTool(t, "git")
	dir := fixture(t, "hookmod")
	if mainGo != "" {
		writeFile(t, filepath.Join(dir, "main.go"), mainGo)
	}
	env := gitEnv()
	mustRun(t, dir, env, git, "init", "-q")
	mustRun(t, dir, env, git, "add", "-A")
	return dir
}

// tryRepo runs pre-commit try-repo for hook in dir.
func tryRepo(t *testing.T, dir, hook string) result {
	t.Helper()
	preCommit := needTool(t, "pre-commit")
	repo := snapshotRepo(t)
	env := offlineEnv(t, gitEnv()...)
	env = append(env,
		"PRE_COMMIT_HOME="+t.TempDir(),
		"PRE_COMMIT_COLOR=never",
		"SKIP=",
	)
	return run(t, dir, env, preCommit, "try-repo", repo, hook, "--all-files", "--verbose")
}

func TestPreCommitFindings(t *testing.T) {
	dir := userRepo(t, "")
	r := tryRepo(t, dir, "stsregional")
	if r.code == 0 {
		t.Fatalf("pre-commit passed on code with a finding:\n%s", r)
	}
	out := r.stdout + r.stderr
	for _, want := range []string{"stsregional", "Failed", "main.go:16:9: STS003: "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, r)
		}
	}
	// The check hook does not change files.
	if got, want := readFile(t, filepath.Join(dir, "main.go")), readFile(t, filepath.Join("testdata", "hookmod", "main.go")); got != want {
		t.Errorf("the stsregional hook changed main.go:\n%s", got)
	}
}

func TestPreCommitClean(t *testing.T) {
	dir := userRepo(t, cleanMain)
	r := tryRepo(t, dir, "stsregional")
	if r.code != 0 {
		t.Fatalf("pre-commit failed on clean code:\n%s", r)
	}
	if out := r.stdout + r.stderr; !strings.Contains(out, "Passed") {
		t.Errorf("output lacks Passed:\n%s", r)
	}
}

func TestPreCommitFix(t *testing.T) {
	dir := userRepo(t, "")
	r := tryRepo(t, dir, "stsregional-fix")
	// The hook fails: it found a finding and changed main.go.
	if r.code == 0 {
		t.Fatalf("the stsregional-fix hook passed on code with a finding:\n%s", r)
	}
	fixed := readFile(t, filepath.Join(dir, "main.go"))
	if !strings.Contains(fixed, "STSRegionalEndpoint: endpoints.RegionalSTSEndpoint") ||
		!strings.Contains(fixed, `"github.com/aws/aws-sdk-go/aws/endpoints"`) {
		t.Fatalf("fix not applied:\n%s\n%s", fixed, r)
	}
	// The fixed code builds and passes the check hook.
	mustRun(t, dir, offlineEnv(t), "go", "build", "./...")
	mustRun(t, dir, gitEnv(), "git", "add", "-A")
	if r := tryRepo(t, dir, "stsregional"); r.code != 0 {
		t.Errorf("the stsregional hook fails on fixed code:\n%s", r)
	}
}

// unfixableMain is cleanMain with a finding that has no fix: a suppression
// directive that suppresses nothing (STS000).
var unfixableMain = strings.Replace(cleanMain, "\tsvc := sts.New(sess)\n",
	"\tsvc := sts.New(sess) //stsregional:ignore STS002 nothing to suppress here\n", 1)

// The fix hook fails, showing the finding, when what is left cannot be
// fixed: it changes no file then, and pre-commit would otherwise say
// "Passed" with a finding in the code.
func TestPreCommitFixUnfixable(t *testing.T) {
	if unfixableMain == cleanMain {
		t.Fatal("unfixableMain: the line to annotate is not in cleanMain")
	}
	dir := userRepo(t, unfixableMain)
	r := tryRepo(t, dir, "stsregional-fix")
	if r.code == 0 {
		t.Fatalf("the stsregional-fix hook passed with an unfixable finding:\n%s", r)
	}
	out := r.stdout + r.stderr
	for _, want := range []string{"Failed", "main.go:18:23: STS000: "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, r)
		}
	}
	if got := readFile(t, filepath.Join(dir, "main.go")); got != unfixableMain {
		t.Errorf("the fix hook changed main.go:\n%s", got)
	}
}
