package analyzer_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/stsregional/stsregional/analyzer"
)

// TestHugeLiteral feeds string constants of several megabytes, one of them
// a global endpoint with a huge query, to the analyzer: it must report the
// endpoint and stay linear (the classifier scans each string once).
func TestHugeLiteral(t *testing.T) {
	pad := strings.Repeat("a", 4<<20)
	src := `package huge

import "net/http"

const blob = "` + pad + `"

const endpoint = "https://sts.amazonaws.com/?pad=` + pad + `" // want "STS001"

func f() {
	_, _ = http.NewRequest("POST", endpoint, nil)
	_, _ = http.NewRequest("POST", blob, nil)
}
`
	dir, cleanup, err := analysistest.WriteFiles(map[string]string{"huge/huge.go": src})
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	analysistest.Run(t, dir, analyzer.Analyzer, "huge")
}

// TestConfigErrors checks that programmatic configuration rejects unknown
// check IDs with an error naming them.
func TestConfigErrors(t *testing.T) {
	if _, err := analyzer.New(analyzer.Config{Disable: []string{"STS999"}}); err == nil || !strings.Contains(err.Error(), `"STS999"`) {
		t.Errorf("New with an unknown ID: err = %v, want one naming STS999", err)
	}
	if _, err := analyzer.New(analyzer.Config{Enable: []string{"sts004"}}); err != nil {
		t.Errorf("IDs are case-insensitive: %v", err)
	}
}
