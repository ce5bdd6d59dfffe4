package analyzer_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/stsregional/stsregional/analyzer"
)

// flowClassDirs are the folders of issue 8's seven classes and issue 13's
// ten under testdata/mod/flow; they must exist. Other folders there (sdkfacts) are
// run too.
var flowClassDirs = []string{
	"explicit",    // 1. explicit non-constant endpoints
	"configflow",  // 2. configurations that flow
	"conditional", // 3. conditional settings
	"discarded",   // 4. results that are not used
	"callers",     // 5. values from callers
	"multivalue",  // 6. variables with several values
	"procenv",     // 7. process environment
	// Issue 13's ten classes, bad and ok twins.
	"controlflow",   // 1. control flow
	"fields",        // 2. values in struct fields
	"params",        // 3. values from parameters
	"envcalls",      // 4. process environment through calls
	"emptyendpoint", // 5. endpoints that are empty by default
	"forward",       // 6. sinks decided forward
	"resolvers",     // 7. resolvers as functions
	"v2env",         // 8. v2 environment and signing
	"funcvalues",    // 9. function values holding SDK constructors
	"noimport",      // 10. values from packages without an AWS import
}

// TestFlowClasses runs analysistest over every folder of testdata/mod/flow:
// the class cases of issue 8, positives and negatives whose want comments
// TestSDKTruth checks against the real SDKs.
func TestFlowClasses(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "mod")
	entries, err := os.ReadDir(filepath.Join(dir, "flow"))
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			found[e.Name()] = true
			dirs = append(dirs, e.Name())
		}
	}
	for _, d := range flowClassDirs {
		if !found[d] {
			t.Errorf("class folder testdata/mod/flow/%s is missing", d)
		}
	}
	gaps := loadKnownGaps(t)
	for _, d := range dirs {
		t.Run(d, func(t *testing.T) {
			g := &gapFilter{t: t, gaps: gaps, hit: map[string]bool{}}
			analysistest.Run(g, dir, analyzer.Analyzer, "./flow/"+d+"/...")
			g.checkHit(d)
		})
	}
}
