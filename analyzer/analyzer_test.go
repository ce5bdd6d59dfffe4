package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/stsregional/stsregional/analyzer"
)

// TestRealSDK runs the analyzer over testdata/mod, a module that requires
// the real AWS SDK modules (aws-sdk-go v1.55.8, aws-sdk-go-v2 v1.47.7,
// config v1.33.15, credentials v1.20.15, service/sts v1.51.8, smithy-go
// v1.28.8). analysistest loads it in module mode with GOPROXY=off, so the
// module cache must already hold them: run
//
//	cd analyzer/testdata/mod && go mod download
//
// once. Every expected diagnostic is a `// want "STS00N"` comment; every
// line without one asserts that nothing is reported there.
func TestRealSDK(t *testing.T) {
	testdata := analysistest.TestData()
	analysistest.Run(t, filepath.Join(testdata, "mod"), analyzer.Analyzer, "./...")
}
