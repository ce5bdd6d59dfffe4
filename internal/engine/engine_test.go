package engine

import (
	"strings"
	"testing"
)

func TestParsePosition(t *testing.T) {
	for in, want := range map[string]Position{
		"/a/b.go:3:9":     {"/a/b.go", 3, 9},
		`C:\a\b.go:10:2`:  {`C:\a\b.go`, 10, 2},
		"b.go":            {Filename: "b.go"},
		"b.go:x:1":        {Filename: "b.go:x:1"},
		"dir:1/b.go:12:1": {"dir:1/b.go", 12, 1},
	} {
		if got := ParsePosition(in); got != want {
			t.Errorf("ParsePosition(%q) = %+v, want %+v", in, got, want)
		}
	}
}

// The stream of trees go vet -json prints: a package reported twice (by
// itself and its test variant), an analysis error, findings out of order.
const stream = `{
	"example.com/p": {
		"stsregional": [
			{"category": "c", "posn": "/m/p/b.go:9:1", "end": "/m/p/b.go:9:5", "message": "STS004: b"},
			{"category": "c", "posn": "/m/p/a.go:3:2", "end": "/m/p/a.go:3:5", "message": "STS001: a",
			 "suggested_fixes": [{"message": "Fix", "edits": [{"filename": "/m/p/a.go", "start": 10, "end": 12, "new": "x"}]}],
			 "related": [{"posn": "/m/p/c.go:7:2", "end": "/m/p/c.go:7:14", "message": "reaches a request URL here"}]}
		]
	}
}
{
	"example.com/p [example.com/p.test]": {
		"stsregional": [
			{"category": "c", "posn": "/m/p/a.go:3:2", "end": "/m/p/a.go:3:5", "message": "STS001: a"},
			{"category": "c", "posn": "/m/p/a_test.go:1:1", "end": "/m/p/a_test.go:1:1", "message": "STS001: t"}
		]
	}
}
{
	"example.com/q": {"stsregional": {"error": "internal error analysing example.com/q\n(please report it)"}}
}
`

func TestDecode(t *testing.T) {
	diags, errs, err := decode(strings.NewReader(stream))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.Package+" "+d.Pos.String()+" "+d.Message)
	}
	want := []string{
		"example.com/p /m/p/a.go:3:2 STS001: a",
		"example.com/p /m/p/a_test.go:1:1 STS001: t",
		"example.com/p /m/p/b.go:9:1 STS004: b",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if f := diags[0].Fixes; len(f) != 1 || f[0].Edits[0] != (Edit{"/m/p/a.go", 10, 12, "x"}) {
		t.Errorf("fixes of the first diagnostic: %+v", f)
	}
	if r := diags[0].Related; len(r) != 1 || r[0] != (Related{Position{"/m/p/c.go", 7, 2}, Position{"/m/p/c.go", 7, 14}, "reaches a request URL here"}) {
		t.Errorf("related locations of the first diagnostic: %+v", r)
	}
	if len(errs) != 1 || errs[0] != "example.com/q: internal error analysing example.com/q (please report it)" {
		t.Errorf("errors %q, want one line about example.com/q", errs)
	}
	if _, _, err := decode(strings.NewReader("{not json")); err == nil {
		t.Error("decode of bad JSON: no error")
	}
}

func TestStderrErrors(t *testing.T) {
	stderr := `# example.com/a
a/a.go:3:13: cannot use "s" (untyped string constant) as int value in variable declaration
# example.com/b
a/a.go:3:13: cannot use "s" (untyped string constant) as int value in variable declaration
go: -mod may only be set to readonly or vendor when in workspace mode, but it is set to "mod"
	Remove the -mod flag to use the default readonly value,
	or set GOWORK=off to disable workspace mode.
go: warning: "example.com/nomatch/..." matched no packages
no packages to vet
go: finding module for package example.com/nosuchdep
go: downloading example.com/dep v1.0.0
m/m.go:3:8: cannot find module providing package example.com/nosuchdep: module lookup disabled by GOPROXY=off
`
	got := Distinct(stderrErrors(stderr))
	want := []string{
		`a/a.go:3:13: cannot use "s" (untyped string constant) as int value in variable declaration`,
		`go: -mod may only be set to readonly or vendor when in workspace mode, but it is set to "mod"; Remove the -mod flag to use the default readonly value,; or set GOWORK=off to disable workspace mode.`,
		`"example.com/nomatch/..." matched no packages`,
		`m/m.go:3:8: cannot find module providing package example.com/nosuchdep: module lookup disabled by GOPROXY=off`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRel(t *testing.T) {
	for _, tc := range []struct{ dir, file, want string }{
		{"/m", "/m/p/a.go", "p/a.go"},
		{"/m", "/other/a.go", "/other/a.go"},
		{"/m", "p/a.go", "p/a.go"},
		{"", "/m/a.go", "/m/a.go"},
	} {
		if got := Rel(tc.dir, tc.file); got != tc.want {
			t.Errorf("Rel(%q, %q) = %q, want %q", tc.dir, tc.file, got, tc.want)
		}
	}
}
