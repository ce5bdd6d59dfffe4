package analyzer_test

import (
	"testing"

	"github.com/stsregional/stsregional/analyzer"
)

// Only a package that imports an AWS SDK package, and is not part of an
// SDK, can start facts; vendored SDK paths count.
func TestMayExportFacts(t *testing.T) {
	for _, tc := range []struct {
		path    string
		imports []string
		want    bool
	}{
		{"example.com/app", []string{"fmt", "github.com/aws/aws-sdk-go/aws/session"}, true},
		{"example.com/app", []string{"example.com/app/vendor/github.com/aws/aws-sdk-go-v2/config"}, true},
		{"example.com/app", []string{"fmt", "net/http"}, false},
		{"net/http", []string{"fmt"}, false},
		{"github.com/aws/aws-sdk-go/service/sts", []string{"github.com/aws/aws-sdk-go/aws"}, false},
		{"example.com/app/vendor/github.com/aws/aws-sdk-go/aws/session", []string{"example.com/app/vendor/github.com/aws/aws-sdk-go/aws"}, false},
	} {
		if got := analyzer.MayExportFacts(tc.path, tc.imports); got != tc.want {
			t.Errorf("MayExportFacts(%q, %q) = %v, want %v", tc.path, tc.imports, got, tc.want)
		}
	}
}
