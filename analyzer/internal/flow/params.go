package flow

// Values from callers: facts that say what flows INTO a function's
// parameters (parameter → endpoint sink, parameter → STS client Region)
// and which of its results may be the global endpoint, so a call from
// another package that passes "aws-global" or the global URL is judged
// where the value is chosen: at the call.

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// ParamKind says what a parameter reaches.
type ParamKind uint8

// The parameter kinds.
const (
	// ParamEndpoint: an endpoint sink (Sink says which).
	ParamEndpoint ParamKind = iota + 1
	// ParamRegionV1: the Region of an aws-sdk-go v1 STS client whose host
	// the Region decides (no explicit Endpoint or variant).
	ParamRegionV1
	// ParamRegionV2: the Region of an aws-sdk-go-v2 STS client
	// (sts.Options.Region, or an aws.Config reaching sts.NewFromConfig).
	ParamRegionV2
)

// A ParamSink says that parameter Param of a function reaches a sink.
type ParamSink struct {
	Param uint8
	Kind  ParamKind
	Sink  sdk.Sink // for ParamEndpoint
}

// ValueFact describes a function for its callers in other packages: the
// parameters that reach sinks, and the results that may be (Global) or
// always are (AllGlobal) the global STS endpoint, one bit per result. It
// stays small: a few bytes per parameter.
type ValueFact struct {
	Params    []ParamSink
	Global    uint8
	AllGlobal uint8
	// EmptyParam, if not zero, is 1 + the index of a string parameter:
	// the global results are returned only when it is empty (the fallback
	// of func Endpoint(region string) (string, bool)).
	EmptyParam uint8
	// Ext holds the Region facts below in a compact encoding
	// (encodeExt): gob would describe every nested struct type in each
	// stream, which costs more than their content.
	Ext []byte

	// globalRegion has one bit per result that may be the pseudo Region
	// aws-global (the fallback of a Region helper).
	globalRegion uint8
	// pass lists the string parameters whose value may be returned as a
	// string result (func RegionOr(def string) string returns def).
	pass []ParamResult
	// consts lists the string results that are always one constant
	// Region name (func Home() string { return "eu-west-1" }).
	consts []ResultConst
	// fields describes string fields of struct results the same way
	// (the defaults of a settings loader).
	fields []ResultField
}

// A ResultField says that field Field of struct result Result may be
// aws-global, or is always the Region Const.
type ResultField struct {
	Result, Field uint8
	GlobalRegion  bool
	Const         string
}

// A ParamResult says that parameter Param may be returned as result
// Result.
type ParamResult struct {
	Param, Result uint8
}

// A ResultConst says that result Result is always Value.
type ResultConst struct {
	Result uint8
	Value  string
}

// AFact marks ValueFact as an analysis fact.
func (*ValueFact) AFact() {}

// String renders the fact for analysistest expectations and -debug=f,
// e.g. "values: p0->region-v2 p1->endpoint(request) r0=global(may)".
func (v *ValueFact) String() string {
	var b strings.Builder
	b.WriteString("values:")
	for _, p := range v.Params {
		name := [...]string{"?", "endpoint", "region-v1", "region-v2"}[p.Kind%4]
		fmt.Fprintf(&b, " p%d->%s", p.Param, name)
		if p.Kind == ParamEndpoint {
			b.WriteString("(" + sinkNames[p.Sink%sdk.Sink(len(sinkNames))] + ")")
		}
	}
	if v.EmptyParam > 0 {
		fmt.Fprintf(&b, " if-p%d-empty", v.EmptyParam-1)
	}
	for i := 0; i < 8; i++ {
		if v.Global&(1<<i) != 0 {
			mode := "may"
			if v.AllGlobal&(1<<i) != 0 {
				mode = "always"
			}
			fmt.Fprintf(&b, " r%d=global(%s)", i, mode)
		}
		if v.globalRegion&(1<<i) != 0 {
			fmt.Fprintf(&b, " r%d=aws-global(may)", i)
		}
	}
	for _, p := range v.pass {
		fmt.Fprintf(&b, " p%d->r%d", p.Param, p.Result)
	}
	for _, c := range v.consts {
		fmt.Fprintf(&b, " r%d=%q", c.Result, c.Value)
	}
	for _, c := range v.fields {
		if c.GlobalRegion {
			fmt.Fprintf(&b, " r%d.f%d=aws-global(may)", c.Result, c.Field)
		}
		if c.Const != "" {
			fmt.Fprintf(&b, " r%d.f%d=%q", c.Result, c.Field, c.Const)
		}
	}
	return b.String()
}

