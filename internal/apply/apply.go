// Package apply applies suggested fixes to files: it merges the first fix
// of every diagnostic per file, leaves out fixes that overlap others, cleans
// the result up as golang.org/x/tools' driver does (gofmt, removal of the
// imports the fixes left unused), checks that it parses, and replaces each
// file atomically, so that an interrupted run never leaves a half-written
// file.
package apply

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
)

// An Edit replaces the bytes [Start, End) of the file Filename by New.
type Edit struct {
	Filename   string
	Start, End int
	New        string
}

// A Fix is a set of edits to apply together or not at all. Pos names the
// diagnostic it fixes, for messages.
type Fix struct {
	Pos     string
	Message string
	Edits   []Edit
}

// A byteEdit replaces the bytes [start, end) of a file by text.
type byteEdit struct {
	start, end int
	text       string
}

// conflicts reports whether a and b cannot both be applied: they differ
// and overlap, one of them being an insertion strictly inside the other's
// range. Insertions at the same point, and an insertion at either end of a
// replacement, do not conflict.
func (a byteEdit) conflicts(b byteEdit) bool {
	if a == b {
		return false
	}
	if a.start == a.end || b.start == b.end {
		// An insertion conflicts only with a replacement around it.
		ins, other := a, b
		if a.start != a.end {
			ins, other = b, a
		}
		return other.start < ins.start && ins.start < other.end
	}
	return a.start < b.end && b.start < a.end
}

// A File is the edits to apply to one file.
type File struct {
	Name  string
	src   []byte     // the content the edits apply to
	edits []byteEdit // in the order they were accepted
	fixes []string   // the keys of the fixes accepted, for Run's report
}

// A Plan is the result of Plan: what to change, file by file.
type Plan struct {
	Files     []*File // sorted by name
	Fixes     int     // distinct fixes considered
	Conflicts int     // fixes left out for overlapping others
	Warnings  []string
	// Errors are files that must not be fixed, such as a file the user
	// cannot write: their fixes are left out, as a whole.
	Errors []string

	keys     []string        // the key of each fix given to Make, by index
	accepted map[string]bool // the keys of the fixes accepted
}

// planner holds the state of Make.
type planner struct {
	p        *Plan
	files    map[string]*File
	seen     map[string]bool
	skipped  map[string]bool
	display  func(string) string
	writable func(string) error // nil: no check (a diff writes nothing)
}

// add plans one fix; see Make.
func (pl *planner) add(fix Fix) {
	p := pl.p
	byFile, err := fileEdits(fix)
	if err != nil {
		p.keys = append(p.keys, "")
		p.Warnings = append(p.Warnings, fmt.Sprintf("%s: skipping the fix %q: %v", fix.Pos, fix.Message, err))
		return
	}
	key := fixKey(byFile)
	p.keys = append(p.keys, key)
	if pl.seen[key] {
		return // the same fix, from a test variant
	}
	pl.seen[key] = true
	p.Fixes++
	for name, edits := range byFile {
		if pl.skipped[name] {
			// Refused once (generated, unreadable, not writable): do not
			// read it again for each of its fixes (a 7 MB generated file
			// with thousands of findings was read once per fix).
			return
		}
		f, why := pl.files[name], ""
		if f == nil {
			src, err := os.ReadFile(name)
			switch {
			case !strings.HasSuffix(name, ".go"):
				why = "is not a Go file"
			case err != nil:
				why = "cannot be read: " + err.Error()
			case isGenerated(name, src):
				why = "is generated"
			case pl.writable != nil && pl.writable(name) != nil:
				// An error, not a warning: the user asked for the fix.
				if !pl.skipped[name] {
					pl.skipped[name] = true
					p.Errors = append(p.Errors, fmt.Sprintf("%s: not writable; not fixed", pl.display(name)))
				}
				return
			default:
				f = &File{Name: name, src: src}
			}
		}
		if why != "" {
			if !pl.skipped[name] {
				pl.skipped[name] = true
				p.Warnings = append(p.Warnings, fmt.Sprintf("not fixing %s: it %s", pl.display(name), why))
			}
			return
		}
		for _, e := range edits {
			if e.end > len(f.src) {
				p.Warnings = append(p.Warnings, fmt.Sprintf("%s: skipping the fix %q: %s changed since it was analysed", fix.Pos, fix.Message, pl.display(name)))
				return
			}
		}
		pl.files[name] = f
	}
	// All or nothing: check every file before accepting.
	for name, edits := range byFile {
		for _, e := range edits {
			for _, prev := range pl.files[name].edits {
				if e.conflicts(prev) {
					p.Conflicts++
					return
				}
			}
		}
	}
	p.accepted[key] = true
	for name, edits := range byFile {
		f := pl.files[name]
		f.fixes = append(f.fixes, key)
	next:
		for _, e := range edits {
			for _, prev := range f.edits {
				if e == prev {
					continue next // coalesce
				}
			}
			f.edits = append(f.edits, e)
		}
	}
}

