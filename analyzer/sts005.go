package analyzer

import (
	"go/ast"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/stsregional/stsregional/analyzer/internal/flow"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

var sts005 = Check{
	ID:       V1ResolverCall,
	Category: "v1-resolver-global",
	Default:  true,
	Doc: Doc{
		Title: "aws-sdk-go v1 resolver resolves STS globally",
		Text: "A v1 `EndpointFor` call on one of the SDK's resolvers (`DefaultResolver()`, a partition) resolving " +
			"`\"sts\"` without `endpoints.STSRegionalEndpointOption`; a custom resolver that calls `EndpointFor` " +
			"without forwarding the options it received; or a function shaped like a v1 resolver (returning " +
			"`(endpoints.ResolvedEndpoint, error)`) that returns the global URL; or a call of another package's " +
			"function whose returned resolver may answer STS with the global URL (reported at the call, as that " +
			"package's code is not this one's).\n\n" +
			"Why: with no options the STS mode is unset, which the resolver treats as `legacy` " +
			"(`aws/endpoints/v3model.go`): the 15 legacy Regions resolve to `sts.amazonaws.com`. A custom " +
			"resolver returning the global URL sends STS calls from every Region to us-east-1. Calls that " +
			"forward `opts...` keep the session's setting and are not reported; nor are calls whose endpoint is " +
			"thrown away (`_, err := resolver.EndpointFor(\"sts\", region)` as a Region check sends nothing).\n\n" +
			"What to change: add `endpoints.STSRegionalEndpointOption` (or forward `opts...`); in a custom " +
			"resolver, return `\"https://sts.\" + region + \".amazonaws.com\"` with `SigningRegion: region`, or " +
			"delegate to `endpoints.DefaultResolver()` with `endpoints.STSRegionalEndpointOption`.",
		Wrong: "ep, err := endpoints.DefaultResolver().EndpointFor(\"sts\", region)",
		Right: "ep, err := endpoints.DefaultResolver().EndpointFor(\"sts\", region, endpoints.STSRegionalEndpointOption)",
		More: []Example{
			{Wrong: "resolver := endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {\n\tif service == \"sts\" {\n\t\treturn endpoints.ResolvedEndpoint{URL: \"https://sts.amazonaws.com\", SigningRegion: \"us-east-1\"}, nil\n\t}\n\treturn endpoints.DefaultResolver().EndpointFor(service, region, opts...)\n})",
				Right: "resolver := endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {\n\tif service == \"sts\" {\n\t\treturn endpoints.ResolvedEndpoint{URL: \"https://sts.\" + region + \".amazonaws.com\", SigningRegion: region}, nil\n\t}\n\treturn endpoints.DefaultResolver().EndpointFor(service, region, opts...)\n})"},
		},
		Fix: "appends `endpoints.STSRegionalEndpointOption`; in a resolver with a named region parameter, builds " +
			"the URL and `SigningRegion` from it (the `aws` partition, like the host it replaces).",
	},
	Run: runSTS005,
}

func runSTS005(p *pass) {
	for _, r := range p.flow.Resolvers.LegacyResolves() {
		call := r.Call
		im := p.imports(call.Rparen)
		last := call.Args[len(call.Args)-1]
		text := ", " + im.Qualifier(sdk.V1Endpoints, "endpoints") + "STSRegionalEndpointOption"
		sf := suggested("Add endpoints.STSRegionalEndpointOption", im, analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(text)})
		msg := `EndpointFor("sts") without STSRegionalEndpointOption resolves the global endpoint; add the option`
		if r.DropsOptions {
			msg = "EndpointFor drops the resolver's options, so STS resolves globally; add STSRegionalEndpointOption"
		}
		p.report(V1ResolverCall, call, msg, sf)
	}
	p.checkResolverURLs(false)
	// A resolver built by another package whose STS answer may be the
	// global host: that package's code is not reported here, so the call
	// that brings the resolver in is.
	for _, call := range p.flow.Resolvers.GlobalLibResolvers() {
		p.report(V1ResolverCall, call, "the v1 resolver this call returns answers STS with the global endpoint; use a resolver that returns the regional host", nil)
	}
}

// checkResolverURLs reports custom resolvers (v1, or v2 when v2 is set)
// returning the global URL, with a fix that builds the regional URL from
// the resolver's region parameter:
//
//	return endpoints.ResolvedEndpoint{URL: "https://sts.amazonaws.com", SigningRegion: "us-east-1"}, nil
//	return endpoints.ResolvedEndpoint{URL: "https://sts." + region + ".amazonaws.com", SigningRegion: region}, nil
func (p *pass) checkResolverURLs(v2 bool) {
	id, msg := V1ResolverCall, `custom v1 resolver returns the global STS endpoint; return "https://sts." + region + ".amazonaws.com"`
	if v2 {
		id, msg = V2EndpointOverride, "v2 endpoint resolver returns the global STS endpoint; return a regional URL or EndpointNotFoundError"
	}
	for _, s := range p.flow.Sinks() {
		if s.Kind != sdk.SinkV1Resolved && s.Kind != sdk.SinkV2Endpoint {
			continue
		}
		rc, ok := p.flow.ResolverAt(s.Cur)
		if !ok || rc.V2 != v2 {
			continue
		}
		ep := p.flow.Value(s)
		if !ep.Global() || p.flow.Resolvers.ResolverBranchDead(s.Value.Pos(), v2) {
			continue
		}
		// Where the host is written: the URL, or the constant a
		// variable of the resolver holds ("https://" + host).
		var at ast.Node = s.Value
		if ep.At != nil {
			at = ep.At
		}
		p.report(id, at, msg, p.fixResolverURL(s, rc, ep.Value), sinkAt(s, at)...)
	}
}

func (p *pass) fixResolverURL(s flow.Sink, rc flow.Resolver, url string) *analysis.SuggestedFix {
	lit, ok := s.Cur.Node().(*ast.CompositeLit)
	if !ok || rc.Region == nil || s.Kind == sdk.SinkV2Endpoint && !sdk.IsNamed(p.TypesInfo.TypeOf(lit), sdk.V2AWS, "Endpoint") {
		return nil
	}
	before, after, ok := splitGlobalURL(url)
	if !ok {
		return nil
	}
	// The parameter must still be what its name denotes at the literal.
	name := rc.Region.Name()
	if scope := p.TypesInfo.Scopes[p.fileOf(lit.Pos())]; scope != nil {
		if _, obj := scope.Innermost(lit.Pos()).LookupParent(name, lit.Pos()); obj != rc.Region {
			return nil
		}
	}
	value := s.Value
	edits := []analysis.TextEdit{{
		Pos: value.Pos(), End: value.End(),
		NewText: []byte(strconv.Quote(before+"sts.") + " + " + name + " + " + strconv.Quote(".amazonaws.com"+after)),
	}}
	if _, kv := flow.ElemWithKey(lit, "SigningRegion"); kv != nil {
		edits = append(edits, analysis.TextEdit{Pos: kv.Value.Pos(), End: kv.Value.End(), NewText: []byte(name)})
	} else {
		edits = append(edits, analysis.TextEdit{Pos: value.End(), End: value.End(), NewText: []byte(", SigningRegion: " + name)})
	}
	return suggested("Build the regional STS URL from "+name, nil, edits...)
}
