package integration_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// tmpRoot is a temporary directory removed when the tests end.
var tmpRoot string

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	var err error
	tmpRoot, err = os.MkdirTemp("", "stsregional-integration-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(tmpRoot)
	return m.Run()
}

// repoRoot is the root of the stsregional module.
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found: %v", err)
	}
	return root
}

// inCI reports whether the tests run in CI, where a missing tool is an error
// rather than a reason to skip.
func inCI() bool {
	v := strings.ToLower(os.Getenv("CI"))
	return v == "true" || v == "1"
}

// needTool returns the path of an executable, skipping the test when it is
// missing outside CI.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if inCI() {
			t.Fatalf("%s is not installed (CI=true: not skipping): %v", name, err)
		}
		t.Skipf("%s is not installed: %v", name, err)
	}
	return p
}

// goEnv returns the value of a go env variable.
func goEnv(t testing.TB, name string) string {
	t.Helper()
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}

// offlineEnv is the environment for commands that run the go command on the
// fixture modules: no network, no workspace, the shared module cache (made
// explicit, so that tools that change GOPATH, as pre-commit does, still use
// it).
func offlineEnv(t testing.TB, extra ...string) []string {
	t.Helper()
	env := append(os.Environ(),
		"GOPROXY=off",
		"GOWORK=off",
		"GOTOOLCHAIN=local",
		"GOMODCACHE="+goEnv(t, "GOMODCACHE"),
	)
	return append(env, extra...)
}

// result is the outcome of a command.
type result struct {
	code   int
	stdout string
	stderr string
}

func (r result) String() string {
	return fmt.Sprintf("exit code %d\n--- stdout:\n%s\n--- stderr:\n%s", r.code, r.stdout, r.stderr)
}

// run runs a command in dir and returns its exit code and output; failing to
// start it is fatal.
func run(t testing.TB, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	t.Logf("%s %s (in %s): %v", filepath.Base(name), strings.Join(args, " "), dir, time.Since(start).Round(time.Millisecond))
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	default:
		t.Fatalf("running %s %v: %v", name, args, err)
	}
	return r
}

// mustRun is run that fails the test on a non-zero exit code.
func mustRun(t testing.TB, dir string, env []string, name string, args ...string) result {
	t.Helper()
	r := run(t, dir, env, name, args...)
	if r.code != 0 {
		t.Fatalf("%s %s: %s", name, strings.Join(args, " "), r)
	}
	return r
}

// copyTree copies the regular files of src to dst, skipping .git
// directories and files, files for which skip returns true, and other file
// types.
func copyTree(src, dst string, skip func(rel string, info fs.FileInfo) bool) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" && rel != "." {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		// A .git file (a worktree's or a submodule's) points at the
		// repository it belongs to: a copy that kept it would run git on
		// that repository.
		if d.Name() == ".git" {
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if skip != nil && skip(rel, info) {
			return nil
		}
		return copyFile(path, filepath.Join(dst, rel), info.Mode().Perm()|0o200)
	})
}

func copyFile(src, dst string, perm fs.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// fixture returns a fresh writable copy of testdata/NAME.
func fixture(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	if err := copyTree(filepath.Join("testdata", name), dir, nil); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// readDocs returns the user documentation: README.md and every page
// under docs/, the places a recipe may be documented.
func readDocs(t testing.TB) string {
	t.Helper()
	root := repoRoot(t)
	text := readFile(t, filepath.Join(root, "README.md"))
	pages, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		text += "\n" + readFile(t, p)
	}
	return text
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func exe(name string) string {
	if runtime.GOOS == "windows" {
		return name + ".exe"
	}
	return name
}
