package flow

// Reaching values: which constants can flow into an expression used as an
// endpoint or a Region. Package reaching answers what reaches the value
// (path by path, through variables, fields, closures, parameters of
// closed-world functions and results); this file interprets each leaf with
// the SDK's semantics: a constant, a URL formatted from an endpoint and a
// path (a concatenation, fmt.Sprintf), url.Parse, a flag default, another
// package's function by its ValueFact, a parameter of a function other
// packages may call. What cannot be followed counts as "some other value",
// which turns a finding into a "may".

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/stsregional/stsregional/analyzer/internal/host"
	"github.com/stsregional/stsregional/analyzer/internal/reaching"
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
func (vs *Values) GlobalSources(e ast.Expr) Sources {
	return vs.sources(e, host.IsGlobal, true)
}

// RegionSources returns the sources of a Region value e that are the
// pseudo-Region aws-global.
func (vs *Values) RegionSources(e ast.Expr) Sources {
	return vs.sources(e, func(s string) bool { return s == sdk.GlobalRegion }, false)
}

// maxReach bounds the number of leaves one query interprets.
const maxReach = 256

// query is one question about the leaves that reach a value.
type query struct {
	f     *Flow
	match func(string) bool
	// url: the value is an endpoint, whose host a formatted URL's leading
	// operand decides, and whose global result facts count.
	url bool
	// nonEmpty: the question is whether the value can be empty, so a
	// concatenation or Sprintf with constant text is known non-empty
	// whatever its holes hold, and a flag counts as its default.
	nonEmpty bool
	// prod: the question is asked about production code, so a test's
	// routes are dropped.
	prod  bool
	out   Sources
	seen  map[ssa.Value]bool
	steps int
}

func (vs *Values) newQuery(at ast.Node, match func(string) bool, url bool) *query {
	return &query{f: vs.f, match: match, url: url, prod: !vs.f.eval.inTest(at), seen: map[ssa.Value]bool{}}
}

func (vs *Values) sources(e ast.Expr, match func(string) bool, url bool) Sources {
	q := vs.newQuery(e, match, url)
	q.expr(e)
	return q.out
}

// nonEmptySources returns the sources of value that are known not to be
// empty: non-empty constants, and concatenations or formats with constant
// text.
func (vs *Values) nonEmptySources(value ast.Expr) Sources {
	q := vs.newQuery(value, func(s string) bool { return s != "" }, false)
	q.nonEmpty = true
	q.expr(value)
	return q.out
}

// returnSources returns the sources of result index of the return
// statement ret that are global endpoints.
func (vs *Values) returnSources(ret *ast.ReturnStmt, index int) Sources {
	q := vs.newQuery(ret, host.IsGlobal, true)
	q.result(vs.f.graph.ReturnValues(ret, index))
	return q.out
}

func (q *query) other() { q.out.Other = true }

// constant records the constant value s written at e.
func (q *query) constant(e ast.Expr, s string) {
	if q.match(s) && e != nil {
		q.out.Matches = append(q.out.Matches, e)
	} else {
		q.other()
	}
}

// expr interprets what reaches e.
func (q *query) expr(e ast.Expr) {
	if e == nil {
		q.other()
		return
	}
	q.result(q.f.graph.Values(e))
}

// value interprets what reaches v.
func (q *query) value(v ssa.Value) {
	if q.seen[v] {
		return
	}
	q.seen[v] = true
	q.result(q.f.graph.ValuesOf(v))
}

func (q *query) result(r reaching.Result) {
	if r.Open {
		q.other()
	}
	for _, p := range r.Params {
		if v, ok := p.Object().(*types.Var); ok {
			q.out.Params = append(q.out.Params, v)
		}
	}
	for _, l := range r.Leaves {
		if l.Test && q.prod {
			continue
		}
		q.steps++
		if q.steps > maxReach {
			q.other()
			return
		}
		q.leaf(l)
	}
}

// leaf interprets one value that reaches.
func (q *query) leaf(l reaching.Leaf) {
	if l.Zero {
		q.other() // the zero value of a variable nothing stored to
		return
	}
	if l.Passed {
		q.passed(l)
		return
	}
	switch v := l.Value.(type) {
	case *ssa.Const:
		if v.Value == nil || v.Value.Kind() != constant.String {
			q.other()
			return
		}
		q.constant(l.Expr, constant.StringVal(v.Value))
	case *ssa.Parameter:
		// A parameter of a function other packages may call: the
		// callers here pass what they pass, the others anything.
		if p, ok := v.Object().(*types.Var); ok {
			q.out.Params = append(q.out.Params, p)
		}
		q.other()
		if !q.seen[v] {
			q.seen[v] = true
			q.result(q.f.graph.CallArgs(v))
		}
	case *ssa.BinOp:
		q.concat(l, v)
	case *ssa.Call:
		q.call(l, v)
	case *ssa.FieldAddr, *ssa.Alloc:
		q.pointer(v)
	default:
		q.other()
	}
}

