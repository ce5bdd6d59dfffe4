package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// The go command gives up on more than the broken package in two cases,
// and recoverPartial analyses again what it left out:
//
//   - go vet checks every named package and its dependencies for load
//     errors (a missing import, an import cycle, a directory that does not
//     exist, build constraints that exclude all files) before it analyses
//     anything, and analyses nothing if one has an error. The packages
//     without load errors are analysed again, by import path.
//   - go vet analyses a package with in-package _test.go files only as its
//     test variant "p [p.test]", which includes the other files; when the
//     _test.go files do not type-check, nothing of p is reported. When the
//     test files import something that does not load, go vet skips p and
//     its external test package altogether. Such packages are analysed
//     again with their _test.go files deleted by an -overlay, so that go vet
//     analyses p alone.
//
// Both cost go commands only after a run that reported errors. The errors
// themselves are those the go command printed, each once.

// A listed is a package as go list -e -test -json describes it.
type listed struct {
	ImportPath   string
	Name         string
	Dir          string
	ForTest      string // the package whose test variant this is
	Error        *struct{ Err string }
	DepsErrors   []struct{ Err string }
	GoFiles      []string
	CgoFiles     []string
	TestGoFiles  []string
	XTestGoFiles []string
}

func (p *listed) broken() bool { return p.Error != nil || len(p.DepsErrors) > 0 }

// excluded reports whether the package's only problem is that build
// constraints exclude all its Go files.
func (p *listed) excluded() bool {
	return p.Error != nil && len(p.DepsErrors) == 0 &&
		strings.HasPrefix(p.Error.Err, "build constraints exclude all Go files")
}

// tests returns the absolute names of the package's _test.go files.
func (p *listed) tests() []string {
	var files []string
	for _, f := range slices.Concat(p.TestGoFiles, p.XTestGoFiles) {
		files = append(files, filepath.Join(p.Dir, f))
	}
	return files
}

// recoverPartial completes a first run that reported errors; see the
// comment above.
func recoverPartial(ctx context.Context, opts Options, first *pass) (*Result, error) {
	pkgs, err := list(ctx, opts)
	if err != nil {
		return first.result(), nil // the first run's errors say enough
	}
	var good []*listed              // named packages that load
	var warnings []string           // named packages that build constraints exclude
	anyBroken := false              // then the first run analysed nothing
	testBroken := map[string]bool{} // packages whose test variants do not load
	for _, p := range pkgs {
		switch {
		case p.ForTest != "":
			if p.broken() {
				testBroken[p.ForTest] = true
			}
		case p.Name == "main" && strings.HasSuffix(p.ImportPath, ".test"):
			// the generated main package of a test binary
		case p.ImportPath == "command-line-arguments":
			// Files named on the command line: one package, nothing else
			// to analyse, and no import path to name it by again.
			return first.result(), nil
		case p.excluded():
			anyBroken = true
			warnings = append(warnings, "package "+p.ImportPath+": "+p.Error.Err)
		case p.broken():
			anyBroken = true
		default:
			good = append(good, p)
		}
	}

	passes := []*pass{first}
	last := first
	if anyBroken && len(good) > 0 {
		var paths []string
		for _, p := range good {
			paths = append(paths, p.ImportPath)
		}
		if last, err = vet(ctx, opts, paths, nil); err != nil {
			return nil, err
		}
		passes = append(passes, last)
	}
	// A package whose test variant failed to load was skipped; one with
	// in-package tests whose vet step failed lost its other files'
	// findings too (a package without them was analysed on its own, and
	// its failure is its own). A package of test files only has nothing
	// else to analyse.
	var again, hide []string
	for _, p := range good {
		if len(p.GoFiles)+len(p.CgoFiles) == 0 {
			continue
		}
		if testBroken[p.ImportPath] || len(p.TestGoFiles) > 0 && last.failed[p.ImportPath] {
			again = append(again, p.ImportPath)
			hide = append(hide, p.tests()...)
		}
	}
	if len(again) > 0 {
		p, err := vet(ctx, opts, again, hide)
		if err != nil {
			return nil, err
		}
		passes = append(passes, p)
	}

	res := &Result{Warnings: warnings}
	for _, p := range passes {
		res.Diagnostics = append(res.Diagnostics, p.diags...)
		for _, e := range p.errs {
			if !slices.ContainsFunc(warnings, func(w string) bool { return sameError(e, w) }) {
				res.Errors = append(res.Errors, e)
			}
		}
	}
	res.Diagnostics = distinctDiagnostics(res.Diagnostics)
	res.Errors = Distinct(res.Errors)
	if len(res.Errors) == 0 && len(good) == 0 {
		res.Errors = []string{"no packages to analyse: build constraints exclude every package named"}
	}
	return res, nil
}

// sameError reports whether the go command's error line e says what the
// warning w says: both end in the error text, which names the directory.
func sameError(e, w string) bool {
	_, text, _ := strings.Cut(w, ": ")
	return strings.HasSuffix(e, text)
}

// list runs go list -e -test on the patterns, with the run's build tags and
// environment.
func list(ctx context.Context, opts Options) ([]*listed, error) {
	args := []string{"list", "-e", "-test", "-json=ImportPath,Name,Dir,ForTest,Error,DepsErrors,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles"}
	if opts.Tags != "" {
		args = append(args, "-tags="+opts.Tags)
	}
	args = append(args, "--")
	args = append(args, opts.Patterns...)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = opts.Dir
	cmd.Env = opts.Env
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	if err := cmd.Run(); err != nil {
		return nil, err
	}
	var pkgs []*listed
	dec := json.NewDecoder(&stdout)
	for {
		p := new(listed)
		if err := dec.Decode(p); errors.Is(err, io.EOF) {
			return pkgs, nil
		} else if err != nil {
			return nil, err
		}
		pkgs = append(pkgs, p)
	}
}

// failedSteps returns the import paths in the go command's "# path"
// headers (it prints "# p" and "# [p]" for a test variant of p).
func failedSteps(stderr string) map[string]bool {
	failed := map[string]bool{}
	for _, line := range strings.Split(stderr, "\n") {
		if h, ok := strings.CutPrefix(line, "# "); ok {
			h = strings.Trim(h, "[]")
			if f := strings.Fields(h); len(f) > 0 {
				failed[f[0]] = true
			}
		}
	}
	return failed
}

// distinctDiagnostics returns the diagnostics without repetitions (a
// finding reported by two runs), sorted.
func distinctDiagnostics(diags []Diagnostic) []Diagnostic {
	seen := map[string]bool{}
	var out []Diagnostic
	for _, d := range diags {
		key := d.Pos.String() + "\x00" + d.Message
		if !seen[key] {
			seen[key] = true
			out = append(out, d)
		}
	}
	Sort(out)
	return out
}
