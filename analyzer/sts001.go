package analyzer

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/stsregional/stsregional/analyzer/internal/flow"
	"github.com/stsregional/stsregional/analyzer/internal/host"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

var sts001 = Check{
	ID:       HardcodedGlobal,
	Category: "hardcoded-global-endpoint",
	Default:  true,
	Doc: Doc{
		Title: "hard-coded global endpoint",
		Text: "A constant global STS URL or host (sts.amazonaws.com, with or without scheme, port or path, in any case) " +
			"reaches an endpoint sink: the v1 aws.Config Endpoint field or WithEndpoint; the v2 BaseEndpoint of sts.Options " +
			"or aws.Config, config.WithBaseEndpoint, sts.EndpointResolverFromURL; an aws.Endpoint, endpoints.ResolvedEndpoint " +
			"or smithy endpoints.Endpoint built outside a resolver function; the URL of http.NewRequest, " +
			"http.NewRequestWithContext, http.Get, Head, Post and PostForm, or http.Request.URL; os.Setenv or t.Setenv of " +
			"AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL; and {Name, Value} literals such as a Kubernetes corev1.EnvVar setting " +
			"those variables. Named constants, concatenations, fmt.Sprintf of constants, variables only ever assigned one " +
			"such value, and url.Parse of one all count; a request URL that is not constant is traced back through " +
			"variables, fields and parameters to a global default.\n\n" +
			"Why: an explicit endpoint wins over everything the SDK would choose, so STS calls from every Region go to " +
			"us-east-1 (extra latency, a single-Region dependency, unreachable through STS VPC endpoints). In v2 the " +
			"request is also signed for the client's Region rather than us-east-1.",
		Wrong: "svc := sts.NewFromConfig(cfg, func(o *sts.Options) {\n\to.BaseEndpoint = aws.String(\"https://sts.amazonaws.com\")\n})",
		Right: "svc := sts.NewFromConfig(cfg) // https://sts.<region>.amazonaws.com",
		Fix: "deletes the v2 BaseEndpoint field or assignment, the config.WithBaseEndpoint option, the " +
			"sts.WithEndpointResolver(sts.EndpointResolverFromURL(…)) option and the os.Setenv(\"AWS_ENDPOINT_URL_STS\", …) " +
			"statement; replaces a v1 Endpoint: aws.String(\"https://sts.amazonaws.com\") with STSRegionalEndpoint: " +
			"endpoints.RegionalSTSEndpoint (and WithEndpoint(…) with WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)), " +
			"so the SDK builds the partition-correct regional host and signing Region. Raw HTTP requests and env-var " +
			"literals get no fix: the request also needs a signing Region, which the analyzer cannot choose.",
	},
	Run: runSTS001,
}

const globalWhy = "sts.amazonaws.com is served from us-east-1 (extra latency, a single-Region dependency, unreachable through STS VPC endpoints)"

func runSTS001(p *pass) {
	for _, s := range p.flow.Sinks() {
		ep := p.flow.Value(s)
		if !ep.Known && s.Kind == sdk.SinkRequest {
			// Not constant here: a hand-rolled client may carry the global
			// host through fields and parameters from a default upstream.
			for _, src := range p.flow.TraceGlobal(s.Value) {
				if p.inTestFile(src) {
					// Test tables store expected URLs into the same fields;
					// a default worth fixing lives in real code.
					continue
				}
				p.report(HardcodedGlobal, src, "the global STS endpoint sts.amazonaws.com flows from here into a request URL: "+
					globalWhy+"; default to https://sts.<region>.amazonaws.com and sign for that Region (unless a verifier on the other side only accepts the global host)", nil)
			}
			continue
		}
		if !ep.Global() {
			continue
		}
		if s.Kind == sdk.SinkV1Resolved || s.Kind == sdk.SinkV2Endpoint {
			if _, ok := p.flow.ResolverAt(s.Cur); ok {
				continue // a custom resolver's result: STS005 and STS007
			}
		}
		msg, fix := p.literalFinding(s)
		p.report(HardcodedGlobal, ep.At, msg, fix)
	}
	for _, cur := range p.flow.Lits() {
		p.checkEnvVarLit(cur.Node().(*ast.CompositeLit))
	}
}

