package flow

// A v1 resolver built by another package's exported function (a library's
// "regional STS" resolver wrapping the default one) is code the package
// being analysed cannot evaluate: resolverFuncs sees only its own
// functions. The library's package evaluates the resolver its function
// returns, with the same reachability as a resolver of its own, and
// exports what it answers for the service the SDK passes as a
// ResolverFact; a session of an importing package uses the fact where its
// EndpointResolver field receives a call of that function.

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/stsregional/stsregional/analyzer/internal/host"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// What a returned resolver answers for STS with a non-empty Region.
const (
	// rvUnknown: some return is not understood.
	rvUnknown uint8 = iota
	// rvRegionalWhenSet: every reachable return is an endpoint of the
	// resolver's own making that is not the global host, so the session's
	// STS setting no longer matters while the Region is non-empty (an
	// empty Region is left to the session's verdict, which is global
	// too).
	rvRegionalWhenSet
	// rvGlobal: some reachable return is the global host.
	rvGlobal
	// rvDelegates: every reachable return forwards the session's options
	// to another resolver, which keeps the session's STS setting.
	rvDelegates
)

// ResolverFact summarises what the v1 endpoints.Resolver (or
// ResolverFunc) an exported function returns answers when the SDK asks it
// for STS (service "sts") with a non-empty Region. STS is one of the
// rv* answers; rvUnknown is never exported.
type ResolverFact struct {
	STS uint8
}

// AFact marks ResolverFact as an analysis fact.
func (*ResolverFact) AFact() {}

// String renders the fact for analysistest expectations and -debug=f,
// e.g. "resolver: sts regional-when-set".
func (r *ResolverFact) String() string {
	names := [...]string{"unknown", "regional-when-set", "global", "delegates"}
	if int(r.STS) < len(names) {
		return "resolver: sts " + names[r.STS]
	}
	return "resolver: sts ?"
}

// returnsV1Resolver reports whether sig's first result is a v1 resolver
// value: the endpoints.Resolver interface or the ResolverFunc type.
func returnsV1Resolver(sig *types.Signature) bool {
	if sig.Results().Len() == 0 {
		return false
	}
	t := sig.Results().At(0).Type()
	return sdk.IsNamed(t, sdk.V1Endpoints, "Resolver") || sdk.IsNamed(t, sdk.V1Endpoints, "ResolverFunc")
}

// ExportResolverFacts records a ResolverFact for each exported function or
// method of this package that returns a v1 resolver whose STS answer the
// evaluation decides.
func (rs *Resolvers) ExportResolverFacts() {
	for _, fn := range rs.f.declOrder {
		if !fn.Exported() || !returnsV1Resolver(fn.Signature()) {
			continue
		}
		if a := rs.returnedResolverAnswer(fn); a != rvUnknown {
			rs.f.pass.ExportObjectFact(fn, &ResolverFact{STS: a})
		}
	}
}

// returnedResolverAnswer evaluates every resolver fn's declaration returns
// and combines their answers: global if any may be global, otherwise the
// one answer all share.
func (rs *Resolvers) returnedResolverAnswer(fn *types.Func) uint8 {
	decl := rs.f.decls[fn]
	if decl == nil || decl.Body == nil {
		return rvUnknown
	}
	var answers []uint8
	// The function literals' returns are the resolver's, not fn's.
	for _, ret := range returns(decl) {
		if len(ret.Results) == 0 {
			return rvUnknown // bare return of named results
		}
		fns, ok := rs.resolverFuncs(ret.Results[0], v1ResolverMethod, 0)
		if !ok || len(fns) == 0 {
			return rvUnknown
		}
		for _, rf := range fns {
			answers = append(answers, rs.resolverAnswer(rf))
		}
	}
	return combineAnswers(answers)
}

// combineAnswers joins the answers of several returns or resolvers.
func combineAnswers(answers []uint8) uint8 {
	out := rvUnknown
	for i, a := range answers {
		switch {
		case a == rvGlobal:
			return rvGlobal
		case i == 0:
			out = a
		case a != out:
			out = rvUnknown
		}
	}
	for _, a := range answers {
		if a == rvUnknown {
			return rvUnknown
		}
	}
	return out
}

// resolverAnswer evaluates one resolver function for the service the
// session passes and a non-empty Region.
func (rs *Resolvers) resolverAnswer(fn *ssa.Function) uint8 {
	env := resolverEnv{service: sdk.V1ResolverService, known: true}
	rets, edges := rs.reachable(fn, env)
	if len(rets) == 0 {
		return rvUnknown
	}
	var answers []uint8
	for _, ret := range rets {
		answers = append(answers, rs.returnAnswer(fn, ret, edges))
	}
	return combineAnswers(answers)
}

