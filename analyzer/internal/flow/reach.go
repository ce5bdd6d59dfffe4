package flow

// Reaching values: which constants can flow into an expression used as an
// endpoint or a Region, path by path. A variable with several values (a
// global default overwritten on some paths), a URL formatted from an
// endpoint and a path, a flag default, a field of the program's settings
// and the results of helper functions are followed; what cannot be
// followed counts as "some other value", which turns a finding into a
// "may".

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/stsregional/stsregional/analyzer/internal/host"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// Sources is what can flow into one expression.
type Sources struct {
	// Matches are the expressions whose value matched: constants written
	// in this package, or calls of other packages' functions whose result
	// may be the global endpoint (by their ValueFact).
	Matches []ast.Expr
	// Other reports that some value that reaches the expression did not
	// match (or could not be followed).
	Other bool
	// Params are the parameters of this package's functions the value
	// comes from, directly or through variables.
	Params []*types.Var
	// results are the Matches that are calls of other packages'
	// functions.
	results []ast.Expr
}

// IsResult reports whether the match m is a call of another package's
// function whose result may be the global endpoint.
func (s Sources) IsResult(m ast.Expr) bool {
	for _, r := range s.results {
		if r == m {
			return true
		}
	}
	return false
}

// Always reports whether every value that reaches the expression matched.
func (s Sources) Always() bool { return len(s.Matches) > 0 && !s.Other }

// GlobalSources returns the sources of an endpoint value e (a URL or host,
// a *string, or a url.URL): the constants naming the global STS host.
func (f *Flow) GlobalSources(e ast.Expr) Sources {
	return f.sources(e, host.IsGlobal, true)
}

// RegionSources returns the sources of a Region value e that are the
// pseudo-Region aws-global.
func (f *Flow) RegionSources(e ast.Expr) Sources {
	return f.sources(e, func(s string) bool { return s == sdk.GlobalRegion }, false)
}

// maxReach bounds the number of expressions one query visits.
const maxReach = 256

// reacher is one query.
type reacher struct {
	f     *Flow
	match func(string) bool
	// url: the value is an endpoint, whose host a formatted URL's leading
	// operand decides, and whose global result facts count.
	url bool
	// nonEmpty: the question is whether the value can be empty, so a
	// concatenation or Sprintf with constant text is known non-empty
	// whatever its holes hold, and a flag counts as its default.
	nonEmpty bool
	out      Sources
	seen     map[token.Pos]bool
	// seenResults holds the function results already followed.
	seenResults map[result]bool
	steps       int
}

// A result is one result of a function.
type result struct {
	fn    *types.Func
	index int
}

func (f *Flow) sources(e ast.Expr, match func(string) bool, url bool) Sources {
	r := &reacher{f: f, match: match, url: url, seen: map[token.Pos]bool{}}
	r.walk(e, 0)
	return r.out
}

func (r *reacher) other() { r.out.Other = true }

// constant records the constant value s of e.
func (r *reacher) constant(e ast.Expr, s string) {
	if r.match(s) {
		r.out.Matches = append(r.out.Matches, e)
	} else {
		r.other()
	}
}

