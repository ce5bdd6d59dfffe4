package flow

// Constant evaluation: the string, integer and boolean values the analysis
// can prove, through named constants, folded concatenations, variables
// only ever assigned one value, fmt.Sprintf of constants and url.Parse.

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// ConstString returns the string value of e if the analysis can prove it:
// a constant expression (named constants and folded concatenations
// included), a variable whose every assignment is such a value, fmt.Sprintf
// over constant operands, or u.String() of a url.Parse of one.
func (f *Flow) ConstString(e ast.Expr) (string, bool) {
	return f.constString(e, 0)
}

func (f *Flow) constString(e ast.Expr, depth int) (string, bool) {
	if e == nil || depth > maxDepth {
		return "", false
	}
	e = ast.Unparen(e)
	if tv, ok := f.info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return constant.StringVal(tv.Value), true
		}
		return "", false
	}
	switch x := e.(type) {
	case *ast.Ident:
		return f.varString(f.localVar(x), depth)
	case *ast.BinaryExpr:
		l, ok1 := f.constString(x.X, depth+1)
		r, ok2 := f.constString(x.Y, depth+1)
		if ok1 && ok2 && x.Op.String() == "+" {
			return l + r, true
		}
	case *ast.CallExpr:
		_, entry := f.Lookup(x)
		switch entry.Role {
		case sdk.Sprintf:
			if len(x.Args) == 0 || x.Ellipsis.IsValid() {
				return "", false
			}
			format, ok := f.constString(x.Args[0], depth+1)
			if !ok {
				return "", false
			}
			args := make([]any, 0, len(x.Args)-1)
			for _, a := range x.Args[1:] {
				tv, ok := f.info.Types[a]
				if !ok || tv.Value == nil {
					s, ok := f.constString(a, depth+1)
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
				return f.parsedURL(sel.X, depth+1)
			}
		}
		// A function of another package that always returns one Region
		// name (by its ValueFact).
		if fn := f.Callee(x); fn != nil && fn.Pkg() != nil && fn.Pkg() != f.pass.Pkg {
			var fact ValueFact
			if f.importValueFact(fn.Origin(), &fact) {
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

// varString returns the value of v when every definition of it is the same
// provable string. Parameters and unassigned variables are unknown.
func (f *Flow) varString(v *types.Var, depth int) (string, bool) {
	if v == nil || f.params[v] {
		return "", false
	}
	defs := f.defs[v]
	if len(defs) == 0 {
		return "", false
	}
	var val string
	for i, d := range defs {
		if d.index != -1 {
			return "", false
		}
		s, ok := f.constString(d.rhs, depth+1)
		if !ok || (i > 0 && s != val) {
			return "", false
		}
		val = s
	}
	return val, true
}

// ParsedURL returns the constant URL string the url.URL value e was parsed
// from: url.Parse(const), a variable assigned from one (or *u, &u), or a
// url.URL literal with a constant Host.
func (f *Flow) ParsedURL(e ast.Expr) (string, bool) { return f.parsedURL(e, 0) }

func (f *Flow) parsedURL(e ast.Expr, depth int) (string, bool) {
	if depth > maxDepth {
		return "", false
	}
	e = unaddr(e)
	if call, ok := e.(*ast.CallExpr); ok {
		return f.parseCallURL(call, depth)
	}
	if lit, ok := e.(*ast.CompositeLit); ok && sdk.IsNamed(f.info.TypeOf(lit), sdk.NetURL, "URL") {
		// &url.URL{Scheme: "https", Host: "sts.amazonaws.com"}
		if _, kv := ElemWithKey(lit, "Host"); kv != nil {
			return f.constString(kv.Value, depth+1)
		}
		return "", false
	}
	v := f.localVar(e)
	if v == nil || f.params[v] || len(f.defs[v]) != 1 {
		return "", false
	}
	d := f.defs[v][0]
	if lit, ok := ast.Unparen(d.rhs).(*ast.CompositeLit); ok && d.index <= 0 && !f.hostSet(v) {
		// u := url.URL{Host: …}; u.String()
		return f.parsedURL(lit, depth+1)
	}
	call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
	if !ok || d.index > 0 {
		return "", false
	}
	return f.parseCallURL(call, depth)
}

// hostSet reports whether a field of the url.URL variable v is stored
// after its definition (u.Host = …), which the literal no longer decides.
func (f *Flow) hostSet(v *types.Var) bool {
	return len(f.sets[v]) > 0
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

func (f *Flow) parseCallURL(call *ast.CallExpr, depth int) (string, bool) {
	if _, e := f.Lookup(call); e.Role == sdk.URLParse && len(call.Args) == 1 {
		return f.constString(call.Args[0], depth+1)
	}
	return "", false
}

// URLText returns the expression where the text of the URL value e is
// written (the argument of the url.Parse call or the Host of a url.URL
// literal that produced it), for reporting, or nil.
func (f *Flow) URLText(e ast.Expr) ast.Expr {
	e = unaddr(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		return call.Args[0]
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		if _, kv := ElemWithKey(lit, "Host"); kv != nil {
			return kv.Value
		}
	}
	if v := f.localVar(e); v != nil && len(f.defs[v]) == 1 {
		if call, ok := ast.Unparen(f.defs[v][0].rhs).(*ast.CallExpr); ok && len(call.Args) == 1 {
			return call.Args[0]
		}
		if lit, ok := ast.Unparen(f.defs[v][0].rhs).(*ast.CompositeLit); ok && !f.hostSet(v) {
			if _, kv := ElemWithKey(lit, "Host"); kv != nil {
				return kv.Value
			}
		}
	}
	return nil
}

// UnwrapPtr looks through aws.String(x), aws.Bool(x) and the smithy ptr
// equivalents, returning x; other expressions are returned unchanged.
func (f *Flow) UnwrapPtr(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if _, entry := f.Lookup(call); entry.Role == sdk.PtrHelper {
			return ast.Unparen(call.Args[0])
		}
	}
	return e
}

// ConstInt returns the integer value of a constant expression (typed enum
// constants such as endpoints.RegionalSTSEndpoint included), following
// single-valued variables.
func (f *Flow) ConstInt(e ast.Expr) (int64, bool) { return f.constInt(e, 0) }

func (f *Flow) constInt(e ast.Expr, depth int) (int64, bool) {
	if e == nil || depth > maxDepth {
		return 0, false
	}
	e = ast.Unparen(e)
	if tv, ok := f.info.Types[e]; ok && tv.Value != nil {
		v, exact := constant.Int64Val(constant.ToInt(tv.Value))
		return v, exact
	}
	if v := f.localVar(e); v != nil && !f.params[v] {
		defs := f.defs[v]
		if len(defs) == 0 {
			return 0, false
		}
		var val int64
		for i, d := range defs {
			if d.index != -1 {
				return 0, false
			}
			n, ok := f.constInt(d.rhs, depth+1)
			if !ok || (i > 0 && n != val) {
				return 0, false
			}
			val = n
		}
		return val, true
	}
	return 0, false
}

// ConstBool returns the value of a constant boolean expression, looking
// through aws.Bool.
func (f *Flow) ConstBool(e ast.Expr) (bool, bool) {
	e = f.UnwrapPtr(e)
	if tv, ok := f.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool {
		return constant.BoolVal(tv.Value), true
	}
	return false, false
}

// IsAWSGlobal reports whether e is the constant Region "aws-global".
func (f *Flow) IsAWSGlobal(e ast.Expr) bool {
	s, ok := f.ConstString(f.UnwrapPtr(e))
	return ok && s == sdk.GlobalRegion
}

// maxTrace bounds the number of hops of one trace.
const maxTrace = 10

// trace returns the constant expressions whose value satisfies keep that
// can flow into e: a bounded backward trace through local variables,
// fields declared in this package and parameters of this package's
// functions (through their call sites), for the inventory's request routes. format, if not nil, is asked about
// fmt.Sprintf calls whose format is constant but whose arguments are not:
// it reports whether such a format is kept.
func (f *Flow) trace(e ast.Expr, keep, format func(string) bool) []ast.Expr {
	var out []ast.Expr
	seen := map[types.Object]bool{}
	var walk func(e ast.Expr, depth int)
	walk = func(e ast.Expr, depth int) {
		if e == nil || depth > maxTrace {
			return
		}
		e = ast.Unparen(e)
		if s, ok := f.ConstString(e); ok {
			if keep(s) {
				out = append(out, e)
			}
			return
		}
		switch x := e.(type) {
		case *ast.Ident:
			v := f.localVar(x)
			if v == nil || seen[v] {
				return
			}
			seen[v] = true
			if f.params[v] {
				for _, a := range f.argsFor(v) {
					walk(a, depth+1)
				}
			}
			for _, d := range f.defs[v] {
				// u, err := url.Parse(…): the first result.
				if d.index <= 0 {
					walk(d.rhs, depth+1)
				}
			}
		case *ast.SelectorExpr:
			v, ok := f.info.Uses[x.Sel].(*types.Var)
			if !ok || !v.IsField() || v.Pkg() != f.pass.Pkg || seen[v] {
				return
			}
			seen[v] = true
			for _, s := range f.StoredValues(v) {
				walk(s, depth+1)
			}
		case *ast.CallExpr:
			_, entry := f.Lookup(x)
			switch entry.Role {
			case sdk.Sprintf:
				if format != nil && len(x.Args) > 0 {
					if s, ok := f.ConstString(x.Args[0]); ok && format(s) {
						out = append(out, x)
					}
				}
			case sdk.URLParse:
				if len(x.Args) == 1 {
					walk(x.Args[0], depth+1)
				}
			case sdk.URLString:
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
func (f *Flow) argsFor(v *types.Var) []ast.Expr {
	if f.callsTo == nil {
		f.callsTo = map[*types.Func][]*ast.CallExpr{}
		for _, cur := range f.calls {
			call := cur.Node().(*ast.CallExpr)
			if fn := f.Callee(call); fn != nil && fn.Pkg() == f.pass.Pkg {
				f.callsTo[fn] = append(f.callsTo[fn], call)
			}
		}
	}
	for fn, calls := range f.callsTo {
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

// StoredValues returns the values assigned to a variable or stored into a
// field (in composite literals and assignments) in this package.
func (f *Flow) StoredValues(v *types.Var) []ast.Expr {
	if !v.IsField() {
		var out []ast.Expr
		for _, d := range f.defs[v] {
			if d.rhs != nil && d.index == -1 {
				out = append(out, d.rhs)
			}
		}
		return out
	}
	var out []ast.Expr
	for _, cur := range f.lits {
		for _, elt := range cur.Node().(*ast.CompositeLit).Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && f.info.Uses[id] == v {
					out = append(out, kv.Value)
				}
			}
		}
	}
	for _, cur := range f.asgns {
		as := cur.Node().(*ast.AssignStmt)
		if len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && f.info.Uses[sel.Sel] == v {
				out = append(out, as.Rhs[i])
			}
		}
	}
	return out
}
