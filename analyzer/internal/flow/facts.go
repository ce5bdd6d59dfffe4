package flow

// Facts carry what a function returns (or a package-level variable holds)
// across function and package boundaries, so a session built by a helper is
// judged by how the helper built it.

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// SessionFact summarises the aws-sdk-go v1 session or *aws.Config that a
// function returns or a package-level variable holds. It is deliberately
// small: a few flags and at most one Region name.
type SessionFact struct {
	Mode        uint8 // stsMode
	Region      string
	RegionSet   bool
	RegionKnown bool
	Endpoint    bool
	Variant     bool
	Opaque      bool
	HonoursEnv  bool
}

// AFact marks SessionFact as an analysis fact.
func (*SessionFact) AFact() {}

// String renders the fact for analysistest expectations and -debug=f,
// e.g. `sts:unset region="eu-west-1" env`.
func (f *SessionFact) String() string {
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

func factOf(s sess) *SessionFact {
	s.conf = s.conf.settled()
	f := &SessionFact{
		Mode:       uint8(s.conf.mode),
		Endpoint:   s.conf.endpoint,
		Variant:    s.conf.variant,
		Opaque:     s.conf.opaque,
		HonoursEnv: s.honoursEnv,
	}
	if r := s.conf.region; r != nil {
		f.RegionSet, f.RegionKnown, f.Region = true, r.Known, r.Value
	}
	return f
}

func (f *SessionFact) sess(origin Opaque) sess {
	s := sess{
		conf: conf{
			mode:     stsMode(f.Mode),
			endpoint: f.Endpoint,
			variant:  f.Variant,
			opaque:   f.Opaque,
		},
		honoursEnv: f.HonoursEnv,
		origin:     origin,
	}
	if f.RegionSet {
		s.conf.region = &Region{Value: f.Region, Known: f.RegionKnown}
	}
	return s
}

// confKind tells whether t is a v1 session or config type worth a fact.
func confKind(t types.Type) (session, config bool) {
	return sdk.IsNamed(t, sdk.V1Session, "Session"), sdk.IsNamed(t, sdk.V1AWS, "Config")
}

// funcFact returns the fact for what fn returns, computing it for functions
// of this package (memoised, cycle-safe) and importing it for others.
func (fs *Facts) funcFact(fn *types.Func, depth int) (*SessionFact, bool) {
	if fn.Pkg() != fs.f.pass.Pkg {
		var fact SessionFact
		if fs.f.pass.ImportObjectFact(fn, &fact) {
			return &fact, true
		}
		return nil, false
	}
	if fact, ok := fs.facts[fn]; ok {
		return fact, fact != nil
	}
	decl, isSess, ok := fs.helper(fn, depth)
	if !ok {
		return nil, false
	}
	fs.facts[fn] = nil // in progress: recursion sees no fact
	// A function's fact is the same for every caller: no split narrows
	// what reaches its returns.
	saved := fs.f.split
	fs.f.split = nil
	defer func() { fs.f.split = saved }()
	result, ok := fs.returns(decl, isSess, depth)
	if !ok {
		return nil, false
	}
	fact := factOf(result)
	fs.facts[fn] = fact
	return fact, true
}

// varFact returns the fact for a package-level variable of another package.
func (fs *Facts) varFact(v *types.Var) (*SessionFact, bool) {
	if v.Pkg() == fs.f.pass.Pkg || v.Parent() != v.Pkg().Scope() {
		return nil, false
	}
	var fact SessionFact
	if fs.f.pass.ImportObjectFact(v, &fact) {
		return &fact, true
	}
	return nil, false
}

// ExportFacts records facts for this package's exported functions that
// return a v1 session or config, and for its exported package-level
// session and config variables. Uses inside the package are evaluated
// directly.
func (fs *Facts) ExportFacts() {
	for _, fn := range fs.f.declOrder {
		if !fn.Exported() {
			continue
		}
		if fact, ok := fs.funcFact(fn, 0); ok {
			fs.f.pass.ExportObjectFact(fn, fact)
		}
	}
	scope := fs.f.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || !v.Exported() {
			continue
		}
		isSess, isConf := confKind(v.Type())
		if !isSess && !isConf || len(fs.f.defs[v]) == 0 {
			continue
		}
		var s sess
		if isSess {
			s = fs.f.Sessions.evalSessionVar(v, token.NoPos, 0)
		} else {
			c, _ := fs.f.Sessions.evalConfigVar(v, token.NoPos, 0)
			s = sess{conf: c}
		}
		fs.f.pass.ExportObjectFact(v, factOf(s))
	}
}

// returns evaluates the returns of the function decl (a session when
// isSess, else a config): the weakest of them.
func (fs *Facts) returns(decl *ast.FuncDecl, isSess bool, depth int) (sess, bool) {
	var (
		result sess
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
			if tv, ok := fs.f.info.Types[e]; ok && tv.IsNil() {
				return false // error paths returning nil
			}
			var s sess
			if isSess {
				s = fs.f.Sessions.evalSession(e, depth+1)
			} else {
				c, _ := fs.f.Sessions.evalConfig(e, depth+1)
				s = sess{conf: c}
			}
			// Keep the weakest of several returns.
			if !seen || s.conf.mode != modeRegional {
				result = s
			}
			seen = true
		}
		return true
	})
	return result, seen && !bad
}

// callFact is funcFact for one call of a function of the package: its
// returns evaluated with its parameters bound to this call's arguments
// (ssaEval.inCall), so that a helper whose result depends on its caller
// (a value receiver's field) is judged per call. ok is false where the
// function has no declaration in the package (decls holds only its
// own), or the call is not in the SSA form.
func (fs *Facts) callFact(call *ast.CallExpr, fn *types.Func, depth int) (*SessionFact, bool) {
	decl, isSess, ok := fs.helper(fn, depth)
	if !ok {
		return nil, false
	}
	if fact, done := fs.facts[fn]; done && fact == nil {
		return nil, false // recursion
	}
	var result sess
	if !fs.f.eval.inCall(call, func() { result, ok = fs.returns(decl, isSess, depth) }) || !ok {
		return nil, false
	}
	return factOf(result), true
}

// helper returns the declaration of fn, a function of the package whose
// first result is a v1 session (isSess) or config: one whose returns the
// evaluation can read.
func (fs *Facts) helper(fn *types.Func, depth int) (decl *ast.FuncDecl, isSess, ok bool) {
	decl = fs.f.decls[fn]
	if decl == nil || decl.Body == nil || depth > maxDepth {
		return nil, false, false
	}
	sig := fn.Signature()
	if sig.Results().Len() == 0 {
		return nil, false, false
	}
	isSess, isConf := confKind(sig.Results().At(0).Type())
	return decl, isSess, isSess || isConf
}