func (r *reacher) walk(e ast.Expr, depth int) {
	r.steps++
	if e == nil || depth > maxTrace*2 || r.steps > maxReach {
		r.other()
		return
	}
	e = ast.Unparen(e)
	f := r.f
	if tv, ok := f.info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() != constant.String {
			r.other()
			return
		}
		r.constant(e, constant.StringVal(tv.Value))
		return
	}
	switch x := e.(type) {
	case *ast.Ident:
		r.ident(x, depth)
	case *ast.SelectorExpr:
		v, ok := f.info.Uses[x.Sel].(*types.Var)
		if ok && v.IsField() && v.Pkg() != nil && v.Pkg() != f.pass.Pkg {
			r.foreignField(x, v)
			return
		}
		if !ok || v.Pkg() != f.pass.Pkg {
			r.other()
			return
		}
		if !v.IsField() {
			r.varValues(v, x.Pos(), depth)
			return
		}
		if r.localField(x, v, depth) {
			return
		}
		if r.seen[v.Pos()] {
			return
		}
		r.seen[v.Pos()] = true
		// A field of the program's own settings type: every value stored
		// into it in this package (a default in a literal, a store).
		stored := f.StoredValues(v)
		if len(stored) == 0 {
			r.other()
		}
		for _, s := range stored {
			r.walk(s, depth+1)
		}
	case *ast.StarExpr:
		r.walk(x.X, depth+1)
	case *ast.UnaryExpr:
		if x.Op != token.AND {
			r.other()
			return
		}
		r.walk(x.X, depth+1)
	case *ast.BinaryExpr:
		if s, ok := f.ConstString(x); ok {
			r.constant(x, s)
			return
		}
		if r.nonEmpty && x.Op == token.ADD && hasText(f, flattenAdd(x)) {
			r.out.Matches = append(r.out.Matches, x)
			return
		}
		if x.Op != token.ADD || !r.url {
			r.other()
			return
		}
		r.parts(x, flattenAdd(x), depth)
	case *ast.CallExpr:
		if _, e := f.Lookup(x); e.Role == sdk.Sprintf {
			if s, ok := f.ConstString(x); ok {
				r.constant(x, s)
				return
			}
		}
		r.call(x, 0, depth)
	default:
		r.other()
	}
}

// fieldOf follows field of the struct value e returned by a function:
// a composite literal, or a local variable built from literals and the
// stores into it that reach e.
func (r *reacher) fieldOf(e ast.Expr, field *types.Var) {
	switch x := unaddr(e).(type) {
	case *ast.CompositeLit:
		if _, kv := ElemWithKey(x, field.Name()); kv != nil {
			r.walk(kv.Value, 1)
			return
		}
		r.other() // the zero value
	case *ast.Ident:
		sel := &ast.SelectorExpr{X: x, Sel: &ast.Ident{NamePos: x.End(), Name: field.Name()}}
		if !r.localField(sel, field, 1) {
			r.other()
		}
	default:
		r.other()
	}
}

// foreignField follows s.F, a string field of another package's struct
// type, where s is the result of a call of a function of that package
// (directly or through a local variable every definition of which is such
// a call), by the function's ValueFact on the field.
func (r *reacher) foreignField(sel *ast.SelectorExpr, v *types.Var) {
	f := r.f
	var calls []*ast.CallExpr
	var index []int
	switch x := ast.Unparen(sel.X).(type) {
	case *ast.CallExpr:
		calls, index = append(calls, x), append(index, 0)
	case *ast.Ident:
		lv := f.localVar(x)
		if lv == nil || f.params[lv] {
			break
		}
		for _, d := range f.valueDefs(lv, sel.Pos()) {
			call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
			if d.rhs == nil || !ok {
				r.other()
				return
			}
			i := d.index
			if i < 0 {
				i = 0
			}
			calls, index = append(calls, call), append(index, i)
		}
	}
	if len(calls) == 0 {
		r.other()
		return
	}
	for k, call := range calls {
		fn := f.Callee(call)
		var fact ValueFact
		if fn == nil || fn.Pkg() != v.Pkg() || !f.importValueFact(fn.Origin(), &fact) {
			r.other()
			continue
		}
		st, ok := structOf(fn.Signature().Results().At(min(index[k], fn.Signature().Results().Len()-1)).Type())
		found := false
		for _, rf := range fact.fields {
			if !ok || int(rf.Result) != index[k] || int(rf.Field) >= st.NumFields() || st.Field(int(rf.Field)) != v {
				continue
			}
			found = true
			switch {
			case rf.Const != "":
				r.constant(sel, rf.Const)
			case rf.GlobalRegion && !r.url && r.match(sdk.GlobalRegion):
				r.out.Matches = append(r.out.Matches, sel)
				r.out.results = append(r.out.results, sel)
				r.other() // a default: other values on other paths
			default:
				r.other()
			}
		}
		if !found {
			r.other()
		}
	}
}

