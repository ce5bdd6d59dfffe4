package render

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stsregional/stsregional/analyzer"
	"github.com/stsregional/stsregional/internal/engine"
)

func diags(dir string) []engine.Diagnostic {
	chk := analyzer.Checks[4]
	file := filepath.Join(dir, "p", "a.go")
	return []engine.Diagnostic{{
		Package: "example.com/p", Category: chk.Category, Message: chk.ID + ": msg",
		Pos: engine.Position{Filename: file, Line: 2, Column: 3}, End: engine.Position{Filename: file, Line: 2, Column: 5},
		Fixes:   []engine.Fix{{Message: "Fix", Edits: []engine.Edit{{Filename: file, Start: 1, End: 2, New: "x"}}}},
		Related: []engine.Related{{Pos: engine.Position{Filename: file, Line: 1, Column: 1}, End: engine.Position{Filename: file, Line: 1, Column: 8}, Message: "sts.New builds the STS client here"}},
	}}
}

func TestText(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "p"), 0o755)
	os.WriteFile(filepath.Join(dir, "p", "a.go"), []byte("package p\nvar x = 1\n"), 0o644)
	var b bytes.Buffer
	Text(&b, diags(dir), dir, TextOptions{Context: -1})
	want := filepath.Join("p", "a.go") + ":2:3: STS004: msg\n"
	if b.String() != want {
		t.Errorf("Text: %q, want %q", b.String(), want)
	}
	b.Reset()
	Text(&b, diags(dir), dir, TextOptions{Context: 0, Verbose: true})
	want = filepath.Join("p", "a.go") + ":2:3: STS004: msg\n2\tvar x = 1\n" +
		"\t" + filepath.Join("p", "a.go") + ":1:1: sts.New builds the STS client here\n1\tpackage p\n" +
		"\t" + analyzer.Checks[4].URL() + "\n"
	if b.String() != want {
		t.Errorf("Text -c=0 -v: %q, want %q", b.String(), want)
	}
}

func TestJSON(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	if err := JSON(&b, diags(dir), dir); err != nil {
		t.Fatal(err)
	}
	var tree map[string]map[string][]struct {
		Posn, URL      string
		SuggestedFixes []struct{ Edits []struct{ Filename string } } `json:"suggested_fixes"`
		Related        []struct{ Posn, End, Message string }
	}
	if err := json.Unmarshal(b.Bytes(), &tree); err != nil {
		t.Fatal(err)
	}
	d := tree["example.com/p"][analyzer.Name]
	rel := filepath.Join("p", "a.go")
	if len(d) != 1 || d[0].Posn != rel+":2:3" || d[0].URL != analyzer.Checks[4].URL() ||
		d[0].SuggestedFixes[0].Edits[0].Filename != rel ||
		len(d[0].Related) != 1 || d[0].Related[0].Posn != rel+":1:1" || d[0].Related[0].End != rel+":1:8" ||
		d[0].Related[0].Message != "sts.New builds the STS client here" {
		t.Errorf("JSON:\n%s", b.String())
	}
	if !strings.HasSuffix(b.String(), "}\n") {
		t.Errorf("JSON does not end in a newline")
	}
}

// Each -json diagnostic names its check in a field of its own, found by
// category (whatever the message says), the message kept as it is; a
// diagnostic of no check has none.
func TestJSONCheck(t *testing.T) {
	dir := t.TempDir()
	ds := diags(dir)
	ds[0].Message = "no ID in this message"
	other := ds[0]
	other.Category, other.Pos.Line = "not-a-check", 9
	var b bytes.Buffer
	if err := JSON(&b, append(ds, other), dir); err != nil {
		t.Fatal(err)
	}
	var tree map[string]map[string][]map[string]any
	if err := json.Unmarshal(b.Bytes(), &tree); err != nil {
		t.Fatal(err)
	}
	d := tree["example.com/p"][analyzer.Name]
	if len(d) != 2 || d[0]["check"] != analyzer.Checks[4].ID || d[0]["message"] != "no ID in this message" ||
		d[0]["category"] != analyzer.Checks[4].Category {
		t.Errorf("JSON:\n%s", b.String())
	}
	if _, ok := d[1]["check"]; ok {
		t.Errorf("a diagnostic of no check has a check field:\n%s", b.String())
	}
}
