package main

// Tests of the standalone -fix mode (fix.go): it writes what x/tools' driver
// writes, atomically, and nothing on errors.

import (
	"bytes"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// snapshot returns the content of every file under dir, by relative path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// noTempFiles fails the test if -fix left a temporary file under dir.
func noTempFiles(t *testing.T, dir string) {
	t.Helper()
	for name := range snapshot(t, dir) {
		if strings.Contains(name, ".stsregional-") {
			t.Errorf("temporary file left behind: %s", name)
		}
	}
}

func diffFiles(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	var names []string
	for name := range want {
		names = append(names, name)
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		if got[name] != want[name] {
			t.Errorf("%s: %s differs:\n--- got\n%s\n--- want\n%s", what, name, got[name], want[name])
		}
	}
}

// -fix writes the files that x/tools' driver writes (go vet -fix runs the
// binary under unitchecker), applies the fixes of a package and its test
// variant once, keeps the permission bits and leaves no temporary file.
func TestFixMatchesDriver(t *testing.T) {
	skipIfShort(t)
	t.Parallel()
	ours, theirs, diffed := sarifFixture(t), sarifFixture(t), sarifFixture(t)
	orig := snapshot(t, ours)
	v1 := filepath.Join("findings", "v1.go")
	for _, dir := range []string{ours, theirs} {
		if err := os.Chmod(filepath.Join(dir, v1), 0o600); err != nil {
			t.Fatal(err)
		}
	}

	r := stsregional(t, ours, "-fix", "./...")
	wantCode(t, r, 0, "stsregional -fix ./...")
	if r.out() != "" {
		t.Errorf("stsregional -fix ./... printed:\n%s", r.out())
	}
	r = run(t, theirs, "go", "vet", "-vettool="+binPath, "-fix", "./...")
	wantCode(t, r, 0, "go vet -fix ./...")

	got, want := snapshot(t, ours), snapshot(t, theirs)
	diffFiles(t, "-fix vs go vet -fix", got, want)
	noTempFiles(t, ours)
	if fi, err := os.Stat(filepath.Join(ours, v1)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("v1.go after -fix: %v, %v; want mode 0600 kept", fi.Mode(), err)
	}

	// -fix -diff (singlechecker) shows the same files as changed.
	r = stsregional(t, diffed, "-fix", "-diff", "./...")
	wantCode(t, r, 0, "stsregional -fix -diff ./...")
	var changed, shown []string
	for name, content := range got {
		if content != orig[name] {
			changed = append(changed, name)
		}
	}
	for _, m := range regexp.MustCompile(`(?m)^--- (\S+) \(old\)$`).FindAllStringSubmatch(r.stdout, -1) {
		rel, err := filepath.Rel(diffed, m[1])
		if err != nil {
			t.Fatal(err)
		}
		shown = append(shown, filepath.ToSlash(rel))
	}
	sort.Strings(changed)
	sort.Strings(shown)
	if strings.Join(changed, " ") != strings.Join(shown, " ") || len(changed) < 3 {
		t.Errorf("-fix changed %v; -fix -diff shows %v", changed, shown)
	}
	diffFiles(t, "-fix -diff left the files", snapshot(t, diffed), orig)

	// Nothing left to fix: exit 0, no change.
	r = stsregional(t, ours, "-fix", "./...")
	wantCode(t, r, 0, "stsregional -fix ./... again")
	diffFiles(t, "a second -fix", snapshot(t, ours), got)
	checkFixed(t, ours)
}

// On load or type errors -fix writes nothing at all, not even the fixes
// to the packages that are fine.
func TestFixBrokenPackages(t *testing.T) {
	t.Parallel()
	dir := fixture(t)
	write(t, filepath.Join(dir, "typeerr", "t.go"), "package typeerr\n\nvar X int = \"s\"\n")
	orig := snapshot(t, dir)
	r := stsregional(t, dir, "-fix", "./...")
	wantCode(t, r, 1, "stsregional -fix ./... with a type error")
	wantContains(t, r, "stsregional -fix with a type error", "t.go:3", "no files changed")
	diffFiles(t, "-fix with a type error", snapshot(t, dir), orig)

	r = stsregional(t, dir, "-fix", "-disable=STS999", "./findings")
	wantCode(t, r, 2, "stsregional -fix -disable=STS999")
	wantContains(t, r, "stsregional -fix -disable=STS999", "STS999")
	diffFiles(t, "-fix with a bad flag", snapshot(t, dir), orig)
}

// A directory where no file can be created: -fix fails with one line per
// file and leaves every file as it was. Root ignores the permission bits:
// TestFixWriteFailure simulates the failure instead.
func TestFixReadOnlyDir(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("permission bits do not stop this user from writing")
	}
	t.Parallel()
	dir := fixture(t)
	findings := filepath.Join(dir, "findings")
	orig := snapshot(t, dir)
	if err := os.Chmod(findings, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(findings, 0o755)
	r := stsregional(t, dir, "-fix", "./findings")
	if r.code == 0 {
		t.Errorf("-fix in a read-only directory: exit 0:\n%s", r.out())
	}
	for _, line := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		if !strings.HasPrefix(line, "stsregional: ") || !strings.Contains(line, "not fixed") {
			t.Errorf("-fix in a read-only directory: unexpected line %q", line)
		}
	}
	diffFiles(t, "-fix in a read-only directory", snapshot(t, dir), orig)
}

