package reaching

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/ssa"
)

// TestReturnValues asks about one return statement at a time: the other
// returns of the function do not reach it, a bare return reads the named
// result's stores.
func TestReturnValues(t *testing.T) {
	g, f := load(t, `package p
func Endpoint(s string) (ep string) {
	if s == "" {
		return "sts.amazonaws.com"
	}
	if s == "x" {
		ep = "regional"
		return
	}
	return s
}
`)
	var rets []*ast.ReturnStmt
	ast.Inspect(f, func(n ast.Node) bool {
		if r, ok := n.(*ast.ReturnStmt); ok {
			rets = append(rets, r)
		}
		return true
	})
	want := []string{"sts.amazonaws.com", "regional", "?Parameter"}
	for i, r := range rets {
		if got := describe(g.ReturnValues(r, 0)); got != want[i] {
			t.Errorf("return %d: got %q, want %q", i, got, want[i])
		}
	}
	if got := describe(g.ReturnValues(rets[0], 1)); got != "open" {
		t.Errorf("missing result: got %q, want open", got)
	}
}

// TestCallArgs follows an exported function's parameter to what this
// package passes, though other packages may pass anything.
func TestCallArgs(t *testing.T) {
	g, _ := load(t, `package p
func Use(s string) string { return s }
func a() { Use("one") }
func b() { v := "two"; Use(v) }
`)
	g.build()
	fn := g.ssa.Func("Use")
	if got := describe(g.CallArgs(fn.Params[0])); got != "one two" {
		t.Errorf("got %q, want %q", got, "one two")
	}
}

// TestPassed reports the call a variable's address is passed to, with the
// argument's index, and leaves the result open.
func TestPassed(t *testing.T) {
	g, f := load(t, `package p
func set(dst *string, def string) { *dst = def }
var Set = set
func main() {
	var v string
	Set(&v, "d")
	sink(v)
}
func sink(string) {}
`)
	r := g.Values(sinkArgs(f)[0])
	if !r.Open {
		t.Errorf("not open")
	}
	n := 0
	for _, l := range r.Leaves {
		if l.Passed {
			n++
			if _, ok := l.Value.(*ssa.Call); !ok || l.Arg != 0 || l.Expr == nil {
				t.Errorf("passed leaf %T arg %d expr %v", l.Value, l.Arg, l.Expr)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d passed leaves, want 1", n)
	}
}