// sinkNames name the sdk.Sink kinds in facts.
var sinkNames = [...]string{"?", "v1-endpoint", "v1-resolved", "v2-base", "v2-base-option", "v2-from-url", "v2-endpoint", "request", "env"}

// A CallSink is an argument of a call of another package's function whose
// parameter reaches a sink (by the function's ValueFact).
type CallSink struct {
	Call   *ast.CallExpr
	Callee *types.Func
	Arg    ast.Expr
	ParamSink
}

// CallSinks returns the arguments of this package's calls that flow into
// sinks of other packages' functions.
func (fs *Facts) CallSinks() []CallSink {
	st := fs.f.Values.valState()
	if st.callSinks != nil {
		return *st.callSinks
	}
	var out []CallSink
	defer func() { st.callSinks = &out }()
	for _, cur := range fs.f.calls {
		call := cur.Node().(*ast.CallExpr)
		fn := fs.f.Callee(call)
		if fn == nil || fn.Pkg() == nil || fn.Pkg() == fs.f.pass.Pkg {
			continue
		}
		var fact ValueFact
		if !fs.importValueFact(fn.Origin(), &fact) {
			continue
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s, ok := fs.f.info.Selections[sel]; ok && s.Kind() == types.MethodExpr {
				continue // T.M(recv, args…): the arguments are shifted
			}
		}
		sig := fn.Signature()
		for _, p := range fact.Params {
			i := int(p.Param)
			if i >= len(call.Args) || call.Ellipsis.IsValid() || sig.Variadic() && i >= sig.Params().Len()-1 {
				continue
			}
			out = append(out, CallSink{Call: call, Callee: fn, Arg: call.Args[i], ParamSink: p})
		}
	}
	return out
}

// RegionSinks returns the Region expressions of STS clients the analysis
// can follow to parameters: v2 sts.Options Regions (literal fields and
// o.Region stores), v2 config Regions reaching sts.NewFromConfig, and v1
// Regions of clients whose host the Region decides (not those whose v2
// BaseEndpoint replaces the resolution, v2base.go). A constant Region is
// judged where it is written (STS006's direct cases), so only values not
// constant here are returned.
func (fs *Facts) RegionSinks() (v1, v2 []ast.Expr) {
	notConst := func(e ast.Expr) bool {
		_, ok := fs.f.Values.ConstString(fs.f.Values.UnwrapPtr(e))
		return !ok
	}
	for _, cur := range fs.f.lits {
		lit := cur.Node().(*ast.CompositeLit)
		if sdk.IsNamed(fs.f.info.TypeOf(lit), sdk.V2STS, "Options") {
			if _, kv := ElemWithKey(lit, "Region"); kv != nil && notConst(kv.Value) && fs.f.Routes.v2LitBase(lit) == nil {
				v2 = append(v2, kv.Value)
			}
		}
	}
	for _, cur := range fs.f.asgns {
		as := cur.Node().(*ast.AssignStmt)
		if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			if fs.f.IsFieldOf(lhs, sdk.V2STS, "Options", "Region") && notConst(as.Rhs[i]) && !fs.f.Routes.regionStoreBase(cur, lhs) {
				v2 = append(v2, as.Rhs[i])
			}
		}
	}
	for _, cur := range fs.f.calls {
		call := cur.Node().(*ast.CallExpr)
		for _, i := range fs.f.Routes.stsConfigArgs(call) {
			if fs.f.Routes.v2BaseOf(call, i) != nil {
				continue // the Region only signs (v2base.go)
			}
			if sp, ok := fs.f.Routes.v2ByCaller(call, i); ok {
				v2 = append(v2, sp.open...)
				continue
			}
			v2 = append(v2, regionsWhere(fs.f.Routes.v2Config(call.Args[i]), v2region.isOpen)...)
		}
	}
	for _, cl := range fs.f.Sessions.V1Clients() {
		if r := cl.Region; r != nil && r.Expr != nil && !r.Known && !cl.Pinned {
			v1 = append(v1, r.Expr)
		}
	}
	return v1, v2
}