// A write that fails half-way (a full disk) leaves the file as it was and
// no temporary file; the other files are fixed. runFix runs in-process with
// tempWrite replaced, so the test is not parallel.
func TestFixWriteFailure(t *testing.T) {
	skipIfShort(t)
	for k, v := range map[string]string{"GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOWORK": "off", "GOTOOLCHAIN": "local"} {
		t.Setenv(k, v)
	}
	dir := fixture(t)
	orig := snapshot(t, dir)
	saved := tempWrite
	defer func() { tempWrite = saved }()
	tempWrite = func(f *os.File, data []byte) error {
		if !strings.Contains(filepath.Base(f.Name()), "legacy.go") {
			return saved(f, data)
		}
		if _, err := f.Write(data[:len(data)/2]); err != nil {
			return err
		}
		return syscall.ENOSPC
	}

	var stdout, stderr bytes.Buffer
	code := runFix(dir, []string{"-fix", "./..."}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("runFix with a failing write: exit %d, want 1; output:\n%s%s", code, &stdout, &stderr)
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "legacy.go not fixed") || !strings.Contains(lines[0], "no space left") {
		t.Errorf("runFix with a failing write printed %q, want one line about legacy.go", stderr.String())
	}
	got := snapshot(t, dir)
	legacy := "findings/legacy.go"
	if got[legacy] != orig[legacy] {
		t.Errorf("legacy.go changed although its write failed:\n%s", got[legacy])
	}
	if got["findings/v1.go"] == orig["findings/v1.go"] || got["findings/v2.go"] == orig["findings/v2.go"] {
		t.Errorf("the other files were not fixed")
	}
	noTempFiles(t, dir)
}

// writeAtomic keeps the old content when the write fails and the mode when
// it succeeds, follows symbolic links, and leaves no temporary file.
func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.go")
	write(t, name, "package a\n")
	if err := os.Chmod(name, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(name, []byte("package a // new\n")); err != nil {
		t.Fatal(err)
	}
	if got := read(t, name); got != "package a // new\n" {
		t.Errorf("content %q after writeAtomic", got)
	}
	if fi, _ := os.Stat(name); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v after writeAtomic, want 0640", fi.Mode())
	}

	saved := tempWrite
	defer func() { tempWrite = saved }()
	tempWrite = func(f *os.File, data []byte) error {
		f.Write(data[:3])
		return errors.New("disk full")
	}
	err := writeAtomic(name, []byte("package a // newer\n"))
	if err == nil || !strings.Contains(err.Error(), "a.go not fixed: disk full") {
		t.Errorf("writeAtomic with a failing write: %v", err)
	}
	if got := read(t, name); got != "package a // new\n" {
		t.Errorf("content %q after a failed writeAtomic", got)
	}
	tempWrite = saved

	if runtime.GOOS != "windows" {
		link := filepath.Join(dir, "link.go")
		if err := os.Symlink("a.go", link); err != nil {
			t.Fatal(err)
		}
		if err := writeAtomic(link, []byte("package a // linked\n")); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the symbolic link was replaced: %v %v", fi.Mode(), err)
		}
		if got := read(t, name); got != "package a // linked\n" {
			t.Errorf("link target content %q", got)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) > 2 {
		t.Errorf("files left in the directory: %v", entries)
	}
}