// Make plans the application of fixes (the first suggested fix of each
// diagnostic), in order, merging them per file. Identical fixes (a finding reported for a
// package and its test variant) are applied once, identical edits of
// different fixes (two fixes adding the same import) once. A fix whose
// edits overlap an edit already accepted is left out as a whole, so that no
// fix is half-applied; so is a fix that touches a generated file, a file
// that is not Go source or cannot be read, or whose own edits are invalid.
// It reads each file once: the edits apply to that content.
func Make(fixes []Fix) *Plan {
	return makePlan(fixes, func(name string) string { return name }, nil)
}

// makePlan is Make with file names displayed by display, and every file to
// fix checked with writable unless it is nil.
func makePlan(fixes []Fix, display func(string) string, writable func(string) error) *Plan {
	p := &Plan{accepted: map[string]bool{}}
	pl := &planner{p: p, files: map[string]*File{}, seen: map[string]bool{}, skipped: map[string]bool{},
		display: display, writable: writable}
	for _, fix := range fixes {
		pl.add(fix)
	}
	for _, f := range pl.files {
		if len(f.edits) > 0 {
			p.Files = append(p.Files, f)
		}
	}
	sort.Slice(p.Files, func(i, j int) bool { return p.Files[i].Name < p.Files[j].Name })
	return p
}

// isGenerated reports whether src carries the "Code generated ... DO NOT
// EDIT." comment before its package clause.
func isGenerated(name string, src []byte) bool {
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.PackageClauseOnly|parser.ParseComments)
	return err == nil && ast.IsGenerated(f)
}

// fileEdits groups the edits of a fix by file, each file's edits
// deduplicated and checked not to conflict.
func fileEdits(fix Fix) (map[string][]byteEdit, error) {
	byFile := map[string][]byteEdit{}
	for _, e := range fix.Edits {
		if e.Filename == "" || e.Start < 0 || e.End < e.Start {
			return nil, errors.New("an edit has an invalid range")
		}
		byFile[e.Filename] = append(byFile[e.Filename], byteEdit{e.Start, e.End, e.New})
	}
	if len(byFile) == 0 {
		return nil, errors.New("it has no edits")
	}
	for name, edits := range byFile {
		edits = dedupEdits(edits)
		for i := range edits {
			for j := range i {
				if edits[i].conflicts(edits[j]) {
					return nil, errors.New("its edits overlap")
				}
			}
		}
		byFile[name] = edits
	}
	return byFile, nil
}

// dedupEdits removes repeated edits, keeping the first of each.
func dedupEdits(edits []byteEdit) []byteEdit {
	var out []byteEdit
next:
	for _, e := range edits {
		for _, o := range out {
			if o == e {
				continue next
			}
		}
		out = append(out, e)
	}
	return out
}

