package analyzer

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

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
			"such value, and url.Parse of one all count. An endpoint that is not constant is judged by the values that " +
			"can reach it, path by path: a default overwritten on some paths, a flag default, a settings field, a helper's " +
			"result, a parameter's callers, a URL formatted from an endpoint (endpoint + \"/\", fmt.Sprintf(\"%s/%s\", " +
			"endpoint, path)); the finding is where the global host is written, with \"may\" when other values reach the " +
			"sink too. A call from another package that passes the global URL into a parameter reaching a sink is " +
			"reported at the call.\n\n" +
			"Why: an explicit endpoint wins over everything the SDK would choose, so STS calls from every Region go to " +
			"us-east-1 (extra latency, a single-Region dependency, unreachable through STS VPC endpoints). In v2 the " +
			"request is also signed for the client's Region rather than us-east-1. A Setenv of AWS_ENDPOINT_URL_STS (read " +
			"by sts.NewFromConfig) or AWS_ENDPOINT_URL (read by config.LoadDefaultConfig) that runs in its function after " +
			"such a reader on every path, with nothing after it that could build another, changes nothing and is not reported.",
		Wrong: "svc := sts.NewFromConfig(cfg, func(o *sts.Options) {\n\to.BaseEndpoint = aws.String(\"https://sts.amazonaws.com\")\n})",
		Right: "svc := sts.NewFromConfig(cfg) // https://sts.<region>.amazonaws.com",
		Fix: "deletes the v2 BaseEndpoint field or assignment, the config.WithBaseEndpoint option, the " +
			"sts.WithEndpointResolver(sts.EndpointResolverFromURL(…)) option and the os.Setenv(\"AWS_ENDPOINT_URL_STS\", …) " +
			"statement; replaces a v1 Endpoint: aws.String(\"https://sts.amazonaws.com\") with STSRegionalEndpoint: " +
			"endpoints.RegionalSTSEndpoint (and WithEndpoint(…) with WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)), " +
			"so the SDK builds the partition-correct regional host and signing Region. Raw HTTP requests and env-var " +
			"literals get no fix: the request also needs a signing Region, which the analyzer cannot choose. Findings on " +
			"values that reach a sink (a default, a fallback, an argument) get no fix either: the value, not the sink, is " +
			"what changes, and it may serve other paths.",
	},
	Run: runSTS001,
}

const globalWhy = "sts.amazonaws.com is served from us-east-1 (extra latency, a single-Region dependency, unreachable through STS VPC endpoints)"

func runSTS001(p *pass) {
	for _, s := range p.flow.Sinks() {
		ep := p.flow.Value(s)
		if !ep.Known {
			// Not constant here: a default upstream, a value overwritten on
			// some paths, a flag, a settings field or a helper's result may
			// carry the global host into the sink.
			p.reportReachingGlobal(s)
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
		p.report(HardcodedGlobal, ep.At, msg, fix, sinkAt(s, ep.At)...)
	}
	// Values passed to other packages' functions whose parameter reaches
	// an endpoint sink there: the caller chooses the value, so the finding
	// is at the call.
	for _, cs := range p.flow.CallSinks() {
		if cs.Kind != flow.ParamEndpoint {
			continue
		}
		src := p.flow.GlobalSources(cs.Arg)
		if len(src.Matches) == 0 || p.inTestFile(cs.Arg) {
			continue
		}
		callee := calleeName(cs.Callee)
		msg := "the global STS endpoint sts.amazonaws.com passed here reaches " + sinkName(cs.Sink) + " in " + callee + ": "
		if !src.Always() {
			msg = callee + " may call the global STS endpoint sts.amazonaws.com when this argument is the global URL (it reaches " +
				sinkName(cs.Sink) + " there): "
		}
		p.report(HardcodedGlobal, cs.Arg, msg+globalWhy+"; pass https://sts.<region>.amazonaws.com", nil)
	}
	for _, cur := range p.flow.Lits() {
		p.checkEnvVarLit(cur.Node().(*ast.CompositeLit))
	}
}

// reportReachingGlobal reports the places where the global host is
// written that flow into a sink whose value is not constant: at the
// default or fallback, where the fix goes, with "may" when other values
// reach the sink too.
func (p *pass) reportReachingGlobal(s flow.Sink) {
	switch s.Kind {
	case sdk.SinkV1Resolved, sdk.SinkV2Endpoint:
		return // resolver results: STS005 and STS007
	}
	src := p.flow.GlobalSources(s.Value)
	for _, m := range src.Matches {
		if p.inTestFile(m) {
			// Test tables store expected URLs into the same fields; a
			// default worth fixing lives in real code.
			continue
		}
		what := "the global STS endpoint sts.amazonaws.com flows from here into "
		if src.IsResult(m) {
			what = "this call may return the global STS endpoint sts.amazonaws.com, which flows into "
		}
		msg := what + sinkName(s.Kind) + ": "
		if !src.Always() {
			msg += "STS calls may go to sts.amazonaws.com when this value reaches it (other paths set another endpoint); "
		}
		p.report(HardcodedGlobal, m, msg+globalWhy+"; default to https://sts.<region>.amazonaws.com"+sinkAdvice(s.Kind), nil, sinkAt(s, m)...)
	}
}

// sinkName names an endpoint sink in messages.
func sinkName(k sdk.Sink) string {
	switch k {
	case sdk.SinkV1Endpoint:
		return "an aws-sdk-go v1 aws.Config Endpoint"
	case sdk.SinkV2Base:
		return "an aws-sdk-go-v2 BaseEndpoint"
	case sdk.SinkV2BaseOpt:
		return "config.WithBaseEndpoint"
	case sdk.SinkV2FromURL:
		return "sts.EndpointResolverFromURL"
	case sdk.SinkEnv:
		return "AWS_ENDPOINT_URL[_STS]"
	case sdk.SinkRequest:
		return "a request URL"
	}
	return "an endpoint URL"
}

// sinkAdvice completes the advice for a sink kind.
func sinkAdvice(k sdk.Sink) string {
	switch k {
	case sdk.SinkRequest:
		return " and sign for that Region (unless a verifier on the other side only accepts the global host)"
	case sdk.SinkV1Endpoint:
		return ", or leave Endpoint unset (it bypasses the regional resolver) and set STSRegionalEndpoint to endpoints.RegionalSTSEndpoint"
	}
	return ", or leave it unset"
}

// calleeName renders pkg.Func or pkg.Type.Method for messages.
func calleeName(fn *types.Func) string {
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
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
