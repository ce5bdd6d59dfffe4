package flow

// Explicit endpoints: an aws-sdk-go v1 Endpoint set from a value known
// only at run time (a flag, a settings field, an environment variable, a
// regional URL built with Sprintf) bypasses the SDK's resolver just as a
// constant one does (aws/session/session.go resolveEndpoint: a non-empty
// cfg.Endpoint is used as is, an empty one falls back to the resolver).
// Whether it is the global host is a question for the values that reach
// it (GlobalSources), not for the client's STS setting.

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/stsregional/stsregional/analyzer/internal/reaching"
)

// explicitEndpoint reports whether storing value into aws.Config.Endpoint
// overrides the resolver (aws/session/session.go resolveEndpoint: only a
// non-empty Endpoint does). It does when every value that reaches it is
// provably non-empty (a non-empty constant, a flag's non-empty default, a
// URL concatenated or formatted from constant text), when the store is
// guarded by a test that the value is not empty, and when the value comes
// from the program's own run-time configuration (an environment variable,
// a flag, a settings field) that no path provably leaves empty: code that
// sets such an Endpoint means it. A value that reaches it through a
// function parameter is an optional override of a helper, empty unless
// its callers provably pass something: then v1 resolves STS itself,
// globally in the legacy Regions, and the client is judged by its session.
func (se *Sessions) explicitEndpoint(value ast.Expr) bool {
	ptr := value
	value = se.f.Values.UnwrapPtr(value)
	if s, ok := se.f.Values.ConstString(value); ok {
		return s != ""
	}
	if se.guardedNonEmpty(value) {
		return true
	}
	if se.endpointIs(ptr, emptyConst, 0) {
		return false
	}
	// Inside a helper call (ssaEval.inCall) the sources below would mix
	// in the other callers' values: the leaves in this call's context
	// decide.
	if len(se.f.eval.ctx) > 0 && se.endpointIs(ptr, nonEmptyConst, 0) {
		return true
	}
	if se.f.Values.nonEmptySources(value).Always() {
		return true
	}
	empty := se.f.Values.sources(value, func(s string) bool { return s == "" }, true)
	return len(empty.Matches) == 0 && len(empty.Params) == 0
}

// guardedNonEmpty reports whether value is stored only under a test that
// it is not empty: inside the then-branch of if x != "" (or len(x) > 0,
// len(x) != 0, either side of an &&), where x is value itself.
func (se *Sessions) guardedNonEmpty(value ast.Expr) bool {
	cur, ok := se.f.in.Root().FindNode(value)
	if !ok {
		return false
	}
	for c := range cur.Enclosing((*ast.IfStmt)(nil)) {
		ifs := c.Node().(*ast.IfStmt)
		if value.Pos() < ifs.Body.Pos() || value.End() > ifs.Body.End() {
			continue // in the condition or the else branch
		}
		if se.testsNonEmpty(ifs.Cond, value) {
			return true
		}
	}
	return false
}

// testsNonEmpty reports whether cond being true implies that the string
// x (a variable, field or dereference, compared by its objects) is not
// empty.
func (se *Sessions) testsNonEmpty(cond ast.Expr, x ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	if b.Op == token.LAND {
		return se.testsNonEmpty(b.X, x) || se.testsNonEmpty(b.Y, x)
	}
	isEmpty := func(e ast.Expr) bool {
		lit, ok := ast.Unparen(e).(*ast.BasicLit)
		return ok && (lit.Value == `""` || lit.Value == "``" || lit.Value == "0")
	}
	switch b.Op {
	case token.NEQ, token.GTR:
		if isEmpty(b.Y) {
			return se.f.sameRef(lenOperand(se.f.info, b.X), x)
		}
		if b.Op == token.NEQ && isEmpty(b.X) {
			return se.f.sameRef(lenOperand(se.f.info, b.Y), x)
		}
	}
	return false
}

// neverTaken reports whether the statement at cur sits directly in a
// branch of an if (separating it from a use at pos) that the calling
// context rules out.
func (se *Sessions) neverTaken(cur inspector.Cursor, pos token.Pos) bool {
	b := branchOf(cur, pos)
	ifs, ok := b.node.(*ast.IfStmt)
	if !ok || !b.direct {
		return false
	}
	v, ok := se.f.graph.Decided(ifs.Cond, se.f.eval.ctx)
	return ok && v != b.then
}

