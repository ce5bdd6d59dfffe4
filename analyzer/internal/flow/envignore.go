package flow

// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS against AWS_ENDPOINT_URL_STS in
// aws-sdk-go-v2: the ignore flag is read when the config is loaded
// (config.LoadDefaultConfig), the service URL when the client is built
// (sts.NewFromConfig). A client built from a config loaded after the flag
// was set to true ignores a service URL set later; one whose config was
// loaded before it does not.

import (
	"go/ast"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// EnvEndpointIgnored reports whether the AWS_ENDPOINT_URL_STS Setenv at
// cur is ignored by every v2 STS client that follows it in its function:
// each client's config comes from a LoadDefaultConfig that a Setenv of
// the ignore flag to true dominates, there is at least one such client,
// and nothing else after the Setenv can build a client.
func (en *Env) EnvEndpointIgnored(cur inspector.Cursor) bool {
	set := cur.Node().(*ast.CallExpr)
	fn, ok := en.f.paths.funcAt(set.Pos()).(*ast.FuncDecl)
	if !ok || fn.Body == nil {
		return false
	}
	in := func(n ast.Node) bool { return n.Pos() >= fn.Body.Pos() && n.End() <= fn.Body.End() }
	var ignores []inspector.Cursor
	for _, c := range en.f.calls {
		call := c.Node().(*ast.CallExpr)
		if !in(call) || len(call.Args) != 2 {
			continue
		}
		if _, e := en.f.Lookup(call); e.Role != sdk.EnvSetter {
			continue
		}
		key, ok1 := en.f.Values.ConstString(call.Args[0])
		val, ok2 := en.f.Values.ConstString(call.Args[1])
		if ok1 && ok2 && key == sdk.EnvIgnoreEndpoints && strings.EqualFold(val, "true") {
			ignores = append(ignores, c)
		}
	}
	if len(ignores) == 0 {
		return false
	}
	ignoredLoad := func(load *ast.CallExpr) bool {
		for _, ig := range ignores {
			if en.f.paths.dominates(ig, ig.Node().End(), load.Pos()) {
				return true
			}
		}
		return false
	}
	clients := 0
	for _, c := range en.f.calls {
		call := c.Node().(*ast.CallExpr)
		if !in(call) || call.Pos() < set.End() {
			continue
		}
		_, e := en.f.Lookup(call)
		switch {
		case e.Role == sdk.V2STSClient && len(call.Args) > 0:
			load, ok := en.f.Routes.v2Config(call.Args[0]).origin.(*ast.CallExpr)
			if !ok || !in(load) {
				return false
			}
			if _, le := en.f.Lookup(load); le.Role != sdk.V2LoadConfig || !ignoredLoad(load) {
				return false
			}
			clients++
		case e.Role == sdk.V2LoadConfig:
			if !ignoredLoad(call) {
				return false
			}
		case en.mayRead(call, []sdk.Role{sdk.V2STSClient}, 0):
			return false
		}
	}
	return clients > 0
}
