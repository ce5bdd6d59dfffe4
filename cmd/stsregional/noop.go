//go:build stsregionalnoop

package main

// The stsregionalnoop build is the benchmarks' floor (bench/): the same
// front-end and the same flags, with an analyzer that does nothing.

import (
	"flag"

	"golang.org/x/tools/go/analysis"

	"github.com/stsregional/stsregional/analyzer"
)

func init() {
	noop := &analysis.Analyzer{
		Name: analyzer.Name,
		Doc:  "does nothing (benchmark floor)",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}
	analyzer.Analyzer.Flags.VisitAll(func(f *flag.Flag) { noop.Flags.Var(f.Value, f.Name, f.Usage) })
	unitAnalyzer = noop
}
