package engine

import (
	"encoding/json"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The stderr of go vet when the test variant of example.com/m/a, an
// external test package and a plain package fail: the go command prints
// "# p" and "# [p]" for a test variant of p.
func TestFailedSteps(t *testing.T) {
	stderr := `# example.com/m/c_test
# [example.com/m/c_test]
c/x_test.go:5:40: cannot use "s" (untyped string constant) as int value in variable declaration
# example.com/m/a
# [example.com/m/a]
a/a_test.go:5:40: cannot use "s" (untyped string constant) as int value in variable declaration
# example.com/m/syn
syn/s.go:3:6: expected 'IDENT', found '{'
`
	var got []string
	for p := range failedSteps(stderr) {
		got = append(got, p)
	}
	slices.Sort(got)
	want := []string{"example.com/m/a", "example.com/m/c_test", "example.com/m/syn"}
	if !slices.Equal(got, want) {
		t.Errorf("failedSteps = %q, want %q", got, want)
	}
}

// go list -e -json of the kinds of packages recoverPartial tells apart.
func TestListed(t *testing.T) {
	stream := `{"ImportPath": "example.com/m/ign", "Error": {"Err": "build constraints exclude all Go files in /m/ign"}}
{"ImportPath": "example.com/m/dep", "DepsErrors": [{"Err": "no required module provides package example.com/x"}]}
{"ImportPath": "example.com/m/cyc", "Error": {"Err": "import cycle not allowed"}, "DepsErrors": [{"Err": "import cycle not allowed"}]}
{"ImportPath": "example.com/m/a", "Dir": "/m/a", "TestGoFiles": ["a_test.go"], "XTestGoFiles": ["x_test.go"]}
`
	dec := json.NewDecoder(strings.NewReader(stream))
	var got []string
	for dec.More() {
		var p listed
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		got = append(got, p.ImportPath+" broken="+strconv.FormatBool(p.broken())+" excluded="+strconv.FormatBool(p.excluded())+" tests="+strings.Join(p.tests(), ","))
	}
	sep := string(os.PathSeparator)
	want := []string{
		"example.com/m/ign broken=true excluded=true tests=",
		"example.com/m/dep broken=true excluded=false tests=",
		"example.com/m/cyc broken=true excluded=false tests=",
		"example.com/m/a broken=false excluded=false tests=" + strings.ReplaceAll("/m/a/a_test.go,/m/a/x_test.go", "/", sep),
	}
	if !slices.Equal(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The go command's line about an excluded package is the warning, not an
// error as well; another error about the same package is not.
func TestSameError(t *testing.T) {
	w := "package example.com/m/ign: build constraints exclude all Go files in /m/ign"
	for e, want := range map[string]bool{
		"package example.com/m/ign: build constraints exclude all Go files in /m/ign":   true,
		"example.com/m/ign: build constraints exclude all Go files in /m/ign":           true,
		"package example.com/m/ign2: build constraints exclude all Go files in /m/ign2": false,
		"a/a.go:3:1: build constraints exclude all Go files in /m/ign (not really)":     false,
	} {
		if got := sameError(e, w); got != want {
			t.Errorf("sameError(%q) = %v, want %v", e, got, want)
		}
	}
}

// Two runs that report the same finding report it once.
func TestDistinctDiagnostics(t *testing.T) {
	a := Diagnostic{Package: "p", Message: "STS001: a", Pos: Position{"/m/p/a.go", 3, 2}}
	b := Diagnostic{Package: "p", Message: "STS004: b", Pos: Position{"/m/p/a.go", 1, 1}}
	got := distinctDiagnostics([]Diagnostic{a, b, a})
	if len(got) != 2 || got[0].Message != b.Message || got[1].Message != a.Message {
		t.Errorf("distinctDiagnostics = %+v, want b then a", got)
	}
}
