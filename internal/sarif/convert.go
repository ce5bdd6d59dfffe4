package sarif

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/stsregional/stsregional/analyzer"
	"github.com/stsregional/stsregional/internal/engine"
)

// Convert returns the SARIF log of diags (sorted, each once, as the engine
// returns them): one rule per check of analyzer.Checks, titles and links
// taken from there, and a result per diagnostic with its fixes. Paths are
// relative to cwd, the %SRCROOT% base; columns count UTF-16 code units.
func Convert(diags []engine.Diagnostic, cwd, version string) *Log {
	rules, byCategory, byID := Rules()
	c := &converter{cwd: cwd, files: map[string]*file{}}
	results := []Result{} // never null: "results": [] means no findings
	for _, d := range diags {
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
			rules = append(rules, ReportingDescriptor{ID: id, Name: id,
				ShortDescription:     &MultiformatMessage{Text: id},
				DefaultConfiguration: &ReportingConfiguration{Level: LevelWarning}})
			byCategory[d.Category] = idx
		}
		r := Result{
			RuleID:    rules[idx].ID,
			RuleIndex: idx,
			Level:     LevelWarning,
			Message:   Message{Text: d.Message},
			Locations: []Location{c.location(d.Pos, d.End)},
		}
		for i, rel := range d.Related {
			l := c.location(rel.Pos, rel.End)
			id := i + 1
			l.ID = &id
			l.Message = &Message{Text: rel.Message}
			r.RelatedLocations = append(r.RelatedLocations, l)
		}
		for _, f := range d.Fixes {
			if fix, ok := c.fix(f); ok {
				r.Fixes = append(r.Fixes, fix)
			}
		}
		results = append(results, r)
	}
	return &Log{
		Schema:  Schema,
		Version: Version,
		Runs: []Run{{
			Tool: Tool{Driver: ToolComponent{
				Name:           analyzer.Name,
				Version:        version,
				InformationURI: analyzer.DocURL,
				Rules:          rules,
			}},
			Invocations:        []Invocation{{ExecutionSuccessful: true}},
			OriginalURIBaseIDs: map[string]ArtifactLocation{SrcRoot: {URI: dirURI(cwd)}},
			Results:            results,
			ColumnKind:         UTF16CodeUnits,
		}},
	}
}

