package main

// The package loading and analysis shared by the modes that do not go
// through singlechecker: -format=sarif and standalone -fix.

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/stsregional/stsregional/analyzer"
)

// errLoad reports that packages failed to load or have errors; they were
// printed already.
type errLoad struct{ n int }

func (e errLoad) Error() string { return fmt.Sprintf("%d error(s) loading packages", e.n) }

// analyze loads the packages matching patterns in dir ("" for the current
// directory), with their test variants if tests is set, and runs the
// analyzer on them. Package errors are printed to stderr, one per line, and
// make it fail with an errLoad: a caller must then not act on a partial
// result. It also fails when the analysis of a root package failed.
func analyze(dir string, patterns []string, tests bool, stderr io.Writer) (*checker.Graph, error) {
	cfg := &packages.Config{
		// The analyzer has facts: load the whole program from source.
		Mode:  packages.LoadAllSyntax | packages.NeedModule,
		Dir:   dir,
		Tests: tests,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	if n := printErrors(stderr, pkgs); n > 0 {
		return nil, errLoad{n}
	}

	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.Analyzer}, pkgs, nil)
	if err != nil {
		return nil, err
	}
	var errs []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", act.Package.PkgPath, act.Err))
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return nil, errAnalysis(strings.Join(errs, "; "))
	}
	return graph, nil
}

// errAnalysis reports that the analysis of some root packages failed.
type errAnalysis string

func (e errAnalysis) Error() string { return string(e) }

// analyzeError words an error of analyze for a mode whose output is
// withheld on errors; what says what was not done ("no SARIF written").
func analyzeError(err error, what string) error {
	var le errLoad
	var ae errAnalysis
	switch {
	case errors.As(err, &le):
		return fmt.Errorf("%v; %s", le, what)
	case errors.As(err, &ae):
		return fmt.Errorf("analysis failed; %s: %s", what, string(ae))
	}
	return err
}

// printErrors prints the errors of pkgs and their dependencies, one per
// line, as the text mode does, and returns their number.
func printErrors(w io.Writer, pkgs []*packages.Package) int {
	n := 0
	seen := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if s := e.Error(); !seen[s] {
				seen[s] = true
				fmt.Fprintln(w, s)
				n++
			}
		}
		if p.Module != nil && p.Module.Error != nil {
			if s := p.Module.Error.Err; !seen[s] {
				seen[s] = true
				fmt.Fprintln(w, s)
				n++
			}
		}
	})
	return n
}
