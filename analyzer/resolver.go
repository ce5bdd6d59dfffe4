package analyzer

// STS005 (aws-sdk-go v1 resolvers) and the resolver half of STS007
// (aws-sdk-go-v2 deprecated resolver functions): custom resolvers that
// return the global URL, and EndpointFor calls that resolve STS without the
// regional option.

import (
	"go/ast"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// A resolverCtx describes the custom endpoint resolver function enclosing a
// returned endpoint.
type resolverCtx struct {
	v2     bool
	region *types.Var // the function's Region parameter, if named
}

// resolverContext reports whether cur is inside a function shaped like an
// endpoint resolver: it returns (endpoints.ResolvedEndpoint, error) in v1 or
// (aws.Endpoint, error) in v2, which is what ResolverFunc,
// EndpointResolverFunc, EndpointResolverWithOptionsFunc and
// sts.EndpointResolverFunc have in common. The shape, not the conversion,
// decides, so named functions passed as resolvers count too.
func (c *checker) resolverContext(cur inspector.Cursor) (resolverCtx, bool) {
	sig := c.enclosingSig(cur)
	if sig == nil || sig.Results().Len() != 2 {
		return resolverCtx{}, false
	}
	res := sig.Results().At(0).Type()
	var rc resolverCtx
	switch {
	case sdk.IsNamed(res, sdk.V1Endpoints, "ResolvedEndpoint"):
	case sdk.IsNamed(res, sdk.V2AWS, "Endpoint"):
		rc.v2 = true
	default:
		return resolverCtx{}, false
	}
	// The Region is the last string parameter: (service, region) or
	// (region) in sts.EndpointResolverFunc.
	var strs []*types.Var
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if b, ok := p.Type().Underlying().(*types.Basic); ok && b.Kind() == types.String {
			strs = append(strs, p)
		}
	}
	if n := len(strs); n > 0 && n <= 2 && strs[n-1].Name() != "" && strs[n-1].Name() != "_" {
		rc.region = strs[n-1]
	}
	return rc, true
}

// reportResolverURL reports a custom resolver returning the global URL, with
// a fix that builds the regional URL from the resolver's region parameter:
//
//	return endpoints.ResolvedEndpoint{URL: "https://sts.amazonaws.com", SigningRegion: "us-east-1"}, nil
//	return endpoints.ResolvedEndpoint{URL: "https://sts." + region + ".amazonaws.com", SigningRegion: region}, nil
func (c *checker) reportResolverURL(cur inspector.Cursor, rc resolverCtx, value ast.Expr, url string, kind sinkKind) {
	id, msg := V1ResolverCall, "custom aws-sdk-go v1 endpoint resolver returns the global STS endpoint sts.amazonaws.com, so STS calls from every Region go to us-east-1; return \"https://sts.\" + region + \".amazonaws.com\" or delegate to endpoints.DefaultResolver() with endpoints.STSRegionalEndpointOption"
	if rc.v2 {
		id, msg = V2EndpointOverride, "deprecated aws-sdk-go-v2 endpoint resolver returns the global STS endpoint sts.amazonaws.com, overriding the SDK's regional default; return &aws.EndpointNotFoundError{} so the regional rules apply, or a URL built from the region"
	}
	c.report(id, value, msg, c.fixResolverURL(cur, rc, value, url, kind))
}

func (c *checker) fixResolverURL(cur inspector.Cursor, rc resolverCtx, value ast.Expr, url string, kind sinkKind) *analysis.SuggestedFix {
	lit, ok := cur.Node().(*ast.CompositeLit)
	if !ok || rc.region == nil || kind == sinkV2Endpoint && !sdk.IsNamed(c.pass.TypesInfo.TypeOf(lit), sdk.V2AWS, "Endpoint") {
		return nil
	}
	before, after, ok := splitGlobalURL(url)
	if !ok {
		return nil
	}
	// The parameter must still be what its name denotes at the literal.
	name := rc.region.Name()
	if scope := c.pass.TypesInfo.Scopes[c.fileOf(lit.Pos())]; scope != nil {
		if _, obj := scope.Innermost(lit.Pos()).LookupParent(name, lit.Pos()); obj != rc.region {
			return nil
		}
	}
	edits := []analysis.TextEdit{{
		Pos: value.Pos(), End: value.End(),
		NewText: []byte(strconv.Quote(before+"sts.") + " + " + name + " + " + strconv.Quote(".amazonaws.com"+after)),
	}}
	if _, kv := elemWithKey(lit, "SigningRegion"); kv != nil {
		edits = append(edits, analysis.TextEdit{Pos: kv.Value.Pos(), End: kv.Value.End(), NewText: []byte(name)})
	} else {
		edits = append(edits, analysis.TextEdit{Pos: value.End(), End: value.End(), NewText: []byte(", SigningRegion: " + name)})
	}
	return suggested("Build the regional STS URL from "+name, nil, edits...)
}

