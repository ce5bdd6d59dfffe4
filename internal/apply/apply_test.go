package apply

import (
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// WriteAtomic keeps the old content when the write fails and the mode when
// it succeeds, follows symbolic links, and leaves no temporary file.
func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.go")
	write(t, name, "package a\n")
	if err := os.Chmod(name, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteAtomic(name, []byte("package a // new\n")); err != nil {
		t.Fatal(err)
	}
	if got := read(t, name); got != "package a // new\n" {
		t.Errorf("content %q after WriteAtomic", got)
	}
	if fi, _ := os.Stat(name); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v after WriteAtomic, want 0640", fi.Mode())
	}

	saved := tempWrite
	defer func() { tempWrite = saved }()
	tempWrite = func(f *os.File, data []byte) error {
		f.Write(data[:3])
		return errors.New("disk full")
	}
	err := WriteAtomic(name, []byte("package a // newer\n"))
	if err == nil || !strings.Contains(err.Error(), "a.go not fixed: disk full") {
		t.Errorf("WriteAtomic with a failing write: %v", err)
	}
	if got := read(t, name); got != "package a // new\n" {
		t.Errorf("content %q after a failed WriteAtomic", got)
	}
	tempWrite = saved

	if runtime.GOOS != "windows" {
		link := filepath.Join(dir, "link.go")
		if err := os.Symlink("a.go", link); err != nil {
			t.Fatal(err)
		}
		if err := WriteAtomic(link, []byte("package a // linked\n")); err != nil {
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

// A write that fails half-way (a full disk) leaves the file as it was and
// no temporary file; the other files are fixed.
func TestWriteFailure(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.go"), filepath.Join(dir, "b.go")
	src := "package a\n\nvar X = 1\n"
	write(t, a, src)
	write(t, b, src)
	at := strings.Index(src, "1")
	plan := Make([]Fix{
		{Pos: "a.go:3:9", Message: "fix a", Edits: []Edit{{a, at, at + 1, "2"}}},
		{Pos: "b.go:3:9", Message: "fix b", Edits: []Edit{{b, at, at + 1, "2"}}},
	})
	saved := tempWrite
	defer func() { tempWrite = saved }()
	tempWrite = func(f *os.File, data []byte) error {
		if !strings.Contains(filepath.Base(f.Name()), "a.go") {
			return saved(f, data)
		}
		if _, err := f.Write(data[:len(data)/2]); err != nil {
			return err
		}
		return syscall.ENOSPC
	}
	var errs []string
	for _, f := range plan.Files {
		if err := f.Write(nil); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "a.go not fixed") || !strings.Contains(errs[0], "no space left") {
		t.Errorf("errors %q, want one about a.go", errs)
	}
	if got := read(t, a); got != src {
		t.Errorf("a.go changed although its write failed:\n%s", got)
	}
	if got := read(t, b); got != "package a\n\nvar X = 2\n" {
		t.Errorf("b.go not fixed:\n%s", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("files left in the directory: %v", entries)
	}
}

// A file whose fixes do not parse is left as it was, with an error; so is
// a file that changed since it was read.
func TestInvalidResult(t *testing.T) {
	name := filepath.Join(t.TempDir(), "a.go")
	src := "package a\n\nvar x = 1\n"
	write(t, name, src)
	plan := Make([]Fix{{Message: "bad", Edits: []Edit{{name, len("package a\n\nvar x = "), len(src) - 1, "("}}}})
	err := plan.Files[0].Write(nil)
	if err == nil || !strings.Contains(err.Error(), "invalid Go") || strings.Contains(err.Error(), "\n") {
		t.Errorf("Write of an invalid fix: %v, want a one-line invalid Go error", err)
	}
	if got := read(t, name); got != src {
		t.Errorf("file changed to %q", got)
	}

	plan = Make([]Fix{{Message: "ok", Edits: []Edit{{name, 0, 0, "// x\n"}}}})
	write(t, name, src+"// changed\n")
	if err := plan.Files[0].Write(nil); err == nil || !strings.Contains(err.Error(), "changed since") {
		t.Errorf("Write to a changed file: %v", err)
	}
	if got := read(t, name); got != src+"// changed\n" {
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

// Make applies a fix reported twice (a package and its test variant) once,
// coalesces identical edits of different fixes, leaves out as a whole a
// fix that overlaps an accepted one, and does not touch generated files.
func TestMake(t *testing.T) {
	dir := t.TempDir()
	src := "package a\n\nimport \"os\"\n\nvar A, B = os.Args, 2\n"
	gen := "// Code generated by hand. DO NOT EDIT.\n\npackage a\n\nvar C = 3\n"
	a, g := filepath.Join(dir, "a.go"), filepath.Join(dir, "gen.go")
	write(t, a, src)
	write(t, g, gen)

	edit := func(file, content, at, old, new string) Edit {
		i := strings.Index(content, at)
		if i < 0 {
			t.Fatalf("%q not in %s", at, file)
		}
		return Edit{file, i, i + len(old), new}
	}
	imp := edit(a, src, "import", "", "import \"fmt\"\n")
	fix := func(edits ...Edit) Fix { return Fix{Pos: "a.go", Message: "fix", Edits: edits} }
	var fixes []Fix
	for range 2 { // a package and its test variant
		fixes = append(fixes,
			fix(edit(a, src, "2\n", "2", "3")),                                     // applied once
			fix(edit(a, src, "os.Args", "os.Args", "[]string{fmt.Sprint()}"), imp), // with an import
			fix(edit(a, src, "B = os", "B", "B2"), imp),                            // the same import: coalesced
			fix(edit(a, src, "A, B", "A, B", "A2, B3")),                            // overlaps: left out
			fix(edit(g, gen, "3", "3", "4")),                                       // generated: left out
		)
	}
	plan := Make(fixes)
	if plan.Fixes != 5 || plan.Conflicts != 1 || len(plan.Files) != 1 || len(plan.Warnings) != 1 ||
		!strings.Contains(plan.Warnings[0], "gen.go: it is generated") {
		t.Fatalf("Make: %d fixes, %d conflicts, %d files, warnings %q; want 5, 1, 1 and one about gen.go",
			plan.Fixes, plan.Conflicts, len(plan.Files), plan.Warnings)
	}
	var left []int
	for i, k := range plan.keys {
		if !plan.accepted[k] {
			left = append(left, i)
		}
	}
	if fmt.Sprint(left) != "[3 4 8 9]" { // the overlapping and the generated, twice
		t.Errorf("fixes not accepted: %v, want [3 4 8 9]", left)
	}
	if got := strings.Join(plan.Imports(), " "); got != "os" {
		t.Errorf("Imports() = %q, want \"os\"", got)
	}
	if err := plan.Files[0].Write(map[string]string{"os": "os", "fmt": "fmt"}); err != nil {
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

func TestUnified(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n"
	new := "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n"
	want := `--- x.go (old)
+++ x.go (new)
@@ -1,5 +1,5 @@
 a
-b
+B
 c
 d
 e
@@ -11,3 +11,4 @@
 k
 l
 m
+n
`
	if got := Unified("x.go (old)", "x.go (new)", []byte(old), []byte(new)); got != want {
		t.Errorf("Unified:\n%s\nwant:\n%s", got, want)
	}
	if got := Unified("x.go (old)", "x.go (new)", []byte(old), []byte(old)); got != "" {
		t.Errorf("Unified of equal files: %q", got)
	}
	// Applying the diff's lines gives new back.
	got := Unified("a/x.go", "b/x.go", []byte("x\ny\n"), []byte("y\nz"))
	if !strings.Contains(got, "-x\n") || !strings.Contains(got, "+z\n\\ No newline at end of file\n") {
		t.Errorf("Unified:\n%s", got)
	}
}

// Run with Diff prints what Write would write and changes nothing; without
// it, it writes; names let it remove the imports the fixes left unused.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.go")
	src := "package a\n\nimport \"os\"\n\nvar A = os.Args\n"
	write(t, a, src)
	at := strings.Index(src, "os.Args")
	fixes := []Fix{{Pos: "a.go:5:9", Message: "fix", Edits: []Edit{{a, at, at + len("os.Args"), "[]string{}"}}}}
	names := func(paths []string) map[string]string {
		if strings.Join(paths, " ") != "os" {
			t.Errorf("names asked for %q, want [os]", paths)
		}
		return map[string]string{"os": "os"}
	}
	var stdout, stderr strings.Builder
	opts := Options{Diff: true, Names: names, Display: filepath.Base, Prefix: "x: ", Stdout: &stdout, Stderr: &stderr}
	if ok, left := Run(fixes, opts); !ok || len(left) != 0 {
		t.Fatalf("Run -diff: %v, fixes %v not shown; stderr %s", ok, left, stderr.String())
	}
	want := "--- a.go (old)\n+++ a.go (new)\n@@ -1,5 +1,3 @@\n package a\n \n-import \"os\"\n-\n-var A = os.Args\n+var A = []string{}\n"
	if stdout.String() != want || read(t, a) != src {
		t.Errorf("Run -diff printed:\n%s\nwant:\n%s", stdout.String(), want)
	}
	stdout.Reset()
	opts.DiffHeaders = func(name string) (string, string) { return "a/" + name, "b/" + name }
	Run(fixes, opts)
	if got := stdout.String(); !strings.HasPrefix(got, "--- a/a.go\n+++ b/a.go\n@@ ") {
		t.Errorf("Run -diff with DiffHeaders printed:\n%s", got)
	}
	opts.Diff = false
	if ok, _ := Run(fixes, opts); !ok || read(t, a) != "package a\n\nvar A = []string{}\n" {
		t.Errorf("Run wrote %q; stderr %q", read(t, a), stderr.String())
	}
}

// A file without any write bit is not fixed, even by root (whom the
// system lets write anything): one error line, the other files fixed, and
// the fix reported as not applied. A fix that spans it and a writable file
// is left out as a whole.
func TestRunNotWritable(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits")
	}
	dir := t.TempDir()
	ro, rw := filepath.Join(dir, "ro.go"), filepath.Join(dir, "rw.go")
	src := "package a\n\nvar X = 1\n"
	write(t, ro, src)
	write(t, rw, src)
	if err := os.Chmod(ro, 0o444); err != nil {
		t.Fatal(err)
	}
	at := strings.Index(src, "1")
	fixes := []Fix{
		{Pos: "ro.go:3:9", Message: "fix ro", Edits: []Edit{{ro, at, at + 1, "2"}}},
		{Pos: "rw.go:3:9", Message: "fix rw", Edits: []Edit{{rw, at, at + 1, "2"}}},
		{Pos: "rw.go:1:1", Message: "fix both", Edits: []Edit{{rw, 0, 0, "// x\n"}, {ro, 0, 0, "// x\n"}}},
	}
	var stdout, stderr strings.Builder
	ok, left := Run(fixes, Options{Display: filepath.Base, Prefix: "x: ", Stdout: &stdout, Stderr: &stderr})
	if ok {
		t.Errorf("Run reported success with a read-only file")
	}
	if got, want := stderr.String(), "x: ro.go: not writable; not fixed\n"; got != want {
		t.Errorf("stderr %q, want %q", got, want)
	}
	if fmt.Sprint(left) != "[0 2]" {
		t.Errorf("fixes not applied: %v, want [0 2]", left)
	}
	if got := read(t, ro); got != src {
		t.Errorf("read-only file changed:\n%s", got)
	}
	if got := read(t, rw); got != "package a\n\nvar X = 2\n" {
		t.Errorf("writable file not fixed (or half of the two-file fix applied):\n%s", got)
	}
	if fi, _ := os.Stat(ro); fi.Mode().Perm() != 0o444 {
		t.Errorf("mode of the read-only file changed to %v", fi.Mode())
	}

	// -diff writes nothing: it shows the fix to the read-only file too.
	stdout.Reset()
	stderr.Reset()
	if ok, left := Run(fixes[:1], Options{Diff: true, Display: filepath.Base, Stdout: &stdout, Stderr: &stderr}); !ok || len(left) != 0 {
		t.Errorf("Run -diff on a read-only file: %v, %v; %s", ok, left, stderr.String())
	}
	if !strings.Contains(stdout.String(), "+var X = 2") {
		t.Errorf("Run -diff on a read-only file printed:\n%s", stdout.String())
	}
}

// Writable refuses a file with no write bit, for every user, and accepts
// a writable file through a symbolic link.
func TestWritable(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits")
	}
	dir := t.TempDir()
	name := filepath.Join(dir, "a.go")
	write(t, name, "package a\n")
	if err := Writable(name); err != nil {
		t.Errorf("Writable(0644 file): %v", err)
	}
	link := filepath.Join(dir, "link.go")
	if err := os.Symlink("a.go", link); err != nil {
		t.Fatal(err)
	}
	if err := Writable(link); err != nil {
		t.Errorf("Writable(link to a 0644 file): %v", err)
	}
	for _, mode := range []os.FileMode{0o444, 0o555, 0o400} {
		if err := os.Chmod(name, mode); err != nil {
			t.Fatal(err)
		}
		if err := Writable(name); err == nil {
			t.Errorf("Writable(%v file) = nil (euid %d)", mode, os.Geteuid())
		}
		if err := Writable(link); err == nil {
			t.Errorf("Writable(link to a %v file) = nil", mode)
		}
	}
	if os.Geteuid() != 0 {
		// Writable by its group only, which this user is not in.
		if err := os.Chmod(name, 0o474); err != nil {
			t.Fatal(err)
		}
		if err := Writable(name); err == nil {
			t.Errorf("Writable(0474 file owned by this user) = nil")
		}
	}
	if err := Writable(filepath.Join(dir, "missing.go")); err == nil {
		t.Errorf("Writable(missing file) = nil")
	}
}
