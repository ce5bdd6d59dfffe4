package inventory_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stsregional/stsregional/internal/inventory"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// sample returns the rows of testdata/rows.json: every kind, endpoint mode
// and region source, a duplicate (a package and its test variant), a
// suppressed finding, evidence in another file and a file outside the
// working directory.
func sample(t *testing.T) []inventory.Row {
	t.Helper()
	data, err := os.ReadFile("testdata/rows.json")
	if err != nil {
		t.Fatal(err)
	}
	var rows []inventory.Row
	if err := json.Unmarshal(data, &rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestRender(t *testing.T) {
	doc := inventory.New(sample(t), "/src/app")
	for _, f := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"inventory.txt.golden", func(b *bytes.Buffer) error { return doc.WriteText(b) }},
		{"inventory.md.golden", func(b *bytes.Buffer) error { return doc.WriteMarkdown(b) }},
		{"inventory.json.golden", func(b *bytes.Buffer) error { return doc.WriteJSON(b) }},
	} {
		var b bytes.Buffer
		if err := f.write(&b); err != nil {
			t.Fatal(err)
		}
		golden(t, f.name, b.Bytes())
	}
}

func TestRenderEmpty(t *testing.T) {
	doc := inventory.New(nil, "/src")
	var txt, md, js bytes.Buffer
	if err := doc.WriteText(&txt); err != nil {
		t.Fatal(err)
	}
	if err := doc.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if err := doc.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	if want := "0 routes in 0 packages; 0 findings, 0 suppressed\n"; !strings.HasSuffix(txt.String(), want) {
		t.Errorf("text: got %q, want suffix %q", txt.String(), want)
	}
	if strings.Contains(md.String(), "| Position") {
		t.Errorf("markdown of no routes has a route table:\n%s", md.String())
	}
	// An empty inventory is an empty array and empty counts, not null: a
	// consumer iterates without checking.
	for _, want := range []string{`"routes": []`, `"by_endpoint": {}`, `"by_package": []`} {
		if !strings.Contains(js.String(), want) {
			t.Errorf("json lacks %s:\n%s", want, js.String())
		}
	}
	validate(t, js.Bytes())
}

// TestSortIndependentOfArrival: the rows arrive in the order the go
// command's parallel units finish; the document must not depend on it.
func TestSortIndependentOfArrival(t *testing.T) {
	rows := sample(t)
	var want bytes.Buffer
	if err := inventory.New(rows, "/src/app").WriteJSON(&want); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 50; i++ {
		shuffled := slices.Clone(rows)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		var got bytes.Buffer
		if err := inventory.New(shuffled, "/src/app").WriteJSON(&got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("order %d gives another document:\n%s", i, got.String())
		}
	}
	doc := inventory.New(rows, "/src/app")
	if len(doc.Routes) != len(rows)-1 {
		t.Errorf("got %d routes from %d rows with one duplicate", len(doc.Routes), len(rows))
	}
	for i := 1; i < len(doc.Routes); i++ {
		a, b := doc.Routes[i-1], doc.Routes[i]
		if a.File > b.File || a.File == b.File && (a.Line > b.Line || a.Line == b.Line && a.Column > b.Column) {
			t.Errorf("routes %s and %s out of order", a.Pos(), b.Pos())
		}
	}
}

func TestRelative(t *testing.T) {
	r := inventory.Row{File: "/src/app/a/a.go", Evidence: []inventory.Evidence{{File: "/src/lib/l.go"}, {File: "/src/app/s.go"}}}
	got := r.Relative("/src/app")
	if got.File != "a/a.go" || got.Evidence[0].File != "/src/lib/l.go" || got.Evidence[1].File != "s.go" {
		t.Errorf("Relative: got %+v", got)
	}
	if r.Evidence[1].File != "/src/app/s.go" {
		t.Errorf("Relative changed its receiver's evidence")
	}
}

func TestWire(t *testing.T) {
	for _, r := range sample(t) {
		msg := inventory.Encode(r)
		if !inventory.IsRoute(inventory.Category, msg) || !inventory.IsRoute("", msg) {
			t.Errorf("IsRoute(%q) = false", msg)
		}
		got, err := inventory.Decode(msg)
		if err != nil {
			t.Fatalf("Decode(%q): %v", msg, err)
		}
		if inventory.Encode(got) != msg {
			t.Errorf("round trip changed the row:\n%s\n%s", msg, inventory.Encode(got))
		}
	}
	if inventory.IsRoute("v1-region-not-enough", "STS003: v1 STS client uses the global endpoint") {
		t.Errorf("a finding is taken for a route")
	}

	good := inventory.Encode(sample(t)[0])
	body := strings.TrimPrefix(good, inventory.Prefix)
	for _, c := range []struct{ msg, want string }{
		{"stsregional-route/v9 " + body, "another stsregional version"},
		{"STS001: x", "not a route diagnostic"},
		{inventory.Prefix + "{", "bad route diagnostic"},
		{inventory.Prefix + strings.Replace(body, `"sdk":"http"`, `"sdk":"v3"`, 1), `unknown sdk "v3"`},
		{inventory.Prefix + strings.Replace(body, `"kind":"raw-request"`, `"kind":"lambda"`, 1), `unknown kind`},
		{inventory.Prefix + strings.Replace(body, `"mode":"explicit"`, `"mode":"maybe"`, 1), `unknown endpoint mode`},
		{inventory.Prefix + strings.Replace(body, `{`, `{"extra":1,`, 1), `unknown field`},
		{inventory.Prefix + strings.Replace(body, `"line":30`, `"line":0`, 1), `without a position`},
		{inventory.Prefix + strings.Replace(body, `"check":"STS001","file"`, `"check":"X","file"`, 1), `bad finding`},
	} {
		_, err := inventory.Decode(c.msg)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Decode(%.60q): got error %v, want one containing %q", c.msg, err, c.want)
		}
	}
	if _, err := inventory.Decode("stsregional-route/v9 {}"); !errors.Is(err, inventory.ErrVersion) {
		t.Errorf("another version: got %v, want ErrVersion", err)
	}
}

func TestMarkdownEscapes(t *testing.T) {
	rows := []inventory.Row{{
		File: "a.go", Line: 1, Column: 1, Package: "p", SDK: "v1", Kind: inventory.KindClient, Call: "sts.New",
		Endpoint: inventory.Endpoint{Mode: inventory.ModeConditional, Detail: "a || b_c"},
		Check:    "STS002", Suppressed: true, SuppressReason: "see *ticket* | `x`",
	}}
	var b bytes.Buffer
	if err := inventory.New(rows, "").WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	line := b.String()[strings.LastIndex(strings.TrimSuffix(b.String(), "\n"), "\n")+1:]
	// 8 cell separators: an unescaped | in a value would add one.
	if n := strings.Count(line, "|") - strings.Count(line, `\|`); n != 8 {
		t.Errorf("route line has %d cell separators, want 8: %s", n, line)
	}
	for _, want := range []string{`a \|\| b\_c`, `\*ticket\*`} {
		if !strings.Contains(line, want) {
			t.Errorf("route line lacks %s: %s", want, line)
		}
	}
}