// A file whose fixes do not parse is left as it was, with an error.
func TestFixInvalidResult(t *testing.T) {
	name := filepath.Join(t.TempDir(), "a.go")
	src := "package a\n\nvar x = 1\n"
	write(t, name, src)
	f := &fileFix{name: name, size: len(src), edits: []byteEdit{{start: len("package a\n\nvar x = "), end: len(src) - 1, text: "("}}}
	err := f.apply()
	if err == nil || !strings.Contains(err.Error(), "invalid Go") || strings.Contains(err.Error(), "\n") {
		t.Errorf("apply of an invalid fix: %v, want a one-line invalid Go error", err)
	}
	if got := read(t, name); got != src {
		t.Errorf("file changed to %q", got)
	}

	// A file that changed since the analysis is not touched either.
	f = &fileFix{name: name, size: len(src) + 1, edits: []byteEdit{{start: 0, end: 0, text: "// x\n"}}}
	if err := f.apply(); err == nil || !strings.Contains(err.Error(), "changed since") {
		t.Errorf("apply to a changed file: %v", err)
	}
	if got := read(t, name); got != src {
		t.Errorf("file changed to %q", got)
	}
}

func TestEditConflicts(t *testing.T) {
	for _, tc := range []struct {
		a, b byteEdit
		want bool
	}{
		{byteEdit{0, 5, "x"}, byteEdit{0, 5, "x"}, false}, // identical: coalesced
		{byteEdit{0, 5, "x"}, byteEdit{0, 5, "y"}, true},
		{byteEdit{0, 5, "x"}, byteEdit{4, 8, "y"}, true},
		{byteEdit{0, 5, "x"}, byteEdit{5, 8, "y"}, false}, // adjacent
		{byteEdit{3, 3, "x"}, byteEdit{0, 5, ""}, true},   // insertion inside a deletion
		{byteEdit{5, 5, "x"}, byteEdit{0, 5, ""}, false},  // at its end
		{byteEdit{0, 0, "x"}, byteEdit{0, 5, ""}, false},  // at its start
		{byteEdit{2, 2, "x"}, byteEdit{2, 2, "y"}, false}, // two insertions
	} {
		if got := tc.a.conflicts(tc.b); got != tc.want {
			t.Errorf("%v conflicts with %v: %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := tc.b.conflicts(tc.a); got != tc.want {
			t.Errorf("%v conflicts with %v: %v, want %v", tc.b, tc.a, got, tc.want)
		}
	}
	got, err := spliceEdits([]byte("abcdef"), []byteEdit{{3, 3, "2"}, {0, 2, "X"}, {3, 3, "3"}, {2, 3, "Y"}, {6, 6, "!"}})
	if err != nil || string(got) != "XY23def!" {
		t.Errorf("spliceEdits: %q, %v; want \"XY23def!\"", got, err)
	}
}

// The imports a fix leaves unused are removed, whatever their spelling;
// dot and blank imports, imports of unknown packages and imports still
// used stay.
func TestCleanSourceImports(t *testing.T) {
	src := `package a

import (
	"strings"
	str "strconv"
	"os"
	. "math"
	_ "embed"
	"example.com/unknown"
	aliased "errors"
	fmtx "fmt"
)

func f(os string) {
	_ = os.Hello // the parameter, not the package
	_ = fmtx.Sprint(Pi)
}
`
	names := map[string]string{"strings": "strings", "strconv": "strconv", "os": "os", "math": "math",
		"embed": "embed", "errors": "errors", "fmt": "fmt"}
	got, err := cleanSource("a.go", []byte(src), names)
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{`"strings"`, `"strconv"`, `"os"`, `"errors"`} {
		if strings.Contains(string(got), gone) {
			t.Errorf("unused import %s kept:\n%s", gone, got)
		}
	}
	for _, kept := range []string{`. "math"`, `_ "embed"`, `"example.com/unknown"`, `fmtx "fmt"`} {
		if !strings.Contains(string(got), kept) {
			t.Errorf("import %s removed:\n%s", kept, got)
		}
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "a.go", got, 0); err != nil {
		t.Errorf("result does not parse: %v", err)
	}
}

// planFixes applies the fixes of a package and its test variant once,
// coalesces identical edits of different fixes, leaves out as a whole a
// fix that overlaps an accepted one, and does not touch generated files.
func TestPlanFixes(t *testing.T) {
	dir := t.TempDir()
	src := "package a\n\nimport \"os\"\n\nvar A, B = os.Args, 2\n"
	gen := "// Code generated by hand. DO NOT EDIT.\n\npackage a\n\nvar C = 3\n"
	a, g := filepath.Join(dir, "a.go"), filepath.Join(dir, "gen.go")
	write(t, a, src)
	write(t, g, gen)

	fset := token.NewFileSet()
	pkg := func(id string) *packages.Package {
		var files []*ast.File
		for _, name := range []string{a, g} {
			f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
		tpkg := types.NewPackage("a", "a")
		tpkg.SetImports([]*types.Package{types.NewPackage("os", "os"), types.NewPackage("fmt", "fmt")})
		return &packages.Package{ID: id, Fset: fset, GoFiles: []string{a, g}, Syntax: files, Types: tpkg}
	}
	// pos returns the position of the n-th occurrence (from 1) of s in the
	// file of the package.
	pos := func(p *packages.Package, file int, s string) token.Pos {
		tf := fset.File(p.Syntax[file].FileStart)
		content := []string{src, gen}[file]
		i := strings.Index(content, s)
		if i < 0 {
			t.Fatalf("%q not in file %d", s, file)
		}
		return tf.Pos(i)
	}
	diag := func(p *packages.Package, file int, at, old, new string, more ...analysis.TextEdit) analysis.Diagnostic {
		start := pos(p, file, at)
		edits := append([]analysis.TextEdit{{Pos: start, End: start + token.Pos(len(old)), NewText: []byte(new)}}, more...)
		return analysis.Diagnostic{Pos: start, Message: "STS001: x", SuggestedFixes: []analysis.SuggestedFix{
			{Message: "fix", TextEdits: edits},
			{Message: "alternative, never applied", TextEdits: []analysis.TextEdit{{Pos: start, End: start, NewText: []byte("XXX")}}},
		}}
	}
	var roots []*checker.Action
	for _, id := range []string{"a", "a [a.test]"} {
		p := pkg(id)
		imp := analysis.TextEdit{Pos: pos(p, 0, "import"), NewText: []byte("import \"fmt\"\n")}
		roots = append(roots, &checker.Action{Package: p, IsRoot: true, Diagnostics: []analysis.Diagnostic{
			diag(p, 0, "2\n", "2", "3"),                                     // in both variants: applied once
			diag(p, 0, "os.Args", "os.Args", "[]string{fmt.Sprint()}", imp), // with an import
			diag(p, 0, "B = os", "B", "B2", imp),                            // the same import: coalesced
			diag(p, 0, "A, B", "A, B", "A2, B3"),                            // overlaps: left out
			diag(p, 1, "3", "3", "4"),                                       // generated: left out
			{Pos: pos(p, 0, "var"), Message: "STS002: no fix"},              // nothing to do
		}})
	}
	res := planFixes(roots)
	if res.fixes != 5 || res.conflicts != 1 || len(res.files) != 1 || len(res.warnings) != 1 ||
		!strings.Contains(res.warnings[0], "gen.go: it is generated") {
		t.Fatalf("planFixes: %d fixes, %d conflicts, %d files, warnings %q; want 5, 1, 1 and one about gen.go",
			res.fixes, res.conflicts, len(res.files), res.warnings)
	}
	if err := res.files[0].apply(); err != nil {
		t.Fatal(err)
	}
	// os is no longer used; fmt is imported once.
	want := "package a\n\nimport \"fmt\"\n\nvar A, B2 = []string{fmt.Sprint()}, 3\n"
	if got := read(t, a); got != want {
		t.Errorf("fixed file:\n%s\nwant:\n%s", got, want)
	}
	if got := read(t, g); got != gen {
		t.Errorf("generated file changed:\n%s", got)
	}
}
