package flow

// The typed account of a verdict: why its mode was chosen (Cause), when
// the path a Conditional verdict reports runs (Cond), and which value the
// analysis could not see into (Opaque). The deciding layer records only
// these; the checks and the inventory word them (analyzer/why.go), so
// that a message can change without touching a decision.

import (
	"go/ast"
	"go/types"
)

// A Cause is the SDK rule or program fact that chose a verdict's mode.
type Cause int

// The causes. The zero Cause means none was recorded.
const (
	CauseNone Cause = iota
	// CauseOpaque: the session or config is built where the analysis
	// cannot see.
	CauseOpaque
	// CauseGlobalRegion: the Region aws-global.
	CauseGlobalRegion
	// CauseEmptyRegion: an empty Region, which falls back to the
	// partition's global endpoint.
	CauseEmptyRegion
	// CauseSettingRegional: STSRegionalEndpoint set to regional in code.
	CauseSettingRegional
	// CauseSettingRuntime: STSRegionalEndpoint from a run-time value.
	CauseSettingRuntime
	// CauseSettingLegacy: STSRegionalEndpoint set to legacy in code.
	CauseSettingLegacy
	// CauseSettingLegacyOutside: set to legacy, but the Region is outside
	// the legacy list, which the legacy map does not cover.
	CauseSettingLegacyOutside
	// CauseEnvRegional: the program sets AWS_STS_REGIONAL_ENDPOINTS to
	// regional before the session is built.
	CauseEnvRegional
	// CauseAssumedEnv: the AssumeEnvRegional option.
	CauseAssumedEnv
	// CauseEndpoint: an explicit Endpoint or a FIPS or dual-stack variant.
	CauseEndpoint
	// CauseEnvLegacy: the program sets AWS_STS_REGIONAL_ENDPOINTS to
	// legacy before the session is built.
	CauseEnvLegacy
	// CauseEnvChosen: STSRegionalEndpoint is left to the variable only on
	// paths where it is set.
	CauseEnvChosen
	// CauseRegionOutside: a constant Region outside the legacy list.
	CauseRegionOutside
	// CauseLegacyDefault: aws-sdk-go v1's legacy default.
	CauseLegacyDefault
	// CauseSomePaths: regional on some paths only; the verdict's
	// Condition says when it is not.
	CauseSomePaths
	// CauseV2Default: aws-sdk-go-v2 resolves STS regionally.
	CauseV2Default
	// CauseV2GlobalRegion: the v2 Region aws-global.
	CauseV2GlobalRegion
	// CauseV2Resolver: a v2 endpoint resolver (the client's Override).
	CauseV2Resolver
	// CauseV2BaseEndpoint: a v2 BaseEndpoint (the client's Override).
	CauseV2BaseEndpoint
	// CauseV2RegionResult: a Region from a function or settings field
	// whose fact says it may be aws-global.
	CauseV2RegionResult
)

// A CondKind says which kind of branch a Cond names.
type CondKind int

// The condition kinds. The zero CondKind means no condition.
const (
	CondNone CondKind = iota
	// CondIf: an if statement's condition (Node) evaluating to Truth.
	CondIf
	// CondCase: inside (Truth) or outside a case clause (Node).
	CondCase
	// CondLoop: a loop (Node) running (Truth) or not.
	CondLoop
	// CondFuncLit: a function literal (Node) having run (Truth) or not.
	CondFuncLit
	// CondStmt: the path through (Truth) or around the statement Node.
	CondStmt
	// CondSome: some paths, not told apart.
	CondSome
	// CondOther: the other paths, against CondSome.
	CondOther
)

// A Cond says when one path to a use runs: the branch it takes or skips.
type Cond struct {
	Kind CondKind
	// Node is the branch: an *ast.IfStmt, *ast.CaseClause, loop,
	// *ast.FuncLit or other statement.
	Node ast.Node
	// Truth is, for CondIf, the value of the condition on the path; for
	// the others, whether the path goes through Node.
	Truth bool
}

// An OpaqueKind says what kind of value an Opaque names.
type OpaqueKind int

// The opaque value kinds. The zero OpaqueKind means none.
const (
	OpaqueNone OpaqueKind = iota
	// OpaqueProvider: a client.ConfigProvider that is no session (Expr).
	OpaqueProvider
	// OpaqueSession: a session expression (Expr) or variable (Obj).
	OpaqueSession
	// OpaqueSessionParam: a session parameter (Obj).
	OpaqueSessionParam
	// OpaqueSpread: a session built from a spread list of configs (Expr).
	OpaqueSpread
	// OpaqueReturned: a session returned by a function (Obj).
	OpaqueReturned
	// OpaqueOptions: a session.Options value (Expr).
	OpaqueOptions
	// OpaqueClient: an STS client expression (Expr).
	OpaqueClient
	// OpaqueClientParam: an STS client parameter (Obj).
	OpaqueClientParam
)

// An Opaque names a session, options value or client whose construction
// the analysis cannot see into: by its expression or its object.
type Opaque struct {
	Kind OpaqueKind
	Expr ast.Expr
	Obj  types.Object
}

// Valid reports whether o names a value.
func (o Opaque) Valid() bool { return o.Kind != OpaqueNone }

// opaqueExpr and opaqueObj build the two forms of Opaque.
func opaqueExpr(k OpaqueKind, e ast.Expr) Opaque    { return Opaque{Kind: k, Expr: e} }
func opaqueObj(k OpaqueKind, o types.Object) Opaque { return Opaque{Kind: k, Obj: o} }
