package analyzer

// A bounded backward trace for request URLs that are not constant where
// they are used: hand-rolled STS clients keep the endpoint in a struct
// field or pass it through parameters, with the global host as a default
// somewhere upstream. The trace follows local variables, fields declared in
// this package and parameters of this package's functions (through their
// call sites), and returns where a constant global host enters the flow.

import (
	"go/ast"
	"go/types"

	"github.com/stsregional/stsregional/analyzer/internal/host"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// maxTrace bounds the number of hops of one trace.
const maxTrace = 10

// traceGlobal returns the constant expressions naming the global STS host
// that can flow into e.
func (c *checker) traceGlobal(e ast.Expr) []ast.Expr {
	var out []ast.Expr
	seen := map[types.Object]bool{}
	var walk func(e ast.Expr, depth int)
	walk = func(e ast.Expr, depth int) {
		if e == nil || depth > maxTrace {
			return
		}
		e = ast.Unparen(e)
		if s, ok := c.constString(e); ok {
			if host.IsGlobal(s) {
				out = append(out, e)
			}
			return
		}
		switch x := e.(type) {
		case *ast.Ident:
			v := c.localVar(x)
			if v == nil || seen[v] {
				return
			}
			seen[v] = true
			if c.params[v] {
				for _, a := range c.argsFor(v) {
					walk(a, depth+1)
				}
			}
			for _, d := range c.defs[v] {
				// u, err := url.Parse(…): the first result.
				if d.index <= 0 {
					walk(d.rhs, depth+1)
				}
			}
		case *ast.SelectorExpr:
			v, ok := c.pass.TypesInfo.Uses[x.Sel].(*types.Var)
			if !ok || !v.IsField() || v.Pkg() != c.pass.Pkg || seen[v] {
				return
			}
			seen[v] = true
			for _, s := range c.storedValues(v) {
				walk(s, depth+1)
			}
		case *ast.CallExpr:
			fn := c.callee(x)
			switch {
			case fn == nil:
			case (sdk.IsFunc(fn, sdk.NetURL, "Parse") || sdk.IsFunc(fn, sdk.NetURL, "ParseRequestURI")) && len(x.Args) == 1:
				walk(x.Args[0], depth+1)
			case sdk.IsMethod(fn, sdk.NetURL, "URL", "String"):
				if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
					walk(sel.X, depth+1)
				}
			}
		case *ast.StarExpr:
			walk(x.X, depth+1)
		case *ast.UnaryExpr:
			walk(x.X, depth+1)
		}
	}
	walk(e, 0)
	return out
}

// argsFor returns the arguments passed for parameter v at every call, in
// this package, of the function declaring v.
func (c *checker) argsFor(v *types.Var) []ast.Expr {
	if c.callsTo == nil {
		c.callsTo = map[*types.Func][]*ast.CallExpr{}
		for _, cur := range c.calls {
			call := cur.Node().(*ast.CallExpr)
			if fn := c.callee(call); fn != nil && fn.Pkg() == c.pass.Pkg {
				c.callsTo[fn] = append(c.callsTo[fn], call)
			}
		}
	}
	for fn, calls := range c.callsTo {
		params := fn.Signature().Params()
		for i := 0; i < params.Len(); i++ {
			if params.At(i) != v {
				continue
			}
			if fn.Signature().Variadic() && i == params.Len()-1 {
				return nil // the arguments form a slice
			}
			var out []ast.Expr
			for _, call := range calls {
				if i < len(call.Args) && !call.Ellipsis.IsValid() {
					out = append(out, call.Args[i])
				}
			}
			return out
		}
	}
	return nil
}
