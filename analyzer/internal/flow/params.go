package flow

// Values from callers: facts that say what flows INTO a function's
// parameters (parameter → endpoint sink, parameter → STS client Region)
// and which of its results may be the global endpoint, so a call from
// another package that passes "aws-global" or the global URL is judged
// where the value is chosen: at the call.

import (
	"fmt"
	"go/ast"
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
func (f *Flow) CallSinks() []CallSink {
	st := f.valState()
	if st.callSinks != nil {
		return *st.callSinks
	}
	var out []CallSink
	defer func() { st.callSinks = &out }()
	for _, cur := range f.calls {
		call := cur.Node().(*ast.CallExpr)
		fn := f.Callee(call)
		if fn == nil || fn.Pkg() == nil || fn.Pkg() == f.pass.Pkg {
			continue
		}
		var fact ValueFact
		if !f.importValueFact(fn.Origin(), &fact) {
			continue
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s, ok := f.info.Selections[sel]; ok && s.Kind() == types.MethodExpr {
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
func (f *Flow) RegionSinks() (v1, v2 []ast.Expr) {
	notConst := func(e ast.Expr) bool {
		_, ok := f.ConstString(f.UnwrapPtr(e))
		return !ok
	}
	for _, cur := range f.lits {
		lit := cur.Node().(*ast.CompositeLit)
		if sdk.IsNamed(f.info.TypeOf(lit), sdk.V2STS, "Options") {
			if _, kv := ElemWithKey(lit, "Region"); kv != nil && notConst(kv.Value) && f.v2LitBase(lit) == nil {
				v2 = append(v2, kv.Value)
			}
		}
	}
	for _, cur := range f.asgns {
		as := cur.Node().(*ast.AssignStmt)
		if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			if f.IsFieldOf(lhs, sdk.V2STS, "Options", "Region") && notConst(as.Rhs[i]) && !f.regionStoreBase(cur, lhs) {
				v2 = append(v2, as.Rhs[i])
			}
		}
	}
	for _, cur := range f.calls {
		call := cur.Node().(*ast.CallExpr)
		for _, i := range f.stsConfigArgs(call) {
			if f.v2BaseOf(call, i) != nil {
				continue // the Region only signs (v2base.go)
			}
			v2 = append(v2, f.v2Regions(call.Args[i], 0, notConst)...)
		}
	}
	for _, cl := range f.V1Clients() {
		if r := cl.Region; r != nil && r.Expr != nil && !r.Known && !cl.Pinned {
			v1 = append(v1, r.Expr)
		}
	}
	return v1, v2
}

// paramSinks computes the parameter sinks of this package's functions.
func (f *Flow) paramSinks() map[*types.Func][]ParamSink {
	st := f.valState()
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
	for _, s := range f.Sinks() {
		add(f.GlobalSources(s.Value), ParamEndpoint, s.Kind)
	}
	for _, cs := range f.CallSinks() {
		if cs.Kind == ParamEndpoint {
			add(f.GlobalSources(cs.Arg), ParamEndpoint, cs.Sink)
		} else {
			add(f.RegionSources(cs.Arg), cs.Kind, sdk.SinkNone)
		}
	}
	v1, v2 := f.RegionSinks()
	for _, e := range v1 {
		add(f.RegionSources(e), ParamRegionV1, sdk.SinkNone)
	}
	for _, e := range v2 {
		add(f.RegionSources(e), ParamRegionV2, sdk.SinkNone)
	}
	return out
}

// ExportValueFacts records a ValueFact for each exported function (and
// method) of this package whose parameters reach a sink or whose string
// results may be the global endpoint.
func (f *Flow) ExportValueFacts() {
	sinks := f.paramSinks()
	for _, fn := range f.declOrder {
		if !fn.Exported() {
			continue
		}
		fact := ValueFact{Params: sinks[fn]}
		f.resultFacts(fn, &fact)
		f.regionResultFacts(fn, &fact)
		f.resultFieldFacts(fn, &fact)
		if len(fact.Params) > 0 || fact.Global != 0 || fact.globalRegion != 0 || len(fact.pass) > 0 || len(fact.consts) > 0 || len(fact.fields) > 0 {
			fact.Ext = fact.encodeExt()
			f.pass.ExportObjectFact(fn, &fact)
		}
	}
}

// resultFieldFacts sets the Fields of fact for the string fields of the
// struct results of fn (a settings loader: s := Settings{Region:
// "aws-global"}; if r := os.Getenv(…); r != "" { s.Region = r }; return
// s): what each return may hold in the field, from the literal that
// built the returned variable and the stores into it before the return.
func (f *Flow) resultFieldFacts(fn *types.Func, fact *ValueFact) {
	decl := f.decls[fn]
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
			q := f.newQuery(decl, func(s string) bool { consts[s] = true; return true }, false)
			for _, ret := range returns(decl) {
				if len(ret.Results) != res.Len() {
					q.other() // a bare return or a call's results
					continue
				}
				q.result(f.graph.ReturnFieldValues(ret, i, j))
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
func (f *Flow) resultFacts(fn *types.Func, fact *ValueFact) {
	decl := f.decls[fn]
	res := fn.Signature().Results()
	if decl == nil || decl.Body == nil {
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
			src := f.returnSources(ret, i)
			other = other || src.Other
			if len(src.Matches) > 0 {
				matched = true
				g := f.emptyGuard(fn, stack)
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

// regionResultFacts sets the GlobalRegion, Pass and Consts fields of fact
// for the string results of fn: what a caller in another package needs to
// judge a Region (or an endpoint) it takes from fn. A package that imports
// no SDK still gets them (the fact scope admits it by its literals), since
// its Region helpers decide its importers' clients.
func (f *Flow) regionResultFacts(fn *types.Func, fact *ValueFact) {
	decl := f.decls[fn]
	res := fn.Signature().Results()
	if decl == nil || decl.Body == nil {
		return
	}
	params := fn.Signature().Params()
	for i := 0; i < res.Len() && i < 8; i++ {
		if !isString(res.At(i).Type()) {
			continue
		}
		consts := map[string]bool{}
		q := f.newQuery(decl, func(s string) bool { consts[s] = true; return true }, false)
		for _, ret := range returns(decl) {
			q.result(f.graph.ReturnValues(ret, i))
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

// isString reports whether t is a string type.
func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// emptyGuard returns the index of the parameter p of fn if the innermost
// if statement around the last node of stack returns there only when p is
// empty (if p == "" { return … }), or -1.
func (f *Flow) emptyGuard(fn *types.Func, stack []ast.Node) int {
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
			if s, ok := f.ConstString(pair[1]); !ok || s != "" {
				continue
			}
			v := f.localVar(pair[0])
			params := fn.Signature().Params()
			for i := 0; i < params.Len(); i++ {
				if v != nil && params.At(i) == v && len(f.defs[v]) == 0 {
					return i
				}
			}
		}
		return -1
	}
	return -1
}