// checkResolverCalls reports v1 EndpointFor calls that resolve STS without
// endpoints.STSRegionalEndpointOption: with no options the setting is Unset,
// which the resolver treats as legacy.
func (c *checker) checkResolverCalls() {
	if !c.on[V1ResolverCall] {
		return
	}
	for _, cur := range c.calls {
		call := cur.Node().(*ast.CallExpr)
		fn := c.callee(call)
		if fn == nil || fn.Name() != "EndpointFor" || sdk.Path(fn.Pkg()) != sdk.V1Endpoints || len(call.Args) < 2 {
			continue
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); !ok || !c.isSDKResolver(sel.X, 0) {
			// An endpoints.Resolver holding the program's own resolver
			// decides by its own code, not by the options.
			continue
		}
		svc, ok := c.constString(call.Args[0])
		if !ok {
			// A resolver that forwards a non-constant service but drops the
			// options it was given loses the session's STS setting.
			if !c.dropsResolverOpts(cur, call) {
				continue
			}
		} else if svc != "sts" {
			continue
		}
		if c.passesRegionalOption(call) {
			// Includes forwarded options (opts...), which carry the
			// session's setting.
			continue
		}
		im := c.imports(call.Rparen)
		text := ", " + im.Qualifier(sdk.V1Endpoints, "endpoints") + "STSRegionalEndpointOption"
		fix := suggested("Add endpoints.STSRegionalEndpointOption", im, analysis.TextEdit{Pos: call.Args[len(call.Args)-1].End(), End: call.Args[len(call.Args)-1].End(), NewText: []byte(text)})
		msg := "EndpointFor resolves STS without endpoints.STSRegionalEndpointOption, so the 15 legacy Regions resolve to the global endpoint sts.amazonaws.com (us-east-1); add the option"
		if !ok {
			msg = "custom resolver calls EndpointFor without forwarding its options, dropping the session's STSRegionalEndpoint setting, so STS in the 15 legacy Regions resolves to the global endpoint sts.amazonaws.com; pass endpoints.STSRegionalEndpointOption (or forward opts...)"
		}
		c.report(V1ResolverCall, call, msg, fix)
	}
}

// enclosingSig returns the signature of the innermost function (literal or
// declaration) around cur, or nil.
func (c *checker) enclosingSig(cur inspector.Cursor) *types.Signature {
	for fcur := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch f := fcur.Node().(type) {
		case *ast.FuncLit:
			sig, _ := c.pass.TypesInfo.TypeOf(f).(*types.Signature)
			return sig
		case *ast.FuncDecl:
			if fn, ok := c.pass.TypesInfo.Defs[f.Name].(*types.Func); ok {
				return fn.Signature()
			}
			return nil
		}
	}
	return nil
}

// isSDKResolver reports whether e provably is one of the SDK's own
// resolvers: a Partition value, or a Resolver obtained from a function of
// the endpoints package (DefaultResolver, AwsPartition …), directly or
// through variables.
func (c *checker) isSDKResolver(e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	e = ast.Unparen(e)
	if sdk.IsNamed(c.pass.TypesInfo.TypeOf(e), sdk.V1Endpoints, "Partition") {
		return true
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		fn := c.callee(x)
		return fn != nil && sdk.Path(fn.Pkg()) == sdk.V1Endpoints &&
			!sdk.IsNamed(c.pass.TypesInfo.TypeOf(x.Fun), sdk.V1Endpoints, "ResolverFunc")
	case *ast.Ident:
		v := c.localVar(x)
		if v == nil || c.params[v] || len(c.defs[v]) == 0 {
			return false
		}
		for _, d := range c.defs[v] {
			if d.rhs == nil || d.index > 0 || !c.isSDKResolver(d.rhs, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// passesRegionalOption reports whether the option arguments may select the
// regional STS endpoint: endpoints.STSRegionalEndpointOption, a function
// literal storing RegionalSTSEndpoint, or an option the analyzer cannot see
// into (given the benefit of the doubt). Other options of the endpoints
// package (StrictMatchingOption …) do not.
func (c *checker) passesRegionalOption(call *ast.CallExpr) bool {
	if call.Ellipsis.IsValid() {
		return true
	}
	for _, a := range call.Args[2:] {
		var id *ast.Ident
		switch x := ast.Unparen(a).(type) {
		case *ast.Ident:
			id = x
		case *ast.SelectorExpr:
			id = x.Sel
		case *ast.FuncLit:
			if c.storesRegional(x) {
				return true
			}
			continue
		default:
			return true
		}
		obj := c.pass.TypesInfo.Uses[id]
		if fn, ok := obj.(*types.Func); ok && sdk.Path(fn.Pkg()) == sdk.V1Endpoints {
			if fn.Name() == "STSRegionalEndpointOption" {
				return true
			}
			continue
		}
		return true
	}
	return false
}

// storesRegional reports whether a function literal stores
// RegionalSTSEndpoint into an STSRegionalEndpoint field.
func (c *checker) storesRegional(lit *ast.FuncLit) bool {
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
			for i, lhs := range as.Lhs {
				if c.isSTSRegionalField(lhs) {
					if v, ok := c.constInt(as.Rhs[i], 0); ok && v == sdk.STSRegional {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

// dropsResolverOpts reports whether call is inside a function that receives
// endpoint options (...func(*endpoints.Options)) and does not pass any on.
func (c *checker) dropsResolverOpts(cur inspector.Cursor, call *ast.CallExpr) bool {
	if len(call.Args) > 2 {
		return false
	}
	sig := c.enclosingSig(cur)
	if sig == nil || !sig.Variadic() {
		return false
	}
	slice, ok := sig.Params().At(sig.Params().Len() - 1).Type().Underlying().(*types.Slice)
	if !ok {
		return false
	}
	fsig, ok := slice.Elem().Underlying().(*types.Signature)
	return ok && fsig.Params().Len() == 1 && sdk.IsNamed(fsig.Params().At(0).Type(), sdk.V1Endpoints, "Options")
}
