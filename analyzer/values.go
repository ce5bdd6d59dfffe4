package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// maxDepth bounds every recursive walk over definitions, so cyclic or very
// deep assignment chains cost a constant amount.
const maxDepth = 8

// constString returns the string value of e if the analyzer can prove it:
// a constant expression (named constants and folded concatenations
// included), a variable whose every assignment is such a value, fmt.Sprintf
// over constant operands, or u.String() of a url.Parse of one.
func (c *checker) constString(e ast.Expr) (string, bool) {
	return c.constStringDepth(e, 0)
}

func (c *checker) constStringDepth(e ast.Expr, depth int) (string, bool) {
	if e == nil || depth > maxDepth {
		return "", false
	}
	e = ast.Unparen(e)
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return constant.StringVal(tv.Value), true
		}
		return "", false
	}
	switch x := e.(type) {
	case *ast.Ident:
		return c.varString(c.localVar(x), depth)
	case *ast.BinaryExpr:
		l, ok1 := c.constStringDepth(x.X, depth+1)
		r, ok2 := c.constStringDepth(x.Y, depth+1)
		if ok1 && ok2 && x.Op.String() == "+" {
			return l + r, true
		}
	case *ast.CallExpr:
		fn := c.callee(x)
		switch {
		case fn == nil:
		case sdk.IsFunc(fn, "fmt", "Sprintf") && len(x.Args) >= 1 && !x.Ellipsis.IsValid():
			format, ok := c.constStringDepth(x.Args[0], depth+1)
			if !ok {
				return "", false
			}
			args := make([]any, 0, len(x.Args)-1)
			for _, a := range x.Args[1:] {
				tv, ok := c.pass.TypesInfo.Types[a]
				if !ok || tv.Value == nil {
					s, ok := c.constStringDepth(a, depth+1)
					if !ok {
						return "", false
					}
					args = append(args, s)
					continue
				}
				args = append(args, constant.Val(tv.Value))
			}
			return fmt.Sprintf(format, args...), true
		case sdk.IsMethod(fn, sdk.NetURL, "URL", "String"):
			// u.String() where u came from url.Parse(const).
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				return c.parsedURL(sel.X, depth+1)
			}
		}
	}
	return "", false
}

// varString returns the value of v when every definition of it is the same
// provable string. Parameters and unassigned variables are unknown.
func (c *checker) varString(v *types.Var, depth int) (string, bool) {
	if v == nil || c.params[v] {
		return "", false
	}
	defs := c.defs[v]
	if len(defs) == 0 {
		return "", false
	}
	var val string
	for i, d := range defs {
		if d.index != -1 {
			return "", false
		}
		s, ok := c.constStringDepth(d.rhs, depth+1)
		if !ok || (i > 0 && s != val) {
			return "", false
		}
		val = s
	}
	return val, true
}

// parsedURL returns the constant URL string e was parsed from: e is a
// variable assigned from url.Parse(const) (or *u, &u).
func (c *checker) parsedURL(e ast.Expr, depth int) (string, bool) {
	if depth > maxDepth {
		return "", false
	}
	e = ast.Unparen(e)
	if st, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(st.X)
	}
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	if call, ok := e.(*ast.CallExpr); ok {
		return c.parseCallURL(call, depth)
	}
	if lit, ok := e.(*ast.CompositeLit); ok && sdk.IsNamed(c.pass.TypesInfo.TypeOf(lit), sdk.NetURL, "URL") {
		// &url.URL{Scheme: "https", Host: "sts.amazonaws.com"}
		if _, kv := elemWithKey(lit, "Host"); kv != nil {
			return c.constStringDepth(kv.Value, depth+1)
		}
		return "", false
	}
	v := c.localVar(e)
	if v == nil || c.params[v] || len(c.defs[v]) != 1 {
		return "", false
	}
	d := c.defs[v][0]
	call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
	if !ok || d.index > 0 {
		return "", false
	}
	return c.parseCallURL(call, depth)
}

func (c *checker) parseCallURL(call *ast.CallExpr, depth int) (string, bool) {
	fn := c.callee(call)
	if fn == nil || len(call.Args) != 1 {
		return "", false
	}
	if sdk.IsFunc(fn, sdk.NetURL, "Parse") || sdk.IsFunc(fn, sdk.NetURL, "ParseRequestURI") {
		return c.constStringDepth(call.Args[0], depth+1)
	}
	return "", false
}

// unwrapPtr looks through aws.String(x), aws.Bool(x) and the smithy ptr
// equivalents, returning x; other expressions are returned unchanged.
func (c *checker) unwrapPtr(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if fn := c.callee(call); fn != nil && sdk.IsPtrHelper(fn) {
			return ast.Unparen(call.Args[0])
		}
	}
	return e
}

// constInt returns the integer value of a constant expression (typed enum
// constants such as endpoints.RegionalSTSEndpoint included), following
// single-valued variables.
func (c *checker) constInt(e ast.Expr, depth int) (int64, bool) {
	if e == nil || depth > maxDepth {
		return 0, false
	}
	e = ast.Unparen(e)
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
		v, exact := constant.Int64Val(constant.ToInt(tv.Value))
		return v, exact
	}
	if v := c.localVar(e); v != nil && !c.params[v] {
		defs := c.defs[v]
		if len(defs) == 0 {
			return 0, false
		}
		var val int64
		for i, d := range defs {
			if d.index != -1 {
				return 0, false
			}
			n, ok := c.constInt(d.rhs, depth+1)
			if !ok || (i > 0 && n != val) {
				return 0, false
			}
			val = n
		}
		return val, true
	}
	return 0, false
}

// constBool returns the value of a constant boolean expression, looking
// through aws.Bool.
func (c *checker) constBool(e ast.Expr) (bool, bool) {
	e = c.unwrapPtr(e)
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool {
		return constant.BoolVal(tv.Value), true
	}
	return false, false
}
