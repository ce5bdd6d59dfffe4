package flow

// The bridge to package reaching, the one walk over SSA that answers "what
// values reach here": where the syntax-directed evaluation meets a value
// it cannot follow by itself (a parameter, a field, a closure's variable,
// a function variable), it asks reaching for the leaves that reach it and
// evaluates each leaf's construction with the SDK's semantics.

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/stsregional/stsregional/analyzer/internal/reaching"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// values returns what reaches e, dropping the routes through a test's
// stores when e itself is production code (a test that swaps a variable
// for a mock does not change what the program does).
func (f *Flow) values(e ast.Expr) reaching.Result {
	r := f.graph.Values(e)
	if f.inTest(e) {
		return r
	}
	kept := r.Leaves[:0:0]
	for _, l := range r.Leaves {
		if !l.Test {
			kept = append(kept, l)
		}
	}
	r.Leaves = kept
	return r
}

// inTest reports whether n is in a _test.go file.
func (f *Flow) inTest(n ast.Node) bool {
	return strings.HasSuffix(f.pass.Fset.File(n.Pos()).Name(), "_test.go")
}

// funcOf returns the function every value that reaches the function
// expression fun is, if there is one (var newCreds = stscreds.NewCredentials,
// a field or parameter that always holds the same function).
func (f *Flow) funcOf(fun ast.Expr) *types.Func {
	r := f.values(fun)
	if r.Open || len(r.Leaves) == 0 {
		return nil
	}
	var out *types.Func
	for _, l := range r.Leaves {
		sf, ok := l.Value.(*ssa.Function)
		if !ok {
			return nil
		}
		fn, ok := sf.Object().(*types.Func)
		if !ok || out != nil && fn != out {
			return nil
		}
		out = fn
	}
	return out
}

// receiver returns the receiver expression of a method call: x of x.M(…),
// or of the method value x.M every value that reaches a function variable
// holds (derive := base.Copy; derive(cfg)). It is nil when there is none
// or when several receivers may reach the call.
func (f *Flow) receiver(call *ast.CallExpr) ast.Expr {
	fun := ast.Unparen(call.Fun)
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		if s, ok := f.info.Selections[sel]; ok && s.Kind() == types.MethodVal {
			return sel.X
		}
	}
	r := f.values(fun)
	if r.Open || len(r.Leaves) == 0 {
		return nil
	}
	var out ast.Expr
	for _, l := range r.Leaves {
		sel, ok := ast.Unparen(l.Expr).(*ast.SelectorExpr)
		if !ok || out != nil && sel.X != out {
			return nil
		}
		if s, ok := f.info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
			return nil
		}
		out = sel.X
	}
	return out
}

// ssaSession evaluates a session expression through the constructions
// that reach it; ok is false when some value that reaches it is not a
// construction the evaluation understands, or when every construction
// that reaches it is the same verdict as an opaque session would be.
func (f *Flow) ssaSession(e ast.Expr, depth int) (sess, bool) {
	if depth > maxDepth/2 {
		return sess{}, false
	}
	r := f.values(e)
	if r.Open || len(r.Leaves) == 0 {
		return sess{}, false
	}
	var alts []sess
	for _, l := range r.Leaves {
		call, ok := ast.Unparen(exprOr(l)).(*ast.CallExpr)
		if !ok || call == e {
			return sess{}, false
		}
		s := f.evalSession(call, depth+1)
		if s.conf.opaque && s.fix == nil && s.built == nil {
			return sess{}, false
		}
		alts = append(alts, s)
	}
	return combine(alts), true
}

// ssaConfig evaluates a config expression the same way.
func (f *Flow) ssaConfig(e ast.Expr, depth int) (conf, bool) {
	if depth > maxDepth/2 {
		return conf{}, false
	}
	r := f.values(e)
	if r.Open || len(r.Leaves) == 0 {
		return conf{}, false
	}
	var alts []conf
	for _, l := range r.Leaves {
		x := exprOr(l)
		if x == nil || x == e {
			return conf{}, false
		}
		c, ok := f.evalConfig(x, depth+1)
		if !ok {
			return conf{}, false
		}
		alts = append(alts, c)
	}
	main := alts[0]
	for _, c := range alts[1:] {
		if main.safe() && !c.safe() {
			main = c
		}
	}
	return main, true
}

// exprOr is the source expression of a leaf.
func exprOr(l reaching.Leaf) ast.Expr { return l.Expr }

// combine merges the sessions that may reach one use: the verdict is the
// worst one, with a regional one as the other path when they differ.
func combine(alts []sess) sess {
	main := -1
	other := -1
	for i, a := range alts {
		if !a.conf.safe() {
			if main < 0 {
				main = i
			}
		} else if other < 0 {
			other = i
		}
	}
	if main < 0 {
		s := alts[0]
		if len(alts) > 1 {
			s.fix = nil
		}
		return s
	}
	s := alts[main]
	if other >= 0 {
		o := alts[other]
		s.other, s.mainWhen, s.otherWhen = &o, "on some paths", "on other paths"
	} else if len(alts) > 1 {
		s.fix = nil
	}
	return s
}

// spreadConfigs evaluates the configs a spread list (cfgs...) holds: the
// elements every caller passes, merged. ok is false when some element
// cannot be followed.
func (f *Flow) spreadConfigs(list ast.Expr, depth int) (conf, bool) {
	r := f.graph.Elements(list)
	if r.Open || depth > maxDepth/2 {
		return conf{}, false
	}
	var c conf
	for _, l := range r.Leaves {
		if l.Test && !f.inTest(list) {
			continue
		}
		if l.Expr == nil {
			return conf{}, false
		}
		cc, ok := f.evalConfig(l.Expr, depth+1)
		if !ok {
			return conf{}, false
		}
		c.merge(cc)
	}
	return c, true
}

// mentionsAWS reports whether the function type t takes or returns a
// value of an AWS SDK type: only such a function variable can hold an SDK
// constructor.
func mentionsAWS(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	if !ok {
		return false
	}
	for _, tup := range []*types.Tuple{sig.Params(), sig.Results()} {
		for i := range tup.Len() {
			if awsType(tup.At(i).Type(), 0) {
				return true
			}
		}
	}
	return false
}

// awsType reports whether t is, or points to or holds, a named type of
// an AWS SDK package.
func awsType(t types.Type, depth int) bool {
	if depth > 4 {
		return false
	}
	switch x := types.Unalias(t).(type) {
	case *types.Named:
		return x.Obj().Pkg() != nil && sdk.IsAWSPath(sdk.Path(x.Obj().Pkg()))
	case *types.Pointer:
		return awsType(x.Elem(), depth+1)
	case *types.Slice:
		return awsType(x.Elem(), depth+1)
	case *types.Signature:
		return mentionsAWS(x)
	}
	return false
}
