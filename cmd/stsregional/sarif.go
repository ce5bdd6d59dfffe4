package main

// -format=sarif: load the packages, run the analyzer with
// golang.org/x/tools/go/analysis/checker and write one SARIF 2.1.0 log.

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/stsregional/stsregional/analyzer"
	"github.com/stsregional/stsregional/internal/sarif"
)

// formatValue is the -format flag: "text" (the default) or "sarif".
type formatValue string

func (f *formatValue) String() string { return string(*f) }

func (f *formatValue) Set(s string) error {
	switch s {
	case "text", "sarif":
		*f = formatValue(s)
		return nil
	}
	return fmt.Errorf("unknown format %q (known: text, sarif)", s)
}

const formatUsage = "output format: text, or sarif to write one SARIF 2.1.0 log to stdout (exit 0 even with findings)"

// The flags of singlechecker besides the analyzer's own, by kind; kept in
// sync with golang.org/x/tools/go/analysis/internal/{analysisflags,checker}.
var (
	// textBoolFlags and textValueFlags only make sense in text mode.
	textBoolFlags  = []string{"json", "fix", "diff", "flags", "V"}
	textValueFlags = []string{"c", "debug", "cpuprofile", "memprofile", "trace"}
	// legacyBoolFlags and legacyValueFlags are accepted and ignored.
	legacyBoolFlags  = []string{"source", "v", "all"}
	legacyValueFlags = []string{"tags"}
)

// wantsSARIF reports whether the command line asks for -format=sarif.
//
// It parses args with a throwaway flag set that knows every flag of the
// text mode and whether it takes a value, so that "-disable STS001 -format
// sarif ./..." is understood. If that parse fails (a bad or unknown flag,
// -help), the text mode reports the problem, unless a -format=sarif token is
// present: then the SARIF mode reports it, so that a bad command line never
// silently falls back to text output.
func wantsSARIF(args []string) bool {
	p, err := probe(args)
	if err == nil {
		return p.format == "sarif"
	}
	if errors.Is(err, flag.ErrHelp) {
		return false
	}
	for i, a := range args {
		switch strings.TrimPrefix(a, "-") {
		case "-format=sarif", "format=sarif":
			return true
		case "-format", "format":
			if i+1 < len(args) && args[i+1] == "sarif" {
				return true
			}
		}
	}
	return false
}

// probed is what probe understood of a command line.
type probed struct {
	format string
	set    map[string]string // the flags given, by name: their last value
	args   []string          // the arguments after the flags
}

// probe parses args with a throwaway flag set that knows every flag of the
// text mode and whether it takes a value, accepting any value.
func probe(args []string) (probed, error) {
	p := probed{set: map[string]string{}}
	fs := flag.NewFlagSet(analyzer.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "")
	record := func(name string, isBool bool) {
		fs.Var(recorder{name, isBool, p.set}, name, "")
	}
	for _, name := range append(textBoolFlags, append(legacyBoolFlags, "test")...) {
		record(name, true)
	}
	for _, name := range append(textValueFlags, legacyValueFlags...) {
		record(name, false)
	}
	analyzer.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
		record(f.Name, isBool(f.Value))
		record(analyzer.Name+"."+f.Name, isBool(f.Value))
	})
	err := fs.Parse(args)
	p.format, p.args = *format, fs.Args()
	return p, err
}

// recorder is a flag.Value that accepts anything and records it.
type recorder struct {
	name   string
	isBool bool
	set    map[string]string
}

func (r recorder) String() string     { return "" }
func (r recorder) IsBoolFlag() bool   { return r.isBool }
func (r recorder) Set(s string) error { r.set[r.name] = s; return nil }

