package analyzer_test

import (
	"bytes"
	"flag"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
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
func inventoryOf(t *testing.T, dir string, cfg analyzer.Config) ([]inventory.Row, []finding) {
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
	var findings []finding
	for _, act := range g.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act.Package.PkgPath, act.Err)
		}
		for _, d := range act.Diagnostics {
			if !inventory.IsRoute(d.Category, d.Message) {
				findings = append(findings, finding{d.Message[:6], act.Package.Fset.Position(d.Pos), d.Message})
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

// A finding is the ID and position of a diagnostic that is not a route.
type finding struct {
	id  string
	pos token.Position
	msg string
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

// TestInventoryMatchesFindings: the inventory and the findings tell the
// same story. Every STS002/STS003 finding is at a route carrying its ID,
// every v1 STS006 finding and every STS001 finding on a request URL at a
// route's position or evidence; no route with a
// finding of these checks is regional, and every route with a check
// stands for a finding in its file.
func TestInventoryMatchesFindings(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "mod"))
	if err != nil {
		t.Fatal(err)
	}
	rows, findings := inventoryOf(t, dir, analyzer.Config{})
	type key struct {
		file      string
		line, col int
	}
	at := map[key][]inventory.Row{}
	for _, r := range rows {
		at[key{r.File, r.Line, r.Column}] = append(at[key{r.File, r.Line, r.Column}], r)
		for _, e := range r.Evidence {
			k := key{e.File, e.Line, e.Column}
			if !slices.ContainsFunc(at[k], func(x inventory.Row) bool { return x.Pos() == r.Pos() }) {
				at[k] = append(at[k], r)
			}
		}
	}
	findingFiles := map[string]map[string]bool{} // file → IDs
	for _, d := range findings {
		id, pos := d.id, d.pos
		if findingFiles[pos.Filename] == nil {
			findingFiles[pos.Filename] = map[string]bool{}
		}
		findingFiles[pos.Filename][id] = true
		// STS006 in v2 is also reported where no client is built (an
		// unused sts.Options, a per-operation option, a config handed to
		// a client factory elsewhere): only v1's sits at a route.
		v1AWSGlobal := id == analyzer.GlobalPseudoRgn && strings.Contains(d.msg, " v1 STS ")
		// STS001 on a request URL sits at the URL text: a raw request's
		// evidence.
		requestURL := id == analyzer.HardcodedGlobal && strings.Contains(d.msg, "request URL")
		// Findings reported where a value enters the flow (a default that
		// reaches a sink, a caller's argument) are attached through their
		// related locations when the sink is a route of the package, and
		// not otherwise (docs/inventory.md): not checked here.
		atValueOrigin := strings.Contains(d.msg, "from here into") || strings.Contains(d.msg, "passed here") ||
			strings.Contains(d.msg, "when this argument") || strings.Contains(d.msg, "this call may return")
		if !atValueOrigin && (id == analyzer.V1NotRegional || id == analyzer.V1RegionTrap || v1AWSGlobal || requestURL) {
			rs := at[key{pos.Filename, pos.Line, pos.Column}]
			if !slices.ContainsFunc(rs, func(r inventory.Row) bool { return r.Check == id }) {
				t.Errorf("%s: %s finding at no route carrying it (routes there: %v)", pos, id, rs)
			}
		}
	}
	reported := map[string]bool{} // "ID file:line:col"
	for _, d := range findings {
		reported[d.id+" "+d.pos.String()] = true
	}
	for _, r := range rows {
		if r.Check == "" {
			if len(r.Findings) > 0 {
				t.Errorf("route %s lists findings %v but carries no check", r.Pos(), r.Findings)
			}
			continue
		}
		if !slices.ContainsFunc(r.Findings, func(f inventory.Finding) bool { return f.Check == r.Check }) {
			t.Errorf("route %s carries %s, which is not among its findings %v", r.Pos(), r.Check, r.Findings)
		}
		// Every finding a row lists is one reported there (or suppressed).
		local := false
		for _, f := range r.Findings {
			if !f.Suppressed && !reported[fmt.Sprintf("%s %s:%d:%d", f.Check, f.File, f.Line, f.Column)] {
				t.Errorf("route %s lists %s at %s:%d:%d, but no such finding is there", r.Pos(), f.Check, f.File, f.Line, f.Column)
			}
			at := f.File == r.File && f.Line == r.Line && f.Column == r.Column
			for _, e := range r.Evidence {
				at = at || f.File == e.File && f.Line == e.Line && f.Column == e.Column
			}
			local = local || f.Check == r.Check && at
		}
		// A route the analysis calls regional carries no finding of its
		// own; one written elsewhere (aws-global passed by a caller into
		// a Region parameter) may still reach it.
		if local && r.Endpoint.Mode == inventory.ModeRegional && (r.Check == analyzer.V1NotRegional || r.Check == analyzer.V1RegionTrap || r.Check == analyzer.GlobalPseudoRgn) {
			t.Errorf("route %s is regional but carries %s", r.Pos(), r.Check)
		}
	}
}

// TestInventoryGating: -disable changes which routes are findings, never
// which routes are listed; a suppressed finding stays on its route, marked
// with the directive's reason.
func TestInventoryGating(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "mod"))
	if err != nil {
		t.Fatal(err)
	}
	all, _ := inventoryOf(t, dir, analyzer.Config{})
	some, _ := inventoryOf(t, dir, analyzer.Config{Disable: []string{analyzer.V1RegionTrap}})
	all, some = inventory.Sort(all), inventory.Sort(some)
	if len(all) != len(some) {
		t.Fatalf("-disable=STS003 lists %d routes, the default %d", len(some), len(all))
	}
	moved := 0
	for i := range all {
		a, s := all[i], some[i]
		if a.Pos() != s.Pos() || a.Endpoint != s.Endpoint {
			t.Fatalf("route %d differs: %+v vs %+v", i, a, s)
		}
		switch {
		case s.Check == analyzer.V1RegionTrap:
			t.Errorf("%s: STS003 disabled but the route carries it", s.Pos())
		case a.Check == analyzer.V1RegionTrap:
			moved++
		case a.Check != s.Check:
			t.Errorf("%s: check %q became %q", a.Pos(), a.Check, s.Check)
		}
	}
	if moved == 0 {
		t.Errorf("no route carried STS003 by default: the test tests nothing")
	}

	suppressed := 0
	for _, r := range all {
		if r.Suppressed {
			suppressed++
			if r.Check == "" || r.SuppressReason == "" {
				t.Errorf("%s: suppressed without check or reason: %+v", r.Pos(), r)
			}
		}
	}
	if suppressed == 0 {
		t.Errorf("no suppressed route in testdata/mod")
	}
}
