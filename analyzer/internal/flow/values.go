package flow

// Constant evaluation: the string, integer and boolean values the analysis
// can prove, through named constants, folded concatenations, variables
// only ever assigned one value, fmt.Sprintf of constants and url.Parse.

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/stsregional/stsregional/analyzer/internal/reaching"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// ConstString returns the string value of e if the analysis can prove it:
// a constant expression (named constants and folded concatenations
// included), a variable whose every assignment is such a value, fmt.Sprintf
// over constant operands, or u.String() of a url.Parse of one.
func (vs *Values) ConstString(e ast.Expr) (string, bool) {
	return vs.constString(e, 0)
}

func (vs *Values) constString(e ast.Expr, depth int) (string, bool) {
	if e == nil || depth > maxDepth {
		return "", false
	}
	e = ast.Unparen(e)
	if tv, ok := vs.f.info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return constant.StringVal(tv.Value), true
		}
		return "", false
	}
	switch x := e.(type) {
	case *ast.Ident:
		return vs.reachingString(x, depth)
	case *ast.BinaryExpr:
		l, ok1 := vs.constString(x.X, depth+1)
		r, ok2 := vs.constString(x.Y, depth+1)
		if ok1 && ok2 && x.Op.String() == "+" {
			return l + r, true
		}
	case *ast.CallExpr:
		_, entry := vs.f.Lookup(x)
		switch entry.Role {
		case sdk.Sprintf:
			if len(x.Args) == 0 || x.Ellipsis.IsValid() {
				return "", false
			}
			format, ok := vs.constString(x.Args[0], depth+1)
			if !ok {
				return "", false
			}
			args := make([]any, 0, len(x.Args)-1)
			for _, a := range x.Args[1:] {
				tv, ok := vs.f.info.Types[a]
				if !ok || tv.Value == nil {
					s, ok := vs.constString(a, depth+1)
					if !ok {
						return "", false
					}
					args = append(args, s)
					continue
				}
				args = append(args, constant.Val(tv.Value))
			}
			return fmt.Sprintf(format, args...), true
		case sdk.URLString:
			// u.String() where u came from url.Parse(const).
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				return vs.parsedURL(sel.X, depth+1)
			}
		}
		// A function of another package that always returns one Region
		// name (by its ValueFact).
		if fn := vs.f.Callee(x); fn != nil && fn.Pkg() != nil && fn.Pkg() != vs.f.pass.Pkg {
			var fact ValueFact
			if vs.f.Facts.importValueFact(fn.Origin(), &fact) {
				for _, c := range fact.consts {
					if c.Result == 0 {
						return c.Value, true
					}
				}
			}
		}
	}
	return "", false
}

// reachingString returns the value of a variable, field or load e when
// every value that reaches it is the same provable string.
func (vs *Values) reachingString(e ast.Expr, depth int) (string, bool) {
	r := vs.f.eval.values(e)
	if r.Open || len(r.Leaves) == 0 {
		return "", false
	}
	var val string
	for i, l := range r.Leaves {
		if l.Zero || l.Passed {
			return "", false
		}
		var s string
		if c, ok := l.Value.(*ssa.Const); ok {
			if c.Value == nil || c.Value.Kind() != constant.String {
				return "", false
			}
			s = constant.StringVal(c.Value)
		} else {
			x := l.Expr
			if x == nil || ast.Unparen(x) == ast.Unparen(e) {
				return "", false
			}
			switch ast.Unparen(x).(type) {
			case *ast.CallExpr, *ast.BinaryExpr:
			default:
				return "", false
			}
			var ok bool
			if s, ok = vs.constString(x, depth+1); !ok {
				return "", false
			}
		}
		if i > 0 && s != val {
			return "", false
		}
		val = s
	}
	return val, true
}

// ParsedURL returns the constant URL string the url.URL value e was parsed
// from: url.Parse(const), a variable assigned from one (or *u, &u), or a
// url.URL literal with a constant Host.
func (vs *Values) ParsedURL(e ast.Expr) (string, bool) { return vs.parsedURL(e, 0) }

