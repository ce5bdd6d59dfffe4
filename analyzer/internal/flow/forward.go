package flow

// Sinks decided forward: a global value written in code (an explicit
// legacy setting, a ResolvedEndpoint's URL) matters only when it flows on
// into something that configures the SDK. A *aws.Config kept in a test
// table and only passed to reflect.DeepEqual, or a ResolvedEndpoint only
// compared, configures nothing. Package reaching follows the value
// forward; what configures is decided here by the sink's type: a
// parameter whose type is (or holds) one of the SDK's types. A parameter
// of type any, a string of a printing function, configures nothing.

import (
	"go/ast"
	"go/types"

	"github.com/stsregional/stsregional/analyzer/internal/reaching"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// ReachesSDK reports whether the value written by e (a composite literal's
// field value, the right-hand side of an assignment) may flow into a
// parameter of an SDK type: true too when the value may leave what the
// walk sees, or flows into a function value the walk cannot name.
func (f *Flow) ReachesSDK(e ast.Expr) bool {
	fw := f.graph.Forward(e, carriesOn)
	if fw.Open {
		return true
	}
	for _, end := range fw.Ends {
		if end.Type == nil || holdsSDKType(end.Type, 0) {
			return true
		}
	}
	return false
}

// carriesOn reports whether the result of an end's call carries the value
// on: a call into the SDK or the standard library that returns a string or
// one of the SDK's types (aws.String, strings.TrimSpace) may return it.
func carriesOn(end reaching.End) bool {
	if end.Callee == nil {
		return false
	}
	res := end.Callee.Signature.Results()
	for i := range res.Len() {
		t := res.At(i).Type()
		if holdsSDKType(t, 0) {
			return true
		}
		if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
			return true
		}
	}
	return false
}

// holdsSDKType reports whether t is, points to or holds (as a slice,
// array, map or channel element) a named type of an AWS SDK package.
func holdsSDKType(t types.Type, depth int) bool {
	if depth > 8 {
		return false
	}
	switch x := types.Unalias(t).(type) {
	case *types.Named:
		if obj := x.Obj(); obj.Pkg() != nil && sdk.IsAWSPath(sdk.Path(obj.Pkg())) {
			return true
		}
		return false
	case *types.Pointer:
		return holdsSDKType(x.Elem(), depth+1)
	case *types.Slice:
		return holdsSDKType(x.Elem(), depth+1)
	case *types.Array:
		return holdsSDKType(x.Elem(), depth+1)
	case *types.Map:
		return holdsSDKType(x.Key(), depth+1) || holdsSDKType(x.Elem(), depth+1)
	case *types.Chan:
		return holdsSDKType(x.Elem(), depth+1)
	}
	return false
}
