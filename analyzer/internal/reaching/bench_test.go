package reaching

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/packages"
)

// BenchmarkBuild is the SSA cost on its own: building and indexing the
// SSA form of every package of the fixture module that imports an AWS SDK
// (the packages the analyzer's precheck lets through), from syntax and
// types already loaded. It is a diagnostic, not the user's figure: the
// whole-process entry points are benchmarked by bench/bench.sh.
func BenchmarkBuild(b *testing.B) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "mod"))
	if err != nil {
		b.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		b.Fatal(err)
	}
	var roots []*packages.Package
	files := 0
	for _, p := range pkgs {
		for _, imp := range p.Imports {
			if len(imp.PkgPath) > 18 && imp.PkgPath[:18] == "github.com/aws/aws" {
				roots = append(roots, p)
				files += len(p.Syntax)
				break
			}
		}
	}
	if len(roots) == 0 {
		b.Fatal("no AWS packages loaded")
	}
	b.ReportMetric(float64(len(roots)), "pkgs")
	b.ReportMetric(float64(files), "files")
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range roots {
			New(p.Fset, p.Types, p.Syntax, p.TypesInfo).Build()
		}
	}
}