// Rules returns one rule per check, in the order of analyzer.Checks, and
// indexes of them by category and by ID.
func Rules() (rules []ReportingDescriptor, byCategory, byID map[string]int) {
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
		rules = append(rules, ReportingDescriptor{
			ID:               c.ID,
			Name:             c.Category,
			ShortDescription: &MultiformatMessage{Text: c.Doc.Title},
			FullDescription:  &MultiformatMessage{Text: full},
			HelpURI:          c.URL(),
			Help: &MultiformatMessage{
				Text:     full + " " + suppress + " Documentation: " + c.URL(),
				Markdown: md,
			},
			DefaultConfiguration: &ReportingConfiguration{Level: LevelWarning},
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

// converter converts positions to SARIF locations, reading each file once
// to count columns in UTF-16 code units.
type converter struct {
	cwd   string
	files map[string]*file
}

// file is a file's content (nil: unreadable) and the offsets its lines
// start at.
type file struct {
	src   []byte
	lines []int
}

func (c *converter) file(name string) *file {
	f, ok := c.files[name]
	if !ok {
		f = &file{}
		if data, err := os.ReadFile(name); err == nil {
			f.src = data
			f.lines = []int{0}
			for i, b := range data {
				if b == '\n' {
					f.lines = append(f.lines, i+1)
				}
			}
		}
		c.files[name] = f
	}
	return f
}

func (c *converter) location(pos, end engine.Position) Location {
	stop := end
	if stop.Filename != pos.Filename || stop.Line < pos.Line || (stop.Line == pos.Line && stop.Column < pos.Column) {
		stop = pos
	}
	region := c.region(pos, stop)
	if stop == pos {
		region.EndColumn = 0 // no end: to the end of the line
	}
	return Location{PhysicalLocation: PhysicalLocation{
		ArtifactLocation: c.artifact(pos.Filename),
		Region:           region,
	}}
}

// fix converts a fix whose edits are byte offsets; a fix with an edit
// outside its file is left out.
func (c *converter) fix(f engine.Fix) (Fix, bool) {
	var changes []ArtifactChange
	index := map[string]int{}
	for _, e := range f.Edits {
		start, ok1 := c.position(e.Filename, e.Start)
		stop, ok2 := c.position(e.Filename, e.End)
		if !ok1 || !ok2 || e.End < e.Start {
			return Fix{}, false
		}
		rep := Replacement{DeletedRegion: *c.region(start, stop)}
		if e.New != "" {
			rep.InsertedContent = &ArtifactContent{Text: e.New}
		}
		i, ok := index[e.Filename]
		if !ok {
			i = len(changes)
			index[e.Filename] = i
			changes = append(changes, ArtifactChange{ArtifactLocation: c.artifact(e.Filename)})
		}
		changes[i].Replacements = append(changes[i].Replacements, rep)
	}
	if len(changes) == 0 {
		return Fix{}, false
	}
	return Fix{Description: &Message{Text: f.Message}, ArtifactChanges: changes}, true
}

// position converts a byte offset of a file to a line and byte column.
func (c *converter) position(name string, offset int) (engine.Position, bool) {
	f := c.file(name)
	if f.src == nil || offset < 0 || offset > len(f.src) {
		return engine.Position{}, false
	}
	line := 0
	for line+1 < len(f.lines) && f.lines[line+1] <= offset {
		line++
	}
	return engine.Position{Filename: name, Line: line + 1, Column: offset - f.lines[line] + 1}, true
}

// region returns the region from start to stop (stop is exclusive, as a
// diagnostic's end is, and so is SARIF's endColumn).
func (c *converter) region(start, stop engine.Position) *Region {
	line := max(start.Line, 1)
	r := &Region{
		StartLine:   line,
		StartColumn: c.column(start),
		EndLine:     max(stop.Line, line),
		EndColumn:   c.column(stop),
	}
	if r.EndLine == r.StartLine && r.EndColumn < r.StartColumn {
		r.EndColumn = r.StartColumn
	}
	return r
}

// column converts the byte column of p to a 1-based column in UTF-16 code
// units. Without the file's content it returns the byte column.
func (c *converter) column(p engine.Position) int {
	col := max(p.Column, 1)
	f := c.file(p.Filename)
	if f.src == nil || p.Line < 1 || p.Line > len(f.lines) {
		return col
	}
	off := f.lines[p.Line-1]
	lineEnd := off + (col - 1)
	if lineEnd > len(f.src) {
		return col
	}
	units := 0
	for s := f.src[off:lineEnd]; len(s) > 0; {
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
func (c *converter) artifact(name string) ArtifactLocation {
	if rel, ok := relPath(c.cwd, name); ok {
		u := (&url.URL{Path: filepath.ToSlash(rel)}).EscapedPath()
		if first, _, _ := strings.Cut(u, "/"); strings.Contains(first, ":") {
			u = "./" + u // not a scheme
		}
		return ArtifactLocation{URI: u, URIBaseID: SrcRoot}
	}
	return ArtifactLocation{URI: FileURI(name)}
}

// relPath returns file relative to dir if it is inside dir, also when one of
// them is reached through a symbolic link.
func relPath(dir, file string) (string, bool) {
	inside := func(dir, file string) (string, bool) {
		if !filepath.IsAbs(file) {
			file = filepath.Join(dir, file)
		}
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

// FileURI returns the file: URI of an absolute path.
func FileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// dirURI returns the file: URI of a directory, ending in a slash as
// originalUriBaseIds requires.
func dirURI(dir string) string {
	u := FileURI(dir)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}