// pointer interprets the address of a string variable or field (&s.Endpoint
// as a *string endpoint): the values it holds.
func (q *query) pointer(v ssa.Value) {
	p, ok := v.Type().Underlying().(*types.Pointer)
	if !ok || !isString(p.Elem()) || q.seen[v] {
		q.other()
		return
	}
	q.seen[v] = true
	r := q.f.graph.Pointee(v, q.f.eval.ctx)
	if r.Open {
		r = q.f.graph.Loaded(v)
	}
	q.result(r)
}

// passed interprets a call the variable's address was passed to:
// flag.StringVar(&v, name, default, usage) stores the default.
func (q *query) passed(l reaching.Leaf) {
	call, ok := l.Expr.(*ast.CallExpr)
	c, _ := l.Value.(*ssa.Call)
	if !ok || c == nil {
		return // the result is open already
	}
	_, entry := q.f.Lookup(call)
	off := len(c.Call.Args) - len(call.Args)
	if entry.Role != sdk.FlagVar || l.Arg-off != 0 || entry.Arg >= len(call.Args) {
		return
	}
	q.expr(call.Args[entry.Arg])
}

// concat interprets a concatenation.
func (q *query) concat(l reaching.Leaf, b *ssa.BinOp) {
	if b.Op != token.ADD {
		q.other()
		return
	}
	parts := flattenAdd(b)
	if q.nonEmpty && hasText(parts) {
		q.matchAt(l.Expr)
		return
	}
	if !q.url {
		q.other()
		return
	}
	q.parts(l.Expr, parts)
}

// matchAt records a match at e, if the leaf has a source expression.
func (q *query) matchAt(e ast.Expr) {
	if e == nil {
		q.other()
		return
	}
	q.out.Matches = append(q.out.Matches, e)
}

// call interprets the result of a call the walk does not enter.
func (q *query) call(l reaching.Leaf, c *ssa.Call) {
	f := q.f
	call, _ := l.Expr.(*ast.CallExpr)
	if call == nil {
		call = f.graph.Call(c)
	}
	if call == nil {
		q.other()
		return
	}
	if l.Field != nil {
		q.callField(l, call)
		return
	}
	fn, entry := f.Lookup(call)
	switch entry.Role {
	case sdk.PtrHelper, sdk.URLParse:
		if len(call.Args) == 1 {
			q.expr(call.Args[0])
			return
		}
	case sdk.URLString:
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			q.expr(sel.X)
			return
		}
	case sdk.FlagDefault:
		if entry.Arg < len(call.Args) {
			q.expr(call.Args[entry.Arg])
			if !q.nonEmpty {
				q.other() // the command line may set another value
			}
			return
		}
	case sdk.Sprintf:
		if s, ok := f.Values.ConstString(call); ok {
			q.constant(call, s)
			return
		}
		if len(call.Args) > 0 {
			if format, ok := f.Values.ConstString(call.Args[0]); ok {
				if q.nonEmpty && verbless(format) != "" {
					q.out.Matches = append(q.out.Matches, call)
					return
				}
				if q.url && !call.Ellipsis.IsValid() {
					if parts, ok := formatParts(format, call.Args[1:]); ok {
						q.parts(call, parts)
						return
					}
				}
			}
		}
	}
	if fn == nil || fn.Pkg() == f.pass.Pkg {
		q.other()
		return
	}
	var fact ValueFact
	index := l.Index
	if !f.Facts.importValueFact(fn.Origin(), &fact) || index >= 8 {
		q.other()
		return
	}
	// The arguments the function may return are values of this route.
	if !call.Ellipsis.IsValid() {
		for _, p := range fact.pass {
			if int(p.Result) == index && int(p.Param) < len(call.Args) {
				q.expr(call.Args[p.Param])
			}
		}
	}
	for _, c := range fact.consts {
		if int(c.Result) == index {
			q.constant(call, c.Value)
			return
		}
	}
	if !q.url && fact.globalRegion&(1<<index) != 0 && q.match(sdk.GlobalRegion) {
		q.out.Matches = append(q.out.Matches, call)
		q.out.results = append(q.out.results, call)
		q.other() // a fallback: other values on other paths
		return
	}
	if q.url && fact.Global&(1<<index) != 0 {
		always := fact.AllGlobal&(1<<index) != 0
		if p := int(fact.EmptyParam) - 1; p >= 0 && p < len(call.Args) && !call.Ellipsis.IsValid() {
			// The global result is the fallback for an empty argument.
			if s, ok := f.Values.ConstString(call.Args[p]); ok {
				if s != "" {
					q.other()
					return
				}
				always = true
			} else {
				always = false
			}
		}
		q.out.Matches = append(q.out.Matches, call)
		q.out.results = append(q.out.results, call)
		if !always {
			q.other()
		}
		return
	}
	// What the function returns besides its arguments is unknown here.
	q.other()
}

