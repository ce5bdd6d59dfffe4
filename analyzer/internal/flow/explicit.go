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
	"go/token"

	"golang.org/x/tools/go/ast/inspector"
)

// explicitEndpoint reports whether storing value into aws.Config.Endpoint
// overrides the resolver: a non-empty constant, or a value known only at
// run time that no path provably leaves empty.
func (f *Flow) explicitEndpoint(value ast.Expr) bool {
	value = f.UnwrapPtr(value)
	if s, ok := f.ConstString(value); ok {
		return s != ""
	}
	empty := f.sources(value, func(s string) bool { return s == "" }, true)
	return len(empty.Matches) == 0
}

// alwaysTaken reports whether the statement at cur sits directly in the
// then-branch of an if (separating it from a use at pos) whose condition
// is provably true: x != "" where every value that reaches x is a
// non-empty constant, such as a settings default the code then tests
// (if s.STSEndpoint != "" { cfg.Endpoint = aws.String(s.STSEndpoint) }).
func (f *Flow) alwaysTaken(cur inspector.Cursor, pos token.Pos) bool {
	b := branchOf(cur, pos)
	ifs, ok := b.node.(*ast.IfStmt)
	if !ok || !b.then {
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
	if s, ok := f.ConstString(cond.X); ok && s == "" {
		x = cond.Y
	} else if s, ok := f.ConstString(cond.Y); !ok || s != "" {
		return false
	}
	return f.sources(x, func(s string) bool { return s != "" }, false).Always()
}
