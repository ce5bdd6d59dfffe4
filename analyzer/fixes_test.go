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
