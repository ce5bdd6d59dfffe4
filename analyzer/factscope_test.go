package analyzer_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

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

// Every package of the test module that exports a fact, while none of its
// direct imports has one, passes MayExportFacts: the drivers skip the
// packages it rejects without type-checking them, so a package it missed
// would silently lose the facts its importers need.
func TestMayExportFactsCovers(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses the whole test module")
	}
	results := analysistest.Run(recorder{new([]string)}, mod(), analyzer.Analyzer, "./...")
	hasFacts := map[string]bool{}
	for _, r := range results {
		if len(r.Facts) > 0 {
			hasFacts[r.Action.Package.PkgPath] = true
		}
	}
	exporters := 0
	for _, r := range results {
		pkg := r.Action.Package
		if !hasFacts[pkg.PkgPath] {
			continue
		}
		exporters++
		var imports []string
		fromImport := false
		for path := range pkg.Imports {
			imports = append(imports, path)
			fromImport = fromImport || hasFacts[path]
		}
		if fromImport {
			continue // its facts may come from an import's
		}
		if !analyzer.MayExportFacts(pkg.PkgPath, imports, pkg.GoFiles) {
			t.Errorf("%s exports facts but MayExportFacts rejects it", pkg.PkgPath)
		}
	}
	if exporters == 0 {
		t.Fatal("no package of the test module exports a fact")
	}
	t.Logf("%d packages export facts", exporters)
}
