package reaching

// Interface calls inside the package: a call through an interface whose
// receiver is, on every route, a value of a concrete type with a method of
// this package is a call of those methods (var src configSource =
// staticSource{…}; src.AWSConfig()). The walk enters them as it enters a
// static callee, and the receiver parameter is the interface's dynamic
// value at that call.

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// invokees returns the methods of this package an interface call can run,
// by the dynamic types of the values that reach its receiver, or nil when
// one of them is not known or has no body here.
func (g *Graph) invokees(c *ssa.CallCommon) []*ssa.Function {
	if !c.IsInvoke() {
		return nil
	}
	r := g.ValuesOf(c.Value)
	if r.Open || len(r.Leaves) == 0 {
		return nil
	}
	var out []*ssa.Function
	for _, l := range r.Leaves {
		t := l.Value.Type()
		if types.IsInterface(t) {
			return nil // a receiver from elsewhere: any type
		}
		sel := g.ssa.Prog.MethodSets.MethodSet(t).Lookup(c.Method.Pkg(), c.Method.Name())
		if sel == nil {
			return nil
		}
		fn := g.ssa.Prog.MethodValue(sel)
		if fn == nil || fn.Pkg != g.ssa || fn.Blocks == nil {
			return nil
		}
		dup := false
		for _, o := range out {
			dup = dup || o == fn
		}
		if !dup {
			out = append(out, fn)
		}
	}
	return out
}

// enters reports whether the call site, entered for a result, runs fn:
// a static call of fn, or an interface call one of whose methods is fn.
func (g *Graph) enters(site ssa.CallInstruction, fn *ssa.Function) bool {
	if g.callee(site.Common()) == fn {
		return true
	}
	for _, m := range g.invokees(site.Common()) {
		if m == fn {
			return true
		}
	}
	return false
}
