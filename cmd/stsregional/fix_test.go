package main

// Tests of the standalone -fix mode: it writes what x/tools' driver writes,
// atomically (internal/apply tests the writing), and nothing on errors.

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"
)

// snapshot returns the content of every file under dir, by relative path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// noTempFiles fails the test if -fix left a temporary file under dir.
func noTempFiles(t *testing.T, dir string) {
	t.Helper()
	for name := range snapshot(t, dir) {
		if strings.Contains(name, ".stsregional-") {
			t.Errorf("temporary file left behind: %s", name)
		}
	}
}

func diffFiles(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	var names []string
	for name := range want {
		names = append(names, name)
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		if got[name] != want[name] {
			t.Errorf("%s: %s differs:\n--- got\n%s\n--- want\n%s", what, name, got[name], want[name])
		}
	}
}

// -fix writes the files that x/tools' driver writes (go vet -fix runs the
// binary under unitchecker), applies the fixes of a package and its test
// variant once, keeps the permission bits and leaves no temporary file.
func TestFixMatchesDriver(t *testing.T) {
	skipIfShort(t)
	t.Parallel()
	ours, theirs, diffed := sarifFixture(t), sarifFixture(t), sarifFixture(t)
	orig := snapshot(t, ours)
	v1 := filepath.Join("findings", "v1.go")
	for _, dir := range []string{ours, theirs} {
		if err := os.Chmod(filepath.Join(dir, v1), 0o600); err != nil {
			t.Fatal(err)
		}
	}

	r := stsregional(t, ours, "-fix", "./...")
	wantCode(t, r, 0, "stsregional -fix ./...")
	if r.out() != "" {
		t.Errorf("stsregional -fix ./... printed:\n%s", r.out())
	}
	r = run(t, theirs, "go", "vet", "-vettool="+binPath, "-fix", "./...")
	wantCode(t, r, 0, "go vet -fix ./...")

	got, want := snapshot(t, ours), snapshot(t, theirs)
	diffFiles(t, "-fix vs go vet -fix", got, want)
	noTempFiles(t, ours)
	if fi, err := os.Stat(filepath.Join(ours, v1)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("v1.go after -fix: %v, %v; want mode 0600 kept", fi.Mode(), err)
	}

	// -fix -diff shows the same files as changed.
	r = stsregional(t, diffed, "-fix", "-diff", "./...")
	wantCode(t, r, 0, "stsregional -fix -diff ./...")
	var changed, shown []string
	for name, content := range got {
		if content != orig[name] {
			changed = append(changed, name)
		}
	}
	for _, m := range regexp.MustCompile(`(?m)^--- a/(\S+)\n\+\+\+ b/(\S+)$`).FindAllStringSubmatch(r.stdout, -1) {
		if m[1] != m[2] {
			t.Errorf("-fix -diff headers name %s and %s", m[1], m[2])
		}
		shown = append(shown, m[1]) // relative to the working directory
	}
	sort.Strings(changed)
	sort.Strings(shown)
	if strings.Join(changed, " ") != strings.Join(shown, " ") || len(changed) < 3 {
		t.Errorf("-fix changed %v; -fix -diff shows %v", changed, shown)
	}
	diffFiles(t, "-fix -diff left the files", snapshot(t, diffed), orig)

	// Nothing left to fix: exit 0, no change.
	r = stsregional(t, ours, "-fix", "./...")
	wantCode(t, r, 0, "stsregional -fix ./... again")
	diffFiles(t, "a second -fix", snapshot(t, ours), got)
	checkFixed(t, ours)
}