// paramSinks computes the parameter sinks of this package's functions.
func (fs *Facts) paramSinks() map[*types.Func][]ParamSink {
	st := fs.f.Values.valState()
	if st.paramSinks != nil {
		return st.paramSinks
	}
	out := map[*types.Func][]ParamSink{}
	st.paramSinks = out
	add := func(src Sources, kind ParamKind, sink sdk.Sink) {
		for _, p := range src.Params {
			fn := st.paramOwner[p]
			if fn == nil {
				continue
			}
			params := fn.Signature().Params()
			for i := 0; i < params.Len() && i < 256; i++ {
				if params.At(i) != p {
					continue
				}
				ps := ParamSink{Param: uint8(i), Kind: kind, Sink: sink}
				dup := false
				for _, q := range out[fn] {
					dup = dup || q == ps
				}
				if !dup {
					out[fn] = append(out[fn], ps)
				}
			}
		}
	}
	for _, s := range fs.f.Sinks() {
		add(fs.f.Values.GlobalSources(s.Value), ParamEndpoint, s.Kind)
	}
	for _, cs := range fs.CallSinks() {
		if cs.Kind == ParamEndpoint {
			add(fs.f.Values.GlobalSources(cs.Arg), ParamEndpoint, cs.Sink)
		} else {
			add(fs.f.Values.RegionSources(cs.Arg), cs.Kind, sdk.SinkNone)
		}
	}
	v1, v2 := fs.RegionSinks()
	for _, e := range v1 {
		add(fs.f.Values.RegionSources(e), ParamRegionV1, sdk.SinkNone)
	}
	for _, e := range v2 {
		add(fs.f.Values.RegionSources(e), ParamRegionV2, sdk.SinkNone)
	}
	return out
}

// ExportValueFacts records a ValueFact for each exported function (and
// method) of this package whose parameters reach a sink or whose string
// results may be the global endpoint.
func (fs *Facts) ExportValueFacts() {
	sinks := fs.paramSinks()
	for _, fn := range fs.f.declOrder {
		if !fn.Exported() {
			continue
		}
		fact := ValueFact{Params: sinks[fn]}
		fs.resultFacts(fn, &fact)
		fs.regionResultFacts(fn, &fact)
		fs.resultFieldFacts(fn, &fact)
		if len(fact.Params) > 0 || fact.Global != 0 || fact.globalRegion != 0 || len(fact.pass) > 0 || len(fact.consts) > 0 || len(fact.fields) > 0 {
			fact.Ext = fact.encodeExt()
			fs.f.pass.ExportObjectFact(fn, &fact)
		}
	}
}

// resultFieldFacts sets the Fields of fact for the string fields of the
// struct results of fn (a settings loader: s := Settings{Region:
// "aws-global"}; if r := os.Getenv(…); r != "" { s.Region = r }; return
// s): what each return may hold in the field, from the literal that
// built the returned variable and the stores into it before the return.
func (fs *Facts) resultFieldFacts(fn *types.Func, fact *ValueFact) {
	decl := fs.f.decls[fn]
	res := fn.Signature().Results()
	if decl == nil || decl.Body == nil {
		return
	}
	for i := 0; i < res.Len() && i < 8; i++ {
		st, ok := structOf(res.At(i).Type())
		if !ok {
			continue
		}
		for j := 0; j < st.NumFields() && j < 256; j++ {
			field := st.Field(j)
			if !field.Exported() || !isString(field.Type()) {
				continue
			}
			consts := map[string]bool{}
			q := fs.f.Values.newQuery(decl, func(s string) bool { consts[s] = true; return true }, false)
			for _, ret := range returns(decl) {
				if len(ret.Results) != res.Len() {
					q.other() // a bare return or a call's results
					continue
				}
				q.result(fs.f.graph.ReturnFieldValues(ret, i, j))
			}
			rf := ResultField{Result: uint8(i), Field: uint8(j), GlobalRegion: consts[sdk.GlobalRegion]}
			if !q.out.Other && len(consts) == 1 {
				for s := range consts {
					if sdk.RegionShaped(s) {
						rf.Const = s
					}
				}
			}
			if rf.GlobalRegion || rf.Const != "" {
				fact.fields = append(fact.fields, rf)
			}
		}
	}
}

