package analyzer

import (
	"go/ast"

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
