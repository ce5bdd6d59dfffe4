package inventory

// The wire: how a Row travels from the analyzer to the front-end. Under
// the go command's unit protocol (go vet -vettool) a tool's only output is
// its diagnostics, so each row is one diagnostic whose Category is
// Category and whose Message is Prefix followed by the row as JSON. The
// prefix carries a version: a front-end never misreads rows from an
// analyzer of another version, it reports them as such.

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// checkID matches a check ID.
var checkID = regexp.MustCompile(`^STS[0-9]{3}$`)

// Category is the reserved diagnostic category of route rows. No check
// uses it.
const Category = "stsregional-route"

// wireVersion is the version of the message encoding; it changes whenever
// Row changes incompatibly.
const wireVersion = 1

// Prefix starts the message of every route diagnostic.
var Prefix = fmt.Sprintf("%s/v%d ", Category, wireVersion)

// Encode returns the diagnostic message that carries r.
func Encode(r Row) string {
	b, err := json.Marshal(r)
	if err != nil {
		// Row holds only strings, ints and bools: Marshal cannot fail.
		panic(err)
	}
	return Prefix + string(b)
}

// IsRoute reports whether a diagnostic with this category and message is a
// route row rather than a finding.
func IsRoute(category, message string) bool {
	return category == Category || strings.HasPrefix(message, Category+"/")
}

// ErrVersion reports a route diagnostic from an analyzer with another wire
// version.
var ErrVersion = errors.New("route diagnostic of another stsregional version")

// Decode returns the row a route diagnostic's message carries.
func Decode(message string) (Row, error) {
	var r Row
	if !strings.HasPrefix(message, Prefix) {
		if strings.HasPrefix(message, Category+"/") {
			return r, fmt.Errorf("%w: %.40q", ErrVersion, message)
		}
		return r, fmt.Errorf("not a route diagnostic: %.40q", message)
	}
	dec := json.NewDecoder(strings.NewReader(message[len(Prefix):]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return r, fmt.Errorf("bad route diagnostic: %v", err)
	}
	if err := r.Validate(); err != nil {
		return r, fmt.Errorf("bad route diagnostic: %v", err)
	}
	return r, nil
}

// Validate reports the first field of r outside the documented values.
func (r Row) Validate() error {
	switch {
	case r.File == "" || r.Line < 1 || r.Column < 1:
		return fmt.Errorf("route without a position")
	case r.Package == "":
		return fmt.Errorf("route %s without a package", r.Pos())
	case r.SDK != SDKV1 && r.SDK != SDKV2 && r.SDK != SDKHTTP:
		return fmt.Errorf("route %s: unknown sdk %q", r.Pos(), r.SDK)
	case kindLabels[r.Kind] == "":
		return fmt.Errorf("route %s: unknown kind %q", r.Pos(), r.Kind)
	case modeLabels[r.Endpoint.Mode] == "":
		return fmt.Errorf("route %s: unknown endpoint mode %q", r.Pos(), r.Endpoint.Mode)
	case r.Suppressed && r.Check == "":
		return fmt.Errorf("route %s: suppressed without a check", r.Pos())
	}
	if r.Region != nil {
		switch r.Region.Source {
		case RegionConstant, RegionParameter, RegionEnvironment, RegionIMDS, RegionProfile, RegionExpression, RegionUnknown:
		default:
			return fmt.Errorf("route %s: unknown region source %q", r.Pos(), r.Region.Source)
		}
	}
	for _, e := range r.Evidence {
		switch e.Role {
		case EvidenceSession, EvidenceSetting, EvidenceOverride, EvidenceRegion, EvidenceClient:
		default:
			return fmt.Errorf("route %s: unknown evidence role %q", r.Pos(), e.Role)
		}
		if e.File == "" || e.Line < 1 || e.Column < 1 {
			return fmt.Errorf("route %s: evidence without a position", r.Pos())
		}
	}
	for _, f := range r.Findings {
		if !checkID.MatchString(f.Check) || f.File == "" || f.Line < 1 || f.Column < 1 {
			return fmt.Errorf("route %s: bad finding %s at %s:%d:%d", r.Pos(), f.Check, f.File, f.Line, f.Column)
		}
	}
	return nil
}
