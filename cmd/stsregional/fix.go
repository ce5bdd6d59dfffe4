package main

// Standalone -fix (without -diff): load and analyze the packages as the
// SARIF mode does, apply the first suggested fix of every diagnostic, clean
// up the result as x/tools' driver does (gofmt, remove the imports the fixes
// left unused), check that it parses, and write each file atomically.
// singlechecker's own -fix truncates each file before writing it: a crash or
// a full disk mid-write would leave a half-written file.

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/stsregional/stsregional/analyzer"
)

// wantsFix reports whether the command line asks for the standalone -fix
// mode that runFix implements: -fix without -diff, with package patterns,
// outside of the go vet and go fix protocols. Anything else, a bad command
// line included, is left to singlechecker (or to the SARIF mode).
func wantsFix(args []string) bool {
	if vetProtocol(args) {
		return false
	}
	p, err := probe(args)
	if err != nil || p.format != "text" || len(p.args) == 0 {
		return false
	}
	if _, ok := p.set["V"]; ok {
		return false
	}
	on := func(name string) bool {
		v, ok := p.set[name]
		b, err := strconv.ParseBool(v)
		return ok && err == nil && b
	}
	if v, ok := p.set["diff"]; ok {
		if _, err := strconv.ParseBool(v); err != nil {
			return false // singlechecker reports the bad value
		}
	}
	return on("fix") && !on("diff")
}

