package flow

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// The parts of a Flow. Each part holds the state only its own methods use
// and reaches the rest of the package's index through its Flow (field f):
// one type per question, none of them past about 40 methods. New makes them.

// Env answers questions about the process environment: which AWS_* variables are set, by which
// code, and whether that runs before a given SDK call (package initialisation order included).
type Env struct {
	f *Flow
	// linksV1, envInit and touched memoise LinksV1, initEnv and
	// envTouched.
	linksV1 *bool
	envInit map[envInitKey]envInitVal
	touched map[string]bool
}

// Resolvers evaluates custom endpoint resolvers (v1 functions and resolver facts, v2 resolvers):
// which host a resolver returns for which Regions.
type Resolvers struct {
	f *Flow
}

// Values answers what values reach an expression: constant strings, URLs and the package's
// reaching queries, on SSA or the def-use index.
type Values struct {
	f *Flow
	// vals is the state of the package's value queries.
	vals *valueState
}

// pathFinder answers per-path questions over the syntax: which branches dominate a statement,
// goto targets, and whether a path reaches a call before another.
type pathFinder struct {
	f *Flow
	// gotos maps each label to the goto statements that jump to it.
	gotos map[*types.Label][]token.Pos
}

// ssaEval evaluates sessions and configs on the package's SSA form: phis, closures, field
// stores and the caller-by-caller split of a parameter.
type ssaEval struct {
	f *Flow
	// lparens holds the Lparen of every call of the package, built on
	// first use: a split's entry at one is a caller's argument.
	lparens map[token.Pos]bool
	// ctx is the calling context of the evaluation (innermost last): the
	// calls of the package's helpers whose returns are being evaluated
	// for one call site, so that the helper's parameters are that call's
	// arguments (reaching.Graph.ValuesIn).
	ctx []ssa.CallInstruction
}

// Sessions evaluates v1 sessions and configs: the settings each carries on each path, the
// clients and credential providers built from them, legacy Regions and explicit choices.
type Sessions struct {
	f    *Flow
	opts Options
	// legacy maps each explicit legacy setting to the Regions of the
	// clients it reaches.
	legacy  map[ast.Expr][]*Region
	clients []Client
	cDone   bool
}

// Routes decides where requests go: the STS routes of v1 clients and v2 configs, and the v2
// clients of the package.
type Routes struct {
	f *Flow
	// toSTS memoises which parameters of a function reach sts.NewFromConfig.
	toSTS map[*types.Func][]int
	// v2bases memoises v2BaseOf: STS006's Region sinks, its aws-global
	// Regions and the inventory all ask it for every client.
	v2bases map[v2baseKey]ast.Expr
	// v2confs memoises v2Config outside calling contexts.
	v2confs map[ast.Expr]v2conf
	// v2splits memoises v2ByCaller: STS006's Regions and the Region
	// sinks ask it for the same clients.
	v2splits map[v2baseKey]v2split
	// v2clients memoises V2Clients.
	v2clients *[]V2Client
}

// Facts computes and exports the package's facts: what exported functions return, which
// parameters reach an STS constructor, and the wrappers that build clients.
type Facts struct {
	f *Flow
	// facts memoises what this package's functions return.
	facts map[*types.Func]*SessionFact
	// consts and stores memoise valueConsts and storeIndex.
	consts *constKinds
	stores *storeIndex
}
