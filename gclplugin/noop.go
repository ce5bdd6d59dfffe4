//go:build stsregionalnoop

package gclplugin

// The stsregionalnoop build is the benchmarks' floor for golangci-lint
// (bench/): the same plugin, settings and linter name, with an analyzer
// that does nothing.

import (
	"golang.org/x/tools/go/analysis"

	"github.com/stsregional/stsregional/analyzer"
)

func init() {
	newAnalyzer = func(analyzer.Config) (*analysis.Analyzer, error) {
		return &analysis.Analyzer{
			Name: analyzer.Name,
			Doc:  "does nothing (benchmark floor)",
			Run:  func(*analysis.Pass) (any, error) { return nil, nil },
		}, nil
	}
}
