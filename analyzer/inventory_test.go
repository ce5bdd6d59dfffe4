package analyzer_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/stsregional/stsregional/analyzer"
	"github.com/stsregional/stsregional/internal/inventory"
)

var updateInventory = flag.Bool("update-inventory", false, "rewrite testdata/inventory.golden")

// inventoryOf runs the analyzer with cfg (Inventory set) over the packages
// of the module in dir, test files included, and returns the routes and
// the findings (route diagnostics excluded) it reported.
func inventoryOf(t *testing.T, dir string, cfg analyzer.Config) ([]inventory.Row, []analysis.Diagnostic) {
	t.Helper()
	cfg.Inventory = true
	a, err := analyzer.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	pcfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   dir,
		Tests: true,
		Env:   append(os.Environ(), "GOPROXY=off", "GOWORK=off", "GOFLAGS=-mod=mod"),
	}
	pkgs, err := packages.Load(pcfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		t.Fatalf("%d errors loading %s", n, dir)
	}
	g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var rows []inventory.Row
	var findings []analysis.Diagnostic
	for _, act := range g.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act.Package.PkgPath, act.Err)
		}
		for _, d := range act.Diagnostics {
			if !inventory.IsRoute(d.Category, d.Message) {
				findings = append(findings, d)
				continue
			}
			r, err := inventory.Decode(d.Message)
			if err != nil {
				t.Fatal(err)
			}
			rows = append(rows, r)
		}
	}
	return rows, findings
}

// TestInventoryGolden: the inventory of testdata/mod, the real-SDK module,
// as the text table (testdata/inventory.golden; -update-inventory rewrites
// it).
func TestInventoryGolden(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "mod"))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := inventoryOf(t, dir, analyzer.Config{})
	var b bytes.Buffer
	if err := inventory.New(rows, dir).WriteText(&b); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "inventory.golden")
	if *updateInventory {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("inventory of testdata/mod differs from %s (go test -run TestInventoryGolden -update-inventory rewrites it):\n%s", golden, diffLines(string(want), got))
	}
}

// diffLines lists the lines only in want (-) and only in got (+).
func diffLines(want, got string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}
