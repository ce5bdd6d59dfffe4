package flow

// The process environment: os.Setenv (and testing Setenv) calls that set
// the variables the SDKs read.

import (
	"go/ast"
	"strings"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// envInfo records what the package sets in the environment.
type envInfo struct {
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

// envRegional reports whether the package sets AWS_STS_REGIONAL_ENDPOINTS
// to "regional": the sessions built afterwards (NewSession,
// NewSessionWithOptions) read it, typically from an init function.
func (f *Flow) envRegional() bool {
	if f.env == nil {
		f.env = &envInfo{}
		for _, cur := range f.calls {
			call := cur.Node().(*ast.CallExpr)
			if key, val, ok := f.Setenv(call); ok && key == sdk.EnvSTSRegional && strings.EqualFold(val, "regional") {
				f.env.regional = true
				break
			}
		}
	}
	return f.env.regional
}