// localField follows s.F, where s is a local struct variable every
// reaching definition of which is a composite literal, to the literals'
// values for F and the stores into s.F before the use. It reports false
// when s is anything else, for the per-field walk.
func (r *reacher) localField(sel *ast.SelectorExpr, field *types.Var, depth int) bool {
	f := r.f
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	v := f.localVar(id)
	if v == nil || f.params[v] || v.Parent() == v.Pkg().Scope() {
		return false
	}
	defs := f.valueDefs(v, sel.Pos())
	if len(defs) == 0 {
		return false
	}
	var values []ast.Expr
	for _, d := range defs {
		lit, ok := unaddr(d.rhs).(*ast.CompositeLit)
		if d.rhs == nil || d.index != -1 || !ok {
			return false
		}
		_, kv := ElemWithKey(lit, field.Name())
		if kv == nil {
			r.other() // the zero value
			continue
		}
		values = append(values, kv.Value)
	}
	for _, st := range f.sets[v] {
		if st.path == field.Name() && st.at <= sel.Pos() {
			values = append(values, st.value)
		}
	}
	if r.seen[sel.Pos()] {
		return true
	}
	r.seen[sel.Pos()] = true
	for _, e := range values {
		r.walk(e, depth+1)
	}
	return true
}

// ident follows a variable to the values that reach this use of it.
func (r *reacher) ident(id *ast.Ident, depth int) {
	f := r.f
	v := f.localVar(id)
	if v == nil {
		r.other()
		return
	}
	if r.seen[id.Pos()] {
		return
	}
	r.seen[id.Pos()] = true
	r.varValues(v, id.Pos(), depth)
}

func (r *reacher) varValues(v *types.Var, pos token.Pos, depth int) {
	f := r.f
	if v.Pkg() != f.pass.Pkg {
		r.other()
		return
	}
	if f.params[v] {
		r.out.Params = append(r.out.Params, v)
		args := f.argsFor(v)
		if len(args) == 0 || f.exportedParam(v) {
			r.other() // callers the analysis does not see
		}
		for _, a := range args {
			r.walk(a, depth+1)
		}
	}
	defs := f.valueDefs(v, pos)
	if len(defs) == 0 && !f.params[v] {
		r.other()
	}
	for _, d := range defs {
		switch {
		case d.rhs == nil:
			r.other() // the zero value, a range variable, x += …
		case d.index >= 0:
			call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
			if !ok {
				r.other()
				continue
			}
			r.call(call, d.index, depth+1)
		default:
			r.walk(d.rhs, depth+1)
		}
	}
	// flag.StringVar(&v, name, default, usage) stores the default.
	for _, d := range f.flagVarDefaults(v) {
		r.walk(d, depth+1)
		r.other() // the command line may set another value
	}
}

// exportedParam reports whether v is a parameter of a function other
// packages may call with any value: an exported function or a method.
func (f *Flow) exportedParam(v *types.Var) bool {
	fn := f.valState().paramOwner[v]
	return fn != nil && (fn.Exported() || fn.Signature().Recv() != nil)
}

