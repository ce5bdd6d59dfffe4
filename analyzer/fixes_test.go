package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/stsregional/stsregional/analyzer"
)

// TestFixes applies every suggested fix in testdata/mod/fixes against the
// real SDK modules and compares the result with the .golden files: alias,
// dot and missing imports included.
func TestFixes(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "mod")
	analysistest.RunWithSuggestedFixes(t, dir, analyzer.Analyzer, "./fixes/...")
}

// TestCrossPackage checks facts: sessions and configs built by helpers in
// another package are judged by how the helpers build them.
func TestCrossPackage(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "mod")
	analysistest.Run(t, dir, analyzer.Analyzer, "./crosspkg/...")
}
