package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stsregional/stsregional/internal/inventory"
)

// repo lays out a repository of two modules (copies of testdata/e2e) plus
// go.mod files the discovery must skip, and a file behind a build tag.
func repo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, m := range []string{"svc-a", "svc-b"} {
		if err := copyDir(shared, filepath.Join(dir, m)); err != nil {
			t.Fatal(err)
		}
	}
	tagged := `//go:build integration

package clean

import (
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

func Integration() *sts.STS { return sts.New(session.Must(session.NewSession())) }
`
	for name, content := range map[string]string{
		"svc-b/clean/integration.go": tagged,
		"testdata/mod/go.mod":        "module skipped\n",
		".tools/go.mod":              "module hidden\n",
	} {
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

func decodeDoc(t *testing.T, r result) inventory.Document {
	t.Helper()
	var doc inventory.Document
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("decoding the JSON inventory: %v\n%s", err, r.out())
	}
	return doc
}

func TestInventoryMultiModule(t *testing.T) {
	dir := repo(t)
	r := stsregional(t, dir, "-inventory", "-format=json", "./...")
	wantCode(t, r, 0, "-inventory -format=json ./...")
	doc := decodeDoc(t, r)
	if doc.SchemaVersion != inventory.SchemaVersion || doc.Tool != "stsregional" {
		t.Errorf("schema_version %d, tool %q", doc.SchemaVersion, doc.Tool)
	}
	per := map[string]int{}
	for _, row := range doc.Routes {
		mod, _, _ := strings.Cut(row.File, "/")
		per[mod]++
		if strings.HasPrefix(row.File, "/") {
			t.Errorf("route %s: path not relative to the working directory", row.Pos())
		}
		if strings.HasSuffix(row.File, "integration.go") {
			t.Errorf("route %s behind a build tag listed without -tags", row.Pos())
		}
	}
	if per["svc-a"] == 0 || per["svc-a"] != per["svc-b"] || len(per) != 2 {
		t.Errorf("routes per module: %v, want the same non-zero number in svc-a and svc-b only", per)
	}
	if doc.Summary.Routes != len(doc.Routes) || doc.Summary.Findings == 0 {
		t.Errorf("summary %+v for %d routes", doc.Summary, len(doc.Routes))
	}

	// -tags selects the tagged file, in the module that has it.
	r = stsregional(t, dir, "-inventory", "-format=json", "-tags=integration", "./...")
	wantCode(t, r, 0, "-inventory -tags=integration")
	tagged := 0
	for _, row := range decodeDoc(t, r).Routes {
		if row.File == "svc-b/clean/integration.go" {
			tagged++
			if row.Endpoint.Mode != inventory.ModeConfig || row.Check != "STS002" {
				t.Errorf("tagged route: %+v", row)
			}
		}
	}
	if tagged != 1 {
		t.Errorf("-tags=integration: %d routes in integration.go, want 1", tagged)
	}

	// A go.work names the modules: only those run.
	if err := os.WriteFile(filepath.Join(dir, "go.work"), []byte("go 1.26.0\n\nuse ./svc-b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := []string{"-inventory", "-format=json", "./..."}
	r = run(t, dir, "env", append([]string{"GOWORK=" + filepath.Join(dir, "go.work"), "GOFLAGS=", binPath}, cmd...)...)
	wantCode(t, r, 0, "-inventory with go.work")
	for _, row := range decodeDoc(t, r).Routes {
		if !strings.HasPrefix(row.File, "svc-b/") {
			t.Errorf("go.work uses only svc-b, yet %s is listed", row.Pos())
		}
	}
}

func TestInventoryFormats(t *testing.T) {
	r := stsregional(t, shared, "-inventory", "./...")
	wantCode(t, r, 0, "-inventory (text)")
	wantContains(t, r, "text", "POSITION", "ENDPOINT", "findings/v1.go:", "routes in")
	r = stsregional(t, shared, "-inventory", "-format=markdown", "./...")
	wantCode(t, r, 0, "-inventory -format=markdown")
	wantContains(t, r, "markdown", "## STS routes", "### By endpoint", "### By package", "| `findings/v1.go:")
	// -json is -format=json.
	j := stsregional(t, shared, "-inventory", "-format=json", "./...")
	wantCode(t, j, 0, "-inventory -format=json")
	r = stsregional(t, shared, "-inventory", "-json", "./...")
	wantCode(t, r, 0, "-inventory -json")
	if r.stdout != j.stdout {
		t.Errorf("-inventory -json printed:\n%s\nwant what -format=json prints:\n%s", r.stdout, j.stdout)
	}
	r = stsregional(t, shared, "-inventory", "-format=json", "-disable=STS003,STS004", "./...")
	wantCode(t, r, 0, "-inventory -disable")
	for _, row := range decodeDoc(t, r).Routes {
		if row.Check == "STS003" || row.Check == "STS004" {
			t.Errorf("%s carries disabled %s", row.Pos(), row.Check)
		}
	}
}

func TestInventoryBadInput(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-inventory", "-format=xml", "./..."}, 2, `unknown -format "xml"`},
		{[]string{"-inventory", "-json", "-format=markdown", "./..."}, 2, "-format=markdown"},
		{[]string{"-inventory"}, 2, "needs package patterns"},
		{[]string{"-inventory", "-enable=STS999", "./..."}, 2, `unknown check ID "STS999"`},
		{[]string{"-inventory", "./nosuchdir/..."}, 1, "no inventory written"},
	} {
		r := stsregional(t, shared, c.args...)
		wantCode(t, r, c.code, strings.Join(c.args, " "))
		wantContains(t, r, strings.Join(c.args, " "), c.want)
		if c.code != 0 && r.stdout != "" {
			t.Errorf("%v: wrote to stdout on failure:\n%s", c.args, r.stdout)
		}
	}
}
