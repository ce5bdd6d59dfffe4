package flow

// A v2 STS client built in a helper, judged caller by caller. Whether a
// BaseEndpoint replaces the SDK's resolution may be the caller's choice
// (`if ep != "" { cfg.BaseEndpoint = aws.String(ep) }` with ep an
// argument): merged over the callers, a guard that one caller fails and
// another passes is not provably set, and the helper's aws-global Region
// would be one finding for both. Split by caller, as v1 sessions are
// (ssa.go byCaller), each caller's run decides for its own path, and a
// Region written in the helper is reported where that caller chose it.

import (
	"go/ast"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A v2split is the answer of V2GlobalRegions and Facts.RegionSinks for
// one client, over the callers whose path keeps the SDK's resolution: the
// aws-global Regions and the Regions not constant, each where its caller
// writes it.
type v2split struct {
	global, open []ast.Expr
	ok           bool
}

// v2ByCaller splits the client built by call from its argument i by the
// callers of the function holding it, when the package sees every call of
// that function and its callers disagree on whether a BaseEndpoint
// replaces the resolution. ok is false when there is nothing to tell
// apart: the merged answer (v2Config) is then every caller's.
func (rt *Routes) v2ByCaller(call *ast.CallExpr, i int) (v2split, bool) {
	if len(rt.f.eval.ctx) > 0 {
		return v2split{}, false
	}
	k := v2baseKey{call, i}
	if sp, ok := rt.v2splits[k]; ok {
		return sp, sp.ok
	}
	sp := rt.v2Split(call, i)
	rt.v2splits[k] = sp
	return sp, sp.ok
}

// v2Split computes v2ByCaller.
func (rt *Routes) v2Split(call *ast.CallExpr, i int) v2split {
	fn := rt.f.graph.Enclosing(call.Pos())
	if fn == nil || fn.Syntax() == nil {
		return v2split{}
	}
	sites, closed := rt.f.graph.Sites(fn)
	if !closed || len(sites) < 2 || len(sites) > maxSplits {
		return v2split{}
	}
	scope := fn.Syntax()
	inside := func(e ast.Expr) bool { return scope.Pos() <= e.Pos() && e.End() <= scope.End() }
	var out v2split
	for _, site := range sites {
		at := rt.f.graph.Call(site)
		if at == nil {
			return v2split{}
		}
		rt.f.eval.runIn([]ssa.CallInstruction{site}, func() {
			if rt.v2BaseOf(call, i) != nil {
				out.ok = true // this caller's endpoint replaces the resolution
				return
			}
			conf := rt.v2Config(call.Args[i])
			// A Region the helper writes or passes on is, on this path,
			// what the caller's argument makes it.
			lift := func(dst *[]ast.Expr, e ast.Expr) {
				var at2 []ast.Expr
				if !inside(e) {
					at2 = []ast.Expr{e}
				} else {
					for _, l := range rt.f.eval.values(e).Leaves {
						x := l.Expr
						if p, ok := l.Value.(*ssa.Parameter); ok && x == nil {
							// The caller's own parameter: the
							// argument of the call that carries it,
							// so that a fact names the parameter.
							x = argHolding(rt.f, at, p)
						}
						if x != nil && !inside(x) {
							at2 = append(at2, x)
						}
					}
					if len(at2) == 0 {
						at2 = []ast.Expr{at}
					}
				}
				for _, x := range at2 {
					if !slices.Contains(*dst, x) {
						*dst = append(*dst, x)
					}
				}
			}
			for _, e := range regionsWhere(conf, v2region.isGlobal) {
				lift(&out.global, e)
			}
			for _, e := range regionsWhere(conf, v2region.isOpen) {
				lift(&out.open, e)
			}
		})
	}
	if !out.ok {
		return v2split{} // every caller leaves the resolution to the SDK
	}
	return out
}

// argHolding returns the argument of call whose value is the parameter p
// of the calling function, or nil.
func argHolding(f *Flow, call *ast.CallExpr, p *ssa.Parameter) ast.Expr {
	for _, a := range call.Args {
		if slices.Contains(f.graph.Values(a).Params, p) {
			return a
		}
	}
	return nil
}