// fixKey identifies a fix by its edits.
func fixKey(byFile map[string][]byteEdit) string {
	var names []string
	for name := range byFile {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, name := range names {
		fmt.Fprintf(&b, "%q", name)
		for _, e := range byFile[name] {
			fmt.Fprintf(&b, " %d:%d:%q", e.start, e.end, e.text)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// spliceEdits applies non-conflicting edits to src. Edits at the same
// offset keep their order, insertions first.
func spliceEdits(src []byte, edits []byteEdit) ([]byte, error) {
	sorted := append([]byteEdit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if a.start != b.start {
			return a.start < b.start
		}
		return a.start == a.end && b.start != b.end
	})
	var out bytes.Buffer
	last := 0
	for _, e := range sorted {
		if e.start < last || e.end > len(src) {
			return nil, fmt.Errorf("edit %d-%d out of order or range", e.start, e.end)
		}
		out.Write(src[last:e.start])
		out.WriteString(e.text)
		last = e.end
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}

// Imports returns the import paths of the files of the plan that are
// imported without a name: to remove one that the fixes left unused, its
// package name must be known (Result's names argument).
func (p *Plan) Imports() []string {
	set := map[string]bool{}
	for _, f := range p.Files {
		file, err := parser.ParseFile(token.NewFileSet(), f.Name, f.src, parser.ImportsOnly)
		if err != nil {
			continue
		}
		for _, spec := range file.Imports {
			if path, err := strconv.Unquote(spec.Path.Value); err == nil && spec.Name == nil {
				set[path] = true
			}
		}
	}
	var paths []string
	for path := range set {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	return paths
}

// Result returns the file's original and fixed content: the edits applied,
// formatted, the imports the fixes left unused removed, checked to parse.
// names maps import paths to their package names; an import whose name is
// unknown is kept. The error says why the fixed file would be invalid.
func (f *File) Result(names map[string]string) (old, fixed []byte, err error) {
	fixed, err = spliceEdits(f.src, f.edits)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v; not fixed", f.Name, err)
	}
	fixed, err = cleanSource(f.Name, fixed, names)
	if err != nil {
		return nil, nil, fmt.Errorf("the fixes to %s give invalid Go (%v); not fixed", f.Name, oneLine(err))
	}
	return f.src, fixed, nil
}

// Write fixes the file: it computes the result and replaces the file
// atomically, unless the file changed since it was read. On any error the
// file is left as it was.
func (f *File) Write(names map[string]string) error {
	old, fixed, err := f.Result(names)
	if err != nil {
		return err
	}
	if bytes.Equal(fixed, old) {
		return nil
	}
	cur, err := os.ReadFile(f.Name)
	if err != nil {
		return err
	}
	if !bytes.Equal(cur, old) {
		return fmt.Errorf("%s changed since it was analysed; not fixed", f.Name)
	}
	return WriteAtomic(f.Name, fixed)
}

// oneLine returns the first line of err's message.
func oneLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// cleanSource formats src as gofmt does, with its imports sorted and those
// it does not use removed, as x/tools' -fix does; then it checks that the
// result parses. names maps import paths to their package names; an import
// whose name is unknown, a dot import or a blank import is kept.
func cleanSource(name string, src []byte, names map[string]string) ([]byte, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	ast.SortImports(fset, file)
	removeUnusedImports(fset, file, names)
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, file); err != nil {
		return nil, err
	}
	if _, err := parser.ParseFile(token.NewFileSet(), name, buf.Bytes(), parser.AllErrors); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// removeUnusedImports deletes the imports whose name file does not use. A
// package name is used only as the operand of a selector (pkg.Name); the
// parser's object resolution leaves it unresolved, whereas a local variable
// of the same name that shadows it is resolved.
func removeUnusedImports(fset *token.FileSet, file *ast.File, names map[string]string) {
	used := map[string]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Obj == nil {
				used[id.Name] = true
			}
		}
		return true
	})
	type imp struct{ name, path string }
	var unused []imp
	for _, spec := range file.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		explicit := ""
		if spec.Name != nil {
			explicit = spec.Name.Name
		}
		name := explicit
		if name == "" {
			name = names[path]
		}
		switch name {
		case "", ".", "_":
			continue // unknown (say, added by a fix), dot or blank: keep
		}
		if !used[name] {
			unused = append(unused, imp{explicit, path})
		}
	}
	for _, u := range unused {
		astutil.DeleteNamedImport(fset, file, u.name, u.path)
	}
}