// checkEnvVarLit reports a {Name, Value} struct literal that sets
// AWS_ENDPOINT_URL[_STS] to the global endpoint.
func (p *pass) checkEnvVarLit(lit *ast.CompositeLit) {
	name, value := p.flow.EnvVarFields(lit)
	if name == nil || value == nil {
		return
	}
	key, ok := p.flow.ConstString(p.flow.UnwrapPtr(name))
	if !ok || (key != sdk.EnvEndpointURLSTS && key != sdk.EnvEndpointURL) {
		return
	}
	if s, ok := p.flow.ConstString(p.flow.UnwrapPtr(value)); ok && host.IsGlobal(s) {
		p.report(HardcodedGlobal, value,
			"environment variable "+key+" is the global STS endpoint sts.amazonaws.com: aws-sdk-go-v2 STS clients in that process call us-east-1 instead of their Region; remove it or use https://sts.<region>.amazonaws.com", nil)
	}
}

// literalFinding returns the message and fix for a global endpoint in a
// sink outside a custom resolver.
func (p *pass) literalFinding(s flow.Sink) (string, *analysis.SuggestedFix) {
	switch s.Kind {
	case sdk.SinkV1Endpoint:
		return "aws.Config Endpoint pins STS to the global endpoint and bypasses the regional resolver: " + globalWhy +
			"; remove it and set STSRegionalEndpoint to endpoints.RegionalSTSEndpoint", p.fixV1Endpoint(s.Cur, s.Value)
	case sdk.SinkV2Base:
		return "BaseEndpoint overrides aws-sdk-go-v2's regional STS default: " + globalWhy + "; delete it", p.fixDeleteSetting(s.Cur, s.Value)
	case sdk.SinkV2BaseOpt:
		return "config.WithBaseEndpoint sends every client of this config, STS included, to sts.amazonaws.com: " + globalWhy + "; delete it", p.fixDeleteArgOf(s.Cur)
	case sdk.SinkV2FromURL:
		return "sts.EndpointResolverFromURL pins STS to the global endpoint (a deprecated resolver that also signs for the client Region): " + globalWhy + "; delete it so the regional default applies", p.fixDeleteResolverFromURL(s.Cur)
	case sdk.SinkEnv:
		return "setting AWS_ENDPOINT_URL[_STS] to sts.amazonaws.com pins every aws-sdk-go-v2 STS client of the process to the global endpoint: " + globalWhy + "; delete it", p.fixDeleteExprStmt(s.Cur)
	case sdk.SinkRequest:
		return "request URL is hard-coded to the global STS endpoint: " + globalWhy +
			"; use https://sts.<region>.amazonaws.com and sign for that Region (unless a verifier on the other side only accepts the global host)", nil
	}
	return "endpoint URL is the global STS endpoint: " + globalWhy + "; use the regional endpoint sts.<region>.amazonaws.com", nil
}

// fixV1Endpoint replaces a v1 global Endpoint by the regional STS setting:
// the SDK then builds the partition-correct regional host and signing Region.
//
//	&aws.Config{Region: r, Endpoint: aws.String("https://sts.amazonaws.com")}
//	&aws.Config{Region: r, STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}
func (p *pass) fixV1Endpoint(cur inspector.Cursor, value ast.Expr) *analysis.SuggestedFix {
	const msg = "Replace the global Endpoint with STSRegionalEndpoint: endpoints.RegionalSTSEndpoint"
	switch n := cur.Node().(type) {
	case *ast.CompositeLit:
		i, kv := elemWithValue(n, value)
		if kv == nil {
			return nil
		}
		if _, has := flow.ElemWithKey(n, "STSRegionalEndpoint"); has != nil {
			return suggested(msg, nil, deleteElem(n, i))
		}
		im := p.imports(kv.Pos())
		return suggested(msg, im, analysis.TextEdit{Pos: kv.Pos(), End: kv.End(), NewText: []byte("STSRegionalEndpoint: " + regionalValue(im))})
	case *ast.AssignStmt:
		sel, ok := ast.Unparen(n.Lhs[0]).(*ast.SelectorExpr)
		if !ok || len(n.Lhs) != 1 {
			return nil
		}
		im := p.imports(n.Pos())
		return suggested(msg, im,
			analysis.TextEdit{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("STSRegionalEndpoint")},
			analysis.TextEdit{Pos: n.Rhs[0].Pos(), End: n.Rhs[0].End(), NewText: []byte(regionalValue(im))})
	case *ast.CallExpr:
		sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
		if !ok || len(n.Args) != 1 {
			return nil
		}
		im := p.imports(n.Pos())
		return suggested("Replace WithEndpoint with WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)", im,
			analysis.TextEdit{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("WithSTSRegionalEndpoint")},
			analysis.TextEdit{Pos: n.Args[0].Pos(), End: n.Args[0].End(), NewText: []byte(regionalValue(im))})
	}
	return nil
}

