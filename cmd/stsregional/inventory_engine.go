package main

// The engine under the inventory: until the cached go vet engine lands on
// main, the loader main has (go/packages and the x/tools checker, which
// type-checks the dependency graph from source).

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/stsregional/stsregional/analyzer"
)

// routes runs the analyzer with -inventory on the packages matching
// patterns in the module at dir.
func routes(dir string, patterns []string, tags string, tests bool, cfg analyzer.Config) (routeResult, error) {
	cfg.Inventory = true
	a, err := analyzer.New(cfg)
	if err != nil {
		return routeResult{}, err
	}
	pcfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir, Tests: tests}
	if tags != "" {
		pcfg.BuildFlags = []string{"-tags=" + tags}
	}
	pkgs, err := packages.Load(pcfg, patterns...)
	if err != nil {
		return routeResult{}, err
	}
	var res routeResult
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			res.errs = append(res.errs, e.Error())
		}
	})
	if len(res.errs) > 0 {
		return res, nil
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		return routeResult{}, err
	}
	var diags []routeDiag
	for _, act := range graph.Roots {
		if act.Err != nil {
			res.errs = append(res.errs, fmt.Sprintf("%s: %v", act.Package.PkgPath, act.Err))
			continue
		}
		for _, d := range act.Diagnostics {
			diags = append(diags, routeDiag{act.Package.Fset.Position(d.Pos).String(), d.Category, d.Message})
		}
	}
	rows, errs := rowsOf(diags)
	res.rows, res.errs = rows, append(res.errs, errs...)
	return res, nil
}