// alwaysTaken reports whether the statement at cur sits directly in the
// then- or else-branch of an if (separating it from a use at pos) that
// the calling context decides for it, or directly in the then-branch of
// an if whose condition is provably true: x != "" where every value that
// reaches x is a non-empty constant, such as a settings default the code then tests
// (if s.STSEndpoint != "" { cfg.Endpoint = aws.String(s.STSEndpoint) }).
func (se *Sessions) alwaysTaken(cur inspector.Cursor, pos token.Pos) bool {
	b := branchOf(cur, pos)
	ifs, ok := b.node.(*ast.IfStmt)
	if !ok || !b.direct {
		return false
	}
	if v, ok := se.f.graph.Decided(ifs.Cond, se.f.eval.ctx); ok {
		// The calling context binds what the condition tests
		// (cfgFor(region, true) testing its parameter).
		return v == b.then
	}
	if !b.then {
		return false
	}
	if list, _ := container(cur); list != ast.Node(ifs.Body) {
		return false
	}
	cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.NEQ {
		return false
	}
	x := cond.X
	if s, ok := se.f.Values.ConstString(cond.X); ok && s == "" {
		x = cond.Y
	} else if s, ok := se.f.Values.ConstString(cond.Y); !ok || s != "" {
		return false
	}
	return se.f.Values.sources(x, func(s string) bool { return s != "" }, false).Always()
}

// endpointIs reports whether every value that reaches the Endpoint value
// (a *string or a string), in the current calling context, is a constant
// that is accepts: nil, "", the zero value of a field or variable nothing
// set (&s.Endpoint of a literal without it), possibly wrapped by
// aws.String. With emptyConst, v1 then resolves the endpoint itself
// (aws/session/session.go resolveEndpoint ignores an empty one). An
// environment read is no constant: it is trusted as set, as before
// (sts003/optionalendpoint CaseFromEnvironment), since the code cannot
// tell the deployments apart.
func (se *Sessions) endpointIs(value ast.Expr, accepts func(*ssa.Const) bool, depth int) bool {
	if depth > maxDepth/2 {
		return false
	}
	if s, ok := se.f.Values.ConstString(se.f.Values.UnwrapPtr(value)); ok {
		return accepts(ssa.NewConst(constant.MakeString(s), types.Typ[types.String]))
	}
	return se.leavesAre(se.f.eval.values(value), accepts, depth)
}

// emptyConst accepts nil and "".
func emptyConst(c *ssa.Const) bool { return c.Value == nil || c.Value.ExactString() == `""` }

// nonEmptyConst accepts a string constant that is not "".
func nonEmptyConst(c *ssa.Const) bool {
	return c.Value != nil && c.Value.Kind() == constant.String && constant.StringVal(c.Value) != ""
}

// leavesAre reports whether every leaf of r is an endpoint accepts.
func (se *Sessions) leavesAre(r reaching.Result, accepts func(*ssa.Const) bool, depth int) bool {
	if r.Open || len(r.Leaves) == 0 {
		return false
	}
	for _, l := range r.Leaves {
		if !se.leafIs(l, accepts, depth) {
			return false
		}
	}
	return true
}

// leafIs reports whether one value that reaches an Endpoint is a
// constant accepts.
func (se *Sessions) leafIs(l reaching.Leaf, accepts func(*ssa.Const) bool, depth int) bool {
	switch v := l.Value.(type) {
	case *ssa.Const:
		return accepts(v)
	case *ssa.Alloc, *ssa.FieldAddr:
		// &s.Endpoint: what the variable holds.
		return se.leavesAre(se.f.graph.Pointee(v, se.f.eval.ctx), accepts, depth+1)
	case *ssa.Call:
		call, ok := ast.Unparen(l.Expr).(*ast.CallExpr)
		if !ok {
			return false
		}
		if inner := se.f.Values.UnwrapPtr(call); inner != ast.Expr(call) {
			return se.endpointIs(inner, accepts, depth+1)
		}
	}
	return false
}