// runFix is main for standalone -fix. It returns the exit code: 0 when the
// fixes were applied or there was nothing to fix (also when some fixes had
// to wait for a re-run), 1 when the packages could not be loaded or
// analysed (then no file is written) or a file could not be fixed or
// written, 2 for a bad command line.
func runFix(dir string, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(analyzer.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := formatValue("text")
	fs.Var(&format, "format", formatUsage)
	tests := fs.Bool("test", true, "indicates whether test files should be analyzed, too")
	fs.Bool("fix", false, "apply all suggested fixes")
	fs.Bool("diff", false, "with -fix, don't update the files, but print a unified diff")
	// As with singlechecker's -fix: -json and -c have no effect, nor (here)
	// the debugging and profiling flags.
	for _, name := range textBoolFlags {
		if fs.Lookup(name) == nil {
			fs.Var(anyBool{}, name, "")
		}
	}
	for _, name := range textValueFlags {
		fs.Var(anyValue{}, name, "")
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
	if err := fs.Parse(args); err != nil {
		fmt.Fprintln(stderr, err)
		fmt.Fprintf(stderr, "Run '%s -help' for usage.\n", analyzer.Name)
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "%s: %v\n", analyzer.Name, err)
		return 1
	}

	graph, err := analyze(dir, fs.Args(), *tests, stderr)
	if err != nil {
		return fail(analyzeError(err, "no files changed"))
	}
	res := planFixes(graph.Roots)
	for _, w := range res.warnings {
		fmt.Fprintf(stderr, "%s: %s\n", analyzer.Name, w)
	}
	code := 0
	for _, f := range res.files {
		if err := f.apply(); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", analyzer.Name, err)
			code = 1
		}
	}
	if res.conflicts > 0 {
		fmt.Fprintf(stderr, "%s: %d of %d fixes overlap others and were not applied; re-run to apply the rest\n",
			analyzer.Name, res.conflicts, res.fixes)
	}
	return code
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

// fileFix is the edits to apply to one file.
type fileFix struct {
	name     string
	size     int               // the file's size when it was analysed
	edits    []byteEdit        // in the order they were accepted
	pkgNames map[string]string // default package names by import path
}

// planned is the result of planFixes.
type planned struct {
	files     []*fileFix // sorted by name
	fixes     int        // distinct fixes considered
	conflicts int        // fixes left out for overlapping others
	warnings  []string
}

// planFixes selects the first suggested fix of every diagnostic of the
// root actions and merges them per file. Identical edits (a finding
// reported for a package and its test variant, or two fixes adding the
// same import) are applied once. A fix whose edits overlap an edit already
// accepted is left out as a whole, so that no fix is half-applied; so is a
// fix that touches a generated file or a file outside the packages' Go
// files, or whose own edits are invalid.
func planFixes(roots []*checker.Action) planned {
	var res planned
	files := map[string]*fileFix{}
	generated := map[string]bool{}
	goFiles := map[string]bool{}
	pkgNames := map[string]string{}
	for _, act := range roots {
		for _, f := range act.Package.GoFiles {
			goFiles[f] = true
		}
		for _, f := range act.Package.Syntax {
			if tf := act.Package.Fset.File(f.FileStart); tf != nil && ast.IsGenerated(f) {
				generated[tf.Name()] = true
			}
		}
		if act.Package.Types != nil {
			addPackageNames(pkgNames, act.Package.Types)
		}
	}

	seen := map[string]bool{} // fixes already planned, by their edits
	skipped := map[string]bool{}
	for _, act := range roots {
		fset := act.Package.Fset
	diags:
		for _, d := range act.Diagnostics {
			if len(d.SuggestedFixes) == 0 {
				continue
			}
			sf := d.SuggestedFixes[0]
			byFile, sizes, err := fixEdits(fset, sf)
			if err != nil {
				res.warnings = append(res.warnings, fmt.Sprintf("%s: skipping the fix %q: %v", fset.Position(d.Pos), sf.Message, err))
				continue
			}
			key := fixKey(byFile)
			if seen[key] {
				continue // the same fix, from a test variant
			}
			seen[key] = true
			res.fixes++
			for name := range byFile {
				why := ""
				switch {
				case generated[name]:
					why = "is generated"
				case !goFiles[name]:
					why = "is not a Go file of the packages"
				}
				if why != "" {
					if !skipped[name] {
						skipped[name] = true
						res.warnings = append(res.warnings, fmt.Sprintf("not fixing %s: it %s", name, why))
					}
					continue diags
				}
				if f := files[name]; f != nil && f.size != sizes[name] {
					res.warnings = append(res.warnings, fmt.Sprintf("%s: skipping the fix %q: the file was analysed with two sizes", fset.Position(d.Pos), sf.Message))
					continue diags
				}
			}
			// All or nothing: check every file before accepting.
			for name, edits := range byFile {
				if f := files[name]; f != nil {
					for _, e := range edits {
						for _, prev := range f.edits {
							if e.conflicts(prev) {
								res.conflicts++
								continue diags
							}
						}
					}
				}
			}
			for name, edits := range byFile {
				f := files[name]
				if f == nil {
					f = &fileFix{name: name, size: sizes[name], pkgNames: pkgNames}
					files[name] = f
				}
			nextEdit:
				for _, e := range edits {
					for _, prev := range f.edits {
						if e == prev {
							continue nextEdit // coalesce
						}
					}
					f.edits = append(f.edits, e)
				}
			}
		}
	}
	for _, f := range files {
		res.files = append(res.files, f)
	}
	sort.Slice(res.files, func(i, j int) bool { return res.files[i].name < res.files[j].name })
	return res
}

// fixEdits converts the edits of a fix to byte offsets, by file, each
// file's edits sorted and checked not to conflict. It also returns the
// sizes of the files as analysed.
func fixEdits(fset *token.FileSet, sf analysis.SuggestedFix) (map[string][]byteEdit, map[string]int, error) {
	byFile := map[string][]byteEdit{}
	sizes := map[string]int{}
	for _, te := range sf.TextEdits {
		tf := fset.File(te.Pos)
		if tf == nil {
			return nil, nil, errors.New("an edit has no valid position")
		}
		end := te.End
		if !end.IsValid() {
			end = te.Pos
		}
		if end < te.Pos || fset.File(end) != tf {
			return nil, nil, errors.New("an edit has an invalid range")
		}
		byFile[tf.Name()] = append(byFile[tf.Name()], byteEdit{tf.Offset(te.Pos), tf.Offset(end), string(te.NewText)})
		sizes[tf.Name()] = tf.Size()
	}
	for name, edits := range byFile {
		edits = dedupEdits(edits)
		for i := range edits {
			for j := range i {
				if edits[i].conflicts(edits[j]) {
					return nil, nil, errors.New("its edits overlap")
				}
			}
		}
		byFile[name] = edits
	}
	return byFile, sizes, nil
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

// addPackageNames records the default name of pkg's imports, transitively.
func addPackageNames(names map[string]string, pkg *types.Package) {
	for _, imp := range pkg.Imports() {
		if _, ok := names[imp.Path()]; !ok {
			names[imp.Path()] = imp.Name()
			addPackageNames(names, imp)
		}
	}
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

// apply fixes the file: it applies the edits to the file's current content,
// formats the result and removes the imports it no longer uses, checks that
// it parses and replaces the file atomically. On any error the file is left
// as it was.
func (f *fileFix) apply() error {
	src, err := os.ReadFile(f.name)
	if err != nil {
		return err
	}
	if len(src) != f.size {
		return fmt.Errorf("%s changed since it was analysed (%d bytes, now %d); not fixed", f.name, f.size, len(src))
	}
	fixed, err := spliceEdits(src, f.edits)
	if err != nil {
		return fmt.Errorf("%s: %v; not fixed", f.name, err)
	}
	fixed, err = cleanSource(f.name, fixed, f.pkgNames)
	if err != nil {
		return fmt.Errorf("the fixes to %s give invalid Go (%v); not fixed", f.name, oneLine(err))
	}
	if bytes.Equal(fixed, src) {
		return nil
	}
	return writeAtomic(f.name, fixed)
}

// oneLine returns the first line of err's message.
func oneLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// cleanSource formats src as gofmt does, with its imports sorted and those
// it does not use removed, as x/tools' -fix does; then it checks that the
// result parses. pkgNames maps import paths to their default package name;
// an import whose name is unknown, a dot import or a blank import is kept.
func cleanSource(name string, src []byte, pkgNames map[string]string) ([]byte, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	ast.SortImports(fset, file)
	removeUnusedImports(fset, file, pkgNames)
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
func removeUnusedImports(fset *token.FileSet, file *ast.File, pkgNames map[string]string) {
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
			name = pkgNames[path]
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

// tempWrite writes the new content to the temporary file; tests replace it
// to simulate a failure mid-write (a full disk).
var tempWrite = func(f *os.File, data []byte) error {
	_, err := f.Write(data)
	return err
}

// writeAtomic replaces the content of the file name by data, so that the
// file has either its old or its new content whatever happens: it writes a
// temporary file in the same directory, syncs it, gives it the permission
// bits of the original, then renames it over the original. The temporary
// file is removed on any error. A symbolic link is followed: its target is
// replaced, the link kept.
func writeAtomic(name string, data []byte) (err error) {
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return err
	}
	fi, err := os.Stat(target)
	if err != nil {
		return err
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".stsregional-*")
	if err != nil {
		return fmt.Errorf("%s not fixed: %v", name, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			err = fmt.Errorf("%s not fixed: %v", name, err)
		}
	}()
	if err := tempWrite(tmp, data); err != nil {
		return err
	}
	if err := tmp.Chmod(fi.Mode().Perm()); err != nil && runtime.GOOS != "windows" {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename in dir durable where the system allows it.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
