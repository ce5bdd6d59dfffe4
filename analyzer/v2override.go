package analyzer

// STS007: aws-sdk-go-v2 endpoint overrides that pin STS to the global
// endpoint. Deprecated resolver functions returning the global URL are found
// by resolver.go; this file handles custom EndpointResolverV2
// implementations that rewrite sts.EndpointParameters.

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

const (
	useGlobalMsg = "sts.EndpointParameters.UseGlobalEndpoint = true makes the aws-sdk-go-v2 STS rules resolve the 15 legacy Regions to the global endpoint sts.amazonaws.com (us-east-1); delete it"
	paramsGlobal = "sts.EndpointParameters.Region = aws-global makes the aws-sdk-go-v2 STS rules resolve to the global endpoint sts.amazonaws.com (us-east-1); keep the caller's Region"
)

func (c *checker) checkV2Overrides() {
	if !c.on[V2EndpointOverride] {
		return
	}
	for _, cur := range c.asgns {
		as := cur.Node().(*ast.AssignStmt)
		if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			switch {
			case c.isFieldOf(lhs, sdk.V2STS, "EndpointParameters", "UseGlobalEndpoint"):
				if b, ok := c.constBool(as.Rhs[i]); ok && b {
					var f *analysis.SuggestedFix
					if len(as.Lhs) == 1 {
						if e, ok := c.deleteStmt(cur); ok {
							f = suggested("Delete the UseGlobalEndpoint assignment", nil, e)
						}
					}
					c.report(V2EndpointOverride, as, useGlobalMsg, f)
				}
			case c.isFieldOf(lhs, sdk.V2STS, "EndpointParameters", "Region"):
				if c.isAWSGlobal(as.Rhs[i]) {
					c.report(V2EndpointOverride, as, paramsGlobal, nil)
				}
			}
		}
	}
	for _, cur := range c.lits {
		lit := cur.Node().(*ast.CompositeLit)
		if !sdk.IsNamed(c.pass.TypesInfo.TypeOf(lit), sdk.V2STS, "EndpointParameters") {
			continue
		}
		if i, kv := elemWithKey(lit, "UseGlobalEndpoint"); kv != nil {
			if b, ok := c.constBool(kv.Value); ok && b {
				c.report(V2EndpointOverride, kv.Value, useGlobalMsg, suggested("Delete UseGlobalEndpoint", nil, deleteElem(lit, i)))
			}
		}
		if _, kv := elemWithKey(lit, "Region"); kv != nil && c.isAWSGlobal(kv.Value) {
			c.report(V2EndpointOverride, kv.Value, paramsGlobal, nil)
		}
	}
}
