package flow

// Helpers of other packages that build a v1 STS client or credential
// provider from their parameters only: a WrapperFact says which parameter
// is the provider and which are configs, so the caller's arguments are
// judged at the call, as for a helper of the package itself.

import (
	"go/types"
	pathpkg "path"
	"strconv"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// WrapperFact describes an exported function that passes its parameters
// to an aws-sdk-go v1 STS constructor and adds nothing: Prov is the
// index of the provider parameter, Cfgs those of single configs, Variadic
// 1 + the index of a ...*aws.Config parameter passed on (0: none), and
// CtorPkg and CtorName the constructor (a function of an SDK package).
type WrapperFact struct {
	Prov     uint8
	Cfgs     []uint8
	Variadic uint8
	CtorPkg  string
	CtorName string
}

// AFact marks WrapperFact as an analysis fact.
func (*WrapperFact) AFact() {}

// String renders the fact for analysistest expectations and -debug=f,
// e.g. "wraps: p0 -> sts.New".
func (w *WrapperFact) String() string {
	return "wraps: p" + strconv.Itoa(int(w.Prov)) + " -> " + pathpkg.Base(w.CtorPkg) + "." + w.CtorName
}

// ExportWrapperFacts records a WrapperFact for each exported helper of
// this package that builds a client from its parameters only.
func (fs *Facts) ExportWrapperFacts() {
	fs.f.Sessions.V1Clients()
	done := map[types.Object]bool{}
	for _, w := range fs.f.wrapped {
		if !w.fn.Exported() || done[w.fn] || w.ctor.Pkg() == nil {
			continue
		}
		done[w.fn] = true
		fact := &WrapperFact{Prov: uint8(w.prov), CtorPkg: w.ctor.Pkg().Path(), CtorName: w.ctor.Name()}
		for _, i := range w.cfgs {
			fact.Cfgs = append(fact.Cfgs, uint8(i))
		}
		if w.variadic >= 0 {
			fact.Variadic = uint8(w.variadic + 1)
		}
		fs.f.pass.ExportObjectFact(w.fn, fact)
	}
}

// importedWrappers returns the wrapper another package's function fn is,
// by its WrapperFact, if the constructor it names is visible from this
// package's imports.
func (fs *Facts) importedWrappers(fn *types.Func) []*wrapper {
	var fact WrapperFact
	if !fs.f.pass.ImportObjectFact(fn.Origin(), &fact) {
		return nil
	}
	ctor := fs.lookupFunc(fact.CtorPkg, fact.CtorName)
	if ctor == nil {
		return nil
	}
	entry := sdk.Lookup(ctor)
	w := &wrapper{fn: fn, what: entry.What, ctor: ctor, prov: int(fact.Prov), variadic: int(fact.Variadic) - 1}
	for _, i := range fact.Cfgs {
		w.cfgs = append(w.cfgs, int(i))
	}
	return []*wrapper{w}
}

// lookupFunc finds the package-level function name of the package path
// among the packages this one imports, directly or not.
func (fs *Facts) lookupFunc(pkgPath, name string) *types.Func {
	seen := map[*types.Package]bool{}
	var find func(p *types.Package) *types.Func
	find = func(p *types.Package) *types.Func {
		if seen[p] {
			return nil
		}
		seen[p] = true
		if p.Path() == pkgPath {
			fn, _ := p.Scope().Lookup(name).(*types.Func)
			return fn
		}
		for _, q := range p.Imports() {
			if fn := find(q); fn != nil {
				return fn
			}
		}
		return nil
	}
	return find(fs.f.pass.Pkg)
}