// On load or type errors -fix fixes the packages that are fine, leaves the
// broken one alone and exits 1 (partial_test.go has more).
func TestFixBrokenPackages(t *testing.T) {
	t.Parallel()
	dir := fixture(t)
	write(t, filepath.Join(dir, "typeerr", "t.go"), "package typeerr\n\nvar X int = \"s\"\n")
	orig := snapshot(t, dir)
	r := stsregional(t, dir, "-fix", "./...")
	wantCode(t, r, 1, "stsregional -fix ./... with a type error")
	wantContains(t, r, "stsregional -fix with a type error", "t.go:3", "only the packages analysed were fixed")
	if got := read(t, filepath.Join(dir, "typeerr", "t.go")); got != orig["typeerr/t.go"] {
		t.Errorf("-fix with a type error changed typeerr/t.go:\n%s", got)
	}
	if got := read(t, filepath.Join(dir, "findings", "legacy.go")); strings.Contains(got, "LegacySTSEndpoint") {
		t.Errorf("-fix with a type error elsewhere did not fix findings/legacy.go:\n%s", got)
	}
	orig = snapshot(t, dir)

	r = stsregional(t, dir, "-fix", "-disable=STS999", "./findings")
	wantCode(t, r, 2, "stsregional -fix -disable=STS999")
	wantContains(t, r, "stsregional -fix -disable=STS999", "STS999")
	diffFiles(t, "-fix with a bad flag", snapshot(t, dir), orig)
}

// A directory where no file can be created: -fix fails with one line per
// file and leaves every file as it was. Root ignores the permission bits:
// TestFixWriteFailure simulates the failure instead.
func TestFixReadOnlyDir(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("permission bits do not stop this user from writing")
	}
	t.Parallel()
	dir := fixture(t)
	findings := filepath.Join(dir, "findings")
	orig := snapshot(t, dir)
	if err := os.Chmod(findings, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(findings, 0o755)
	r := stsregional(t, dir, "-fix", "./findings")
	if r.code == 0 {
		t.Errorf("-fix in a read-only directory: exit 0:\n%s", r.out())
	}
	for _, line := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		if !strings.HasPrefix(line, "stsregional: ") || !strings.Contains(line, "not fixed") {
			t.Errorf("-fix in a read-only directory: unexpected line %q", line)
		}
	}
	diffFiles(t, "-fix in a read-only directory", snapshot(t, dir), orig)
}

// -fix -diff prints a patch that git apply accepts, from the module root
// and from a subdirectory (paths relative to the current directory, as
// a/NAME and b/NAME), and applying it gives what -fix writes.
func TestFixDiffGitApply(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("git is missing (CI=true)")
		}
		t.Skip("git is missing")
	}
	t.Parallel()
	dir := fixture(t)
	gitEnv := []string{"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1"}
	runEnv(t, dir, gitEnv, git, "init", "-q")
	runEnv(t, dir, gitEnv, git, "add", "-A")
	for _, sub := range []string{".", "findings"} {
		wd := filepath.Join(dir, sub)
		r := stsregional(t, wd, "-fix", "-diff", "./...")
		wantCode(t, r, 0, "stsregional -fix -diff in "+sub)
		patch := filepath.Join(t.TempDir(), "fix.patch")
		if err := os.WriteFile(patch, []byte(r.stdout), 0o644); err != nil {
			t.Fatal(err)
		}
		a := runEnv(t, wd, gitEnv, git, "apply", "--check", "-v", patch)
		if a.code != 0 || !strings.Contains(a.out(), "findings/legacy.go") {
			t.Errorf("git apply --check in %s: exit %d:\n%s\npatch:\n%s", sub, a.code, a.out(), r.stdout)
		}
	}
	fixed := fixture(t)
	wantCode(t, stsregional(t, fixed, "-fix", "./..."), 0, "stsregional -fix")
	r := stsregional(t, dir, "-fix", "-diff", "./...")
	patch := filepath.Join(t.TempDir(), "fix.patch")
	if err := os.WriteFile(patch, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	wantCode(t, runEnv(t, dir, gitEnv, git, "apply", patch), 0, "git apply")
	got, want := snapshot(t, dir), snapshot(t, fixed)
	for name := range got {
		if strings.HasPrefix(name, ".git/") {
			delete(got, name)
		}
	}
	diffFiles(t, "git apply of -fix -diff vs -fix", got, want)
}

// unfixable adds to dir a finding that has no fix: a suppression
// directive that suppresses nothing (STS000).
func unfixable(t *testing.T, dir string) {
	t.Helper()
	write(t, filepath.Join(dir, "clean", "unfixable.go"), "package clean\n\nvar Unfixable = 1 //stsregional:ignore STS002 nothing here\n")
}