func (vs *Values) parsedURL(e ast.Expr, depth int) (string, bool) {
	if depth > maxDepth {
		return "", false
	}
	e = unaddr(e)
	if call, ok := e.(*ast.CallExpr); ok {
		return vs.parseCallURL(call, depth)
	}
	if lit, ok := e.(*ast.CompositeLit); ok && sdk.IsNamed(vs.f.info.TypeOf(lit), sdk.NetURL, "URL") {
		// &url.URL{Scheme: "https", Host: "sts.amazonaws.com"}
		if _, kv := ElemWithKey(lit, "Host"); kv != nil {
			return vs.constString(kv.Value, depth+1)
		}
		return "", false
	}
	x := vs.urlSource(e)
	if x == nil {
		return "", false
	}
	return vs.parsedURL(x, depth+1)
}

// urlSource returns the one construction of the url.URL value e (a
// url.Parse call or a url.URL literal) every path reaches it from, or nil.
func (vs *Values) urlSource(e ast.Expr) ast.Expr {
	if _, ok := e.(*ast.Ident); !ok {
		return nil
	}
	// u := url.URL{Host: …}; u.String(): the method takes u's address,
	// which the SSA form records for no expression, so the variable's one
	// definition decides (unless a field of it is stored later).
	if v := vs.f.localVar(e); v != nil && !vs.f.params[v] && len(vs.f.defs[v]) == 1 && !vs.hostSet(v) {
		if d := vs.f.defs[v][0]; d.index <= 0 {
			if lit, ok := ast.Unparen(d.rhs).(*ast.CompositeLit); ok {
				return lit
			}
		}
	}
	r := vs.f.eval.values(e)
	if r.Open || len(r.Leaves) != 1 || r.Leaves[0].Zero || r.Leaves[0].Passed {
		return nil
	}
	x := r.Leaves[0].Expr
	switch unaddr(x).(type) {
	case *ast.CompositeLit:
		// u := url.URL{Host: …}; u.Host = … : the literal no longer
		// decides the URL.
		if v := vs.f.localVar(e); v != nil && vs.hostSet(v) {
			return nil
		}
		if ast.Unparen(x) != e {
			return x
		}
	case *ast.CallExpr:
		if ast.Unparen(x) != e {
			return x
		}
	}
	return nil
}

// hostSet reports whether a field of the url.URL variable v is stored
// after its definition (u.Host = …), which the literal no longer decides.
func (vs *Values) hostSet(v *types.Var) bool {
	return len(vs.f.sets[v]) > 0
}

// unaddr strips parentheses and one * or & from e.
func unaddr(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if st, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(st.X)
	}
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	return e
}

func (vs *Values) parseCallURL(call *ast.CallExpr, depth int) (string, bool) {
	if _, e := vs.f.Lookup(call); e.Role == sdk.URLParse && len(call.Args) == 1 {
		return vs.constString(call.Args[0], depth+1)
	}
	return "", false
}

// URLText returns the expression where the text of the URL value e is
// written (the argument of the url.Parse call or the Host of a url.URL
// literal that produced it), for reporting, or nil.
func (vs *Values) URLText(e ast.Expr) ast.Expr {
	e = unaddr(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		return call.Args[0]
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		if _, kv := ElemWithKey(lit, "Host"); kv != nil {
			return kv.Value
		}
	}
	if x := vs.urlSource(e); x != nil {
		return vs.URLText(x)
	}
	return nil
}

// UnwrapPtr looks through aws.String(x), aws.Bool(x) and the smithy ptr
// equivalents, returning x; other expressions are returned unchanged.
func (vs *Values) UnwrapPtr(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if _, entry := vs.f.Lookup(call); entry.Role == sdk.PtrHelper {
			return ast.Unparen(call.Args[0])
		}
	}
	return e
}

// ConstInt returns the integer value of a constant expression (typed enum
// constants such as endpoints.RegionalSTSEndpoint included), following
// single-valued variables.
func (vs *Values) ConstInt(e ast.Expr) (int64, bool) { return vs.constInt(e, 0) }

