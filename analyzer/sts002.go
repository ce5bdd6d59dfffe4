package analyzer

import (
	"strconv"

	"github.com/stsregional/stsregional/analyzer/internal/flow"
)

var sts002 = Check{
	ID:       V1NotRegional,
	Category: "v1-sts-not-regional",
	Default:  true,
	Doc: Doc{
		Title: "aws-sdk-go v1 session not regional",
		Text: "An aws-sdk-go v1 STS client (sts.New) or STS credential provider (stscreds.NewCredentials, " +
			"stscreds.NewWebIdentityCredentials) is built from a session that does not provably set STSRegionalEndpoint to " +
			"endpoints.RegionalSTSEndpoint and has no Region the analyzer can see: a session built without a Region (here or " +
			"by a helper function in any package), a session parameter, a struct field or other value the analyzer does not " +
			"follow, or one built from cfgs.... A config with an explicit Endpoint, constant or known only at run time (a " +
			"flag, a settings field, an environment variable, a URL built with fmt.Sprintf), is not reported: a non-empty " +
			"Endpoint bypasses the resolver, and STS001 judges the values that reach it.\n\n" +
			"Why: v1 defaults to the legacy STS mode: in the 15 legacy Regions, and with no Region at all, STS calls go to " +
			"sts.amazonaws.com. aws-sdk-go v1 reached end of support on 2025-07-31; the setting is a stop-gap, migrating to " +
			"aws-sdk-go-v2 (regional by default) the lasting fix.\n\n" +
			"With -assume-env-regional (every deployment sets AWS_STS_REGIONAL_ENDPOINTS=regional), clients whose session " +
			"reads the environment (session.NewSession, session.NewSessionWithOptions) or cannot be followed are not " +
			"reported. A package that calls os.Setenv(\"AWS_STS_REGIONAL_ENDPOINTS\", \"regional\") gets the same credit where the " +
			"call runs before the session is built: earlier in the same function on every path, in an init function, or in " +
			"main.main before the call that builds the session; a package that also sets \"legacy\" gets it only from the same " +
			"function.\n\n" +
			"A session that is regional on some paths only (the setting in one branch, if region != \"\" { … }) is reported " +
			"where it is built without the setting, with the condition of that path: \"may call … when region != \"\" is false\".",
		Wrong: "sess := session.Must(session.NewSession()) // Region from AWS_REGION at run time\nsvc := sts.New(sess)",
		Right: "sess := session.Must(session.NewSession(&aws.Config{\n\tSTSRegionalEndpoint: endpoints.RegionalSTSEndpoint,\n}))\nsvc := sts.New(sess)",
		Fix: "when the session is built in the package, sets STSRegionalEndpoint where it is built (in the &aws.Config{…} " +
			"literal, on an aws.NewConfig() chain, as an extra &aws.Config{…} argument, or in session.Options.Config), which " +
			"also moves the STS clients the session builds internally for web identity and assume-role profiles; otherwise " +
			"pins this client: sts.New(sess, &aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}), " +
			"stscreds.NewCredentials(sess.Copy(&aws.Config{…}), roleARN), or stscreds.NewCredentialsWithClient(sts.New(p, " +
			"&aws.Config{…}), roleARN) for a provider that is not a *session.Session. Missing imports are added.",
	},
	Run: func(p *pass) { p.checkV1Clients(V1NotRegional) },
}

const v1StopGap = "; migrating to aws-sdk-go-v2, regional by default, is the lasting fix"

// checkV1Clients reports the aws-sdk-go v1 STS clients whose verdict is
// legacy-global or unknown: under STS003 those with a Region in code, under
// STS002 the others. An explicit legacy setting is STS004's.
func (p *pass) checkV1Clients(id string) {
	for _, cl := range p.flow.V1Clients() {
		switch {
		case cl.ExplicitLegacy:
			continue
		case cl.Mode == flow.LegacyGlobal, cl.Mode == flow.Unknown, cl.Mode == flow.Conditional:
		default:
			continue
		}
		if (cl.Region != nil) != (id == V1RegionTrap) {
			continue
		}
		p.report(id, cl.At, v1Message(cl), p.v1ClientFix(cl), p.routesAt(cl.At)...)
	}
}

// v1Message says why the client cl calls the global endpoint.
func v1Message(cl flow.Client) string {
	if cl.Mode == flow.Conditional {
		why := "on that path this session does not set STSRegionalEndpoint to endpoints.RegionalSTSEndpoint"
		if r := cl.Region; r != nil && r.Known {
			why += " and its Region is " + strconv.Quote(r.Value)
		}
		return "aws-sdk-go v1 STS " + cl.What + " may call the global endpoint sts.amazonaws.com (us-east-1) " + cl.Condition + ": " + why +
			", and v1 defaults to the legacy global endpoint in the 15 legacy Regions and without a Region; set it where this session is built" + v1StopGap
	}
	if r := cl.Region; r != nil {
		region := "set at runtime"
		if r.Known {
			region = strconv.Quote(r.Value)
		}
		return "aws-sdk-go v1 STS " + cl.What + " calls the global endpoint sts.amazonaws.com although its Region is " + region +
			": in aws-sdk-go v1 setting Region does not move STS off the global endpoint; also set STSRegionalEndpoint to endpoints.RegionalSTSEndpoint" + v1StopGap
	}
	src := "its session does not set STSRegionalEndpoint to endpoints.RegionalSTSEndpoint"
	if cl.Source != "" {
		src = cl.Source + " is not provably configured with STSRegionalEndpoint: endpoints.RegionalSTSEndpoint"
	}
	return "aws-sdk-go v1 STS " + cl.What + " may call the global endpoint sts.amazonaws.com (us-east-1): " + src +
		", and v1 defaults to the legacy global endpoint" + v1StopGap
}