// structOf returns the struct type t is or points to.
func structOf(t types.Type) (*types.Struct, bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return st, ok
}

// resultFacts sets the Global, AllGlobal and EmptyParam fields of fact for
// the string results of fn.
func (fs *Facts) resultFacts(fn *types.Func, fact *ValueFact) {
	decl := fs.f.decls[fn]
	res := fn.Signature().Results()
	if decl == nil || decl.Body == nil || !fs.valueConsts().global {
		return
	}
	guard, guarded := -1, true
	for i := 0; i < res.Len() && i < 8; i++ {
		if b, ok := res.At(i).Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
			continue
		}
		matched, other := false, false
		var stack []ast.Node
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			stack = append(stack, n)
			ret, ok := n.(*ast.ReturnStmt)
			if !ok {
				return true
			}
			src := fs.f.Values.returnSources(ret, i)
			other = other || src.Other
			if len(src.Matches) > 0 {
				matched = true
				g := fs.emptyGuard(fn, stack)
				if g < 0 || guard >= 0 && g != guard {
					guarded = false
				}
				guard = g
			}
			return true
		})
		if matched {
			fact.Global |= 1 << i
			if !other {
				fact.AllGlobal |= 1 << i
			}
		}
	}
	if fact.Global != 0 && guarded && guard >= 0 && guard < 255 {
		fact.EmptyParam = uint8(guard + 1)
	}
}

// constKinds says which kinds of constant string the package's values can
// hold, by what the result queries match: global is a constant that can
// form the global host (mayFormGlobal), region a Region-shaped one or
// aws-global (sdk.RegionShaped). Constants only compared (x == "us-east-1",
// a case value) flow nowhere and do not count; constants that other
// packages' functions return, by their ValueFacts, do. Without one kind no
// result of the package can hold it, and the facts that ask need not
// build SSA (a package of hundreds of String methods otherwise pays for
// SSA on every edit).
type constKinds struct{ global, region bool }

// valueConsts returns the package's constKinds, computed once.
func (fs *Facts) valueConsts() constKinds {
	if fs.consts != nil {
		return *fs.consts
	}
	var k constKinds
	defer func() { fs.consts = &k }()
	note := func(s string) {
		k.global = k.global || mayFormGlobal(s)
		k.region = k.region || sdk.RegionShaped(s)
	}
	compared := map[ast.Expr]bool{}
	for _, file := range fs.f.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BinaryExpr:
				if n.Op == token.EQL || n.Op == token.NEQ {
					compared[ast.Unparen(n.X)], compared[ast.Unparen(n.Y)] = true, true
				}
			case *ast.CaseClause:
				for _, e := range n.List {
					compared[ast.Unparen(e)] = true
				}
			}
			return true
		})
	}
	for e, tv := range fs.f.info.Types {
		if tv.Value != nil && tv.Value.Kind() == constant.String && !compared[e] {
			note(constant.StringVal(tv.Value))
		}
	}
	for _, cur := range fs.f.calls {
		fn := fs.f.Callee(cur.Node().(*ast.CallExpr))
		var fact ValueFact
		if fn == nil || fn.Pkg() == fs.f.pass.Pkg || !fs.importValueFact(fn.Origin(), &fact) {
			continue
		}
		k.global = k.global || fact.Global != 0
		k.region = k.region || fact.globalRegion != 0
		for _, c := range fact.consts {
			note(c.Value)
		}
		for _, rf := range fact.fields {
			note(rf.Const)
			k.region = k.region || rf.GlobalRegion
		}
	}
	return k
}

