package analyzer_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stsregional/stsregional/analyzer"
)

// Only a package that imports an AWS SDK package, or whose files mention
// amazonaws, and is not part of an SDK, can start facts; vendored SDK paths
// count.
func TestMayExportFacts(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	plain := write("plain.go", "package p\n\nconst host = \"example.com\"\n")
	helper := write("helper.go", "package p\n\n// DefaultEndpoint is the fallback.\nconst DefaultEndpoint = \"https://STS.AmazonAWS.com\"\n")
	// Helpers that import no SDK but return values an STS client takes:
	// a Region fallback, a Region name, the DNS suffix in pieces.
	pseudo := write("pseudo.go", "package p\n\nfunc Region() string { return \"aws-global\" }\n")
	region := write("region.go", "package p\n\nfunc Home() string { return \"us-gov-west-1\" }\n")
	pieces := write("pieces.go", "package p\n\nconst domain = \"amazon\" + \"aws.com\"\n")
	// "aws" inside a word is no STS value (golang.org/x/sys/unix's
	// RawSyscall, RawSockaddr).
	inWord := write("inword.go", "package p\n\nconst e = \"RawSockaddrAny too small\"\nconst f = \"draws laws\"\n")
	upper := write("upper.go", "package p\n\nconst suffix = \".AMAZONAWS.COM\"\n")
	notRegion := write("dashes.go", "package p\n\nconst id = \"abc-def-ghi\"\nconst v = \"x-1\"\n")
	for _, tc := range []struct {
		path    string
		imports []string
		files   []string
		want    bool
	}{
		{"example.com/app", []string{"fmt", "github.com/aws/aws-sdk-go/aws/session"}, []string{plain}, true},
		{"example.com/app", []string{"example.com/app/vendor/github.com/aws/aws-sdk-go-v2/config"}, []string{plain}, true},
		{"example.com/app", []string{"fmt", "net/http"}, []string{plain}, false},
		{"example.com/stsutil", []string{"fmt", "net/http"}, []string{plain, helper}, true},
		{"example.com/regionutil", []string{"os"}, []string{plain, pseudo}, true},
		{"example.com/regionutil", []string{"os"}, []string{region}, true},
		{"example.com/endpointutil", nil, []string{pieces}, true},
		{"example.com/ids", nil, []string{plain, notRegion}, false},
		{"example.com/sys", nil, []string{plain, inWord}, false},
		{"example.com/suffix", nil, []string{upper}, true},
		{"example.com/gone", []string{"fmt"}, []string{filepath.Join(dir, "missing.go")}, true},
		{"net/http", []string{"fmt"}, nil, false},
		{"github.com/aws/aws-sdk-go/service/sts", []string{"github.com/aws/aws-sdk-go/aws"}, []string{helper}, false},
		{"example.com/app/vendor/github.com/aws/aws-sdk-go/aws/session", []string{"example.com/app/vendor/github.com/aws/aws-sdk-go/aws"}, nil, false},
	} {
		if got := analyzer.MayExportFacts(tc.path, tc.imports, tc.files); got != tc.want {
			t.Errorf("MayExportFacts(%q, %q, %q) = %v, want %v", tc.path, tc.imports, tc.files, got, tc.want)
		}
	}
}
