package sdk

import (
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestRouteTablesResolve checks every name of the inventory's tables
// (Routes, Signers, the config options, the IMDS Region methods) against
// the real SDK modules of analyzer/testdata/mod: a misspelt name would
// silently list nothing.
func TestRouteTablesResolve(t *testing.T) {
	var names []string
	for k := range Routes {
		names = append(names, k)
	}
	for k := range Signers {
		names = append(names, k)
	}
	for k := range configOptions {
		names = append(names, k)
	}
	names = append(names, "("+V1EC2Metadata+".EC2Metadata).Region", "("+V2IMDS+".Client).GetRegion")

	paths := map[string]bool{}
	for _, n := range names {
		paths[pkgOf(n)] = true
	}
	var patterns []string
	for p := range paths {
		patterns = append(patterns, p)
	}
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "mod"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPROXY=off", "GOWORK=off", "GOFLAGS=-mod=mod"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*types.Package{}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Fatalf("%s: %v", p.PkgPath, p.Errors)
		}
		byPath[p.PkgPath] = p.Types
	}
	for _, n := range names {
		if !resolves(byPath[pkgOf(n)], n) {
			t.Errorf("%s names nothing in the SDK", n)
		}
	}
	// The check can fail.
	for _, n := range []string{V2STS + ".NewFromConfg", "(" + V2Signer + ".Signer).Sign", V1STSCreds + ".AssumeRoleProvidr{}"} {
		if resolves(byPath[pkgOf(n)], n) {
			t.Errorf("misspelt %s resolves", n)
		}
	}
}

// pkgOf returns the package path of a table name.
func pkgOf(name string) string {
	name = strings.TrimPrefix(strings.TrimPrefix(name, "("), "*")
	if i := strings.Index(name, ")"); i >= 0 {
		name = name[:i]
	}
	name = strings.TrimSuffix(name, "{}")
	return name[:strings.LastIndex(name, ".")]
}

// resolves reports whether name ("pkg.Func", "(pkg.Type).Method" or
// "pkg.Type{}") exists in pkg.
func resolves(pkg *types.Package, name string) bool {
	if pkg == nil {
		return false
	}
	switch {
	case strings.HasPrefix(name, "("):
		typ, method, _ := strings.Cut(strings.TrimPrefix(name, "("), ").")
		obj, _ := pkg.Scope().Lookup(typ[strings.LastIndex(typ, ".")+1:]).(*types.TypeName)
		if obj == nil {
			return false
		}
		m, _, _ := types.LookupFieldOrMethod(types.NewPointer(obj.Type()), true, pkg, method)
		_, ok := m.(*types.Func)
		return ok
	case strings.HasSuffix(name, "{}"):
		typ := strings.TrimSuffix(name, "{}")
		_, ok := pkg.Scope().Lookup(typ[strings.LastIndex(typ, ".")+1:]).(*types.TypeName)
		return ok
	}
	_, ok := pkg.Scope().Lookup(name[strings.LastIndex(name, ".")+1:]).(*types.Func)
	return ok
}