// mayFormGlobal reports whether the constant s can be, or be part of, the
// global host as a query assembles it (a concatenation prepends and
// appends; a format fills its verbs): s mentions amazonaws, in any case,
// right after "sts.", after a prefix of it that starts s (".amazonaws.com"
// appended to "https://sts"), or in a format string. A host such as
// sso.amazonaws.com cannot become sts.amazonaws.com that way.
func mayFormGlobal(s string) bool {
	s = strings.ToLower(s)
	for rest, off := s, 0; ; {
		i := strings.Index(rest, "amazonaws")
		if i < 0 {
			return false
		}
		before := s[:off+i]
		if strings.HasSuffix(before, "sts.") || strings.HasSuffix("sts.", before) || strings.Contains(before, "%") {
			return true
		}
		rest, off = rest[i+1:], off+i+1
	}
}

// regionResultFacts sets the GlobalRegion, Pass and Consts fields of fact
// for the string results of fn: what a caller in another package needs to
// judge a Region (or an endpoint) it takes from fn. A package that imports
// no SDK still gets them (the fact scope admits it by its literals), since
// its Region helpers decide its importers' clients.
func (fs *Facts) regionResultFacts(fn *types.Func, fact *ValueFact) {
	decl := fs.f.decls[fn]
	res := fn.Signature().Results()
	if decl == nil || decl.Body == nil {
		return
	}
	params := fn.Signature().Params()
	if pass, ok := fs.syntaxPass(fn, decl); ok {
		// No Region constant can reach a result: what passes through
		// is all there is to record, and the syntax says it.
		fact.pass = append(fact.pass, pass...)
		return
	}
	for i := 0; i < res.Len() && i < 8; i++ {
		if !isString(res.At(i).Type()) {
			continue
		}
		consts := map[string]bool{}
		q := fs.f.Values.newQuery(decl, func(s string) bool { consts[s] = true; return true }, false)
		for _, ret := range returns(decl) {
			q.result(fs.f.graph.ReturnValues(ret, i))
		}
		r := q
		if consts[sdk.GlobalRegion] {
			fact.globalRegion |= 1 << i
		}
		passed := map[int]bool{}
		for _, v := range r.out.Params {
			for j := 0; j < params.Len() && j < 255; j++ {
				if params.At(j) == v && isString(v.Type()) && !passed[j] {
					passed[j] = true
					fact.pass = append(fact.pass, ParamResult{Param: uint8(j), Result: uint8(i)})
				}
			}
		}
		if !r.out.Other && len(r.out.Params) == 0 && len(consts) == 1 {
			for s := range consts {
				if sdk.RegionShaped(s) {
					fact.consts = append(fact.consts, ResultConst{Result: uint8(i), Value: s})
				}
			}
		}
	}
}

// returns lists the return statements of decl's body, not those of the
// function literals in it.
func returns(decl *ast.FuncDecl) []*ast.ReturnStmt {
	var out []*ast.ReturnStmt
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			out = append(out, n)
		}
		return true
	})
	return out
}

