package flow

// Explicit endpoints: an aws-sdk-go v1 Endpoint set from a value known
// only at run time (a flag, a settings field, an environment variable, a
// regional URL built with Sprintf) bypasses the SDK's resolver just as a
// constant one does (aws/session/session.go resolveEndpoint: a non-empty
// cfg.Endpoint is used as is, an empty one falls back to the resolver).
// Whether it is the global host is a question for the values that reach
// it (GlobalSources), not for the client's STS setting.

import "go/ast"

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