// returnAnswer classifies one reachable return of a v1 resolver: a
// ResolvedEndpoint literal by its URL under the live edges, a forward of
// the resolver's own options to another resolver's EndpointFor.
func (rs2 *Resolvers) returnAnswer(fn *ssa.Function, ret *ssa.Return, edges map[[2]*ssa.BasicBlock]bool) uint8 {
	rs := rs2.f.graph.ReturnStmt(ret)
	if rs == nil || len(rs.Results) == 0 {
		return rvUnknown
	}
	switch x := ast.Unparen(rs.Results[0]).(type) {
	case *ast.CompositeLit:
		if !sdk.IsNamed(rs2.f.info.TypeOf(x), sdk.V1Endpoints, "ResolvedEndpoint") {
			return rvUnknown
		}
		url := rs2.resolvedURL(x)
		if url == nil {
			// No URL: the SDK fails (an error return) or resolves
			// nothing; no STS call goes to the global host.
			return rvRegionalWhenSet
		}
		v, ok := rs2.f.graph.Value(url)
		if !ok {
			return rvUnknown
		}
		if anyGlobal(v, edges, 0) {
			return rvGlobal
		}
		return rvRegionalWhenSet
	case *ast.CallExpr:
		if _, e := rs2.f.Lookup(x); e.Role != sdk.V1EndpointFor || !x.Ellipsis.IsValid() || len(fn.Params) == 0 {
			return rvUnknown
		}
		id, ok := ast.Unparen(x.Args[len(x.Args)-1]).(*ast.Ident)
		if !ok {
			return rvUnknown
		}
		opts := fn.Params[len(fn.Params)-1].Object()
		if opts != nil && rs2.f.info.Uses[id] == opts {
			return rvDelegates
		}
	}
	return rvUnknown
}

// resolvedURL returns the value of the URL field of a ResolvedEndpoint
// literal, or nil when the literal leaves it empty.
func (rs *Resolvers) resolvedURL(lit *ast.CompositeLit) ast.Expr {
	st, ok := structOfType(rs.f.info.TypeOf(lit))
	if !ok {
		return nil
	}
	for i, elt := range lit.Elts {
		kv, isKV := elt.(*ast.KeyValueExpr)
		var field *types.Var
		var value ast.Expr
		if isKV {
			id, _ := kv.Key.(*ast.Ident)
			if id == nil {
				continue
			}
			field, _ = rs.f.info.Uses[id].(*types.Var)
			value = kv.Value
		} else if i < st.NumFields() {
			field, value = st.Field(i), elt
		}
		if field != nil && field.IsField() && field.Name() == "URL" && field.Pkg() != nil && sdk.Unvendor(field.Pkg().Path()) == sdk.V1Endpoints {
			return value
		}
	}
	return nil
}

// anyGlobal reports whether the string value v can be the global STS URL
// or host on the live edges: every constant string v is built from
// (concatenations of constants, phis over live edges) is tried; a piece
// the walk cannot follow (a parameter, a call) makes that string not
// constant, which cannot be the global host alone.
func anyGlobal(v ssa.Value, edges map[[2]*ssa.BasicBlock]bool, depth int) bool {
	for _, s := range constStrings(v, edges, depth) {
		if host.IsGlobal(s) {
			return true
		}
	}
	return false
}

// maxStrings bounds the strings constStrings enumerates.
const maxStrings = 16

// constStrings returns the constant strings v can be on live edges; a value
// built from anything else contributes nothing.
func constStrings(v ssa.Value, edges map[[2]*ssa.BasicBlock]bool, depth int) []string {
	if depth > maxDepth {
		return nil
	}
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value != nil && x.Value.Kind() == constant.String {
			return []string{constant.StringVal(x.Value)}
		}
	case *ssa.BinOp:
		if x.Op != token.ADD {
			return nil
		}
		var out []string
		for _, a := range constStrings(x.X, edges, depth+1) {
			for _, b := range constStrings(x.Y, edges, depth+1) {
				if len(out) < maxStrings {
					out = append(out, a+b)
				}
			}
		}
		return out
	case *ssa.Phi:
		var out []string
		preds := x.Block().Preds
		for i, e := range x.Edges {
			if i < len(preds) && edges[[2]*ssa.BasicBlock{preds[i], x.Block()}] {
				out = append(out, constStrings(e, edges, depth+1)...)
			}
		}
		if len(out) > maxStrings {
			out = out[:maxStrings]
		}
		return out
	}
	return nil
}

// importedResolverAnswer returns the ResolverFact answer of the v1
// resolver value e when it is the result of a call of another package's
// function (through conversions).
func (rs *Resolvers) importedResolverAnswer(e ast.Expr) uint8 {
	for depth := 0; depth <= maxDepth; depth++ {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return rvUnknown
		}
		if tv, ok := rs.f.info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
			e = call.Args[0]
			continue
		}
		fn, ok := typeutil.Callee(rs.f.info, call).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == rs.f.pass.Pkg {
			return rvUnknown
		}
		var fact ResolverFact
		if !rs.f.pass.ImportObjectFact(fn.Origin(), &fact) {
			return rvUnknown
		}
		return fact.STS
	}
	return rvUnknown
}

// GlobalLibResolvers returns the calls of this package to another
// package's function whose returned v1 resolver may answer STS with the
// global host (its ResolverFact): each is where the global endpoint enters
// this package.
func (rs *Resolvers) GlobalLibResolvers() []*ast.CallExpr {
	var out []*ast.CallExpr
	for _, file := range rs.f.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && rs.importedResolverAnswer(call) == rvGlobal {
				if tv, ok := rs.f.info.Types[call.Fun]; !ok || !tv.IsType() {
					out = append(out, call)
				}
			}
			return true
		})
	}
	return out
}