// callField interprets field l.Field of result l.Index of call, a call of
// a function of the field's package (s := other.Load(); s.Region), by the
// function's ValueFact on the field. The leaf's expression is the field
// selector the query reached.
func (q *query) callField(l reaching.Leaf, call *ast.CallExpr) {
	f := q.f
	v := l.Field
	fn := f.Callee(call)
	var fact ValueFact
	if fn == nil || fn.Pkg() != v.Pkg() || !f.Facts.importValueFact(fn.Origin(), &fact) {
		q.other()
		return
	}
	res := fn.Signature().Results()
	st, ok := structOf(res.At(min(l.Index, res.Len()-1)).Type())
	found := false
	for _, rf := range fact.fields {
		if !ok || int(rf.Result) != l.Index || int(rf.Field) >= st.NumFields() || st.Field(int(rf.Field)) != v {
			continue
		}
		found = true
		switch {
		case rf.Const != "":
			q.constant(l.Expr, rf.Const)
		case rf.GlobalRegion && !q.url && q.match(sdk.GlobalRegion) && l.Expr != nil:
			q.out.Matches = append(q.out.Matches, l.Expr)
			q.out.results = append(q.out.results, l.Expr)
			q.other() // a default: other values on other paths
		default:
			q.other()
		}
	}
	if !found {
		q.other()
	}
}

// A part is a piece of a string built by concatenation or formatting: a
// constant text, or a hole filled by an SSA operand (v) or an argument
// (expr).
type part struct {
	text string
	v    ssa.Value
	expr ast.Expr
}

func (p part) hole() bool { return p.v != nil || p.expr != nil }

// hasText reports whether some operand of a concatenation is a non-empty
// constant, which makes the whole string non-empty.
func hasText(parts []part) bool {
	for _, p := range parts {
		if !p.hole() && p.text != "" {
			return true
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

// flattenAdd returns the operands of a chain of string concatenations,
// constant operands as texts.
func flattenAdd(b *ssa.BinOp) []part {
	var out []part
	var walk func(v ssa.Value)
	walk = func(v ssa.Value) {
		if x, ok := v.(*ssa.BinOp); ok && x.Op == token.ADD {
			walk(x.X)
			walk(x.Y)
			return
		}
		if c, ok := v.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
			out = append(out, part{text: constant.StringVal(c.Value)})
			return
		}
		out = append(out, part{v: v})
	}
	walk(b)
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
func (q *query) parts(whole ast.Expr, parts []part) {
	f := q.f
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
		if !p.hole() && len(ps) > 0 && !ps[len(ps)-1].hole() {
			ps[len(ps)-1].text += p.text
			continue
		}
		ps = append(ps, p)
	}
	if len(ps) == 0 {
		q.other()
		return
	}
	lead := 0
	if !ps[0].hole() {
		if len(ps) == 1 {
			q.constant(whole, ps[0].text)
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
			if strings.ContainsAny(t, "/?#") && q.match(ps[0].text) {
				q.matchAt(whole)
				return
			}
			q.other()
			return
		}
	}
	if lead+1 < len(ps) {
		next := ps[lead+1]
		if next.hole() || next.text == "" || !strings.ContainsRune("/?#", rune(next.text[0])) {
			q.other() // the host goes on past the hole
			return
		}
	}
	if h := ps[lead]; h.v != nil {
		q.value(h.v)
	} else {
		q.expr(h.expr)
	}
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

func (vs *Values) valState() *valueState {
	if vs.vals != nil {
		return vs.vals
	}
	st := &valueState{paramOwner: map[*types.Var]*types.Func{}}
	vs.vals = st
	for fn := range vs.f.decls {
		params := fn.Signature().Params()
		for i := 0; i < params.Len(); i++ {
			st.paramOwner[params.At(i)] = fn
		}
	}
	return st
}