// syntaxPass answers regionResultFacts for fn on the syntax and the
// def-use index when it can, without SSA: ok when no Region constant (or
// aws-global) can reach a string result of fn, following what the result
// queries follow (local variables, fields with every store of the field
// in the package, dereferences, conversions, elements, the SDK's pointer,
// URL and flag helpers, constant formats, this package's functions'
// returns, other packages' ValueFacts). pass lists fn's string
// parameters that may reach each string result; it may name one that SSA
// would rule out (a parameter overwritten on every path), never miss one.
// Anything the walk does not know (a bare return, a dynamic call, another
// function's parameter) answers !ok, and SSA decides. A package of
// hundreds of String methods that return a field filled from SDK
// responses otherwise pays for SSA on every edit.
func (fs *Facts) syntaxPass(fn *types.Func, decl *ast.FuncDecl) (pass []ParamResult, ok bool) {
	sig := fn.Signature()
	// fn is exported: its own parameters and receiver are values from
	// callers anywhere, leaves of the query that hold no constant of this
	// package. The string ones are what passes through.
	own := map[*types.Var]int{}
	for j := 0; j < sig.Params().Len() && j < 255; j++ {
		own[sig.Params().At(j)] = -1
		if v := sig.Params().At(j); isString(v.Type()) {
			own[v] = j
		}
	}
	if recv := sig.Recv(); recv != nil {
		own[recv] = -1
	}
	rets := returns(decl)
	for i := 0; i < sig.Results().Len() && i < 8; i++ {
		if !isString(sig.Results().At(i).Type()) {
			continue
		}
		r := regionReach{f: fs.f, seen: map[any]bool{}, own: own, reached: map[int]bool{}}
		for _, ret := range rets {
			if len(ret.Results) != sig.Results().Len() || r.expr(ret.Results[i], 0) {
				return nil, false
			}
		}
		for j := range sig.Params().Len() {
			if r.reached[j] {
				pass = append(pass, ParamResult{Param: uint8(j), Result: uint8(i)})
			}
		}
	}
	return pass, true
}

// regionReach is one syntaxPass question: expr reports whether a Region
// constant, or something the walk does not know, may reach a value.
type regionReach struct {
	f    *Flow
	seen map[any]bool
	// own maps the function's string parameters to their indexes;
	// reached records those the walk met.
	own     map[*types.Var]int
	reached map[int]bool
	// opaque counts the steps on the way that the query does not pass a
	// parameter through unchanged (an element, a field, a callee's
	// result): a parameter met below one is not recorded but undecided.
	opaque int
}

// opaqueExpr is expr below a step that does not pass values unchanged.
func (r *regionReach) opaqueExpr(e ast.Expr, depth int) bool {
	r.opaque++
	defer func() { r.opaque-- }()
	return r.expr(e, depth)
}

// storeIndex is what regionReach needs of the whole package, built once
// per package (storeIndex).
type storeIndex struct {
	fields    map[*types.Var][]ast.Expr
	addressed map[*types.Var]bool
	recvs     map[*types.Var]bool
	// through: the package stores a value that can hold a string
	// through a pointer (*p = …).
	through bool
}

// storeIndex indexes the package's field stores, taken addresses and
// method receivers, once.
func (fs *Facts) storeIndex() *storeIndex {
	if fs.stores != nil {
		return fs.stores
	}
	x := &storeIndex{fields: fs.fieldStores(), addressed: map[*types.Var]bool{}, recvs: map[*types.Var]bool{}}
	fs.stores = x
	for _, decl := range fs.f.decls {
		if decl.Recv == nil {
			continue
		}
		for _, fld := range decl.Recv.List {
			for _, name := range fld.Names {
				if v, ok := fs.f.info.Defs[name].(*types.Var); ok {
					x.recvs[v] = true
				}
			}
		}
	}
	through := false
	for _, cur := range fs.f.asgns {
		for _, lhs := range cur.Node().(*ast.AssignStmt).Lhs {
			if _, ok := ast.Unparen(lhs).(*ast.StarExpr); ok {
				// *enabled = false cannot store a string.
				b, basic := fs.f.info.TypeOf(lhs).Underlying().(*types.Basic)
				through = through || !basic || b.Info()&types.IsString != 0
			}
		}
	}
	x.through = through
	if !through {
		return x
	}
	for _, file := range fs.f.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			u, ok := n.(*ast.UnaryExpr)
			if !ok || u.Op != token.AND {
				return true
			}
			switch e := ast.Unparen(u.X).(type) {
			case *ast.Ident:
				if v, ok := fs.f.info.Uses[e].(*types.Var); ok {
					x.addressed[v] = true
				}
			case *ast.SelectorExpr:
				if s := fs.f.info.Selections[e]; s != nil && s.Kind() == types.FieldVal {
					x.addressed[s.Obj().(*types.Var)] = true
				}
			}
			return true
		})
	}
	return x
}

// maxRegionReach bounds the depth of a regionReach walk.
const maxRegionReach = 12

