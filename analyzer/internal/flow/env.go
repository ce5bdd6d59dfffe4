package flow

// The process environment: os.Setenv (and testing Setenv) calls that set
// AWS_STS_REGIONAL_ENDPOINTS. aws-sdk-go v1 reads it when a session is
// built (aws/session/session.go: NewSession and NewSessionWithOptions call
// loadEnvConfig, and mergeConfigSrcs prefers the code's setting, then the
// environment's, then shared config's, then legacy), so a Setenv counts
// only where it runs before the session is built. What runs before is a
// summary over SSA (envstate.go, reaching/state.go): the calls before the
// construction in its function, the package's functions they call
// (transitively, deferred calls when they return), the callers of a
// function whose callers are all visible, and the initialisation of the
// package and of its imports. session.New reads the variable only with
// AWS_SDK_LOAD_CONFIG true (session.go, New).

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// Setenv returns the constant key and value of an os.Setenv (or testing
// Setenv) call.
func (en *Env) Setenv(call *ast.CallExpr) (key, val string, ok bool) {
	if len(call.Args) != 2 {
		return "", "", false
	}
	if _, e := en.f.Lookup(call); e.Role != sdk.EnvSetter {
		return "", "", false
	}
	key, ok1 := en.f.Values.ConstString(call.Args[0])
	val, ok2 := en.f.Values.ConstString(call.Args[1])
	return key, val, ok1 && ok2
}

// envMode tells what the program's environment makes of session s:
// regional when AWS_STS_REGIONAL_ENDPOINTS holds "regional" on every path
// to the call that builds s, legacy when it holds "legacy" on every path
// (envstate.go: the calls before it, through the package's functions and
// the initialisation of the package and its imports). A session built
// where the analysis cannot see (a parameter, a helper of another
// package) is judged by what the package's initialisation leaves; one
// held by a package variable of an imported package was built while that
// package was initialised, before any of this package's code ran, and
// its fact already says what it read.
func (en *Env) envMode(s sess) (regional, legacy bool) {
	var states []string
	built := s.built
	if built == nil {
		built = s.readEnv
	}
	switch {
	case s.initBuilt:
		return false, false
	case built != nil:
		if !s.honoursEnv && !en.envSwitched(built) {
			return false, false
		}
		var ok bool
		if states, ok = en.envAt(built, sdk.EnvSTSRegional); !ok {
			states = en.statesAfterInit(en.envEffects(sdk.EnvSTSRegional))
		}
	case s.honoursEnv || s.conf.opaque:
		states = en.statesAfterInit(en.envEffects(sdk.EnvSTSRegional))
	default:
		return false, false
	}
	// "legacy" is an explicit setting (STS004 at the Setenv, not the
	// client) only where the function that builds the session sets it
	// itself; through calls it is the legacy default the client reports.
	legacy = false
	if call, ok := built.(*ast.CallExpr); ok && allFold(states, "legacy") {
		fx := en.envEffects(sdk.EnvSTSRegional)
		fx.Key, fx.Local = fx.Key+"\x00local", true
		local, _ := en.statesAt(call, fx)
		legacy = allFold(local, "legacy")
	}
	return allFold(states, "regional"), legacy
}

// envSwitched reports whether the session constructor call reads the
// environment because the variable its table entry names (session.New:
// AWS_SDK_LOAD_CONFIG) is true on every path to it.
func (en *Env) envSwitched(built ast.Node) bool {
	call, ok := built.(*ast.CallExpr)
	if !ok {
		return false
	}
	_, e := en.f.Lookup(call)
	if e.EnvSwitch == "" {
		return false
	}
	states, ok := en.envAt(call, e.EnvSwitch)
	return ok && allTrue(states)
}

// LinksV1 reports whether the package depends, directly or transitively,
// on aws-sdk-go v1, the only SDK that reads AWS_STS_REGIONAL_ENDPOINTS
// (aws/session/env_config.go; no module of aws-sdk-go-v2 mentions it).
func (en *Env) LinksV1() bool {
	if en.linksV1 == nil {
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
		links := visit(en.f.pass.Pkg)
		en.linksV1 = &links
	}
	return *en.linksV1
}

// Overwritten reports whether the Setenv call at cur is followed, in the
// same statement list and before any other call could read the
// environment, by another Setenv of the same constant key: its value is
// never seen.
func (en *Env) Overwritten(cur inspector.Cursor) bool {
	call := cur.Node().(*ast.CallExpr)
	key, _, ok := en.Setenv(call)
	if !ok {
		return false
	}
	list, _ := container(cur)
	for i, c := range en.f.calls {
		if c.Node() != call {
			continue
		}
		for _, next := range en.f.calls[i+1:] {
			n := next.Node().(*ast.CallExpr)
			if n.Pos() < call.End() {
				continue // inside the call's own arguments
			}
			if k, _, ok := en.Setenv(n); ok && k == key {
				l, _ := container(next)
				return l == list
			}
			if _, e := en.f.Lookup(n); e.Role == sdk.PtrHelper || e.Role == sdk.Sprintf {
				continue // cannot read the environment
			}
			return false
		}
	}
	return false
}
