package analyzer

import (
	"fmt"
	"sort"
	"strings"
)

// A Check is one family of findings with a stable ID. IDs never change
// meaning; new checks get new IDs. A check is one file (sts00N.go) holding
// its Check value, one row of Checks, and one test folder.
type Check struct {
	// ID is the stable identifier users filter and suppress by, e.g. "STS001".
	ID string
	// Category is the diagnostic category (a short slug) reported with each
	// finding of this check.
	Category string
	// Default reports whether the check runs when no -enable list is given.
	Default bool
	// Doc is the check's documentation: the one source for -explain, the
	// pages docs/checks/STS00N.md (Markdown), SARIF rules, and the titles of
	// the README and the package documentation.
	Doc Doc
	// Run reports the check's findings in one package.
	Run func(*pass)
}

// Doc documents a check. Its texts are plain text with `code` spans in
// backquotes, readable as printed by -explain and as Markdown.
type Doc struct {
	// Title is a short lower-case summary, e.g. "hard-coded global endpoint".
	Title string
	// Text says what the check finds and why it matters (the background
	// that findings leave out); paragraphs are separated by blank lines.
	Text string
	// Wrong and Right are code examples.
	Wrong, Right string
	// More holds further pairs of examples, for checks with more than one
	// shape.
	More []Example
	// Fix says what the suggested fix does, or "" if there is none.
	Fix string
}

// An Example is a pair of code examples: the code a check reports, and the
// code it accepts.
type Example struct{ Wrong, Right string }

// examples returns every pair of the Doc's examples, the first one first.
func (d Doc) examples() []Example {
	return append([]Example{{d.Wrong, d.Right}}, d.More...)
}

// URL is the documentation page of the check, docs/checks/<ID>.md.
func (c Check) URL() string { return docsBase + "/checks/" + c.ID + ".md" }

// docsBase is where the documentation is published.
const docsBase = "https://github.com/stsregional/stsregional/blob/main/docs"

// DocURL is the index of the checks, docs/checks.md, linking every check's
// page.
const DocURL = docsBase + "/checks.md"

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
	V1CredentialChain  = "STS008"
)

// Checks lists every check in ID order.
var Checks []Check

func init() {
	// Assigned in init: the checks' Run functions refer to Checks (through
	// report), which an initializer may not.
	Checks = []Check{sts000, sts001, sts002, sts003, sts004, sts005, sts006, sts007, sts008}
	// Analyzer was built before Checks existed: list them in its Doc now.
	Analyzer.Doc = analyzerDoc()
}

func checkByID(id string) (Check, bool) {
	for _, c := range Checks {
		if strings.EqualFold(c.ID, id) {
			return c, true
		}
	}
	return Check{}, false
}

// Explain returns the documentation of the check with the given ID as plain
// text, for a -explain flag.
func Explain(id string) (string, error) {
	c, ok := checkByID(id)
	if !ok {
		return "", fmt.Errorf("unknown check ID %q (known: %s)", id, knownIDs())
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n", c.ID, c.Doc.Title)
	b.WriteString(strings.TrimSpace(c.Doc.Text) + "\n")
	example := func(label, code string) {
		if code == "" {
			return
		}
		fmt.Fprintf(&b, "\n%s:\n", label)
		for _, line := range strings.Split(strings.TrimRight(code, "\n"), "\n") {
			b.WriteString("\t" + line + "\n")
		}
	}
	for _, e := range c.Doc.examples() {
		example("Wrong", e.Wrong)
		example("Right", e.Right)
	}
	fix := c.Doc.Fix
	if fix == "" {
		fix = "none."
	}
	fmt.Fprintf(&b, "\nAutofix: %s\n", fix)
	def := "on"
	if !c.Default {
		def = "off"
	}
	fmt.Fprintf(&b, "\nCategory: %s. Default: %s.\nDocumentation: %s\n", c.Category, def, c.URL())
	return b.String(), nil
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
	// IncludeGenerated reports findings in generated files (those with a
	// "// Code generated ... DO NOT EDIT." comment, ast.IsGenerated) too.
	// Default false, as golangci-lint does: such files cannot be fixed by
	// hand and are rewritten by their generator. Values flowing out of
	// generated code are analysed either way; only the reports and fixes
	// in those files are dropped.
	IncludeGenerated bool `json:"include-generated,omitempty"`
	// DriverHandlesNolint leaves //nolint directives to the driver: the
	// golangci-lint plugin sets it, because golangci-lint applies them
	// itself and its nolintlint reports a //nolint:stsregional as unused
	// if the analyzer had already dropped the finding. Not a setting.
	DriverHandlesNolint bool `json:"-"`
	// Inventory also reports every STS route as a diagnostic of category
	// inventory.Category whose message carries an inventory.Row: the
	// channel by which stsregional -inventory gets them through go vet.
	// A flag only: golangci-lint settings cannot set it (its issues would
	// be route rows).
	Inventory bool `json:"-"`

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

// idRange names the known IDs briefly, for messages: "STS000-STS008".
func idRange() string { return Checks[0].ID + "-" + Checks[len(Checks)-1].ID }

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