func isBool(v flag.Value) bool {
	b, ok := v.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// anyBool is a boolean flag.Value that accepts anything.
type anyBool struct{ anyValue }

func (anyBool) IsBoolFlag() bool { return true }

// textOnly is a flag that the SARIF mode rejects.
type textOnly struct{ isBool bool }

func (t textOnly) String() string   { return "" }
func (t textOnly) IsBoolFlag() bool { return t.isBool }
func (t textOnly) Set(string) error {
	return errors.New("not supported with -format=sarif")
}

// runSARIF is main for -format=sarif. It returns the exit code:
// 0 when the SARIF log was written (with or without findings), 1 when the
// packages could not be loaded or analysed (nothing on stdout), 2 for a bad
// command line.
func runSARIF(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(analyzer.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := formatValue("text")
	fs.Var(&format, "format", formatUsage)
	tests := fs.Bool("test", true, "indicates whether test files should be analyzed, too")
	for _, name := range textBoolFlags {
		fs.Var(textOnly{true}, name, "")
	}
	for _, name := range textValueFlags {
		fs.Var(textOnly{false}, name, "")
	}
	for _, name := range legacyBoolFlags {
		fs.Var(anyBool{}, name, "")
	}
	for _, name := range legacyValueFlags {
		fs.Var(anyValue{}, name, "")
	}
	analyzer.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
		fs.Var(f.Value, f.Name, f.Usage)
		fs.Var(f.Value, analyzer.Name+"."+f.Name, f.Usage)
	})
	hint := fmt.Sprintf("Run '%s -help' for usage.", analyzer.Name)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, hint)
			return 0
		}
		fmt.Fprintln(stderr, err)
		fmt.Fprintln(stderr, hint)
		return 2
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		fmt.Fprintf(stderr, "%s: -format=sarif needs package patterns, e.g. ./...\n", analyzer.Name)
		return 1
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "%s: %v\n", analyzer.Name, err)
		return 1
	}

	cwd, err := os.Getwd()
	if err != nil {
		return fail(err)
	}
	// A log of the packages that did load would let code scanning close
	// the alerts of those that did not: write nothing instead.
	graph, err := analyze("", patterns, *tests, stderr)
	if err != nil {
		return fail(analyzeError(err, "no SARIF written"))
	}

	log := buildLog(graph.Roots, cwd)
	if err := sarif.Write(stdout, log); err != nil {
		return fail(err)
	}
	return 0
}

// buildLog converts the diagnostics of the root actions into a SARIF log.
// Paths are relative to cwd, the %SRCROOT% base.
func buildLog(roots []*checker.Action, cwd string) *sarif.Log {
	rules, byCategory, byID := sarifRules()
	b := &logBuilder{cwd: cwd, files: map[string][]byte{}}

	type key struct {
		rule, msg, file string
		region          sarif.Region
	}
	seen := map[key]bool{}
	results := []sarif.Result{} // never null: "results": [] means no findings
	for _, act := range roots {
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			idx, ok := byCategory[d.Category]
			if !ok {
				idx, ok = byID[idPrefix(d.Message)]
			}
			if !ok {
				// Not one of analyzer.Checks: a rule of its own.
				id := d.Category
				if id == "" {
					id = analyzer.Name
				}
				idx = len(rules)
				rules = append(rules, sarif.ReportingDescriptor{ID: id, Name: id,
					ShortDescription:     &sarif.MultiformatMessage{Text: id},
					DefaultConfiguration: &sarif.ReportingConfiguration{Level: sarif.LevelWarning}})
				byCategory[d.Category] = idx
			}
			loc := b.location(fset, d.Pos, d.End)
			k := key{rules[idx].ID, d.Message, loc.PhysicalLocation.ArtifactLocation.URI, *loc.PhysicalLocation.Region}
			if seen[k] {
				continue // reported for both a package and its test variant
			}
			seen[k] = true
			r := sarif.Result{
				RuleID:    rules[idx].ID,
				RuleIndex: idx,
				Level:     sarif.LevelWarning,
				Message:   sarif.Message{Text: d.Message},
				Locations: []sarif.Location{loc},
			}
			for i, rel := range d.Related {
				l := b.location(fset, rel.Pos, rel.End)
				id := i + 1
				l.ID = &id
				l.Message = &sarif.Message{Text: rel.Message}
				r.RelatedLocations = append(r.RelatedLocations, l)
			}
			for _, sf := range d.SuggestedFixes {
				if fix, ok := b.fix(fset, sf); ok {
					r.Fixes = append(r.Fixes, fix)
				}
			}
			results = append(results, r)
		}
	}
	sort.SliceStable(results, func(i, j int) bool {
		a, b := results[i].Locations[0].PhysicalLocation, results[j].Locations[0].PhysicalLocation
		if a.ArtifactLocation.URI != b.ArtifactLocation.URI {
			return a.ArtifactLocation.URI < b.ArtifactLocation.URI
		}
		if a.Region.StartLine != b.Region.StartLine {
			return a.Region.StartLine < b.Region.StartLine
		}
		if a.Region.StartColumn != b.Region.StartColumn {
			return a.Region.StartColumn < b.Region.StartColumn
		}
		return results[i].RuleID < results[j].RuleID
	})

	return &sarif.Log{
		Schema:  sarif.Schema,
		Version: sarif.Version,
		Runs: []sarif.Run{{
			Tool: sarif.Tool{Driver: sarif.ToolComponent{
				Name:           analyzer.Name,
				Version:        version(),
				InformationURI: analyzer.DocURL,
				Rules:          rules,
			}},
			Invocations: []sarif.Invocation{{ExecutionSuccessful: true}},
			OriginalURIBaseIDs: map[string]sarif.ArtifactLocation{
				sarif.SrcRoot: {URI: dirURI(cwd)},
			},
			Results:    results,
			ColumnKind: sarif.UTF16CodeUnits,
		}},
	}
}

