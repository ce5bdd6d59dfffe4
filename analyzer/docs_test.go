package analyzer_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stsregional/stsregional/analyzer"
)

var updateDocs = flag.Bool("update", false, "rewrite docs/checks.md and docs/checks/STS00N.md from the checks' Doc")

// TestCheckDocs keeps the generated documentation in step with Check.Doc:
// docs/checks/<ID>.md is Markdown(ID), and docs/checks.md the index. Run
// with -update to rewrite them after changing a Doc.
func TestCheckDocs(t *testing.T) {
	docs := filepath.Join("..", "docs")
	want := map[string]string{filepath.Join(docs, "checks.md"): analyzer.MarkdownIndex()}
	for _, c := range analyzer.Checks {
		page, err := analyzer.Markdown(c.ID)
		if err != nil {
			t.Fatal(err)
		}
		want[filepath.Join(docs, "checks", c.ID+".md")] = page
	}
	if *updateDocs {
		if err := os.MkdirAll(filepath.Join(docs, "checks"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for path, text := range want {
		if *updateDocs {
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%v (run go test ./analyzer -run TestCheckDocs -update)", err)
			continue
		}
		if string(got) != text {
			t.Errorf("%s is not the text generated from the checks' Doc: run go test ./analyzer -run TestCheckDocs -update", path)
		}
	}
	// No page of a check that no longer exists.
	entries, err := os.ReadDir(filepath.Join(docs, "checks"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if path := filepath.Join(docs, "checks", e.Name()); want[path] == "" {
			t.Errorf("%s documents no check: delete it", path)
		}
	}
	if _, err := analyzer.Markdown("STS999"); err == nil {
		t.Error("Markdown(STS999): no error")
	}
}

// TestMarkdown checks what a page holds: the ID and title, every part of
// the Doc, links to the other checks it names, and nothing that reads as
// a link into the former single page.
func TestMarkdown(t *testing.T) {
	for _, c := range analyzer.Checks {
		page, _ := analyzer.Markdown(c.ID)
		if !strings.Contains(page, "\n# "+c.ID+" — "+c.Doc.Title+"\n") {
			t.Errorf("%s page lacks its heading", c.ID)
		}
		for _, code := range []string{c.Doc.Wrong, c.Doc.Right} {
			if !strings.Contains(page, "```go\n"+code+"\n```") {
				t.Errorf("%s page lacks the example %q", c.ID, code)
			}
		}
		for _, e := range c.Doc.More {
			if !strings.Contains(page, e.Wrong) || !strings.Contains(page, e.Right) {
				t.Errorf("%s page lacks a further example", c.ID)
			}
		}
		if c.Doc.Fix == "" && !strings.Contains(page, "## Autofix\n\nNone.\n") {
			t.Errorf("%s page does not say there is no autofix", c.ID)
		}
		if !strings.Contains(page, "`"+c.Category+"`") {
			t.Errorf("%s page lacks its category", c.ID)
		}
	}
	page, _ := analyzer.Markdown("STS003")
	if !strings.Contains(page, "Like [STS002](STS002.md), but") {
		t.Errorf("STS003 page does not link STS002:\n%s", page)
	}
	// STS000 names itself and docs/usage.md outside code, and
	// //stsregional:ignore inside it.
	page, _ = analyzer.Markdown("STS000")
	if strings.Contains(page, "](STS000.md)") || !strings.Contains(page, "[docs/usage.md](../usage.md)") || !strings.Contains(page, "`//stsregional:ignore`") {
		t.Errorf("STS000 page links itself, or not docs/usage.md, or links inside code:\n%s", page)
	}
}

// TestDocTitles keeps the README and the package documentation in step with
// Check.Doc, the one source of each check's title: the README's table row,
// linking the check's page, and doc.go's heading must spell it.
func TestDocTitles(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
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
		row := "| [" + c.ID + "](docs/checks/" + c.ID + ".md) | " + c.Doc.Title + " | "
		line := lineWith(string(readme), row)
		switch {
		case line == "":
			t.Errorf("README has no table row starting %q", row)
		case !strings.Contains(line, " | "+def+" | "+fix):
			t.Errorf("README row of %s does not say default %q and autofix %q: %s", c.ID, def, fix, line)
		}
		if heading := "// # " + c.ID + " — " + c.Doc.Title + "\n"; !strings.Contains(string(docGo), heading) {
			t.Errorf("doc.go has no heading %q", strings.TrimSpace(heading))
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
		codes := []string{c.Doc.Wrong, c.Doc.Right}
		for _, e := range c.Doc.More {
			codes = append(codes, e.Wrong, e.Right)
		}
		for _, code := range codes {
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
