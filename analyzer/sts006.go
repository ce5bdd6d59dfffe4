package analyzer

import (
	"go/ast"

	"github.com/stsregional/stsregional/analyzer/internal/flow"
)

var sts006 = Check{
	ID:       GlobalPseudoRgn,
	Category: "global-pseudo-region",
	Default:  true,
	Doc: Doc{
		Title: "aws-global or empty Region reaches an STS client",
		Text: "The pseudo-Region `aws-global` reaches an STS client: a v1 session or `sts.New` config; in v2, " +
			"`config.WithRegion` or `config.WithDefaultRegion`, an `aws.Config` literal or a `cfg.Region` store " +
			"whose config flows into `sts.NewFromConfig` in the same package, `sts.Options{Region: …}`, or " +
			"`o.Region = …` on `sts.Options`. In v1 a provably empty Region (`aws.String(\"\")`) is reported too. " +
			"A Region parameter is followed to its callers: `aws-global` passed (or assigned as a fallback) into " +
			"a function of the same package whose parameter becomes an STS client's Region is reported where it " +
			"is written, and a call from another package that passes `aws-global` to such a parameter " +
			"(`stsutil.NewClient(ctx, \"aws-global\")`) is reported at the call. In v1, a client with an explicit " +
			"`Endpoint` or a FIPS or dual-stack variant is exempt: its Region only signs.\n\n" +
			"In v2 a client whose `BaseEndpoint` replaces the SDK's resolution is exempt the same way (a global " +
			"`BaseEndpoint` is STS001's finding): a `config.WithBaseEndpoint` option, an `aws.Config` or " +
			"`sts.Options` field, or an `o.BaseEndpoint` store in a client option (a literal, a named function, a " +
			"closure a helper returns). The SDK's own rules decide what counts: `config.WithBaseEndpoint(\"\")` " +
			"has no effect and a nil pointer is none, so `aws-global` still decides; any other pointer, even to " +
			"`\"\"`, is the endpoint. A store guarded by `if ep != \"\"` (or `len(ep) > 0`) counts when `ep` can be " +
			"set: not when every value that reaches it is empty (a flag's `\"\"` default, a settings field nothing " +
			"sets). When `ep` is a parameter of a helper of the package, each caller is judged on its own: the " +
			"one that passes `\"\"` gets the finding (at its Region argument, or at its call when the helper " +
			"writes `aws-global` itself), and the one that passes a URL is exempt. A " +
			"store on some paths only, under another condition, does not exempt the client. As for a v1 " +
			"`Endpoint`, a value read from the environment (`os.Getenv`) is trusted as set: the code cannot tell a " +
			"deployment that sets the variable from one that does not, so an unset variable is not reported.\n\n" +
			"Why: both SDKs map `aws-global` to `sts.amazonaws.com`, signed for us-east-1, whatever the STS " +
			"setting (`STSRegionalEndpoint` included); v1 resolves STS with an empty Region to the global " +
			"endpoint instead of failing. The same Region is correct for global services such as Route 53, so a " +
			"config is reported only when it reaches STS.\n\n" +
			"There is no autofix: a real Region is needed (from `AWS_REGION`, shared config, or instance " +
			"metadata with `config.WithEC2IMDSRegion`), and guessing one would change behaviour.",
		Wrong: "cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(\"aws-global\"))\nsvc := sts.NewFromConfig(cfg) // https://sts.amazonaws.com",
		Right: "cfg, err := config.LoadDefaultConfig(ctx) // Region from AWS_REGION, shared config, ...\nsvc := sts.NewFromConfig(cfg)",
	},
	Run: runSTS006,
}

const awsGlobalV2Msg = "Region aws-global reaches a v2 STS client, selecting the global endpoint; use a real Region"

// runSTS006 reports aws-global (and, in v1, empty) Regions of STS clients.
// There is no fix: a real Region is needed, and guessing one would change
// behaviour.
func runSTS006(p *pass) {
	for _, cl := range p.flow.Sessions.V1Clients() {
		if cl.Mode != flow.Global || cl.Region == nil {
			continue
		}
		var at ast.Node = cl.Region.Expr
		if cl.Region.Expr == nil {
			at = cl.Call // the Region comes from a helper's fact
		}
		if cl.Caller {
			at = cl.At // the caller that passes the Region
		}
		if cl.Region.Value == "" {
			p.report(GlobalPseudoRgn, at, "empty Region reaches a v1 STS "+whatText(cl)+", selecting the global endpoint; set a real Region", nil, p.routesAt(at)...)
			continue
		}
		p.report(GlobalPseudoRgn, at, "Region aws-global reaches a v1 STS "+whatText(cl)+", selecting the global endpoint; use a real Region", nil, p.routesAt(at)...)
	}
	// aws-global passed, in this package, into a parameter that becomes
	// an STS client's Region: reported where it is written.
	v1, v2 := p.flow.Facts.RegionSinks()
	for i, e := range append(v1, v2...) {
		sdkName := "v2"
		if i < len(v1) {
			sdkName = "v1"
		}
		src := p.flow.Values.RegionSources(e)
		for _, m := range src.Matches {
			flows := " flows "
			if !src.Always() {
				flows = " may flow " // other values reach the Region too
			}
			p.report(GlobalPseudoRgn, m, "Region aws-global"+flows+"from here into a "+sdkName+" STS client's Region; use a real Region", nil, p.routesAt(m, e)...)
		}
	}
	// After the sinks' sources: a constant that reaches a config's Region
	// from a caller keeps the message that says it flows from there.
	for _, e := range p.flow.Routes.V2GlobalRegions() {
		p.report(GlobalPseudoRgn, e, awsGlobalV2Msg, nil, p.routesAt(e)...)
	}
	// aws-global passed to another package's function whose parameter
	// becomes an STS client's Region there.
	for _, cs := range p.flow.Facts.CallSinks() {
		if cs.Kind != flow.ParamRegionV1 && cs.Kind != flow.ParamRegionV2 {
			continue
		}
		src := p.flow.Values.RegionSources(cs.Arg)
		if len(src.Matches) == 0 {
			continue
		}
		sdkName := "v2"
		if cs.Kind == flow.ParamRegionV1 {
			sdkName = "v1"
		}
		callee := calleeName(cs.Callee)
		msg := fit("Region aws-global passed here becomes a "+sdkName+" STS client's Region in ", callee, "; pass a real Region")
		if !src.Always() {
			msg = fit("", callee, " may use the global STS endpoint when this argument is aws-global; pass a real Region")
		}
		p.report(GlobalPseudoRgn, cs.Arg, msg, nil)
	}
}
