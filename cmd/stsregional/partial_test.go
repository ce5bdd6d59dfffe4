package main

// Partial results: a package that fails to load or whose tests do not
// type-check is reported once, in one line, and hides nothing else.

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// addBrokenPackages adds to the fixture dir a package whose in-package
// test does not type-check (its legacy.go has an STS004 finding with a
// fix), and one whose external test imports a package that does not exist
// (its t.go has an STS001 finding). go vet alone reports neither finding.
// A third package has only a test file, which does not type-check: it has
// nothing else to analyse.
func addBrokenPackages(t *testing.T, dir string) {
	t.Helper()
	write(t, filepath.Join(dir, "testsonly", "o_test.go"), "package testsonly\n\nvar stale int = \"t\"\n")
	legacy := read(t, filepath.Join(dir, "findings", "legacy.go"))
	write(t, filepath.Join(dir, "brokentest", "legacy.go"), strings.Replace(legacy, "package findings", "package brokentest", 1))
	write(t, filepath.Join(dir, "brokentest", "legacy_test.go"), "package brokentest\n\nvar stale int = \"s\" // an out-of-date mock\n")
	write(t, filepath.Join(dir, "testimport", "t.go"), "package testimport\n\nimport \"net/http\"\n\n"+
		"var _, _ = http.NewRequest(\"GET\", \"https://sts.amazonaws.com/\", nil)\n")
	write(t, filepath.Join(dir, "testimport", "t_test.go"), "package testimport_test\n\nimport _ \"example.com/e2e/nosuchtestdep\"\n")
}

// addLoadError adds a package whose import does not exist: go vet then
// analyses no package at all.
func addLoadError(t *testing.T, dir string) {
	t.Helper()
	write(t, filepath.Join(dir, "missing", "m.go"), "package missing\n\nimport _ \"example.com/e2e/nosuchdep\"\n")
}

// errorLines returns the lines of the output that are not findings.
func errorLines(r result) []string {
	var lines []string
	for _, line := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		if line != "" && !strings.Contains(line, ": STS00") {
			lines = append(lines, line)
		}
	}
	return lines
}

// wantErrorLines checks that each of subs is in exactly one error line,
// and that there is no other error line.
func wantErrorLines(t *testing.T, r result, what string, subs ...string) {
	t.Helper()
	lines := errorLines(r)
	for _, sub := range subs {
		n := 0
		for _, line := range lines {
			if strings.Contains(line, sub) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %d error lines mention %q, want 1:\n%s", what, n, sub, strings.Join(lines, "\n"))
		}
	}
	if len(lines) != len(subs) {
		t.Errorf("%s: %d error lines, want %d:\n%s", what, len(lines), len(subs), strings.Join(lines, "\n"))
	}
}

func TestPartialBrokenTests(t *testing.T) {
	t.Parallel()
	dir := fixture(t)
	addBrokenPackages(t, dir)
	all := append([]string{"brokentest/legacy.go:", "testimport/t.go:"}, fixtureIDs...)
	errs := []string{"legacy_test.go:3:", "nosuchtestdep", "o_test.go:3:"}

	r := stsregional(t, dir, "./...")
	wantCode(t, r, 1, "stsregional ./... with broken tests")
	wantContains(t, r, "stsregional ./... with broken tests", all...)
	wantErrorLines(t, r, "stsregional ./... with broken tests", errs...)

	// The same with a package that does not load, which makes go vet
	// analyse nothing.
	addLoadError(t, dir)
	errs = append(errs, "nosuchdep")
	r = stsregional(t, dir, "./...")
	wantCode(t, r, 1, "stsregional ./... with a load error")
	wantContains(t, r, "stsregional ./... with a load error", all...)
	wantErrorLines(t, r, "stsregional ./... with a load error", errs...)

	// -json prints what was found and exits 1.
	r = stsregional(t, dir, "-json", "./...")
	wantCode(t, r, 1, "stsregional -json ./... with a load error")
	var tree map[string]map[string][]struct{ Posn string }
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("-json output does not parse: %v\n%s", err, r.stdout)
	}
	for _, pkg := range []string{"findings", "brokentest", "testimport"} {
		if len(tree["example.com/e2e/"+pkg]["stsregional"]) == 0 {
			t.Errorf("-json with a load error: no findings for %s:\n%s", pkg, r.stdout)
		}
	}
	wantErrorLines(t, r, "stsregional -json ./... with a load error", errs...)

	// A SARIF log that lacks packages would close their alerts.
	r = stsregional(t, dir, "-format=sarif", "./...")
	wantCode(t, r, 1, "stsregional -format=sarif ./... with a load error")
	if r.stdout != "" {
		t.Errorf("-format=sarif with a load error wrote a log:\n%s", r.stdout)
	}
	wantErrorLines(t, r, "stsregional -format=sarif ./... with a load error", append(errs, "no SARIF written")...)
}

