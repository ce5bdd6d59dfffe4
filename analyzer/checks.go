package analyzer

import (
	"fmt"
	"sort"
	"strings"
)

// A Check is one family of findings with a stable ID. IDs never change
// meaning; new checks get new IDs.
type Check struct {
	// ID is the stable identifier users filter and suppress by, e.g. "STS001".
	ID string
	// Category is the diagnostic category (a short slug) reported with each
	// finding of this check.
	Category string
	// Title is a one-line summary of what the check finds.
	Title string
	// Default reports whether the check runs when no -enable list is given.
	Default bool
	// Fix reports whether the check offers a suggested fix (for some shapes).
	Fix bool
}

// URL is the documentation anchor of the check.
func (c Check) URL() string { return DocURL + "#" + strings.ToLower(c.ID) }

// DocURL is the base of the per-check documentation.
const DocURL = "https://github.com/stsregional/stsregional/blob/main/README.md"

// The check IDs.
const (
	BadDirective       = "STS000"
	HardcodedGlobal    = "STS001"
	V1NotRegional      = "STS002"
	V1RegionTrap       = "STS003"
	ExplicitLegacy     = "STS004"
	V1ResolverCall     = "STS005"
	GlobalPseudoRgn    = "STS006"
	V2EndpointOverride = "STS007"
)

// Checks lists every check in ID order.
var Checks = []Check{
	{BadDirective, "invalid-directive", "a //stsregional:ignore directive has no reason or names an unknown check", true, false},
	{HardcodedGlobal, "hardcoded-global-endpoint", "a constant sts.amazonaws.com URL or host reaches an endpoint sink", true, true},
	{V1NotRegional, "v1-sts-not-regional", "an aws-sdk-go v1 STS client or STS credential provider is built from a session that does not set the regional STS endpoint", true, true},
	{V1RegionTrap, "v1-region-not-enough", "an aws-sdk-go v1 STS client has a Region but not the regional STS setting (the setRegion trap)", true, true},
	{ExplicitLegacy, "explicit-legacy-sts-endpoint", "the legacy (global) STS endpoint mode is selected explicitly", true, true},
	{V1ResolverCall, "v1-resolver-global", "an aws-sdk-go v1 endpoint resolver resolves STS without the regional option or returns the global URL", true, true},
	{GlobalPseudoRgn, "global-pseudo-region", "the Region aws-global (or an empty Region) reaches an STS client", true, false},
	{V2EndpointOverride, "v2-endpoint-override-global", "an aws-sdk-go-v2 endpoint resolver override pins STS to the global endpoint", true, true},
}

func checkByID(id string) (Check, bool) {
	for _, c := range Checks {
		if strings.EqualFold(c.ID, id) {
			return c, true
		}
	}
	return Check{}, false
}

// Config selects the checks that run. The zero Config runs every check that
// is on by default. The CLI flags, go vet flags and golangci-lint settings all
// decode into this struct.
type Config struct {
	// Enable, if not empty, is the exact set of check IDs to run.
	Enable []string `json:"enable,omitempty"`
	// Disable lists check IDs not to run; it wins over Enable.
	Disable []string `json:"disable,omitempty"`
	// AssumeEnvRegional treats aws-sdk-go v1 sessions that read
	// AWS_STS_REGIONAL_ENDPOINTS (everything but session.New) as regional:
	// for code bases that set it in every deployment. Default false: strict.
	AssumeEnvRegional bool `json:"assume-env-regional,omitempty"`

	// includeSDK analyses the SDK's own packages too; only the
	// crash-freedom test sets it.
	includeSDK bool
}

// Validate reports an error naming the first unknown check ID.
func (c Config) Validate() error {
	for _, list := range [][]string{c.Enable, c.Disable} {
		for _, id := range list {
			if _, ok := checkByID(id); !ok {
				return fmt.Errorf("unknown check ID %q (known: %s)", id, knownIDs())
			}
		}
	}
	return nil
}

func knownIDs() string {
	ids := make([]string, len(Checks))
	for i, c := range Checks {
		ids[i] = c.ID
	}
	return strings.Join(ids, ", ")
}

// enabled returns the set of check IDs that run under c. c must be valid.
func (c Config) enabled() map[string]bool {
	on := map[string]bool{}
	if len(c.Enable) > 0 {
		for _, id := range c.Enable {
			k, _ := checkByID(id)
			on[k.ID] = true
		}
	} else {
		for _, k := range Checks {
			on[k.ID] = k.Default
		}
	}
	for _, id := range c.Disable {
		k, _ := checkByID(id)
		delete(on, k.ID)
	}
	return on
}

// idList is a flag.Value for a comma-separated list of check IDs.
type idList struct{ ids *[]string }

// String returns the IDs comma-separated, as flag.Value requires.
func (l idList) String() string {
	if l.ids == nil {
		return ""
	}
	return strings.Join(*l.ids, ",")
}

// Set parses a comma-separated list of check IDs, rejecting unknown ones.
func (l idList) Set(s string) error {
	var ids []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		k, ok := checkByID(f)
		if !ok {
			return fmt.Errorf("unknown check ID %q (known: %s)", f, knownIDs())
		}
		ids = append(ids, k.ID)
	}
	sort.Strings(ids)
	*l.ids = ids
	return nil
}