func (r *regionReach) expr(e ast.Expr, depth int) bool {
	f := r.f
	e = ast.Unparen(e)
	if depth > maxRegionReach {
		return true
	}
	if tv, ok := f.info.Types[e]; ok && tv.Value != nil {
		return tv.Value.Kind() == constant.String && sdk.RegionShaped(constant.StringVal(tv.Value))
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := f.info.Uses[x].(*types.Var)
		if !ok {
			return true
		}
		return r.variable(v, depth)
	case *ast.StarExpr:
		return f.Facts.storeIndex().through || r.opaqueExpr(x.X, depth+1)
	case *ast.UnaryExpr:
		return x.Op != token.AND || r.expr(x.X, depth+1)
	case *ast.BinaryExpr:
		// A concatenation is another value to the query (a constant
		// one is a constant, above); a comparison is no string.
		return false
	case *ast.SelectorExpr:
		sel := f.info.Selections[x]
		if sel == nil || sel.Kind() != types.FieldVal {
			return true
		}
		return r.field(sel.Obj().(*types.Var), depth)
	case *ast.IndexExpr:
		return r.opaqueExpr(x.X, depth+1)
	case *ast.SliceExpr:
		return r.opaqueExpr(x.X, depth+1)
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if !r.isField(kv.Key) && r.opaqueExpr(kv.Key, depth+1) {
					return true
				}
				elt = kv.Value
			}
			if r.opaqueExpr(elt, depth+1) {
				return true
			}
		}
		return false
	case *ast.CallExpr:
		return r.call(x, depth)
	}
	return true
}

// isField reports whether key names a struct field in a composite literal.
func (r *regionReach) isField(key ast.Expr) bool {
	id, ok := key.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := r.f.info.Uses[id].(*types.Var)
	return ok && v.IsField()
}

// variable: every value assigned to v; a parameter or result says yes.
func (r *regionReach) variable(v *types.Var, depth int) bool {
	f := r.f
	if r.seen[v] {
		return false
	}
	r.seen[v] = true
	idx := f.Facts.storeIndex()
	if j, ok := r.own[v]; ok {
		if j >= 0 && r.opaque > 0 {
			return true
		}
		if j >= 0 {
			r.reached[j] = true // and what the body assigns to it
		}
	} else if f.params[v] || idx.recvs[v] {
		return true // a value from a caller
	}
	if v.Pkg() != f.pass.Pkg || idx.addressed[v] {
		return true
	}
	for _, d := range f.defs[v] {
		if d.index == zeroValue {
			continue
		}
		if rs, ok := d.cur.Node().(*ast.RangeStmt); ok && d.rhs == nil {
			// A range variable holds a key or an element of X.
			if r.opaqueExpr(rs.X, depth+1) {
				return true
			}
			continue
		}
		if d.index >= 0 || d.rhs == nil || r.expr(d.rhs, depth+1) {
			return true
		}
	}
	return len(f.sets[v]) > 0
}

// field: every value stored into field v in the package (the query sees
// only those).
func (r *regionReach) field(v *types.Var, depth int) bool {
	if r.seen[v] {
		return false
	}
	r.seen[v] = true
	idx := r.f.Facts.storeIndex()
	if idx.addressed[v] {
		return true // stored through a pointer somewhere
	}
	// Stores elsewhere (another package's, the SDK filling a response)
	// are other values to the query, never a constant of this package.
	for _, e := range idx.fields[v] {
		if e == nil || r.opaqueExpr(e, depth+1) {
			return true
		}
	}
	return false
}