// An explicitly named package that build constraints exclude is a warning
// in one line; the other packages are analysed.
func TestExcludedPackage(t *testing.T) {
	t.Parallel()
	dir := fixture(t)
	write(t, filepath.Join(dir, "ign", "ign.go"), "//go:build ignore\n\npackage ign\n")
	warning := "stsregional: warning: package example.com/e2e/ign: build constraints exclude all Go files in "

	r := stsregional(t, dir, "./ign", "./findings")
	wantCode(t, r, 3, "stsregional ./ign ./findings")
	wantContains(t, r, "stsregional ./ign ./findings", fixtureIDs...)
	wantErrorLines(t, r, "stsregional ./ign ./findings", warning)
	if lines := errorLines(r); len(lines) > 0 && !strings.HasPrefix(lines[0], warning) {
		t.Errorf("stsregional ./ign ./findings: warning %q, want it to start with %q", lines[0], warning)
	}

	r = stsregional(t, dir, "./ign", "./clean")
	wantCode(t, r, 0, "stsregional ./ign ./clean")
	wantErrorLines(t, r, "stsregional ./ign ./clean", warning)

	// Nothing left to analyse is an error, as a pattern that matches
	// nothing is.
	r = stsregional(t, dir, "./ign")
	wantCode(t, r, 1, "stsregional ./ign")
	wantErrorLines(t, r, "stsregional ./ign", warning, "no packages to analyse")

	r = stsregional(t, dir, "-format=sarif", "./ign", "./findings")
	wantCode(t, r, 0, "stsregional -format=sarif ./ign ./findings")
	if !strings.Contains(r.stdout, `"STS004"`) {
		t.Errorf("-format=sarif ./ign ./findings: no STS004 in the log:\n%s", r.stdout)
	}
}

// -fix applies the fixes found in the packages that were analysed, leaves
// the broken ones alone and exits 1.
func TestFixPartial(t *testing.T) {
	skipIfShort(t)
	t.Parallel()
	dir := fixture(t)
	addBrokenPackages(t, dir)
	addLoadError(t, dir)
	brokenTest := read(t, filepath.Join(dir, "brokentest", "legacy_test.go"))

	r := stsregional(t, dir, "-fix", "-diff", "./...")
	wantCode(t, r, 1, "stsregional -fix -diff with broken packages")
	wantContains(t, r, "stsregional -fix -diff with broken packages", "--- a/brokentest/legacy.go", "--- a/findings/legacy.go")
	wantErrorLines(t, r, "stsregional -fix -diff with broken packages",
		"legacy_test.go:3:", "nosuchtestdep", "o_test.go:3:", "nosuchdep", "the diff shows only the packages analysed")

	r = stsregional(t, dir, "-fix", "./...")
	wantCode(t, r, 1, "stsregional -fix with broken packages")
	wantErrorLines(t, r, "stsregional -fix with broken packages",
		"legacy_test.go:3:", "nosuchtestdep", "o_test.go:3:", "nosuchdep", "only the packages analysed were fixed")
	for _, name := range []string{"findings/legacy.go", "brokentest/legacy.go"} {
		if got := read(t, filepath.Join(dir, name)); strings.Contains(got, "LegacySTSEndpoint") || !strings.Contains(got, "RegionalSTSEndpoint") {
			t.Errorf("-fix with broken packages: %s not fixed:\n%s", name, got)
		}
	}
	if got := read(t, filepath.Join(dir, "brokentest", "legacy_test.go")); got != brokenTest {
		t.Errorf("-fix with broken packages changed brokentest/legacy_test.go:\n%s", got)
	}
	r = run(t, dir, "go", "build", "./findings", "./brokentest")
	wantCode(t, r, 0, "go build of the fixed packages")
}

// The go commands a run costs: one go vet when nothing fails; go list and
// go vet again only after a failure. A go on PATH that logs each command
// and runs the real one counts them.
func TestPartialGoCommands(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the logging go is a shell script")
	}
	t.Parallel()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	if goCmd, err = filepath.Abs(goCmd); err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	log := filepath.Join(bin, "log")
	script := "#!/bin/sh\necho \"$1\" >> '" + log + "'\nexec '" + goCmd + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "go"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	env := []string{"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH")}
	commands := func(dir string, args ...string) string {
		t.Helper()
		os.Remove(log)
		runEnv(t, dir, env, binPath, args...)
		data, err := os.ReadFile(log)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(strings.Fields(string(data)), " ")
	}

	if got := commands(shared, "./..."); got != "vet" {
		t.Errorf("stsregional ./... with findings ran go %q, want go vet alone", got)
	}
	if got := commands(shared, "./clean"); got != "vet" {
		t.Errorf("stsregional ./clean ran go %q, want go vet alone", got)
	}
	dir := fixture(t)
	addBrokenPackages(t, dir)
	if got := commands(dir, "./..."); got != "vet list vet" {
		t.Errorf("stsregional ./... with broken tests ran go %q, want vet, list, vet (the broken packages without tests)", got)
	}
	addLoadError(t, dir)
	if got := commands(dir, "./..."); got != "vet list vet vet" {
		t.Errorf("stsregional ./... with a load error ran go %q, want vet, list, vet (what loads), vet (without tests)", got)
	}
}
