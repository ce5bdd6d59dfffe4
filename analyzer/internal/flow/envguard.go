package flow

// Paths on which the operator has chosen: a program that sets
// STSRegionalEndpoint only when AWS_STS_REGIONAL_ENDPOINTS is empty
//
//	if v := os.Getenv("AWS_STS_REGIONAL_ENDPOINTS"); len(v) == 0 {
//		cfg.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
//	}
//
// leaves the setting to the variable on the other path, and there the
// variable is set. A session that reads the environment then takes the
// operator's value (aws-sdk-go v1.55.8 aws/session/env_config.go:367 reads a
// non-empty AWS_STS_REGIONAL_ENDPOINTS; session.go:739 mergeConfigSrcs uses
// it when the code sets nothing): the endpoint on that path is the
// deployment's explicit choice, not the SDK's legacy default. A LookupEnv
// test counts too: an operator who defines the variable, even empty, chose.
// The deprecated session.New does not read the variable (session.go:408
// deprecatedNewSession) unless AWS_SDK_LOAD_CONFIG is set, so the decision
// about the session is left to decide (honoursEnv).

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// markEnvChosen flags, among the values that may reach a use (branches[i]
// nil for the base path, as for pick), those whose path runs only when
// AWS_STS_REGIONAL_ENDPOINTS is set. The base path takes none of the
// other values' branches; every other path takes its own.
func (en *Env) markEnvChosen(branches []*branch, mark func(i int)) {
	for i, b := range branches {
		switch {
		case b != nil:
			if en.branchEnvSet(*b, true) {
				mark(i)
			}
		default:
			for j, o := range branches {
				if j != i && o != nil && en.branchEnvSet(*o, false) {
					mark(i)
					break
				}
			}
		}
	}
}

// branchEnvSet reports whether the path through (taken) or around b runs
// only when AWS_STS_REGIONAL_ENDPOINTS is set. Only an if decides: through
// it, its condition is b.then; around it, its condition is the opposite
// only when the definition is a statement of the branch itself (nested in
// another conditional, or in an else-if, skipping it says nothing about
// the condition).
func (en *Env) branchEnvSet(b branch, taken bool) bool {
	x, ok := b.node.(*ast.IfStmt)
	if !ok || !taken && !b.direct {
		return false
	}
	return en.envSetWhen(x.Cond, b.then == taken)
}

// envSetWhen reports whether cond evaluating to truth implies that
// AWS_STS_REGIONAL_ENDPOINTS is set.
func (en *Env) envSetWhen(cond ast.Expr, truth bool) bool {
	switch x := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			return en.envSetWhen(x.X, !truth)
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND:
			return truth && (en.envSetWhen(x.X, true) || en.envSetWhen(x.Y, true))
		case token.LOR:
			return !truth && (en.envSetWhen(x.X, false) || en.envSetWhen(x.Y, false))
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			op := x.Op
			if !truth {
				op = negate(op)
			}
			return en.envCompare(x.X, op, x.Y) || en.envCompare(x.Y, mirror(op), x.X)
		}
	case *ast.Ident:
		// _, ok := os.LookupEnv(K); ok
		return truth && en.envRead(x) == envDefined
	}
	return false
}

// envCompare reports whether `lhs op rhs` implies that the variable is
// set, lhs being its value (or the value's length) and rhs a constant:
// v != "", v == "regional", len(v) != 0, len(v) > 0, len(v) >= 1.
func (en *Env) envCompare(lhs ast.Expr, op token.Token, rhs ast.Expr) bool {
	tv, ok := en.f.info.Types[rhs]
	if !ok || tv.Value == nil {
		return false
	}
	if arg := en.lenArg(lhs); arg != nil {
		n, exact := constant.Int64Val(constant.ToInt(tv.Value))
		if !exact || en.envRead(arg) != envValue {
			return false
		}
		switch op {
		case token.NEQ:
			return n == 0
		case token.GTR:
			return n >= 0
		case token.GEQ, token.EQL:
			return n >= 1
		}
		return false
	}
	if tv.Value.Kind() != constant.String || en.envRead(lhs) != envValue {
		return false
	}
	s := constant.StringVal(tv.Value)
	return op == token.NEQ && s == "" || op == token.EQL && s != ""
}

// lenArg returns x of len(x), the builtin, or nil.
func (en *Env) lenArg(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil
	}
	if _, builtin := en.f.info.Uses[id].(*types.Builtin); !builtin || id.Name != "len" {
		return nil
	}
	return call.Args[0]
}

// What an expression holds of AWS_STS_REGIONAL_ENDPOINTS.
const (
	envNone    = iota
	envValue   // its value: os.Getenv(K), or LookupEnv's first result
	envDefined // LookupEnv's second result: whether it is defined
)

// envRead tells whether e is AWS_STS_REGIONAL_ENDPOINTS read from the
// environment, directly or through a variable assigned once.
func (en *Env) envRead(e ast.Expr) int {
	e = ast.Unparen(e)
	index := -1
	if v := en.f.localVar(e); v != nil {
		defs := en.f.defs[v]
		if en.f.params[v] || len(defs) != 1 || defs[0].rhs == nil {
			return envNone
		}
		e, index = ast.Unparen(defs[0].rhs), defs[0].index
	}
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return envNone
	}
	fn := en.f.Callee(call)
	if fn == nil || fn.Pkg() == nil || sdk.Path(fn.Pkg()) != sdk.OS {
		return envNone
	}
	if key, ok := en.f.Values.ConstString(call.Args[0]); !ok || key != sdk.EnvSTSRegional {
		return envNone
	}
	switch {
	case fn.Name() == "Getenv" && index == -1:
		return envValue
	case fn.Name() == "LookupEnv" && index == 0:
		return envValue
	case fn.Name() == "LookupEnv" && index == 1:
		return envDefined
	}
	return envNone
}

// negate returns the comparison that holds when `x op y` does not.
func negate(op token.Token) token.Token {
	switch op {
	case token.EQL:
		return token.NEQ
	case token.NEQ:
		return token.EQL
	case token.LSS:
		return token.GEQ
	case token.GEQ:
		return token.LSS
	case token.GTR:
		return token.LEQ
	case token.LEQ:
		return token.GTR
	}
	return op
}

// mirror returns the comparison `y op' x` equivalent to `x op y`.
func mirror(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.GTR:
		return token.LSS
	case token.LEQ:
		return token.GEQ
	case token.GEQ:
		return token.LEQ
	}
	return op
}
