package analyzer

import (
	"go/token"
	"slices"
	"strconv"
	"strings"

	"github.com/stsregional/stsregional/analyzer/internal/flow"
)

var sts002 = Check{
	ID:       V1NotRegional,
	Category: "v1-sts-not-regional",
	Default:  true,
	Doc: Doc{
		Title: "aws-sdk-go v1 session not regional",
		Text: "An aws-sdk-go v1 STS client (`sts.New`) or STS credential provider (`stscreds.NewCredentials`, " +
			"`stscreds.NewWebIdentityCredentials`) is built from a session that does not provably set " +
			"`STSRegionalEndpoint` to `endpoints.RegionalSTSEndpoint` and whose Region the analyzer cannot see: " +
			"a session built without a Region (here, or by a helper function in any package), a session " +
			"parameter, a struct field or other value the analyzer does not follow, or one built from `cfgs...`. " +
			"A config whose `Endpoint` is set, to a constant or to a value known only at run time (a flag, a " +
			"settings field, an environment variable, a URL built with `fmt.Sprintf`), is not reported: a " +
			"non-empty `Endpoint` bypasses the resolver and the legacy mapping (`aws/session/session.go`, " +
			"`resolveEndpoint`), so only the values that reach it decide, under STS001. A value that is provably " +
			"empty on some path (`ep := \"\"`) does not count as an override.\n\n" +
			"Why: v1 defaults to the `legacy` STS mode: in the 15 legacy Regions, and with no Region at all, STS " +
			"calls go to `sts.amazonaws.com` (us-east-1). aws-sdk-go v1 reached end of support on 2025-07-31; " +
			"setting `STSRegionalEndpoint` is a stop-gap, and migrating to aws-sdk-go-v2, which is regional by " +
			"default, is the lasting fix.\n\n" +
			"When the analyzer cannot see where the session is built, the finding names the session to set it " +
			"on: a session parameter, the session returned by a helper, a config provider.\n\n" +
			"If every deployment sets `AWS_STS_REGIONAL_ENDPOINTS=regional`, run with `-assume-env-regional`: " +
			"clients whose session is built by `session.NewSession` or `session.NewSessionWithOptions` (which " +
			"read that variable), directly or in a helper, or whose session cannot be followed (a parameter, " +
			"`cfgs...`), are then not reported as STS002 or STS003. Sessions from the deprecated `session.New` " +
			"ignore the environment and are still reported. A package that itself calls " +
			"`os.Setenv(\"AWS_STS_REGIONAL_ENDPOINTS\", \"regional\")` gets the same credit where the call runs " +
			"before the session is built: earlier in the same function on every path, in an `init` function, or " +
			"in `main.main` before the call that builds the session; a package that also sets `\"legacy\"` gets it " +
			"only from the same function.\n\n" +
			"A session that is regional on some paths only (the setting in one branch, `if region != \"\" { … }`) " +
			"is reported at the client, with the condition of that path: \"may use the global endpoint when " +
			"region != \"\" is false\"; its related location is the session built without the setting, where the " +
			"fix goes. A long condition is shortened with … to keep the " +
			"finding on one line. A path that skips the setting only when the program finds " +
			"`AWS_STS_REGIONAL_ENDPOINTS` set (`if os.Getenv(\"AWS_STS_REGIONAL_ENDPOINTS\") == \"\" { … }`, " +
			"`len(v) == 0`, `!ok` of `os.LookupEnv`) leaves the mode to the operator's explicit choice and is not " +
			"reported, unless the session is built by `session.New`, which does not read the variable.",
		Wrong: "sess := session.Must(session.NewSession()) // Region from AWS_REGION at run time\nsvc := sts.New(sess)",
		Right: "sess := session.Must(session.NewSession(&aws.Config{\n\tSTSRegionalEndpoint: endpoints.RegionalSTSEndpoint,\n}))\nsvc := sts.New(sess)",
		Fix: "when the session is built in the package, sets `STSRegionalEndpoint` where it is built (in the " +
			"`&aws.Config{…}` literal, on an `aws.NewConfig()` chain, as an extra `&aws.Config{…}` argument, or " +
			"in `session.Options.Config`), which also moves the STS clients the session builds internally for " +
			"web identity (IRSA) and assume-role profiles; when the session comes from a parameter, a helper " +
			"function or another package, pins this client instead: `sts.New(sess, " +
			"&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint})`, " +
			"`stscreds.NewCredentials(sess.Copy(&aws.Config{…}), roleARN)`, or " +
			"`stscreds.NewCredentialsWithClient(sts.New(p, &aws.Config{…}), roleARN)` for a provider that is not " +
			"a `*session.Session`. Missing imports are added.",
	},
	Run: func(p *pass) { p.checkV1Clients(V1NotRegional) },
}

// checkV1Clients reports the aws-sdk-go v1 STS clients whose verdict is
// legacy-global or unknown: under STS003 those with a Region in code, under
// STS002 the others. An explicit legacy setting is STS004's.
func (p *pass) checkV1Clients(id string) {
	for _, cl := range p.flow.Sessions.V1Clients() {
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
		if !p.flow.ClientSends(cl) {
			continue // a client whose requests are only built and signed
		}
		p.report(id, cl.At, v1Message(p.Fset, cl), p.v1ClientFix(cl), slices.Concat(sessionAt(cl), helperAt(cl), p.routesAt(cl.At))...)
	}
}

// v1Message is the headline of a finding on the v1 client cl: it may
// (or, with a legacy Region, does) use the global endpoint, and needs
// STSRegionalEndpoint.
func v1Message(fset *token.FileSet, cl flow.Client) string {
	const change = "; set STSRegionalEndpoint"
	who := "v1 STS " + whatText(cl)
	cond := condText(fset, cl.Condition)
	if cl.Mode == flow.Conditional {
		before := who + " may use the global endpoint "
		if r := cl.Region; r != nil && r.Known {
			// The Region goes when it would cost the condition its
			// text: the condition is what tells the paths apart.
			if msg := before + cond + " (Region " + strconv.Quote(r.Value) + ")" + change; len("STS000: "+msg) <= headlineMax {
				return msg
			}
		}
		return fit(before, cond, change)
	}
	if r := cl.Region; r != nil {
		region := "a Region set at runtime"
		if r.Known {
			region = "Region " + strconv.Quote(r.Value)
		}
		return who + " uses the global endpoint despite " + region + change
	}
	if cl.Source.Valid() {
		return fit(who+" may use the global endpoint; set STSRegionalEndpoint on ", strings.TrimPrefix(opaqueText(cl.Source), "the "), "")
	}
	return who + " may use the global endpoint; set STSRegionalEndpoint on its session"
}
