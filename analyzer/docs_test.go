package analyzer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stsregional/stsregional/analyzer"
)

// TestDocTitles keeps the README and the package documentation in step with
// Check.Doc, the one source of each check's title: the README's table row
// and section heading, and doc.go's heading, must all spell it.
func TestDocTitles(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	checks, err := os.ReadFile(filepath.Join("..", "docs", "checks.md"))
	if err != nil {
		t.Fatal(err)
	}
	docGo, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range analyzer.Checks {
		if c.Doc.Title == "" || c.Doc.Text == "" || c.Doc.Wrong == "" || c.Doc.Right == "" {
			t.Errorf("%s: Doc lacks a title, text or examples: %+v", c.ID, c.Doc)
		}
		def, fix := "off", "no"
		if c.Default {
			def = "on"
		}
		if c.Doc.Fix != "" {
			fix = "yes"
		}
		row := "| [" + c.ID + "](docs/checks.md#" + strings.ToLower(c.ID) + ") | " + c.Doc.Title + " | "
		line := lineWith(string(readme), row)
		switch {
		case line == "":
			t.Errorf("README has no table row starting %q", row)
		case !strings.Contains(line, " | "+def+" | "+fix):
			t.Errorf("README row of %s does not say default %q and autofix %q: %s", c.ID, def, fix, line)
		}
		for _, h := range []struct{ file, text, heading string }{
			{"docs/checks.md", string(checks), "### " + c.ID + " — " + c.Doc.Title + "\n"},
			{"doc.go", string(docGo), "// # " + c.ID + " — " + c.Doc.Title + "\n"},
		} {
			if !strings.Contains(h.text, h.heading) {
				t.Errorf("%s has no heading %q", h.file, strings.TrimSpace(h.heading))
			}
		}
	}
}

func lineWith(text, prefix string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}

// TestExplain checks the text -explain prints: every part of the check's
// Doc, and an error naming an unknown ID.
func TestExplain(t *testing.T) {
	for _, c := range analyzer.Checks {
		got, err := analyzer.Explain(strings.ToLower(c.ID))
		if err != nil {
			t.Fatalf("Explain(%s): %v", c.ID, err)
		}
		if !strings.HasPrefix(got, c.ID+": "+c.Doc.Title+"\n") {
			t.Errorf("Explain(%s) starts %q, want the ID and title", c.ID, strings.SplitN(got, "\n", 2)[0])
		}
		for _, part := range []string{c.Doc.Text, c.Doc.Fix, c.URL(), c.Category} {
			if !strings.Contains(got, part) {
				t.Errorf("Explain(%s) lacks %q", c.ID, part)
			}
		}
		for _, code := range []string{c.Doc.Wrong, c.Doc.Right} {
			for _, l := range strings.Split(code, "\n") {
				if !strings.Contains(got, "\t"+l+"\n") {
					t.Errorf("Explain(%s) lacks the indented example line %q", c.ID, l)
				}
			}
		}
		if c.Doc.Fix == "" && !strings.Contains(got, "Autofix: none.") {
			t.Errorf("Explain(%s) does not say there is no autofix", c.ID)
		}
	}
	if _, err := analyzer.Explain("STS999"); err == nil || !strings.Contains(err.Error(), `"STS999"`) {
		t.Errorf("Explain(STS999): err = %v, want one naming the ID", err)
	}
}

// TestAnalyzerDoc checks that the analyzer's Doc, shown by go vet help,
// lists every check by its title.
func TestAnalyzerDoc(t *testing.T) {
	for _, c := range analyzer.Checks {
		if !strings.Contains(analyzer.Analyzer.Doc, c.ID+"  "+c.Doc.Title) {
			t.Errorf("Analyzer.Doc lacks %s: %q", c.ID, analyzer.Analyzer.Doc)
		}
	}
}
