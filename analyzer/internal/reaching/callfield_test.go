package reaching

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/ssa"
)

// TestCallField reads a field of another package's struct that a call
// of that package returns: one leaf per call, naming the field and the
// result, at the selector, and the result is not open (the callee's
// facts decide, not this package's stores).
func TestCallField(t *testing.T) {
	g, f := load(t, `package p
import (
	"net/http"
	"net/url"
	"runtime"
)
func sink(string) {}
func a(x string) { u, _ := url.Parse(x); sink(u.Host) }
func b() { fr, _ := runtime.CallersFrames(nil).Next(); sink(fr.Function) }
func c(ok bool) {
	r, _ := http.NewRequest("GET", "x", nil)
	if ok {
		r, _ = http.NewRequest("POST", "y", nil)
	}
	sink(r.Method)
}
func d() { var v url.URL; sink(v.Host) }
`)
	args := sinkArgs(f)
	want := []struct {
		field string
		calls int
	}{{"Host", 1}, {"Function", 1}, {"Method", 2}}
	for i, w := range want {
		r := g.Values(args[i])
		if r.Open || len(r.Leaves) != w.calls {
			t.Errorf("%d: open %v, %d leaves, want %d", i, r.Open, len(r.Leaves), w.calls)
			continue
		}
		for _, l := range r.Leaves {
			if _, ok := l.Value.(*ssa.Call); !ok || l.Field == nil || l.Field.Name() != w.field || l.Index != 0 || l.Expr != ast.Unparen(args[i]) {
				t.Errorf("%d: leaf %T field %v index %d expr %v", i, l.Value, l.Field, l.Index, l.Expr)
			}
		}
	}
	// A variable of the foreign type no call produced: no call leaf.
	for _, l := range g.Values(args[3]).Leaves {
		if l.Field != nil {
			t.Errorf("zero variable: field leaf %v", l.Field)
		}
	}
}

// TestReturnFieldValues follows a field of a returned struct, one return
// at a time: the literal's value, the stores before the return, the zero
// value of a field the literal leaves out, through a pointer result too.
func TestReturnFieldValues(t *testing.T) {
	g, f := load(t, `package p
type S struct{ Region, Endpoint string }
func Load(env string) S {
	s := S{Region: "aws-global"}
	if env != "" {
		s.Region = "eu-west-1"
	}
	return s
}
func LoadPtr() *S { return &S{Region: "us-east-1"} }
`)
	var rets []*ast.ReturnStmt
	ast.Inspect(f, func(n ast.Node) bool {
		if r, ok := n.(*ast.ReturnStmt); ok {
			rets = append(rets, r)
		}
		return true
	})
	cases := []struct {
		ret, field int
		want       string
	}{
		{0, 0, "aws-global eu-west-1"},
		{0, 1, "zero"},
		{1, 0, "us-east-1"},
	}
	for _, c := range cases {
		if got := describe(g.ReturnFieldValues(rets[c.ret], 0, c.field)); got != c.want {
			t.Errorf("return %d field %d: got %q, want %q", c.ret, c.field, got, c.want)
		}
	}
	if got := describe(g.ReturnFieldValues(rets[0], 1, 0)); got != "open" {
		t.Errorf("missing result: got %q, want open", got)
	}
}
