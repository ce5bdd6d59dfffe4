package reaching

import (
	"go/ast"
	"go/token"
	"testing"

	"golang.org/x/tools/go/ssa"
)

// TestReturnExpr maps a constant returned through the function's result
// variable back to the literal in the return statement.
func TestReturnExpr(t *testing.T) {
	g, f := load(t, `package p
import "os"
func ep() (string, int) {
	if e := os.Getenv("X"); e != "" {
		return e, 1
	}
	return "https://sts.amazonaws.com", 2
}
func main() { s, _ := ep(); sink(s) }
func sink(string) {}
`)
	r := g.Values(sinkArgs(f)[0])
	found := false
	for _, l := range r.Leaves {
		if _, ok := l.Value.(*ssa.Const); ok {
			lit, ok := l.Expr.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING || lit.Value != `"https://sts.amazonaws.com"` {
				t.Errorf("constant leaf expr %v", l.Expr)
			}
			found = true
		}
	}
	if !found {
		t.Errorf("no constant leaf: %s", describe(r))
	}
}
