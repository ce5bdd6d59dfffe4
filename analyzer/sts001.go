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
		Text: "A constant global STS URL or host (`sts.amazonaws.com`, with or without scheme, port or path, in " +
			"any case) reaches an endpoint sink: the v1 `aws.Config` `Endpoint` field or `WithEndpoint`; the v2 " +
			"`BaseEndpoint` of `sts.Options` or `aws.Config`, `config.WithBaseEndpoint`, " +
			"`sts.EndpointResolverFromURL`; an `aws.Endpoint`, `endpoints.ResolvedEndpoint` or smithy " +
			"`endpoints.Endpoint` built outside a resolver function; the URL of `http.NewRequest`, " +
			"`http.NewRequestWithContext`, `http.Get`, `Head`, `Post` and `PostForm`, or `http.Request.URL`; " +
			"`os.Setenv` or `t.Setenv` of `AWS_ENDPOINT_URL_STS` or `AWS_ENDPOINT_URL`; and `{Name, Value}` " +
			"literals such as a Kubernetes `corev1.EnvVar` setting those variables. Named constants, " +
			"concatenations, `fmt.Sprintf` of constants, variables only ever assigned one such value, and " +
			"`url.Parse` of one all count. A request that `http.NewRequest` builds counts only where it may be sent " +
			"(passed to `http.Client.Do` or a transport, returned, stored where the analysis cannot follow): one " +
			"that only goes to the SDK's SigV4 signer (`SignHTTP`, `PresignHTTP`, `Sign`, `Presign`) or a presigner " +
			"fake and is compared, as a signer's test does, calls nothing; a presigned URL counts like the request.\n\n" +
			"An endpoint that is not constant where it is used is judged by the values that can reach it, path " +
			"by path: a default overwritten only on some paths (`if v := os.Getenv(…); v != \"\" { endpoint = v " +
			"}`), a flag default (`flag.String`, `flag.StringVar`, `FlagSet` methods), a field of the program's " +
			"own settings type, the result of a helper, parameters through their callers, and a URL formatted " +
			"from an endpoint (`endpoint + \"/\"`, `fmt.Sprintf(\"%s/%s\", endpoint, path)`, `\"https://\" + host + " +
			"\"/\"`). The finding is where the global host is written (the default, the fallback), and says \"may\" " +
			"when other values reach the sink too. Where the sink itself gets no fix (a request URL) and no other " +
			"value reaches it, a global value taken from an unexported constant that has no other use is " +
			"reported at the constant's declaration, with the use and the sink as related locations: changing " +
			"the constant is the whole fix. An exported constant, or one used more than once (in the package's " +
			"own files), is reported at each use instead, and so is a use that a suppression directive already " +
			"covers. A regional URL built at run time (`fmt.Sprintf(\"https://sts.%s.amazonaws.com\", r)`) " +
			"is not reported. Across packages, a function " +
			"whose parameter reaches an endpoint sink is judged at each call from another package: passing the " +
			"global URL (or the result of a function that may return it, such as the fallback of `func " +
			"Endpoint(region string) (string, bool)` when the Region may be empty) is reported at the call.\n\n" +
			"An `os.Setenv` of `AWS_ENDPOINT_URL_STS` counts only where it can run before an aws-sdk-go-v2 STS " +
			"client is built: v2 reads it in `sts.NewFromConfig` (`service/sts` `endpoints.go` " +
			"`resolveBaseEndpoint` → `EnvConfig.GetServiceBaseEndpoint`, an `os.Getenv` at that moment), and " +
			"`AWS_ENDPOINT_URL` in `config.LoadDefaultConfig`. A `Setenv` is not reported when, in its function, " +
			"a call that reads the variable (`sts.NewFromConfig`; for `AWS_ENDPOINT_URL`, `LoadDefaultConfig`) " +
			"runs on every path before it and nothing after it, nor in a loop around it, can build another " +
			"reader: another `NewFromConfig` or `LoadDefaultConfig` (which builds STS clients of its own for web " +
			"identity and assume-role credentials), a function of the package that reaches one, or a call the " +
			"analysis cannot see into (a function value, an interface method, a package outside the standard " +
			"library and the SDK). A `Setenv` in `init`, in a closure, or in a function that builds no client " +
			"first is reported.\n\n" +
			"Why: an explicit endpoint wins over everything the SDK would choose, so STS calls from every Region " +
			"go to `sts.amazonaws.com`, which is served from us-east-1: extra latency, a single-Region " +
			"dependency, and no path through STS VPC endpoints. In v2 the request is also signed for the " +
			"client's Region rather than us-east-1.\n\n" +
			"What to change: delete a v2 override (v2 is regional by default); replace a v1 `Endpoint` with " +
			"`STSRegionalEndpoint: endpoints.RegionalSTSEndpoint` (a non-empty `Endpoint` bypasses the regional " +
			"resolver); make a default, a fallback or an argument `https://sts.<region>.amazonaws.com`. A " +
			"hand-built request needs that URL and a signature for the same Region, unless a verifier on the " +
			"other side only accepts the global host (then suppress the finding, with that reason).",
		Wrong: "svc := sts.NewFromConfig(cfg, func(o *sts.Options) {\n\to.BaseEndpoint = aws.String(\"https://sts.amazonaws.com\")\n})",
		Right: "svc := sts.NewFromConfig(cfg) // https://sts.<region>.amazonaws.com",
		Fix: "deletes the v2 `BaseEndpoint` field or assignment, the `config.WithBaseEndpoint` option, the " +
			"`sts.WithEndpointResolver(sts.EndpointResolverFromURL(…))` option and the " +
			"`os.Setenv(\"AWS_ENDPOINT_URL_STS\", …)` statement; replaces a v1 `Endpoint: " +
			"aws.String(\"https://sts.amazonaws.com\")` with `STSRegionalEndpoint: endpoints.RegionalSTSEndpoint` " +
			"(and `WithEndpoint(…)` with `WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)`), so the SDK " +
			"builds the partition-correct regional host and signing Region. Raw HTTP requests and env-var " +
			"literals get no fix: the request also needs a signing Region, which the analyzer cannot choose. " +
			"Findings on values that reach a sink (a default, a fallback, an argument) get no fix either: the " +
			"value, not the sink, is what changes, and it may serve other paths.",
	},
	Run: runSTS001,
}

