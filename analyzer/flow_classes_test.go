package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/stsregional/stsregional/analyzer"
)

// flowClasses maps each class of issue 8 to its folder under
// testdata/mod/flow.
var flowClasses = []struct{ name, dir string }{
	{"1-explicit-endpoints", "explicit"},
	{"2-configs-that-flow", "configflow"},
	{"3-conditional-settings", "conditional"},
	{"4-discarded-results", "discarded"},
	{"5-values-from-callers", "callers"},
	{"6-several-values", "multivalue"},
	{"7-process-environment", "procenv"},
}

// TestFlowClasses runs analysistest over the class cases of issue 8
// (testdata/mod/flow/<class>): positives and negatives whose expectations
// TestSDKTruth checks against the real SDKs. Until the analyzer implements
// the classes, it runs only with STSREGIONAL_FLOW_CLASSES=1.
func TestFlowClasses(t *testing.T) {
	if !flowClassesEnabled() {
		t.Skip("set STSREGIONAL_FLOW_CLASSES=1: the analyzer does not implement issue 8's classes yet")
	}
	// The class packages carry the build tag flowTag; analysistest takes
	// GOFLAGS from the environment.
	t.Setenv("GOFLAGS", "-mod=mod -tags="+flowTag)
	dir := filepath.Join(analysistest.TestData(), "mod")
	for _, c := range flowClasses {
		t.Run(c.name, func(t *testing.T) {
			analysistest.Run(t, dir, analyzer.Analyzer, "./flow/"+c.dir+"/...")
		})
	}
}
