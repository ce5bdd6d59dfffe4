package flow

// The process environment: os.Setenv (and testing Setenv) calls that set
// AWS_STS_REGIONAL_ENDPOINTS. aws-sdk-go v1 reads it when a session is
// built (aws/session/session.go: NewSession and NewSessionWithOptions call
// loadEnvConfig, and mergeConfigSrcs prefers the code's setting, then the
// environment's, then shared config's, then legacy), so a Setenv counts
// only where it runs before the session is built: in an init function, in
// main.main before the call that builds the session, or earlier in the
// same function. session.New reads it only with AWS_SDK_LOAD_CONFIG set
// (session.go, New), so it gets no credit. A package that also sets
// "legacy" gets none either: which one runs last is not known.

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// envInfo records the package's Setenv calls of AWS_STS_REGIONAL_ENDPOINTS.
type envInfo struct {
	legacy   bool               // some call sets "legacy"
	regional []inspector.Cursor // the calls setting "regional"
	all      []envSet           // every call with a constant value, in source order
}

type envSet struct {
	cur      inspector.Cursor
	regional bool
}

// Setenv returns the constant key and value of an os.Setenv (or testing
// Setenv) call.
func (f *Flow) Setenv(call *ast.CallExpr) (key, val string, ok bool) {
	if len(call.Args) != 2 {
		return "", "", false
	}
	if _, e := f.Lookup(call); e.Role != sdk.EnvSetter {
		return "", "", false
	}
	key, ok1 := f.ConstString(call.Args[0])
	val, ok2 := f.ConstString(call.Args[1])
	return key, val, ok1 && ok2
}

func (f *Flow) envScan() *envInfo {
	if f.env != nil {
		return f.env
	}
	f.env = &envInfo{}
	for _, cur := range f.calls {
		key, val, ok := f.Setenv(cur.Node().(*ast.CallExpr))
		if !ok || key != sdk.EnvSTSRegional {
			continue
		}
		switch {
		case strings.EqualFold(val, "legacy"):
			f.env.legacy = true
			f.env.all = append(f.env.all, envSet{cur, false})
		case strings.EqualFold(val, "regional"):
			f.env.regional = append(f.env.regional, cur)
			f.env.all = append(f.env.all, envSet{cur, true})
		}
	}
	return f.env
}

// envMode tells what the package's Setenv calls make of session s:
// regional when AWS_STS_REGIONAL_ENDPOINTS=regional is set before s reads
// the environment, legacy when the last setting before it, in the same
// function, is "legacy". A session built where the analysis cannot see (a
// parameter, a helper of another package) is covered only by an init
// function, which runs before any code of the package.
func (f *Flow) envMode(s sess) (regional, legacy bool) {
	env := f.envScan()
	if len(env.all) == 0 || !s.honoursEnv && !s.conf.opaque {
		return false, false
	}
	// Earlier in the same function, on every path to the session: the last
	// such setting wins, whatever other functions set.
	if s.built != nil && s.honoursEnv {
		pos := s.built.Pos()
		var last *envSet
		for i, set := range env.all {
			if f.dominates(set.cur, set.cur.Node().End(), pos) {
				last = &env.all[i]
			}
		}
		if last != nil {
			return last.regional, !last.regional
		}
	}
	if env.legacy {
		return false, false // which setting runs last is not known
	}
	for _, set := range env.regional {
		fn := enclosingDecl(set)
		if fn != nil && fn.Recv == nil && fn.Name.Name == "init" {
			return true, false
		}
		// main.main, before a call of the function that builds the session.
		if s.built != nil && s.honoursEnv && fn != nil && fn.Recv == nil && fn.Name.Name == "main" &&
			f.pass.Pkg.Name() == "main" && f.callsBuilderAfter(fn, set, s.built.Pos()) {
			return true, false
		}
	}
	return false, false
}

// enclosingDecl returns the function declaration around cur, or nil.
func enclosingDecl(cur inspector.Cursor) *ast.FuncDecl {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return c.Node().(*ast.FuncDecl)
	}
	return nil
}

// callsBuilderAfter reports whether main, after the Setenv at set and on
// every path from it, calls the function of this package whose body holds
// pos (the session's construction).
func (f *Flow) callsBuilderAfter(main *ast.FuncDecl, set inspector.Cursor, pos token.Pos) bool {
	var builder *ast.FuncDecl
	for _, n := range f.funcs {
		if d, ok := n.(*ast.FuncDecl); ok && d.Pos() <= pos && pos < d.End() {
			builder = d
		}
	}
	if builder == nil {
		return false
	}
	for _, cur := range f.calls {
		call := cur.Node().(*ast.CallExpr)
		if call.Pos() < set.Node().End() || call.Pos() >= main.End() {
			continue
		}
		fn := f.Callee(call)
		if fn == nil || f.decls[fn] != builder {
			continue
		}
		if f.dominates(set, set.Node().End(), call.Pos()) {
			return true
		}
	}
	return false
}

// LinksV1 reports whether the package depends, directly or transitively,
// on aws-sdk-go v1, the only SDK that reads AWS_STS_REGIONAL_ENDPOINTS
// (aws/session/env_config.go; no module of aws-sdk-go-v2 mentions it).
func (f *Flow) LinksV1() bool {
	if f.linksV1 == nil {
		seen := map[*types.Package]bool{}
		var visit func(p *types.Package) bool
		visit = func(p *types.Package) bool {
			if seen[p] {
				return false
			}
			seen[p] = true
			if sdk.IsV1Path(sdk.Path(p)) {
				return true
			}
			for _, imp := range p.Imports() {
				if visit(imp) {
					return true
				}
			}
			return false
		}
		links := visit(f.pass.Pkg)
		f.linksV1 = &links
	}
	return *f.linksV1
}

// Overwritten reports whether the Setenv call at cur is followed, in the
// same statement list and before any other call could read the
// environment, by another Setenv of the same constant key: its value is
// never seen.
func (f *Flow) Overwritten(cur inspector.Cursor) bool {
	call := cur.Node().(*ast.CallExpr)
	key, _, ok := f.Setenv(call)
	if !ok {
		return false
	}
	list, _ := container(cur)
	for i, c := range f.calls {
		if c.Node() != call {
			continue
		}
		for _, next := range f.calls[i+1:] {
			n := next.Node().(*ast.CallExpr)
			if n.Pos() < call.End() {
				continue // inside the call's own arguments
			}
			if k, _, ok := f.Setenv(n); ok && k == key {
				l, _ := container(next)
				return l == list
			}
			if _, e := f.Lookup(n); e.Role == sdk.PtrHelper || e.Role == sdk.Sprintf {
				continue // cannot read the environment
			}
			return false
		}
	}
	return false
}
