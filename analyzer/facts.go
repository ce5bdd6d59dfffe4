package analyzer

// Facts carry what a function returns (or a package-level variable holds)
// across function and package boundaries, so a session built by a helper is
// judged by how the helper built it.

import (
	"go/ast"
	"go/types"
	"strconv"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// confFact summarises the aws-sdk-go v1 session or *aws.Config that a
// function returns or a package-level variable holds. It is deliberately
// small: a few flags and at most one Region name.
type confFact struct {
	Mode        uint8  // stsMode
	Region      string // the Region when RegionKnown
	RegionSet   bool
	RegionKnown bool
	Endpoint    bool
	Variant     bool
	Opaque      bool
	HonoursEnv  bool
}

// AFact marks confFact as an analysis fact.
func (*confFact) AFact() {}

// String renders the fact for analysistest expectations and -debug=f,
// e.g. `sts:unset region="eu-west-1" env`.
func (f *confFact) String() string {
	s := "sts:" + [...]string{"unset", "legacy", "regional", "dynamic"}[f.Mode%4]
	switch {
	case f.RegionKnown:
		s += " region=" + strconv.Quote(f.Region)
	case f.RegionSet:
		s += " region=?"
	}
	for _, flag := range []struct {
		on   bool
		name string
	}{{f.Endpoint, "endpoint"}, {f.Variant, "variant"}, {f.Opaque, "opaque"}, {f.HonoursEnv, "env"}} {
		if flag.on {
			s += " " + flag.name
		}
	}
	return s
}

func factOf(s v1Sess) *confFact {
	f := &confFact{
		Mode:       uint8(s.conf.mode),
		Endpoint:   s.conf.endpoint,
		Variant:    s.conf.variant,
		Opaque:     s.conf.opaque,
		HonoursEnv: s.honoursEnv,
	}
	if r := s.conf.region; r != nil {
		f.RegionSet, f.RegionKnown, f.Region = true, r.known, r.value
	}
	return f
}

func (f *confFact) sess(origin string) v1Sess {
	s := v1Sess{
		conf: v1Conf{
			mode:     stsMode(f.Mode),
			endpoint: f.Endpoint,
			variant:  f.Variant,
			opaque:   f.Opaque,
		},
		honoursEnv: f.HonoursEnv,
		origin:     origin,
	}
	if f.RegionSet {
		s.conf.region = &regionVal{value: f.Region, known: f.RegionKnown}
	}
	return s
}

// confKind tells whether t is a v1 session or config type worth a fact.
func confKind(t types.Type) (session, config bool) {
	return sdk.IsNamed(t, sdk.V1Session, "Session"), sdk.IsNamed(t, sdk.V1AWS, "Config")
}

// funcFact returns the fact for what fn returns, computing it for functions
// of this package (memoised, cycle-safe) and importing it for others.
func (c *checker) funcFact(fn *types.Func, depth int) (*confFact, bool) {
	if fn.Pkg() != c.pass.Pkg {
		var f confFact
		if c.pass.ImportObjectFact(fn, &f) {
			return &f, true
		}
		return nil, false
	}
	if f, ok := c.facts[fn]; ok {
		return f, f != nil
	}
	decl := c.decls[fn]
	if decl == nil || decl.Body == nil || depth > maxDepth {
		return nil, false
	}
	sig := fn.Signature()
	if sig.Results().Len() == 0 {
		return nil, false
	}
	isSess, isConf := confKind(sig.Results().At(0).Type())
	if !isSess && !isConf {
		return nil, false
	}
	c.facts[fn] = nil // in progress: recursion sees no fact
	var (
		result v1Sess
		seen   bool
		bad    bool
	)
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are not fn's
		case *ast.ReturnStmt:
			if len(n.Results) == 0 {
				bad = true // bare return of named results
				return false
			}
			e := n.Results[0]
			if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.IsNil() {
				return false // error paths returning nil
			}
			var s v1Sess
			if isSess {
				s = c.evalSession(e, depth+1)
			} else {
				conf, _ := c.evalConfig(e, depth+1)
				s = v1Sess{conf: conf}
			}
			// Keep the weakest of several returns.
			if !seen || s.conf.mode != modeRegional {
				result = s
			}
			seen = true
		}
		return true
	})
	if !seen || bad {
		return nil, false
	}
	f := factOf(result)
	c.facts[fn] = f
	return f, true
}

// varFact returns the fact for a package-level variable of another package.
func (c *checker) varFact(v *types.Var) (*confFact, bool) {
	if v.Pkg() == c.pass.Pkg || v.Parent() != v.Pkg().Scope() {
		return nil, false
	}
	var f confFact
	if c.pass.ImportObjectFact(v, &f) {
		return &f, true
	}
	return nil, false
}

// exportFacts records facts for this package's functions that return a v1
// session or config, and for its package-level session/config variables.
func (c *checker) exportFacts() {
	// Only exported objects can be used from other packages; uses inside
	// this package are evaluated directly.
	for _, fn := range c.declOrder {
		if !fn.Exported() {
			continue
		}
		if f, ok := c.funcFact(fn, 0); ok {
			c.pass.ExportObjectFact(fn, f)
		}
	}
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || !v.Exported() {
			continue
		}
		isSess, isConf := confKind(v.Type())
		if !isSess && !isConf || len(c.defs[v]) == 0 {
			continue
		}
		var s v1Sess
		if isSess {
			s = c.evalSessionVar(v, 0)
		} else {
			conf, _ := c.evalConfigVar(v, 0)
			s = v1Sess{conf: conf}
		}
		c.pass.ExportObjectFact(v, factOf(s))
	}
}
