package sarif

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stsregional/stsregional/analyzer"
	"github.com/stsregional/stsregional/internal/engine"
)

// Columns count UTF-16 code units: é is one, 🙂 two, whatever their bytes.
func TestColumns(t *testing.T) {
	name := filepath.Join(t.TempDir(), "u.go")
	if err := os.WriteFile(name, []byte("package u\n\nvar s = \"é🙂\" + x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := &converter{files: map[string]*file{}}
	byteCol := len("var s = \"é🙂\" + ") + 1 // of x
	if got, want := c.column(engine.Position{Filename: name, Line: 3, Column: byteCol}), len(`var s = "`)+1+2+len(`" + `)+1; got != want {
		t.Errorf("column of x: %d, want %d (UTF-16)", got, want)
	}
	if got := c.column(engine.Position{Filename: name, Line: 1, Column: 9}); got != 9 {
		t.Errorf("ASCII column: %d, want 9", got)
	}
	// An unreadable file keeps the byte column.
	if got := c.column(engine.Position{Filename: name + ".missing", Line: 3, Column: 7}); got != 7 {
		t.Errorf("column without the file: %d, want 7", got)
	}
	// Byte offsets of fix edits become lines and columns.
	off := len("package u\n\nvar s = \"é🙂\" + ")
	if p, ok := c.position(name, off); !ok || p.Line != 3 || p.Column != byteCol {
		t.Errorf("position of offset %d: %v %v, want 3:%d", off, p, ok, byteCol)
	}
}

// A diagnostic becomes a result of the rule of its check, with its fix;
// rules come from analyzer.Checks, in order.
func TestConvert(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	src := "package a\n\nvar u = \"https://sts.amazonaws.com\"\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	chk := analyzer.Checks[1]
	d := engine.Diagnostic{
		Category: chk.Category, Message: chk.ID + ": x",
		Pos: engine.Position{Filename: file, Line: 3, Column: 9}, End: engine.Position{Filename: file, Line: 3, Column: 36},
		Fixes:   []engine.Fix{{Message: "Fix it", Edits: []engine.Edit{{Filename: file, Start: 19, End: 22, New: "sts.eu-west-1"}}}},
		Related: []engine.Related{{Pos: engine.Position{Filename: file, Line: 1, Column: 1}, End: engine.Position{Filename: file, Line: 1, Column: 10}, Message: "reaches a request URL here"}},
	}
	log := Convert([]engine.Diagnostic{d}, dir, "v1")
	run := log.Runs[0]
	if len(run.Tool.Driver.Rules) != len(analyzer.Checks) {
		t.Fatalf("%d rules, want %d", len(run.Tool.Driver.Rules), len(analyzer.Checks))
	}
	for i, c := range analyzer.Checks {
		if r := run.Tool.Driver.Rules[i]; r.ID != c.ID || r.ShortDescription.Text != c.Doc.Title || r.HelpURI != c.URL() {
			t.Errorf("rule %d: %+v, want %s %q %s", i, r, c.ID, c.Doc.Title, c.URL())
		}
	}
	if len(run.Results) != 1 {
		t.Fatalf("%d results, want 1", len(run.Results))
	}
	r := run.Results[0]
	loc := r.Locations[0].PhysicalLocation
	if r.RuleID != chk.ID || r.RuleIndex != 1 || loc.ArtifactLocation.URI != "a.go" || loc.ArtifactLocation.URIBaseID != SrcRoot ||
		*loc.Region != (Region{3, 9, 3, 36}) {
		t.Errorf("result %+v at %+v %+v", r, loc.ArtifactLocation, loc.Region)
	}
	if len(r.RelatedLocations) != 1 {
		t.Fatalf("%d related locations, want 1", len(r.RelatedLocations))
	}
	rl := r.RelatedLocations[0]
	if rl.ID == nil || *rl.ID != 1 || rl.Message == nil || rl.Message.Text != "reaches a request URL here" ||
		rl.PhysicalLocation.ArtifactLocation.URI != "a.go" || *rl.PhysicalLocation.Region != (Region{1, 1, 1, 10}) {
		t.Errorf("related location %+v at %+v", rl, rl.PhysicalLocation)
	}
	if len(r.Fixes) != 1 {
		t.Fatalf("%d fixes, want 1", len(r.Fixes))
	}
	rep := r.Fixes[0].ArtifactChanges[0].Replacements[0]
	if rep.DeletedRegion != (Region{3, 9, 3, 12}) || rep.InsertedContent.Text != "sts.eu-west-1" {
		t.Errorf("replacement %+v %q", rep.DeletedRegion, rep.InsertedContent.Text)
	}
}