// -fix prints, as the text mode does, the findings it could not fix, on
// stdout (with -diff on stderr, stdout being the patch), and exits 3 while
// any is left: a pre-commit hook must not pass then. The others are fixed.
func TestFixLeavesFindings(t *testing.T) {
	t.Parallel()
	dir := fixture(t)
	unfixable(t, dir)

	r := stsregional(t, dir, "-fix", "-diff", "./...")
	wantCode(t, r, 3, "stsregional -fix -diff with an unfixable finding")
	if got := textFindings(r.stderr); len(got) != 1 || !strings.HasPrefix(got[0], "clean/unfixable.go:3:19: STS000: ") {
		t.Errorf("-fix -diff: findings on stderr %q, want the STS000 one", got)
	}
	if !strings.HasPrefix(r.stdout, "--- a/") || strings.Contains(r.stdout, "STS000") {
		t.Errorf("-fix -diff: stdout is not the patch alone:\n%s", r.stdout)
	}

	r = stsregional(t, dir, "-fix", "./...")
	wantCode(t, r, 3, "stsregional -fix with an unfixable finding")
	if got := textFindings(r.stdout); len(got) != 1 || !strings.HasPrefix(got[0], "clean/unfixable.go:3:19: STS000: ") {
		t.Errorf("-fix: findings on stdout %q, want the STS000 one only (the others fixed)", got)
	}
	if r.stderr != "" {
		t.Errorf("-fix: stderr:\n%s", r.stderr)
	}
	if got := read(t, filepath.Join(dir, "findings", "legacy.go")); strings.Contains(got, "LegacySTSEndpoint") {
		t.Errorf("-fix left legacy.go unfixed:\n%s", got)
	}
	r = stsregional(t, dir, "-fix", "./...")
	wantCode(t, r, 3, "stsregional -fix again")

	// Nothing to fix and nothing found: exit 0, silent.
	r = stsregional(t, dir, "-fix", "./clean")
	wantCode(t, r, 3, "stsregional -fix ./clean")
	os.Remove(filepath.Join(dir, "clean", "unfixable.go"))
	r = stsregional(t, dir, "-fix", "./...")
	wantCode(t, r, 0, "stsregional -fix with nothing left")
	if r.out() != "" {
		t.Errorf("-fix with nothing left printed:\n%s", r.out())
	}
}

// A file without write permission (0444) is not fixed, even by root, as
// gofmt -w and go fix refuse it: one error line, exit 1, its finding listed
// as left; every other file is fixed (each file is fixed atomically, on
// its own).
func TestFixReadOnlyFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits")
	}
	t.Parallel()
	dir := fixture(t)
	legacy := filepath.Join(dir, "findings", "legacy.go")
	src := read(t, legacy)
	if err := os.Chmod(legacy, 0o444); err != nil {
		t.Fatal(err)
	}
	r := stsregional(t, dir, "-fix", "./...")
	wantCode(t, r, 1, "stsregional -fix with a read-only file")
	if want := "stsregional: findings/legacy.go: not writable; not fixed\n"; r.stderr != want {
		t.Errorf("-fix with a read-only file: stderr %q, want %q", r.stderr, want)
	}
	if got := textFindings(r.stdout); len(got) != 1 || !strings.Contains(got[0], "legacy.go:14:24: STS004") {
		t.Errorf("-fix with a read-only file: findings left %q, want the STS004 in legacy.go", got)
	}
	if got := read(t, legacy); got != src {
		t.Errorf("the read-only file changed:\n%s", got)
	}
	if fi, err := os.Stat(legacy); err != nil || fi.Mode().Perm() != 0o444 {
		t.Errorf("mode of the read-only file: %v, %v", fi.Mode(), err)
	}
	if got := read(t, filepath.Join(dir, "findings", "v2.go")); strings.Contains(got, "sts.amazonaws.com") {
		t.Errorf("v2.go not fixed:\n%s", got)
	}
	noTempFiles(t, dir)
}