// call follows the result index of a call.
func (r *reacher) call(call *ast.CallExpr, index int, depth int) {
	f := r.f
	fn, entry := f.Lookup(call)
	if index == 0 {
		switch entry.Role {
		case sdk.PtrHelper:
			if len(call.Args) == 1 {
				r.walk(call.Args[0], depth+1)
				return
			}
		case sdk.URLParse:
			if len(call.Args) == 1 {
				r.walk(call.Args[0], depth+1)
				return
			}
		case sdk.URLString:
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				r.walk(sel.X, depth+1)
				return
			}
		case sdk.FlagDefault:
			if entry.Arg < len(call.Args) {
				r.walk(call.Args[entry.Arg], depth+1)
				if !r.nonEmpty {
					r.other() // the command line may set another value
				}
				return
			}
		case sdk.Sprintf:
			if r.nonEmpty && len(call.Args) > 0 {
				if format, ok := f.ConstString(call.Args[0]); ok && verbless(format) != "" {
					r.out.Matches = append(r.out.Matches, call)
					return
				}
			}
			if r.url && len(call.Args) > 0 && !call.Ellipsis.IsValid() {
				if format, ok := f.ConstString(call.Args[0]); ok {
					if parts, ok := formatParts(format, call.Args[1:]); ok {
						r.parts(call, parts, depth)
						return
					}
				}
			}
		}
	}
	if fn == nil {
		r.other()
		return
	}
	if fn.Pkg() == f.pass.Pkg {
		r.results(fn, index, depth)
		return
	}
	var fact ValueFact
	if !f.importValueFact(fn.Origin(), &fact) || index >= 8 {
		r.other()
		return
	}
	// The arguments the function may return are values of this route.
	if !call.Ellipsis.IsValid() {
		for _, p := range fact.pass {
			if int(p.Result) == index && int(p.Param) < len(call.Args) {
				r.walk(call.Args[p.Param], depth+1)
			}
		}
	}
	for _, c := range fact.consts {
		if int(c.Result) == index {
			r.constant(call, c.Value)
			return
		}
	}
	if !r.url && fact.globalRegion&(1<<index) != 0 && r.match(sdk.GlobalRegion) {
		r.out.Matches = append(r.out.Matches, call)
		r.out.results = append(r.out.results, call)
		r.other() // a fallback: other values on other paths
		return
	}
	if r.url && fact.Global&(1<<index) != 0 {
		always := fact.AllGlobal&(1<<index) != 0
		if p := int(fact.EmptyParam) - 1; p >= 0 && p < len(call.Args) && !call.Ellipsis.IsValid() {
			// The global result is the fallback for an empty argument.
			if s, ok := f.ConstString(call.Args[p]); ok {
				if s != "" {
					r.other()
					return
				}
				always = true
			} else {
				always = false
			}
		}
		r.out.Matches = append(r.out.Matches, call)
		r.out.results = append(r.out.results, call)
		if !always {
			r.other()
		}
		return
	}
	// What the function returns besides its arguments is unknown here.
	r.other()
}

// results follows result index of fn, a function of this package, into
// its return statements.
func (r *reacher) results(fn *types.Func, index int, depth int) {
	decl := r.f.decls[fn]
	if decl == nil || decl.Body == nil || fn.Signature().Results().Len() <= index {
		r.other()
		return
	}
	if r.seenResults == nil {
		r.seenResults = map[result]bool{}
	}
	if r.seenResults[result{fn, index}] {
		return
	}
	r.seenResults[result{fn, index}] = true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			switch {
			case len(n.Results) == fn.Signature().Results().Len():
				r.walk(n.Results[index], depth+1)
			case len(n.Results) == 1:
				if call, ok := ast.Unparen(n.Results[0]).(*ast.CallExpr); ok {
					r.call(call, index, depth+1)
					return true
				}
				r.other()
			default:
				r.other() // a bare return of named results
			}
		}
		return true
	})
}

// A part is a piece of a string built by concatenation or formatting: a
// constant text, or a hole filled by expr.
type part struct {
	text string
	expr ast.Expr
}

// hasText reports whether some operand of a concatenation is a non-empty
// constant, which makes the whole string non-empty.
func hasText(f *Flow, parts []part) bool {
	for _, p := range parts {
		if p.expr == nil && p.text != "" {
			return true
		}
		if p.expr != nil {
			if s, ok := f.ConstString(p.expr); ok && s != "" {
				return true
			}
		}
	}
	return false
}

// verbless returns format without its formatting verbs: the text every
// result of Sprintf(format, …) contains.
func verbless(format string) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			b.WriteByte(format[i])
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			b.WriteByte('%')
			i++
			continue
		}
		// Skip flags, width, precision and the verb letter.
		for i++; i < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[i]) >= 0; i++ {
		}
	}
	return b.String()
}

// flattenAdd returns the operands of a chain of string concatenations.
func flattenAdd(x *ast.BinaryExpr) []part {
	var out []part
	var walk func(e ast.Expr)
	walk = func(e ast.Expr) {
		e = ast.Unparen(e)
		if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.ADD {
			walk(b.X)
			walk(b.Y)
			return
		}
		out = append(out, part{expr: e})
	}
	walk(x)
	return out
}

