package flow

// The process environment through calls, as summaries over the package's
// SSA form (reaching.StatesAt): which value an environment variable may
// hold when a session reads it. The effects are the SDK table's setters
// (os.Setenv, t.Setenv, os.Unsetenv), the package's own functions
// (transitively, deferred calls included), and the initialisation of
// imported packages, which each package records as an EnvFact.

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"github.com/stsregional/stsregional/analyzer/internal/reaching"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// The states besides a variable's value.
const (
	envUnset   = "\x00unset"   // removed by the program
	envUnknown = "\x00unknown" // set to a value the analysis does not know
)

// envKeys are the variables whose state the analysis follows.
var envKeys = []string{sdk.EnvSTSRegional, sdk.EnvLoadConfig}

// EnvFact records what a package's initialisation (its imports, variables
// and init functions) leaves in the environment variables that select STS
// endpoints, for the packages that import it: the init of an imported
// package runs before any of the importer's code.
type EnvFact struct {
	// Vars maps a variable to its value after initialisation, or to
	// envUnset or envUnknown.
	Vars map[string]string
}

// AFact marks EnvFact as an analysis fact.
func (*EnvFact) AFact() {}

// String renders the fact for analysistest expectations.
func (f *EnvFact) String() string {
	var parts []string
	for _, k := range envKeys {
		v, ok := f.Vars[k]
		switch {
		case !ok:
			continue
		case v == envUnset:
			v = "(unset)"
		case v == envUnknown:
			v = "?"
		}
		parts = append(parts, k+"="+v)
	}
	return "env:" + strings.Join(parts, ",")
}

// envEffects returns how calls change the variable key.
func (en *Env) envEffects(key string) reaching.Effects {
	return reaching.Effects{
		Key: key,
		Set: func(fn *types.Func, args []reaching.Arg) (string, bool) {
			e := en.entry(fn)
			switch e.Role {
			case sdk.EnvSetter:
				if len(args) != 2 || !args[0].Known || args[0].Value != key {
					return "", false
				}
				if !args[1].Known {
					return envUnknown, true
				}
				return args[1].Value, true
			case sdk.EnvUnsetter:
				if e.Arg < 0 || len(args) == 1 && args[0].Known && args[0].Value == key {
					return envUnset, true
				}
			}
			return "", false
		},
		Init: func(pkg *types.Package) (string, bool) {
			return en.initEnv(pkg, key, map[*types.Package]bool{})
		},
		Runs: func(fn *types.Func) (int, bool) {
			e := en.entry(fn)
			return e.Arg, e.Role == sdk.RunsFunc
		},
	}
}

// initEnv returns what the initialisation of the imported package pkg
// leaves in key: its fact, or for a package the analyzer skipped (one
// that mentions neither the SDK nor the variable), what its own imports'
// initialisation leaves, the last one in import order winning.
func (en *Env) initEnv(pkg *types.Package, key string, seen map[*types.Package]bool) (string, bool) {
	if seen[pkg] {
		return "", false
	}
	seen[pkg] = true
	mk := envInitKey{pkg, key}
	if r, ok := en.envInit[mk]; ok {
		return r.val, r.set
	}
	val, set := en.initEnvUncached(pkg, key, seen)
	if en.envInit == nil {
		en.envInit = map[envInitKey]envInitVal{}
	}
	en.envInit[mk] = envInitVal{val, set}
	return val, set
}

type envInitKey struct {
	pkg *types.Package
	key string
}

type envInitVal struct {
	val string
	set bool
}

func (en *Env) initEnvUncached(pkg *types.Package, key string, seen map[*types.Package]bool) (string, bool) {
	var fact EnvFact
	if en.f.pass.ImportPackageFact(pkg, &fact) {
		v, ok := fact.Vars[key]
		return v, ok
	}
	if sdk.IsAWSPath(sdk.Path(pkg)) {
		return "", false // the SDKs set no variable in their init
	}
	val, set := "", false
	for _, imp := range pkg.Imports() {
		if v, ok := en.initEnv(imp, key, seen); ok {
			val, set = v, true
		}
	}
	return val, set
}

// entry returns the SDK table entry of fn, once per package.
func (en *Env) entry(fn *types.Func) sdk.Entry {
	e, ok := en.f.entries[fn]
	if !ok {
		e = sdk.Lookup(fn)
		en.f.entries[fn] = e
	}
	return e
}

// envAt returns the values the variable key may hold when call runs; ok
// is false when the call is not in the package's SSA form.
func (en *Env) envAt(call ast.Node, key string) ([]string, bool) {
	c, isCall := call.(*ast.CallExpr)
	if !isCall {
		return nil, false
	}
	return en.statesAt(c, en.envEffects(key))
}

// statesAt and statesAfterInit are reaching's StatesAt and
// StatesAfterInit, answered without building SSA when nothing can change
// the variable (envTouched): it then holds its initial value everywhere.
func (en *Env) statesAt(call *ast.CallExpr, fx reaching.Effects) ([]string, bool) {
	if !en.envTouched(fx.Key) {
		return []string{reaching.Initial}, true
	}
	return en.f.graph.StatesAt(call, fx)
}

func (en *Env) statesAfterInit(fx reaching.Effects) []string {
	if !en.envTouched(fx.Key) {
		return []string{reaching.Initial}
	}
	return en.f.graph.StatesAfterInit(fx)
}

// envTouched reports whether something may set or unset the variable key
// before this package's code reads it: a setter or unsetter of the SDK
// table used anywhere in the package (called, or taken as a value), or
// the initialisation of an imported package (its EnvFact). Keys past a
// NUL (a local variant of the walk) are the same variable.
func (en *Env) envTouched(key string) bool {
	key, _, _ = strings.Cut(key, "\x00")
	if t, ok := en.touched[key]; ok {
		return t
	}
	t := false
	for _, obj := range en.f.info.Uses {
		if fn, ok := obj.(*types.Func); ok {
			if r := en.entry(fn).Role; r == sdk.EnvSetter || r == sdk.EnvUnsetter {
				t = true
				break
			}
		}
	}
	for _, imp := range en.f.pass.Pkg.Imports() {
		if t {
			break
		}
		_, t = en.initEnv(imp, key, map[*types.Package]bool{})
	}
	if en.touched == nil {
		en.touched = map[string]bool{}
	}
	en.touched[key] = t
	return t
}

// ExportEnvFact records what the package's initialisation leaves in the
// variables, when it changes one.
func (en *Env) ExportEnvFact() {
	fact := &EnvFact{Vars: map[string]string{}}
	for _, k := range envKeys {
		states := en.statesAfterInit(en.envEffects(k))
		switch {
		case len(states) == 1 && states[0] == reaching.Initial:
			continue
		case len(states) == 1:
			fact.Vars[k] = states[0]
		default:
			fact.Vars[k] = envUnknown
		}
	}
	if len(fact.Vars) > 0 {
		en.f.pass.ExportPackageFact(fact)
	}
}

// allFold reports whether every state is val, in any case.
func allFold(states []string, val string) bool {
	for _, s := range states {
		if !strings.EqualFold(s, val) {
			return false
		}
	}
	return len(states) > 0
}

// allTrue reports whether every state is a value strconv.ParseBool takes
// as true, as the SDK parses AWS_SDK_LOAD_CONFIG.
func allTrue(states []string) bool {
	for _, s := range states {
		if b, err := strconv.ParseBool(s); err != nil || !b {
			return false
		}
	}
	return len(states) > 0
}
