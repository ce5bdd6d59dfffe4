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
		Text: "The pseudo-Region aws-global reaches an STS client: a v1 session or sts.New config; in v2, config.WithRegion " +
			"or config.WithDefaultRegion, an aws.Config literal or a cfg.Region store whose config flows into " +
			"sts.NewFromConfig in the same package, sts.Options{Region: …}, or o.Region = … on sts.Options. In v1 a provably " +
			"empty Region (aws.String(\"\")) is reported too.\n\n" +
			"Why: both SDKs map aws-global to sts.amazonaws.com, signed for us-east-1, whatever the STS setting; v1 resolves " +
			"STS with an empty Region to the global endpoint instead of failing. The same Region is correct for global " +
			"services such as Route 53, so a config is reported only when it reaches STS.",
		Wrong: "cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(\"aws-global\"))\nsvc := sts.NewFromConfig(cfg) // https://sts.amazonaws.com",
		Right: "cfg, err := config.LoadDefaultConfig(ctx) // Region from AWS_REGION, shared config, ...\nsvc := sts.NewFromConfig(cfg)",
	},
	Run: runSTS006,
}

const awsGlobalV2Msg = "Region aws-global reaches an aws-sdk-go-v2 STS client: the endpoint rules send aws-global to the global endpoint sts.amazonaws.com (us-east-1); use a real Region (AWS_REGION, shared config, or config.WithEC2IMDSRegion)"

// runSTS006 reports aws-global (and, in v1, empty) Regions of STS clients.
// There is no fix: a real Region is needed, and guessing one would change
// behaviour.
func runSTS006(p *pass) {
	for _, cl := range p.flow.V1Clients() {
		if cl.Mode != flow.Global || cl.Region == nil {
			continue
		}
		var at ast.Node = cl.Region.Expr
		if cl.Region.Expr == nil {
			at = cl.Call // the Region comes from a helper's fact
		}
		if cl.Region.Value == "" {
			p.report(GlobalPseudoRgn, at, "empty Region reaches an aws-sdk-go v1 STS "+cl.What+": v1 resolves STS without a Region to the global endpoint sts.amazonaws.com (us-east-1) instead of failing; set a real Region", nil)
			continue
		}
		p.report(GlobalPseudoRgn, at, "Region aws-global reaches an aws-sdk-go v1 STS "+cl.What+": it always selects the global endpoint sts.amazonaws.com (us-east-1), whatever STSRegionalEndpoint says; use a real Region (from AWS_REGION, shared config or instance metadata)", nil)
	}
	for _, e := range p.flow.V2GlobalRegions() {
		p.report(GlobalPseudoRgn, e, awsGlobalV2Msg, nil)
	}
}
