package analyzer

import (
	"go/token"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/stsregional/stsregional/analyzer/internal/flow"
)

var sts008 = Check{
	ID:       V1CredentialChain,
	Category: "v1-session-credential-chain",
	Default:  false,
	Doc: Doc{
		Title: "aws-sdk-go v1 session credential chain may call the global endpoint",
		Text: "An aws-sdk-go v1 session built by `session.NewSession` or `session.NewSessionWithOptions` (alone or " +
			"in `session.Must`) that sets no `Credentials` and is not provably regional, whether or not the code " +
			"builds an STS client from it. The finding names the session's Region (or says it is set at run " +
			"time, or that there is none in code).\n\n" +
			"Why: such a session resolves the default credential chain when it is built " +
			"(`aws/session/session.go` `mergeConfigSrcs`: only when `userCfg.Credentials == nil`), and that " +
			"chain builds an STS client of its own, `sts.New(&Session{Config: cfg})` with the session's merged " +
			"configuration, for web identity (`AWS_ROLE_ARN` + `AWS_WEB_IDENTITY_TOKEN_FILE`, as IRSA on EKS " +
			"sets them, or `web_identity_token_file` in a profile) and for assume-role profiles " +
			"(`aws/session/credentials.go` `resolveCredentials`, `assumeWebIdentity`, " +
			"`resolveCredsFromProfile`). In the 15 legacy Regions, and without a Region, that client calls " +
			"`AssumeRoleWithWebIdentity` or `AssumeRole` on `sts.amazonaws.com` unless the session is regional, " +
			"even when the session only serves S3 or DynamoDB. As for STS002, migrating to aws-sdk-go-v2 is the " +
			"lasting fix.\n\n" +
			"Off by default: whether the chain reaches STS depends on the deployment, and EKS's pod identity " +
			"webhook injects `AWS_STS_REGIONAL_ENDPOINTS=regional` by default. Not reported: sessions that set " +
			"`Credentials` to anything (field, `WithCredentials`, `session.Options.Config`: the chain is then " +
			"not resolved); `session.New`, whose chain (`defaults.CredChain`: environment, shared credentials " +
			"file, EC2/ECS role) has no STS provider unless `AWS_SDK_LOAD_CONFIG` is set; sessions with a " +
			"constant Region outside the legacy list, an explicit `Endpoint` or a FIPS or dual-stack variant; " +
			"sessions whose STS clients already get STS002 or STS003 with the fix at the same place (one defect, " +
			"one finding); and an explicit legacy setting (STS004). The process environment and " +
			"`-assume-env-regional` count as for STS002.",
		Wrong: "sess := session.Must(session.NewSession(&aws.Config{Region: aws.String(\"eu-west-1\")}))\ns3svc := s3.New(sess) // IRSA: AssumeRoleWithWebIdentity goes to sts.amazonaws.com",
		Right: "sess := session.Must(session.NewSession(&aws.Config{\n\tRegion:              aws.String(\"eu-west-1\"),\n\tSTSRegionalEndpoint: endpoints.RegionalSTSEndpoint,\n}))\ns3svc := s3.New(sess)",
		Fix: "as STS002 where the session is built: sets `STSRegionalEndpoint` in its configuration. Missing " +
			"imports are added.",
	},
	Run: runSTS008,
}

func runSTS008(p *pass) {
	// A session whose STS clients are reported already is one defect,
	// fixed at the same place.
	covered := map[any]bool{}
	for _, cl := range p.flow.Sessions.V1Clients() {
		switch cl.Mode {
		case flow.LegacyGlobal, flow.Unknown, flow.Conditional:
			covered[cl.At] = true
			if cl.Origin != nil {
				covered[cl.Origin.Node] = true
			}
		}
	}
	for _, cl := range p.flow.Sessions.ChainSessions() {
		switch {
		case cl.ExplicitLegacy:
			continue
		case cl.Mode == flow.LegacyGlobal, cl.Mode == flow.Unknown, cl.Mode == flow.Conditional:
		default:
			continue
		}
		if covered[cl.At] || covered[cl.Call] || cl.Origin != nil && covered[cl.Origin.Node] {
			continue
		}
		p.report(V1CredentialChain, cl.At, chainMessage(p.Fset, cl), p.v1SessionFix(cl))
	}
}

// chainMessage is the headline of a finding on session cl, whose default
// credential chain may build an STS client on the global endpoint.
func chainMessage(fset *token.FileSet, cl flow.Client) string {
	const who, change = "v1 session's credential chain may use the global endpoint ", "; set STSRegionalEndpoint"
	if cl.Mode == flow.Conditional {
		return fit(who, condText(fset, cl.Condition), change)
	}
	region := "(no Region in code)"
	if r := cl.Region; r != nil {
		region = "(Region set at runtime)"
		if r.Known {
			region = "(Region " + strconv.Quote(r.Value) + ")"
		}
	}
	return who + region + change
}

// v1SessionFix sets the regional mode where the session is built, or
// returns nil when its construction cannot be edited (cfgs...).
func (p *pass) v1SessionFix(cl flow.Client) *analysis.SuggestedFix {
	if edits, ok := p.originEdits(cl.Origin); ok {
		return suggested("Set STSRegionalEndpoint to endpoints.RegionalSTSEndpoint", nil, edits...)
	}
	return nil
}
