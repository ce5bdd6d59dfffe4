package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/stsregional/stsregional/analyzer"
)

// TestVendored checks that a vendored SDK (import path under /vendor/)
// matches like the real one, and that fixes reuse its import names.
func TestVendored(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), analyzer.Analyzer, "vendored")
}