// sarifRules returns one rule per check, in the order of analyzer.Checks,
// and indexes of them by category and by ID.
func sarifRules() (rules []sarif.ReportingDescriptor, byCategory, byID map[string]int) {
	byCategory, byID = map[string]int{}, map[string]int{}
	for i, c := range analyzer.Checks {
		title := strings.ToUpper(c.Doc.Title[:1]) + c.Doc.Title[1:]
		if !strings.HasSuffix(title, ".") {
			title += "."
		}
		var notes []string
		if c.Doc.Fix != "" {
			notes = append(notes, "Most findings carry a suggested fix, applied by stsregional -fix or go fix.")
		}
		if !c.Default {
			notes = append(notes, "Off by default: turn it on with -enable.")
		}
		suppress := fmt.Sprintf("Suppress a finding with a //stsregional:ignore %s reason comment.", c.ID)
		full := strings.Join(append([]string{title}, notes...), " ")
		md := fmt.Sprintf("**%s** (`%s`)\n\n%s\n\n%s\n\nSuppress a finding with `//stsregional:ignore %s reason`.\n\n[Documentation](%s)",
			c.ID, c.Category, title, strings.Join(notes, " "), c.ID, c.URL())
		md = strings.ReplaceAll(md, "\n\n\n\n", "\n\n")
		rules = append(rules, sarif.ReportingDescriptor{
			ID:               c.ID,
			Name:             c.Category,
			ShortDescription: &sarif.MultiformatMessage{Text: c.Doc.Title},
			FullDescription:  &sarif.MultiformatMessage{Text: full},
			HelpURI:          c.URL(),
			Help: &sarif.MultiformatMessage{
				Text:     full + " " + suppress + " Documentation: " + c.URL(),
				Markdown: md,
			},
			DefaultConfiguration: &sarif.ReportingConfiguration{Level: sarif.LevelWarning},
			Properties: map[string]any{
				"tags":      []string{"aws", "sts", "reliability"},
				"precision": "high",
			},
		})
		byCategory[c.Category] = i
		byID[c.ID] = i
	}
	return rules, byCategory, byID
}

// idPrefix returns the "STS00N" prefix of a diagnostic message, or "".
func idPrefix(msg string) string {
	if id, _, ok := strings.Cut(msg, ":"); ok && strings.HasPrefix(id, "STS") {
		return id
	}
	return ""
}

// logBuilder converts positions to SARIF locations, reading each file once
// to count columns in UTF-16 code units.
type logBuilder struct {
	cwd   string
	files map[string][]byte // nil: unreadable
}

func (b *logBuilder) location(fset *token.FileSet, pos, end token.Pos) sarif.Location {
	start := fset.Position(pos)
	stop := start
	if end.IsValid() && end >= pos {
		stop = fset.Position(end)
	}
	region := b.region(start, stop)
	if stop == start {
		region.EndColumn = 0 // no end: to the end of the line
	}
	return sarif.Location{PhysicalLocation: sarif.PhysicalLocation{
		ArtifactLocation: b.artifact(start.Filename),
		Region:           region,
	}}
}

