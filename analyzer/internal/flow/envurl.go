package flow

// When AWS_ENDPOINT_URL_STS and AWS_ENDPOINT_URL take effect. aws-sdk-go-v2
// reads AWS_ENDPOINT_URL_STS when an STS client is built:
// sts.NewFromConfig calls resolveBaseEndpoint (service/sts@v1.51.8
// endpoints.go), which asks the config's sources, and
// EnvConfig.GetServiceBaseEndpoint calls os.Getenv at that moment
// (config@v1.33.15 env_config.go). AWS_ENDPOINT_URL is read once, by
// config.LoadDefaultConfig (env_config.go NewEnvConfig, resolve.go
// resolveBaseEndpoint), into aws.Config.BaseEndpoint. aws-sdk-go v1 reads
// neither. A Setenv of either variable made after the client (or config)
// that reads it was built changes nothing for that client.
//
// The analysis does not order functions against each other (apart from
// the v1 rules of env.go), so a Setenv is judged against its own function:
// it is too late when, in that function, a reader of the variable runs on
// every path before it and nothing after it (or around it, in a loop) can
// build another reader.

import (
	"go/ast"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// envReaders returns the SDK roles whose calls read the environment
// variable key: the calls whose earlier run makes a Setenv late (before),
// and those that would see a Setenv made before them (after).
// LoadDefaultConfig reads AWS_ENDPOINT_URL, and may build STS clients of
// its own for web identity and assume-role credentials
// (config resolve_credentials.go), which read AWS_ENDPOINT_URL_STS.
func envReaders(key string) (before sdk.Role, after []sdk.Role) {
	if key == sdk.EnvEndpointURL {
		return sdk.V2LoadConfig, []sdk.Role{sdk.V2LoadConfig}
	}
	return sdk.V2STSClient, []sdk.Role{sdk.V2STSClient, sdk.V2LoadConfig}
}

// EnvSetTooLate reports whether the Setenv of the endpoint variable key at
// cur provably runs after every aws-sdk-go-v2 STS client it could
// configure was built: in its function, a call that reads the variable
// runs on every path before it, and no call after it, nor any call in a
// loop around it, can read the variable (an SDK reader, a function of this
// package that reaches one, or a call the analysis cannot see into: a
// function value, an interface method, a function of a package outside
// the standard library and the SDK).
func (en *Env) EnvSetTooLate(cur inspector.Cursor, key string) bool {
	set := cur.Node().(*ast.CallExpr)
	fn := en.f.paths.funcAt(set.Pos())
	if _, lit := fn.(*ast.FuncLit); lit || fn == nil {
		return false // a closure may run at any time
	}
	if d, ok := fn.(*ast.FuncDecl); ok && d.Recv == nil && d.Name.Name == "init" {
		return false // before every client of the program
	}
	before, after := envReaders(key)
	// A loop around the Setenv repeats what precedes it.
	var loops []ast.Node
	for c := cur.Parent(); c.Node() != nil && c.Node() != fn; c = c.Parent() {
		switch c.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			loops = append(loops, c.Node())
		}
	}
	read := false
	for _, c := range en.f.calls {
		call := c.Node().(*ast.CallExpr)
		if call.Pos() < fn.Pos() || call.Pos() >= fn.End() || call == set {
			continue
		}
		inLoop := false
		for _, l := range loops {
			if l.Pos() <= call.Pos() && call.Pos() < l.End() {
				inLoop = true
			}
		}
		if call.Pos() >= set.End() || inLoop || deferred(c) {
			if en.mayRead(call, after, 0) {
				return false
			}
			continue
		}
		if _, e := en.f.Lookup(call); e.Role == before && en.f.paths.dominates(c, call.End(), set.Pos()) {
			read = true
		}
	}
	return read
}

// deferred reports whether the call at cur is, or is inside, a deferred
// call: it runs when the function returns.
func deferred(cur inspector.Cursor) bool {
	for c := range cur.Enclosing((*ast.DeferStmt)(nil), (*ast.FuncDecl)(nil)) {
		_, ok := c.Node().(*ast.DeferStmt)
		return ok
	}
	return false
}

// mayRead reports whether call may build one of the readers: it is one,
// or calls this package's function that may, or cannot be seen into.
func (en *Env) mayRead(call *ast.CallExpr, readers []sdk.Role, depth int) bool {
	fn, e := en.f.Lookup(call)
	for _, r := range readers {
		if e.Role == r {
			return true
		}
	}
	if fn == nil {
		// A conversion, a builtin, or a function value.
		if tv, ok := en.f.info.Types[call.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
			return false
		}
		return true
	}
	path := sdk.Path(fn.Pkg())
	switch {
	case sdk.IsAWSPath(path):
		return false // not a reader: an SDK call other than the readers
	case fn.Pkg() == en.f.pass.Pkg:
		decl := en.f.decls[fn]
		if decl == nil || decl.Body == nil || depth > maxDepth {
			return true // an interface method or a body the walk cannot see
		}
		for _, c := range en.f.calls {
			inner := c.Node().(*ast.CallExpr)
			if inner.Pos() >= decl.Body.Pos() && inner.End() <= decl.Body.End() && en.mayRead(inner, readers, depth+1) {
				return true
			}
		}
		return false
	case isStd(path):
		return false
	}
	return true
}

// isStd reports whether path is a standard library package (no dot in its
// first element).
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
