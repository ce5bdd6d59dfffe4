package flow

// Where an explicit legacy STS setting goes. aws-sdk-go v1's legacy mode
// sends only the 15 legacy Regions to the global endpoint: the endpoint
// resolver swaps the Region for aws-global only when the Region is in
// legacyGlobalRegions["sts"] (aws/endpoints/v3model.go isLegacyGlobalRegion,
// aws/endpoints/legacy_regions.go, v1.55.8). A legacy setting whose every
// client has a constant Region outside that list calls no global endpoint.

import (
	"go/ast"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// noteLegacy records that a client path with configuration c uses the
// legacy setting c.legacyAt, with c's Region.
func (se *Sessions) noteLegacy(c conf) {
	if c.legacyAt == nil {
		return
	}
	if se.legacy == nil {
		se.legacy = map[ast.Expr][]*Region{}
	}
	se.legacy[c.legacyAt] = append(se.legacy[c.legacyAt], c.region)
}

// LegacyOutsideList reports whether the explicit legacy setting value (the
// value of an STSRegionalEndpoint field, setter or assignment) provably
// sends no call to the global endpoint because every Region it applies to
// is a constant outside the legacy list. The Regions are those of the v1
// STS clients of this package the setting reaches; a setting that reaches
// none is judged by local, the configuration it is written in (an
// aws.Config literal), if not nil. A Region set at runtime, in the legacy
// list, empty or aws-global, or a setting that reaches nothing visible,
// is not outside the list.
func (se *Sessions) LegacyOutsideList(value ast.Expr, local ast.Expr) bool {
	se.V1Clients()
	regions, reached := se.legacy[value]
	if !reached {
		if local == nil {
			return false
		}
		c, ok := se.evalConfig(local, 0)
		if !ok || c.opaque || c.other != nil {
			return false
		}
		regions = []*Region{c.region}
	}
	for _, r := range regions {
		if r == nil || !r.Known || r.Value == "" || r.Value == sdk.GlobalRegion || sdk.LegacyRegions[r.Value] {
			return false
		}
	}
	return true
}