// regionalURL is the endpoint the messages of STS001 suggest.
const regionalURL = "https://sts.<region>.amazonaws.com"

func runSTS001(p *pass) {
	for _, s := range p.flow.Sinks() {
		if (s.Kind == sdk.SinkV1Resolved || s.Kind == sdk.SinkV2Endpoint) && !p.flow.ReachesSDK(s.Value) {
			// A resolved endpoint that is only compared or kept, never
			// returned to the SDK, is no endpoint.
			continue
		}
		if !p.flow.RequestSent(s) {
			// A request only signed or presigned and compared, never
			// sent, calls no endpoint.
			continue
		}
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
		if fix == nil && p.reportAtConst(s, ep.At) {
			continue
		}
		p.report(HardcodedGlobal, ep.At, msg, fix, append(sinkAt(s, ep.At), p.constAt(ep.At)...)...)
	}
	// Values passed to other packages' functions whose parameter reaches
	// an endpoint sink there: the caller chooses the value, so the finding
	// is at the call.
	for _, cs := range p.flow.Facts.CallSinks() {
		if cs.Kind != flow.ParamEndpoint {
			continue
		}
		src := p.flow.Values.GlobalSources(cs.Arg)
		if len(src.Matches) == 0 || p.inTestFile(cs.Arg) {
			continue
		}
		callee := calleeName(cs.Callee)
		msg := fit("sts.amazonaws.com passed here reaches "+sinkName(cs.Sink)+" in ", callee, "; pass a regional STS URL")
		if !src.Always() {
			msg = fit("", callee, " may call sts.amazonaws.com when this argument is the global URL; pass a regional STS URL")
		}
		p.report(HardcodedGlobal, cs.Arg, msg, nil)
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
	src := p.flow.Values.GlobalSources(s.Value)
	for _, m := range src.Matches {
		if p.inTestFile(m) {
			// Test tables store expected URLs into the same fields; a
			// default worth fixing lives in real code.
			continue
		}
		msg := "sts.amazonaws.com flows from here into " + sinkName(s.Kind) + "; use " + regionalURL
		switch {
		case src.IsResult(m):
			msg = "this call may return sts.amazonaws.com, which flows into " + sinkName(s.Kind) + "; return a regional URL"
		case !src.Always():
			// Other paths set another endpoint: m is a default or a
			// fallback, the choice to change, wherever it comes from.
			msg = "sts.amazonaws.com may flow from here into " + sinkName(s.Kind) + "; use " + regionalURL
		default:
			if p.reportAtConst(s, m) {
				continue
			}
		}
		p.report(HardcodedGlobal, m, msg, nil, append(sinkAt(s, m), p.constAt(m)...)...)
	}
}

// reportAtConst reports the global value at n, the only value that
// reaches the sink s, a finding without a fix, at the declaration of the
// constant n uses when that constant serves only this use
// (dedicatedConst): the value, not the sink, is what changes. (A default
// or a fallback overwritten on other paths stays where it is chosen.) It
// reports whether it did.
func (p *pass) reportAtConst(s flow.Sink, n ast.Node) bool {
	decl, ok := p.dedicatedConst(n)
	if !ok || p.directives.covers(p.Fset, HardcodedGlobal, n.Pos()) {
		// A directive at the use already answers the finding there (it
		// may predate this placement): it stays where it suppresses.
		return false
	}
	related := sinkAt(s, decl)
	if v := s.Value; v == nil || n.Pos() < v.Pos() || v.End() < n.End() {
		related = append(related, analysis.RelatedInformation{Pos: n.Pos(), End: n.End(),
			Message: "the constant " + decl.Name + " is used here"})
	}
	p.report(HardcodedGlobal, decl, "sts.amazonaws.com flows from here into "+sinkName(s.Kind)+"; use "+regionalURL,
		nil, related...)
	return true
}

// sinkName names an endpoint sink in messages.
func sinkName(k sdk.Sink) string {
	switch k {
	case sdk.SinkV1Endpoint:
		return "a v1 aws.Config Endpoint"
	case sdk.SinkV2Base:
		return "a v2 BaseEndpoint"
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
	key, ok := p.flow.Values.ConstString(p.flow.Values.UnwrapPtr(name))
	if !ok || (key != sdk.EnvEndpointURLSTS && key != sdk.EnvEndpointURL) {
		return
	}
	if s, ok := p.flow.Values.ConstString(p.flow.Values.UnwrapPtr(value)); ok && host.IsGlobal(s) {
		p.report(HardcodedGlobal, value, key+"=sts.amazonaws.com pins v2 STS clients to it; remove it or use a regional URL", nil)
	}
}

// literalFinding returns the message and fix for a global endpoint in a
// sink outside a custom resolver.
func (p *pass) literalFinding(s flow.Sink) (string, *analysis.SuggestedFix) {
	switch s.Kind {
	case sdk.SinkV1Endpoint:
		return "aws.Config Endpoint pins STS to the global endpoint; remove it and set STSRegionalEndpoint", p.fixV1Endpoint(s.Cur, s.Value)
	case sdk.SinkV2Base:
		return "BaseEndpoint pins STS to the global endpoint; delete it (v2 is regional by default)", p.fixDeleteSetting(s.Cur, s.Value)
	case sdk.SinkV2BaseOpt:
		return "config.WithBaseEndpoint sends every client of this config to sts.amazonaws.com; delete it", p.fixDeleteArgOf(s.Cur)
	case sdk.SinkV2FromURL:
		return "sts.EndpointResolverFromURL pins STS to the global endpoint; delete it", p.fixDeleteResolverFromURL(s.Cur)
	case sdk.SinkEnv:
		return "AWS_ENDPOINT_URL[_STS] set to sts.amazonaws.com pins v2 STS clients to it; delete the setting", p.fixDeleteExprStmt(s.Cur)
	case sdk.SinkRequest:
		return "request URL is the global STS endpoint; use " + regionalURL + " and sign for that Region", nil
	}
	return "endpoint URL is the global STS endpoint; use " + regionalURL, nil
}
