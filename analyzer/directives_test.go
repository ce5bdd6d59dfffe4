package analyzer

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestDirectiveScopes checks, on syntax alone, which lines each kind of
// directive covers, and that //nolint is left to the driver when it
// handles them (the golangci-lint plugin). The // want tests under
// testdata/mod/sts000 cover the same rules on real findings.
func TestDirectiveScopes(t *testing.T) {
	const src = `package p

func f() {
	_ = 1 //nolint:stsregional
	//nolint:errcheck,stsregional // reason
	_ = []int{
		2,
	}
	//lint:ignore STS002 reason
	_ = []int{
		3,
	}
	_ = 4 //stsregional:ignore STS002 reason
	_ = 5
	_ = 6
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	tf := fset.File(f.Pos())
	lineOf := func(text string) int {
		return tf.Line(tf.Pos(strings.Index(src, text)))
	}
	covered := func(ds *directives, text string) bool {
		return ds.suppress(fset, V1NotRegional, tf.LineStart(lineOf(text)))
	}
	for _, tc := range []struct {
		nolint bool
		want   map[string]bool
	}{
		{true, map[string]bool{"_ = 1": true, "_ = []int{\n\t\t2": true, "2,": true, "_ = []int{\n\t\t3": true, "3,": false, "_ = 4": true, "_ = 5": true, "_ = 6": false}},
		{false, map[string]bool{"_ = 1": false, "2,": false, "_ = []int{\n\t\t3": true, "_ = 4": true, "_ = 6": false}},
	} {
		ds := scanDirectives(fset, []*ast.File{f}, tc.nolint)
		for text, want := range tc.want {
			if got := covered(ds, text); got != want {
				t.Errorf("nolint=%v: line %d (%q) covered = %v, want %v", tc.nolint, lineOf(text), text, got, want)
			}
		}
	}
}
