package analyzer

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/stsregional/stsregional/analyzer/internal/flow"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

var sts007 = Check{
	ID:       V2EndpointOverride,
	Category: "v2-endpoint-override-global",
	Default:  true,
	Doc: Doc{
		Title: "aws-sdk-go-v2 endpoint resolver pins STS to the global endpoint",
		Text: "A function shaped like a deprecated v2 resolver (returning `(aws.Endpoint, error)`: " +
			"`aws.EndpointResolverWithOptionsFunc`, `aws.EndpointResolverFunc`, `sts.EndpointResolverFunc`) that " +
			"returns the global URL; or code, typically a custom `sts.EndpointResolverV2`, that sets " +
			"`sts.EndpointParameters.UseGlobalEndpoint` to true or `sts.EndpointParameters.Region` to " +
			"`\"aws-global\"`.\n\n" +
			"Why: aws-sdk-go-v2 is regional for every Region, us-east-1 included; these overrides are the only " +
			"way back to the global endpoint `sts.amazonaws.com` (us-east-1). `UseGlobalEndpoint` moves the 15 " +
			"legacy Regions there, `aws-global` every Region. (`sts.EndpointResolverFromURL` with the global URL " +
			"is STS001.)\n\n" +
			"What to change: delete `UseGlobalEndpoint`; keep the caller's Region in the parameters; in a " +
			"deprecated resolver, return a URL built from the region, or `&aws.EndpointNotFoundError{}` from the " +
			"STS branch: the SDK's regional rules then apply.",
		Wrong: "func (r resolver) ResolveEndpoint(ctx context.Context, p sts.EndpointParameters) (smithyendpoints.Endpoint, error) {\n\tp.UseGlobalEndpoint = aws.Bool(true)\n\treturn r.next.ResolveEndpoint(ctx, p)\n}",
		Right: "func (r resolver) ResolveEndpoint(ctx context.Context, p sts.EndpointParameters) (smithyendpoints.Endpoint, error) {\n\treturn r.next.ResolveEndpoint(ctx, p)\n}",
		More: []Example{
			{Wrong: "cfg, err := config.LoadDefaultConfig(ctx, config.WithEndpointResolverWithOptions(\n\taws.EndpointResolverWithOptionsFunc(func(service, region string, options ...interface{}) (aws.Endpoint, error) {\n\t\tif service == sts.ServiceID {\n\t\t\treturn aws.Endpoint{URL: \"https://sts.amazonaws.com\", SigningRegion: \"us-east-1\"}, nil\n\t\t}\n\t\treturn aws.Endpoint{}, &aws.EndpointNotFoundError{}\n\t})))",
				Right: "cfg, err := config.LoadDefaultConfig(ctx, config.WithEndpointResolverWithOptions(\n\taws.EndpointResolverWithOptionsFunc(func(service, region string, options ...interface{}) (aws.Endpoint, error) {\n\t\tif service == sts.ServiceID {\n\t\t\treturn aws.Endpoint{URL: \"https://sts.\" + region + \".amazonaws.com\", SigningRegion: region}, nil\n\t\t}\n\t\treturn aws.Endpoint{}, &aws.EndpointNotFoundError{}\n\t})))"},
		},
		Fix: "deletes the `UseGlobalEndpoint` assignment or field; in a resolver with a named region parameter, " +
			"builds the URL and `SigningRegion` from it. `Region = \"aws-global\"` in the parameters has no fix.",
	},
	Run: runSTS007,
}

const (
	useGlobalMsg = "UseGlobalEndpoint = true sends v2 STS in legacy Regions to the global endpoint; delete it"
	paramsGlobal = "EndpointParameters.Region aws-global selects the global STS endpoint; keep the caller's Region"
)

func runSTS007(p *pass) {
	p.checkResolverURLs(true)
	f := p.flow
	for _, cur := range f.Assigns() {
		as := cur.Node().(*ast.AssignStmt)
		if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			switch {
			case f.IsFieldOf(lhs, sdk.V2STS, "EndpointParameters", "UseGlobalEndpoint"):
				if b, ok := f.Values.ConstBool(as.Rhs[i]); ok && b && !f.Resolvers.UseGlobalHarmless(as.Pos()) {
					var sf *analysis.SuggestedFix
					if len(as.Lhs) == 1 {
						if e, ok := p.deleteStmt(cur); ok {
							sf = suggested("Delete the UseGlobalEndpoint assignment", nil, e)
						}
					}
					p.report(V2EndpointOverride, as, useGlobalMsg, sf)
				}
			case f.IsFieldOf(lhs, sdk.V2STS, "EndpointParameters", "Region"):
				if f.Values.IsAWSGlobal(as.Rhs[i]) {
					p.report(V2EndpointOverride, as, paramsGlobal, nil)
					continue
				}
				// aws-global written elsewhere (a resolver's field set
				// where the resolver is built): reported where written.
				for _, at := range f.Resolvers.AWSGlobalAt(as.Rhs[i]) {
					p.report(V2EndpointOverride, at, paramsGlobal, nil, p.routesAt(at, as)...)
				}
			}
		}
	}
	for _, cur := range f.Lits() {
		lit := cur.Node().(*ast.CompositeLit)
		if !sdk.IsNamed(p.TypesInfo.TypeOf(lit), sdk.V2STS, "EndpointParameters") {
			continue
		}
		if i, kv := flow.ElemWithKey(lit, "UseGlobalEndpoint"); kv != nil {
			if b, ok := f.Values.ConstBool(kv.Value); ok && b && !f.Resolvers.UseGlobalHarmless(kv.Pos()) {
				p.report(V2EndpointOverride, kv.Value, useGlobalMsg, suggested("Delete UseGlobalEndpoint", nil, deleteElem(lit, i)))
			}
		}
		if _, kv := flow.ElemWithKey(lit, "Region"); kv != nil && f.Values.IsAWSGlobal(kv.Value) {
			p.report(V2EndpointOverride, kv.Value, paramsGlobal, nil)
		}
	}
}