// fixDeleteSetting deletes a BaseEndpoint field or assignment.
func (p *pass) fixDeleteSetting(cur inspector.Cursor, value ast.Expr) *analysis.SuggestedFix {
	const msg = "Delete the global BaseEndpoint override"
	switch n := cur.Node().(type) {
	case *ast.CompositeLit:
		if i, kv := elemWithValue(n, value); kv != nil {
			return suggested(msg, nil, deleteElem(n, i))
		}
	case *ast.AssignStmt:
		if len(n.Lhs) != 1 {
			return nil
		}
		// The only statement of an option function passed to a call
		// (func(o *sts.Options) { o.BaseEndpoint = … }): delete the whole
		// option rather than leave an empty one behind.
		if body, ok := cur.Parent().Node().(*ast.BlockStmt); ok && len(body.List) == 1 {
			litCur := cur.Parent().Parent()
			if _, ok := litCur.Node().(*ast.FuncLit); ok {
				if e, ok := deleteArg(litCur); ok {
					return suggested(msg, nil, e)
				}
			}
		}
		if e, ok := p.deleteStmt(cur); ok {
			return suggested(msg, nil, e)
		}
	}
	return nil
}

// fixDeleteArgOf deletes the option call at cur from the argument list of
// the call it is passed to (config.LoadDefaultConfig(ctx, opt)).
func (p *pass) fixDeleteArgOf(cur inspector.Cursor) *analysis.SuggestedFix {
	if e, ok := deleteArg(cur); ok {
		return suggested("Delete the global endpoint option", nil, e)
	}
	return nil
}

// fixDeleteResolverFromURL deletes sts.WithEndpointResolver(
// sts.EndpointResolverFromURL(global)) from its call, or the assignment
// o.EndpointResolver = sts.EndpointResolverFromURL(global).
func (p *pass) fixDeleteResolverFromURL(cur inspector.Cursor) *analysis.SuggestedFix {
	const msg = "Delete the global endpoint resolver"
	parent := cur.Parent()
	switch n := parent.Node().(type) {
	case *ast.CallExpr:
		if _, e := p.flow.Lookup(n); e.Role == sdk.V2WithEndpointResolver {
			if e, ok := deleteArg(parent); ok {
				return suggested(msg, nil, e)
			}
		}
	case *ast.AssignStmt:
		if len(n.Lhs) == 1 {
			if e, ok := p.deleteStmt(parent); ok {
				return suggested(msg, nil, e)
			}
		}
	case *ast.KeyValueExpr:
		if lit, ok := parent.Parent().Node().(*ast.CompositeLit); ok {
			for i, elt := range lit.Elts {
				if elt == n {
					return suggested(msg, nil, deleteElem(lit, i))
				}
			}
		}
	}
	return nil
}

// fixDeleteExprStmt deletes a call statement such as os.Setenv(k, v) whose
// result is ignored.
func (p *pass) fixDeleteExprStmt(cur inspector.Cursor) *analysis.SuggestedFix {
	parent := cur.Parent()
	if _, ok := parent.Node().(*ast.ExprStmt); !ok {
		return nil
	}
	if e, ok := p.deleteStmt(parent); ok {
		return suggested("Delete the global endpoint setting", nil, e)
	}
	return nil
}
