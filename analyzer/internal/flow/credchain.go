package flow

// Sessions whose credential chain builds an STS client of its own. An
// aws-sdk-go v1 session built by session.NewSession or
// NewSessionWithOptions without Credentials in its configuration resolves
// the default chain when it is built (aws/session/session.go
// mergeConfigSrcs: "if cfg.Credentials == credentials.AnonymousCredentials
// && userCfg.Credentials == nil"), and that chain builds
// sts.New(&Session{Config: cfg}) with the session's own merged config for
// web identity (AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE, or
// web_identity_token_file in a profile) and for assume-role profiles
// (aws/session/credentials.go resolveCredentials, assumeWebIdentity,
// resolveCredsFromProfile). That client follows the session's
// STSRegionalEndpoint and Region like any other: legacy-global in the 15
// legacy Regions unless the session is regional. session.New without
// AWS_SDK_LOAD_CONFIG uses defaults.CredChain instead (environment, shared
// credentials file, EC2/ECS role: aws/defaults/defaults.go CredProviders),
// which builds no STS client.

import (
	"go/ast"
	"go/types"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// ChainSessions returns every aws-sdk-go v1 session built in the package by
// session.NewSession or session.NewSessionWithOptions without Credentials
// in its configuration, with the verdict on the STS client its credential
// chain builds for web identity and assume-role profiles: Call and At are
// the construction, What is "session".
func (se *Sessions) ChainSessions() []Client {
	var out []Client
	for _, cur := range se.f.calls {
		call := cur.Node().(*ast.CallExpr)
		_, e := se.f.Lookup(call)
		switch {
		case e.Role == sdk.V1SessionNew && e.EnvAware, e.Role == sdk.V1SessionWithOptions:
		default:
			continue
		}
		s := se.evalSessionCall(call, 0)
		if s.conf.creds && (s.conf.other == nil || s.conf.other.creds) {
			continue
		}
		out = append(out, se.verdict(Client{Call: call, What: "session"}, s, conf{}))
	}
	return out
}

// isNil reports whether e is the predeclared nil.
func (se *Sessions) isNil(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := se.f.info.Uses[id].(*types.Nil)
	return isNil
}