// formatParts splits a format string into texts and the arguments of its
// %s and %v verbs; other verbs are not followed.
func formatParts(format string, args []ast.Expr) ([]part, bool) {
	var out []part
	var text strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			text.WriteByte(c)
			continue
		}
		if i+1 >= len(format) {
			return nil, false
		}
		i++
		switch format[i] {
		case '%':
			text.WriteByte('%')
			continue
		case 's', 'v':
			if len(args) == 0 {
				return nil, false
			}
			if text.Len() > 0 {
				out = append(out, part{text: text.String()})
				text.Reset()
			}
			out = append(out, part{expr: args[0]})
			args = args[1:]
		default:
			return nil, false
		}
	}
	if text.Len() > 0 {
		out = append(out, part{text: text.String()})
	}
	return out, true
}

// parts decides the host of a URL built from parts: a leading hole (after
// at most a scheme) whose host is not extended by what follows carries
// its host into the URL; otherwise the constant text before the first
// hole must hold the whole host.
func (r *reacher) parts(whole ast.Expr, parts []part, depth int) {
	f := r.f
	// Fold constant operands into texts.
	var ps []part
	for _, p := range parts {
		if p.expr != nil {
			// Fold constants; variables stay holes, so a global value is
			// reported where it is written.
			if tv, ok := f.info.Types[p.expr]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				p = part{text: constant.StringVal(tv.Value)}
			}
		}
		if p.expr == nil && len(ps) > 0 && ps[len(ps)-1].expr == nil {
			ps[len(ps)-1].text += p.text
			continue
		}
		ps = append(ps, p)
	}
	if len(ps) == 0 {
		r.other()
		return
	}
	lead := 0
	if ps[0].expr == nil {
		if len(ps) == 1 {
			r.constant(whole, ps[0].text)
			return
		}
		switch strings.ToLower(ps[0].text) {
		case "https://", "http://", "//":
			lead = 1
		default:
			// The text before the first hole: a whole host only if it
			// ends after the host.
			t := ps[0].text
			if i := strings.Index(t, "://"); i >= 0 {
				t = t[i+3:]
			}
			if strings.ContainsAny(t, "/?#") && r.match(ps[0].text) {
				r.out.Matches = append(r.out.Matches, whole)
				return
			}
			r.other()
			return
		}
	}
	if lead+1 < len(ps) {
		next := ps[lead+1]
		if next.expr != nil || next.text == "" || !strings.ContainsRune("/?#", rune(next.text[0])) {
			r.other() // the host goes on past the hole
			return
		}
	}
	r.walk(ps[lead].expr, depth+1)
}

// flagVarDefaults returns the defaults of flag.StringVar(&v, …) calls.
func (f *Flow) flagVarDefaults(v *types.Var) []ast.Expr {
	var out []ast.Expr
	for _, cur := range f.calls {
		call := cur.Node().(*ast.CallExpr)
		_, e := f.Lookup(call)
		if e.Role != sdk.FlagVar || len(call.Args) <= e.Arg {
			continue
		}
		if u, ok := ast.Unparen(call.Args[0]).(*ast.UnaryExpr); ok && u.Op == token.AND && f.localVar(u.X) == v {
			out = append(out, call.Args[e.Arg])
		}
	}
	return out
}

// valueState is the per-package index the value queries share.
type valueState struct {
	// paramOwner maps the parameters of this package's declared functions
	// to their function.
	paramOwner map[*types.Var]*types.Func
	// paramSinks and callSinks memoise paramSinks and CallSinks.
	paramSinks map[*types.Func][]ParamSink
	callSinks  *[]CallSink
}

func (f *Flow) valState() *valueState {
	if f.vals != nil {
		return f.vals
	}
	st := &valueState{paramOwner: map[*types.Var]*types.Func{}}
	f.vals = st
	for fn := range f.decls {
		params := fn.Signature().Params()
		for i := 0; i < params.Len(); i++ {
			st.paramOwner[params.At(i)] = fn
		}
	}
	return st
}

// valueDefs returns the definitions of v that may reach a use at pos, by
// the per-path rules of paths.go: the last definition every path passes,
// and those only some paths pass.
func (f *Flow) valueDefs(v *types.Var, pos token.Pos) []*def {
	r := f.reaching(v, pos)
	var out []*def
	if r.base != nil {
		out = append(out, r.base)
	}
	for _, cd := range r.conds {
		out = append(out, cd.d)
	}
	return out
}