func (vs *Values) constInt(e ast.Expr, depth int) (int64, bool) {
	if e == nil || depth > maxDepth {
		return 0, false
	}
	e = ast.Unparen(e)
	if tv, ok := vs.f.info.Types[e]; ok && tv.Value != nil {
		v, exact := constant.Int64Val(constant.ToInt(tv.Value))
		return v, exact
	}
	switch e.(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.StarExpr:
	default:
		return 0, false
	}
	// A variable or field: every value that reaches it the same constant.
	// A zero value counts as 0 (an STSRegionalEndpoint a settings literal
	// leaves out is unset) when the query is not Open: a variable whose
	// address leaves the package's sight, which a decoder may fill, makes
	// it Open.
	r := vs.f.eval.values(e)
	if r.Open || len(r.Leaves) == 0 {
		return 0, false
	}
	var val int64
	for i, l := range r.Leaves {
		c, ok := l.Value.(*ssa.Const)
		if !ok || l.Passed || (c.Value == nil && !l.Zero) {
			return 0, false
		}
		var n int64
		if c.Value != nil {
			var exact bool
			if n, exact = constant.Int64Val(constant.ToInt(c.Value)); !exact {
				return 0, false
			}
		}
		if i > 0 && n != val {
			return 0, false
		}
		val = n
	}
	return val, true
}

// ConstBool returns the value of a constant boolean expression, looking
// through aws.Bool.
func (vs *Values) ConstBool(e ast.Expr) (bool, bool) {
	e = vs.UnwrapPtr(e)
	if tv, ok := vs.f.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool {
		return constant.BoolVal(tv.Value), true
	}
	return false, false
}

// IsAWSGlobal reports whether e is the constant Region "aws-global".
func (vs *Values) IsAWSGlobal(e ast.Expr) bool {
	s, ok := vs.ConstString(vs.UnwrapPtr(e))
	return ok && s == sdk.GlobalRegion
}

// trace returns the constant expressions whose value satisfies keep that
// can flow into e (what package reaching finds, through url.Parse and
// u.String()), for the inventory's request routes. format, if not nil, is
// asked about fmt.Sprintf calls whose format is constant but whose
// arguments are not: it reports whether such a format is kept.
func (vs *Values) trace(e ast.Expr, keep, format func(string) bool) []ast.Expr {
	var out []ast.Expr
	q := vs.newQuery(e, keep, false)
	var walk func(r reaching.Result)
	walk = func(r reaching.Result) {
		for _, l := range r.Leaves {
			q.steps++
			if (l.Test && q.prod) || l.Zero || l.Passed || q.steps > maxReach {
				continue
			}
			switch v := l.Value.(type) {
			case *ssa.Const:
				if v.Value != nil && v.Value.Kind() == constant.String && keep(constant.StringVal(v.Value)) && l.Expr != nil {
					out = append(out, l.Expr)
				}
			case *ssa.Parameter:
				if !q.seen[v] {
					q.seen[v] = true
					walk(vs.f.graph.CallArgs(v))
				}
			case *ssa.Call:
				x, ok := l.Expr.(*ast.CallExpr)
				if !ok {
					continue
				}
				if s, ok := vs.ConstString(x); ok {
					if keep(s) {
						out = append(out, x)
					}
					continue
				}
				_, entry := vs.f.Lookup(x)
				switch entry.Role {
				case sdk.Sprintf:
					if format != nil && len(x.Args) > 0 {
						if s, ok := vs.ConstString(x.Args[0]); ok && format(s) {
							out = append(out, x)
						}
					}
				case sdk.URLParse:
					if len(x.Args) == 1 {
						walk(vs.f.graph.Values(x.Args[0]))
					}
				case sdk.URLString:
					if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
						walk(vs.f.graph.Values(sel.X))
					}
				}
			}
		}
	}
	walk(vs.f.graph.Values(e))
	return out
}
