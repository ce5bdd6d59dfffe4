package inventory_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stsregional/stsregional/internal/inventory"
)

// tree writes files (name → content) under a new temporary directory.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func rel(t *testing.T, dir string, roots []string) []string {
	t.Helper()
	var out []string
	for _, r := range roots {
		p, err := filepath.Rel(dir, r)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, filepath.ToSlash(p))
	}
	return out
}

func TestModuleRootsWalk(t *testing.T) {
	t.Setenv("GOWORK", "")
	dir := tree(t, map[string]string{
		"go.mod":                   "module r\n",
		"svc/a/go.mod":             "module a\n",
		"svc/a/nested/go.mod":      "module n\n",
		"svc/b/go.mod":             "module b\n",
		"svc/b/vendor/x/go.mod":    "module x\n",
		"svc/testdata/mod/go.mod":  "module t\n",
		".git/go.mod":              "module g\n",
		"_old/go.mod":              "module o\n",
		"docs/go.mod/README":       "a directory named go.mod is not a module\n",
		"tools/notamodule/main.go": "package main\n",
		"svc/c/internal/d/go.mod":  "module d\n",
	})
	roots, err := inventory.ModuleRoots(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{".", "svc/a", "svc/a/nested", "svc/b", "svc/c/internal/d"}
	if got := rel(t, dir, roots); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestModuleRootsWork(t *testing.T) {
	files := map[string]string{
		"go.work": `go 1.26

// the services
use (
	./svc/a // a comment
	"svc/b"
	./svc/a
)
use ./tools
replace example.com/x => ./x
`,
		"svc/a/go.mod":  "module a\n",
		"svc/b/go.mod":  "module b\n",
		"tools/go.mod":  "module tools\n",
		"unused/go.mod": "module unused\n",
		"x/go.mod":      "module x\n",
	}
	dir := tree(t, files)
	t.Setenv("GOWORK", "")
	roots, err := inventory.ModuleRoots(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rel(t, dir, roots), []string{"svc/a", "svc/b", "tools"}; !slices.Equal(got, want) {
		t.Errorf("go.work: got %q, want %q", got, want)
	}

	// GOWORK=off: the go command ignores go.work, so do we.
	t.Setenv("GOWORK", "off")
	roots, err = inventory.ModuleRoots(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rel(t, dir, roots), []string{"svc/a", "svc/b", "tools", "unused", "x"}; !slices.Equal(got, want) {
		t.Errorf("GOWORK=off: got %q, want %q", got, want)
	}
}

func TestModuleRootsErrors(t *testing.T) {
	t.Setenv("GOWORK", "")
	for _, c := range []struct {
		files map[string]string
		want  string
	}{
		{map[string]string{"a.go": "package a\n"}, "no go.mod or go.work"},
		{map[string]string{"go.work": "go 1.26\nuse ./missing\n"}, "go.work:2: ./missing has no go.mod"},
		{map[string]string{"go.work": "go 1.26\nuse (\n./a\n", "a/go.mod": "module a\n"}, "unterminated use block"},
		{map[string]string{"go.work": "go 1.26\n"}, "uses no module"},
		{map[string]string{"go.work": "use \"a\n", "a/go.mod": "module a\n"}, "bad use path"},
	} {
		_, err := inventory.ModuleRoots(tree(t, c.files))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: got %v, want an error containing %q", c.files, err, c.want)
		}
	}
}
