package inventory

import (
	"cmp"
	"encoding/json"
	"io"
	"path/filepath"
	"slices"
	"strings"
)

// SchemaVersion is the version of the JSON document (Document). It changes
// only when a field changes meaning or disappears; new optional fields keep
// it. Documented in schema.json and the README.
const SchemaVersion = 1

// A Document is the inventory of a run: the JSON output.
type Document struct {
	// SchemaVersion is always SchemaVersion.
	SchemaVersion int `json:"schema_version"`
	// Tool is "stsregional".
	Tool string `json:"tool"`
	// Routes are sorted by file, line and column.
	Routes []Row `json:"routes"`
	// Summary counts the routes.
	Summary Summary `json:"summary"`
}

// Summary counts routes per endpoint mode and per package.
type Summary struct {
	// Routes is the number of routes.
	Routes int `json:"routes"`
	// Findings is the number of routes with a finding that is not
	// suppressed; Suppressed the number with a suppressed one.
	Findings   int `json:"findings"`
	Suppressed int `json:"suppressed"`
	// ByEndpoint maps each endpoint mode present to its number of routes.
	ByEndpoint map[string]int `json:"by_endpoint"`
	// ByPackage lists the packages with routes, sorted by import path.
	ByPackage []PackageCount `json:"by_package"`
}

// PackageCount is the summary of one package.
type PackageCount struct {
	Package string `json:"package"`
	Routes  int    `json:"routes"`
	// Findings counts the routes with a finding that is not suppressed.
	Findings int `json:"findings"`
	// ByEndpoint maps each endpoint mode present in the package to its
	// number of routes.
	ByEndpoint map[string]int `json:"by_endpoint"`
}

// New returns the document of rows: sorted, one row per route, and counted.
// Paths are made relative to dir (see Relative); dir "" keeps them.
func New(rows []Row, dir string) *Document {
	rows = append([]Row{}, rows...) // never nil: "routes": [] when empty
	if dir != "" {
		for i := range rows {
			rows[i] = rows[i].Relative(dir)
		}
	}
	rows = Sort(rows)
	return &Document{SchemaVersion: SchemaVersion, Tool: "stsregional", Routes: rows, Summary: summarize(rows)}
}

// Relative returns r with its file names relative to dir (slash-separated)
// when they lie under dir; names outside dir stay absolute.
func (r Row) Relative(dir string) Row {
	r.File = relative(dir, r.File)
	if len(r.Evidence) > 0 {
		ev := slices.Clone(r.Evidence)
		for i := range ev {
			ev[i].File = relative(dir, ev[i].File)
		}
		r.Evidence = ev
	}
	if len(r.Findings) > 0 {
		fs := slices.Clone(r.Findings)
		for i := range fs {
			fs[i].File = relative(dir, fs[i].File)
		}
		r.Findings = fs
	}
	return r
}

func relative(dir, name string) string {
	if !filepath.IsAbs(name) {
		return filepath.ToSlash(name)
	}
	rel, err := filepath.Rel(dir, name)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(name)
	}
	return filepath.ToSlash(rel)
}

// Sort sorts rows by file, line and column and keeps one row per route.
// The go command analyses a package once alone and once with its test
// files, so a route outside test files arrives twice: rows with the same
// position, kind and call are one route. Ties are broken on every field,
// so the row kept does not depend on the order the rows arrived in.
func Sort(rows []Row) []Row {
	slices.SortFunc(rows, compare)
	return slices.CompactFunc(rows, func(a, b Row) bool {
		return a.File == b.File && a.Line == b.Line && a.Column == b.Column && a.Kind == b.Kind && a.Call == b.Call
	})
}

func compare(a, b Row) int {
	if c := cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Kind, b.Kind),
		cmp.Compare(a.Call, b.Call),
		cmp.Compare(a.Package, b.Package),
	); c != 0 {
		return c
	}
	// Whatever remains (the test variant may see other settings): compare
	// the encodings.
	return cmp.Compare(Encode(a), Encode(b))
}

func summarize(rows []Row) Summary {
	s := Summary{Routes: len(rows), ByEndpoint: map[string]int{}, ByPackage: []PackageCount{}}
	pkgs := map[string]*PackageCount{}
	for _, r := range rows {
		s.ByEndpoint[r.Endpoint.Mode]++
		p := pkgs[r.Package]
		if p == nil {
			p = &PackageCount{Package: r.Package, ByEndpoint: map[string]int{}}
			pkgs[r.Package] = p
		}
		p.Routes++
		p.ByEndpoint[r.Endpoint.Mode]++
		switch {
		case r.Suppressed:
			s.Suppressed++
		case r.Check != "":
			s.Findings++
			p.Findings++
		}
	}
	for _, p := range pkgs {
		s.ByPackage = append(s.ByPackage, *p)
	}
	slices.SortFunc(s.ByPackage, func(a, b PackageCount) int { return cmp.Compare(a.Package, b.Package) })
	return s
}

// WriteJSON writes d as indented JSON.
func (d *Document) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}

// modesPresent returns the endpoint modes counted in by, in Modes order.
func modesPresent(by map[string]int) []string {
	var out []string
	for _, m := range Modes {
		if by[m] > 0 {
			out = append(out, m)
		}
	}
	return out
}