func (r *regionReach) call(call *ast.CallExpr, depth int) bool {
	f := r.f
	if tv := f.info.Types[ast.Unparen(call.Fun)]; tv.IsType() {
		return len(call.Args) != 1 || r.expr(call.Args[0], depth+1)
	}
	if tv := f.info.Types[ast.Unparen(call.Fun)]; tv.IsBuiltin() {
		for _, a := range call.Args { // append: the elements
			if r.opaqueExpr(a, depth+1) {
				return true
			}
		}
		return false
	}
	fn, entry := f.Lookup(call)
	switch entry.Role {
	case sdk.PtrHelper, sdk.URLParse:
		return len(call.Args) != 1 || r.expr(call.Args[0], depth+1)
	case sdk.URLString:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		return !ok || r.opaqueExpr(sel.X, depth+1)
	case sdk.FlagDefault:
		return entry.Arg >= len(call.Args) || r.opaqueExpr(call.Args[entry.Arg], depth+1)
	case sdk.Sprintf:
		return false // constant formats are constants (above); others no one constant
	}
	if fn == nil {
		return true
	}
	if fn.Pkg() == f.pass.Pkg {
		decl := f.decls[fn.Origin()]
		if decl == nil || decl.Body == nil {
			return true
		}
		if r.seen[decl] {
			return false
		}
		r.seen[decl] = true
		for _, ret := range returns(decl) {
			if len(ret.Results) == 0 {
				return true
			}
			for _, e := range ret.Results {
				if r.opaqueExpr(e, depth+1) {
					return true
				}
			}
		}
		return false
	}
	var fact ValueFact
	if !f.Facts.importValueFact(fn.Origin(), &fact) {
		return false // the query counts its result as another value
	}
	if fact.globalRegion != 0 || len(fact.consts) > 0 || len(fact.pass) > 0 {
		return true
	}
	for _, rf := range fact.fields {
		if rf.GlobalRegion || sdk.RegionShaped(rf.Const) {
			return true
		}
	}
	return false
}

// fieldStores maps each field to the values stored into it in the
// package: keyed composite-literal elements and assignments to a field
// selector; a store the index cannot name (a positional literal, an
// assignment of a call's tuple) is a nil value.
func (fs *Facts) fieldStores() map[*types.Var][]ast.Expr {
	out := map[*types.Var][]ast.Expr{}
	for _, cur := range fs.f.lits {
		lit := cur.Node().(*ast.CompositeLit)
		st, ok := structOf(fs.f.info.TypeOf(lit))
		if !ok {
			continue
		}
		for i, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					if v, ok := fs.f.info.Uses[id].(*types.Var); ok {
						out[v] = append(out[v], kv.Value)
					}
				}
			} else if i < st.NumFields() {
				out[st.Field(i)] = append(out[st.Field(i)], elt)
			}
		}
	}
	for _, cur := range fs.f.asgns {
		as := cur.Node().(*ast.AssignStmt)
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			s := fs.f.info.Selections[sel]
			if s == nil || s.Kind() != types.FieldVal {
				continue
			}
			v := s.Obj().(*types.Var)
			if len(as.Lhs) == len(as.Rhs) {
				out[v] = append(out[v], as.Rhs[i])
			} else {
				out[v] = append(out[v], nil)
			}
		}
	}
	return out
}

// hasStringParam reports whether a parameter of params is a string.
func hasStringParam(params *types.Tuple) bool {
	for i := range params.Len() {
		if isString(params.At(i).Type()) {
			return true
		}
	}
	return false
}

// isString reports whether t is a string type.
func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// emptyGuard returns the index of the parameter p of fn if the innermost
// if statement around the last node of stack returns there only when p is
// empty (if p == "" { return … }), or -1.
func (fs *Facts) emptyGuard(fn *types.Func, stack []ast.Node) int {
	for k := len(stack) - 2; k >= 0; k-- {
		ifs, ok := stack[k].(*ast.IfStmt)
		if !ok {
			continue
		}
		if k+1 >= len(stack) || stack[k+1] != ifs.Body {
			return -1 // in the else branch or the condition
		}
		cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok || cond.Op != token.EQL {
			return -1
		}
		for _, pair := range [][2]ast.Expr{{cond.X, cond.Y}, {cond.Y, cond.X}} {
			if s, ok := fs.f.Values.ConstString(pair[1]); !ok || s != "" {
				continue
			}
			v := fs.f.localVar(pair[0])
			params := fn.Signature().Params()
			for i := 0; i < params.Len(); i++ {
				if v != nil && params.At(i) == v && len(fs.f.defs[v]) == 0 {
					return i
				}
			}
		}
		return -1
	}
	return -1
}
