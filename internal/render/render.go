// Package render prints the diagnostics of an analysis as text or JSON,
// with paths relative to the working directory and each finding's
// documentation URL.
package render

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/stsregional/stsregional/analyzer"
	"github.com/stsregional/stsregional/internal/engine"
	"github.com/stsregional/stsregional/internal/vetjson"
)

// check returns the check of a diagnostic, found by category or by the
// check ID its message starts with; nil if none.
func check(d engine.Diagnostic) *analyzer.Check {
	for i, c := range analyzer.Checks {
		if c.Category == d.Category || strings.HasPrefix(d.Message, c.ID+":") {
			return &analyzer.Checks[i]
		}
	}
	return nil
}

// URL returns the documentation URL of a diagnostic: its check's section.
func URL(d engine.Diagnostic) string {
	if c := check(d); c != nil {
		return c.URL()
	}
	return analyzer.DocURL
}

// CheckID returns the ID of the check that reported a diagnostic, such as
// "STS001"; "" if none does.
func CheckID(d engine.Diagnostic) string {
	if c := check(d); c != nil {
		return c.ID
	}
	return ""
}

// TextOptions say how much Text prints.
type TextOptions struct {
	// Context is the number of source lines shown around each finding;
	// negative for none.
	Context int
	// Verbose adds each finding's related locations (the other ends of
	// its routes) and its documentation URL.
	Verbose bool
}

// Text prints one "file:line:col: message" line per diagnostic, paths
// relative to cwd; with Verbose, an indented "\tfile:line:col: message"
// line per related location and the documentation URL.
func Text(w io.Writer, diags []engine.Diagnostic, cwd string, opts TextOptions) {
	for _, d := range diags {
		printPlain(w, cwd, "", d.Pos, d.End, d.Message, opts.Context)
		if !opts.Verbose {
			continue
		}
		for _, r := range d.Related {
			printPlain(w, cwd, "\t", r.Pos, r.End, r.Message, opts.Context)
		}
		fmt.Fprintf(w, "\t%s\n", URL(d))
	}
}

func printPlain(w io.Writer, cwd, indent string, pos, end engine.Position, msg string, context int) {
	fmt.Fprintf(w, "%s%s: %s\n", indent, rel(cwd, pos), msg)
	if context < 0 {
		return
	}
	last := end.Line
	if end.Filename != pos.Filename || last < pos.Line {
		last = pos.Line
	}
	data, _ := os.ReadFile(pos.Filename)
	lines := strings.Split(string(data), "\n")
	for i := pos.Line - context; i <= last+context; i++ {
		if 1 <= i && i <= len(lines) {
			fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
		}
	}
}

func rel(cwd string, p engine.Position) engine.Position {
	p.Filename = engine.Rel(cwd, p.Filename)
	return p
}

// JSON prints the diagnostics as one JSON object: package path →
// "stsregional" → diagnostics, as go vet -json does, with each
// diagnostic's "check" ID and "url" added. Paths are relative to cwd; fix edits are byte
// offsets.
func JSON(w io.Writer, diags []engine.Diagnostic, cwd string) error {
	tree := map[string]map[string][]vetjson.Diagnostic{}
	for _, d := range diags {
		jd := vetjson.Diagnostic{
			Category: d.Category,
			Check:    CheckID(d),
			Posn:     rel(cwd, d.Pos).String(),
			End:      rel(cwd, d.End).String(),
			Message:  d.Message,
			URL:      URL(d),
		}
		for _, f := range d.Fixes {
			jf := vetjson.Fix{Message: f.Message, Edits: []vetjson.Edit{}}
			for _, e := range f.Edits {
				jf.Edits = append(jf.Edits, vetjson.Edit{Filename: engine.Rel(cwd, e.Filename), Start: e.Start, End: e.End, New: e.New})
			}
			jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
		}
		for _, r := range d.Related {
			jd.Related = append(jd.Related, vetjson.Related{Posn: rel(cwd, r.Pos).String(), End: rel(cwd, r.End).String(), Message: r.Message})
		}
		if tree[d.Package] == nil {
			tree[d.Package] = map[string][]vetjson.Diagnostic{}
		}
		tree[d.Package][analyzer.Name] = append(tree[d.Package][analyzer.Name], jd)
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}