// Options say how Run reports and what it asks.
type Options struct {
	// Diff prints a unified diff of each file instead of writing it.
	Diff bool
	// Names returns the package names of import paths (see File.Result);
	// nil for none known.
	Names func(paths []string) map[string]string
	// Display returns the name of a file as the user should see it, in
	// messages and diff headers.
	Display func(name string) string
	// DiffHeaders returns the names of the "---" and "+++" lines of a
	// file's diff, given its displayed name; nil for "NAME (old)" and
	// "NAME (new)", as golang.org/x/tools' -fix -diff prints.
	DiffHeaders func(name string) (old, new string)
	// Write, if set, writes a fixed file instead of WriteAtomic (go fix
	// collects them in an archive).
	Write func(name string, data []byte) error
	// Prefix starts every warning and error line.
	Prefix         string
	Stdout, Stderr io.Writer
}

// Run fixes files with the first fix of every diagnostic: it plans them
// (Make), then writes each file, or prints its diff. Warnings and errors go
// to opts.Stderr, one line each. A file the user may not write (see
// Writable) is an error and is not fixed; the other files are, each
// atomically. It reports whether every file could be fixed (fixes left out
// for overlapping others do not count as failures: a re-run applies
// them), and returns the indexes in fixes of the fixes not applied (or, with
// Diff, not shown), whatever the reason.
func Run(fixes []Fix, opts Options) (ok bool, left []int) {
	display := opts.Display
	if display == nil {
		display = func(name string) string { return name }
	}
	var writable func(string) error
	if !opts.Diff && opts.Write == nil {
		writable = Writable
	}
	plan := makePlan(fixes, display, writable)
	for _, w := range plan.Warnings {
		fmt.Fprintf(opts.Stderr, "%s%s\n", opts.Prefix, w)
	}
	ok = true
	for _, e := range plan.Errors {
		fmt.Fprintf(opts.Stderr, "%s%s\n", opts.Prefix, e)
		ok = false
	}
	var names map[string]string
	if opts.Names != nil && len(plan.Files) > 0 {
		names = opts.Names(plan.Imports())
	}
	failed := map[string]bool{} // keys of accepted fixes whose file failed
	for _, f := range plan.Files {
		var err error
		if opts.Diff {
			var old, fixed []byte
			if old, fixed, err = f.Result(names); err == nil {
				a, b := display(f.Name)+" (old)", display(f.Name)+" (new)"
				if opts.DiffHeaders != nil {
					a, b = opts.DiffHeaders(display(f.Name))
				}
				_, err = io.WriteString(opts.Stdout, Unified(a, b, old, fixed))
			}
		} else if opts.Write != nil {
			var old, fixed []byte
			if old, fixed, err = f.Result(names); err == nil && !bytes.Equal(old, fixed) {
				err = opts.Write(f.Name, fixed)
			}
		} else {
			err = f.Write(names)
		}
		if err != nil {
			fmt.Fprintf(opts.Stderr, "%s%v\n", opts.Prefix, err)
			ok = false
			for _, k := range f.fixes {
				failed[k] = true
			}
		}
	}
	if plan.Conflicts > 0 {
		fmt.Fprintf(opts.Stderr, "%s%d of %d fixes overlap others and were not applied; re-run to apply the rest\n",
			opts.Prefix, plan.Conflicts, plan.Fixes)
	}
	for i, k := range plan.keys {
		if !plan.accepted[k] || failed[k] {
			left = append(left, i)
		}
	}
	return ok, left
}