func (b *logBuilder) fix(fset *token.FileSet, sf analysis.SuggestedFix) (sarif.Fix, bool) {
	var changes []sarif.ArtifactChange
	index := map[string]int{}
	for _, e := range sf.TextEdits {
		if !e.Pos.IsValid() {
			return sarif.Fix{}, false
		}
		start := fset.Position(e.Pos)
		stop := start
		if e.End.IsValid() && e.End >= e.Pos {
			stop = fset.Position(e.End)
		}
		if start.Filename != stop.Filename {
			return sarif.Fix{}, false
		}
		rep := sarif.Replacement{DeletedRegion: *b.region(start, stop)}
		if len(e.NewText) > 0 {
			rep.InsertedContent = &sarif.ArtifactContent{Text: string(e.NewText)}
		}
		i, ok := index[start.Filename]
		if !ok {
			i = len(changes)
			index[start.Filename] = i
			changes = append(changes, sarif.ArtifactChange{ArtifactLocation: b.artifact(start.Filename)})
		}
		changes[i].Replacements = append(changes[i].Replacements, rep)
	}
	if len(changes) == 0 {
		return sarif.Fix{}, false
	}
	return sarif.Fix{Description: &sarif.Message{Text: sf.Message}, ArtifactChanges: changes}, true
}

// region returns the region from start to stop (stop is exclusive, as a
// token.Pos End is, and so is SARIF's endColumn).
func (b *logBuilder) region(start, stop token.Position) *sarif.Region {
	line := max(start.Line, 1)
	r := &sarif.Region{
		StartLine:   line,
		StartColumn: b.column(start),
		EndLine:     max(stop.Line, line),
		EndColumn:   b.column(stop),
	}
	if r.EndLine == r.StartLine && r.EndColumn < r.StartColumn {
		r.EndColumn = r.StartColumn
	}
	return r
}

// column converts the byte column of p to a 1-based column in UTF-16 code
// units. Without the file's content it returns the byte column.
func (b *logBuilder) column(p token.Position) int {
	col := max(p.Column, 1)
	src, ok := b.files[p.Filename]
	if !ok {
		data, err := os.ReadFile(p.Filename)
		if err != nil {
			data = nil
		}
		b.files[p.Filename], src = data, data
	}
	if src == nil || p.Line < 1 {
		return col
	}
	// Find the start of line p.Line.
	off := 0
	for l := 1; l < p.Line; l++ {
		i := strings.IndexByte(string(src[off:]), '\n')
		if i < 0 {
			return col
		}
		off += i + 1
	}
	lineEnd := off + (col - 1)
	if lineEnd > len(src) {
		return col
	}
	units := 0
	for s := src[off:lineEnd]; len(s) > 0; {
		r, size := utf8.DecodeRune(s)
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
		s = s[size:]
	}
	return units + 1
}

// artifact returns the location of file: relative to %SRCROOT% (the
// current directory) when it is inside it, else an absolute file URI.
func (b *logBuilder) artifact(file string) sarif.ArtifactLocation {
	if rel, ok := relPath(b.cwd, file); ok {
		u := (&url.URL{Path: filepath.ToSlash(rel)}).EscapedPath()
		if first, _, _ := strings.Cut(u, "/"); strings.Contains(first, ":") {
			u = "./" + u // not a scheme
		}
		return sarif.ArtifactLocation{URI: u, URIBaseID: sarif.SrcRoot}
	}
	return sarif.ArtifactLocation{URI: fileURI(file)}
}

// relPath returns file relative to dir if it is inside dir, also when one of
// them is reached through a symbolic link.
func relPath(dir, file string) (string, bool) {
	inside := func(dir, file string) (string, bool) {
		rel, err := filepath.Rel(dir, file)
		if err != nil || !filepath.IsLocal(rel) {
			return "", false
		}
		return rel, true
	}
	if rel, ok := inside(dir, file); ok {
		return rel, true
	}
	d, err1 := filepath.EvalSymlinks(dir)
	f, err2 := filepath.EvalSymlinks(file)
	if err1 != nil || err2 != nil {
		return "", false
	}
	return inside(d, f)
}

// fileURI returns the file: URI of an absolute path.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// dirURI returns the file: URI of a directory, ending in a slash as
// originalUriBaseIds requires.
func dirURI(dir string) string {
	u := fileURI(dir)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}
