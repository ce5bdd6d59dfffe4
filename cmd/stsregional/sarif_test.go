package main

// Tests of -format=sarif: the structure of the log, its agreement with the
// text mode and with -fix, and (when installed) Microsoft's SARIF Multitool
// validator. .ci/sarif.sh installs the validator; under CI=true its test
// does not skip.

import (
	"encoding/json"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stsregional/stsregional/analyzer"
	"github.com/stsregional/stsregional/internal/sarif"
)

// The wire format, decoded independently of internal/sarif.
type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name           string `json:"name"`
				Version        string `json:"version"`
				InformationURI string `json:"informationUri"`
				Rules          []struct {
					ID               string         `json:"id"`
					Name             string         `json:"name"`
					ShortDescription sarifText      `json:"shortDescription"`
					FullDescription  sarifText      `json:"fullDescription"`
					HelpURI          string         `json:"helpUri"`
					Help             sarifText      `json:"help"`
					DefaultConfig    map[string]any `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		ColumnKind string         `json:"columnKind"`
		Results    []*sarifResult `json:"results"`
	} `json:"runs"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifResult struct {
	RuleID    *string   `json:"ruleId"`
	RuleIndex *int      `json:"ruleIndex"`
	Level     string    `json:"level"`
	Message   sarifText `json:"message"`
	Locations []struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	} `json:"locations"`
	Fixes []struct {
		Description     sarifText `json:"description"`
		ArtifactChanges []struct {
			ArtifactLocation sarifArtifact `json:"artifactLocation"`
			Replacements     []struct {
				DeletedRegion   sarifRegion `json:"deletedRegion"`
				InsertedContent *sarifText  `json:"insertedContent"`
			} `json:"replacements"`
		} `json:"artifactChanges"`
	} `json:"fixes"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine, StartColumn, EndLine, EndColumn int
}

func parseSARIF(t *testing.T, r result) *sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatalf("SARIF output does not parse: %v\n%s", err, r.stdout)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("SARIF log has %d runs, want 1", len(log.Runs))
	}
	return &log
}

// sarifFixture returns a copy of testdata/e2e with an in-package test file,
// so that ./... has test variants whose findings must not be reported twice.
func sarifFixture(t *testing.T) string {
	t.Helper()
	dir := fixture(t)
	addTestFile(t, dir)
	return dir
}

func addTestFile(t *testing.T, dir string) {
	t.Helper()
	write(t, filepath.Join(dir, "findings", "dup_test.go"), dupTest)
}

const dupTest = "package findings\n\nimport \"testing\"\n\nfunc TestLegacy(t *testing.T) { _ = Legacy }\n"

// sarifShared is a read-only sarifFixture shared by the tests, and the
// output of -format=sarif on some of its patterns, each run once: every run
// type-checks the AWS SDKs from source and takes seconds.
var sarifShared struct {
	once sync.Once
	dir  string
	err  error
	mu   sync.Mutex
	runs map[string]*sarifRun
}

type sarifRun struct {
	once sync.Once
	r    result
}

// sharedSARIF returns the shared fixture and the result of
// stsregional -format=sarif pattern in it.
func sharedSARIF(t *testing.T, pattern string) (string, result) {
	t.Helper()
	s := &sarifShared
	s.once.Do(func() {
		s.dir = filepath.Join(filepath.Dir(shared), "sarif")
		s.err = copyDir(filepath.Join("..", "..", "testdata", "e2e"), s.dir)
		if s.err == nil {
			s.err = os.WriteFile(filepath.Join(s.dir, "findings", "dup_test.go"),
				[]byte(dupTest), 0o644)
		}
		s.runs = map[string]*sarifRun{}
	})
	if s.err != nil {
		t.Fatal(s.err)
	}
	s.mu.Lock()
	run, ok := s.runs[pattern]
	if !ok {
		run = new(sarifRun)
		s.runs[pattern] = run
	}
	s.mu.Unlock()
	run.once.Do(func() { run.r = stsregional(t, s.dir, "-format=sarif", pattern) })
	return s.dir, run.r
}

// A finding: file relative to the module root, 1-based line and column,
// message.
type finding struct {
	file      string
	line, col int
	msg       string
}

var textFinding = regexp.MustCompile(`(?m)^(.+?\.go):(\d+):(\d+): (STS\d{3}: .*)$`)

func TestSARIF(t *testing.T) {
	t.Parallel()
	dir, r := sharedSARIF(t, "./...")
	wantCode(t, r, 0, "stsregional -format=sarif ./...") // findings or not
	log := parseSARIF(t, r)
	if log.Version != "2.1.0" || !strings.Contains(log.Schema, "sarif") {
		t.Errorf("version %q, $schema %q; want 2.1.0 and a SARIF schema", log.Version, log.Schema)
	}
	run0 := log.Runs[0]
	drv := run0.Tool.Driver
	v := stsregional(t, dir, "-version")
	if drv.Name != analyzer.Name || "stsregional "+drv.Version+"\n" != v.stdout || drv.InformationURI == "" {
		t.Errorf("driver name %q version %q informationUri %q; want %q, the version of -version (%q), a URI",
			drv.Name, drv.Version, drv.InformationURI, analyzer.Name, v.stdout)
	}

	// One rule per check, in order, with its documentation.
	if len(drv.Rules) != len(analyzer.Checks) {
		t.Fatalf("%d rules, want %d (one per check)", len(drv.Rules), len(analyzer.Checks))
	}
	for i, c := range analyzer.Checks {
		rule := drv.Rules[i]
		if rule.ID != c.ID || rule.Name != c.Category || rule.HelpURI != c.URL() ||
			rule.ShortDescription.Text != c.Doc.Title || rule.FullDescription.Text == "" ||
			rule.Help.Text == "" || !strings.Contains(rule.Help.Markdown, c.URL()) ||
			rule.DefaultConfig["level"] != "warning" {
			t.Errorf("rule %d = %+v; want id %s, name %s, helpUri %s, descriptions and help", i, rule, c.ID, c.Category, c.URL())
		}
	}

	if run0.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind %q, want utf16CodeUnits", run0.ColumnKind)
	}
	root := run0.OriginalURIBaseIDs["%SRCROOT%"].URI
	if root != sarif.FileURI(dir)+"/" {
		t.Errorf("originalUriBaseIds %%SRCROOT%% = %q, want %q", root, sarif.FileURI(dir)+"/")
	}

	// Each result names a rule and a file relative to %SRCROOT%.
	var got []finding
	fixable := map[string]bool{}
	for _, id := range fixtureIDs {
		fixable[id] = true
	}
	for _, res := range run0.Results {
		if res.RuleID == nil || res.RuleIndex == nil || *res.RuleIndex < 0 || *res.RuleIndex >= len(drv.Rules) ||
			drv.Rules[*res.RuleIndex].ID != *res.RuleID {
			t.Errorf("result %+v: ruleId/ruleIndex do not name a rule", res)
			continue
		}
		if !strings.HasPrefix(res.Message.Text, *res.RuleID+": ") || res.Level != "warning" {
			t.Errorf("result %s: message %q, level %q", *res.RuleID, res.Message.Text, res.Level)
		}
		if len(res.Locations) != 1 {
			t.Errorf("result %s: %d locations, want 1", *res.RuleID, len(res.Locations))
			continue
		}
		loc := res.Locations[0].PhysicalLocation
		checkArtifact(t, dir, loc.ArtifactLocation)
		if reg := loc.Region; reg.StartLine < 1 || reg.StartColumn < 1 || reg.EndLine < reg.StartLine ||
			(reg.EndLine == reg.StartLine && reg.EndColumn < reg.StartColumn) {
			t.Errorf("result %s: bad region %+v", *res.RuleID, reg)
		}
		got = append(got, finding{loc.ArtifactLocation.URI, loc.Region.StartLine, loc.Region.StartColumn, res.Message.Text})
		if fixable[*res.RuleID] && len(res.Fixes) == 0 {
			t.Errorf("result %s has no fixes", *res.RuleID)
		}
		for _, fix := range res.Fixes {
			if fix.Description.Text == "" || len(fix.ArtifactChanges) == 0 {
				t.Errorf("result %s: fix without description or changes: %+v", *res.RuleID, fix)
			}
			for _, ch := range fix.ArtifactChanges {
				checkArtifact(t, dir, ch.ArtifactLocation)
				if len(ch.Replacements) == 0 {
					t.Errorf("result %s: artifactChange without replacements", *res.RuleID)
				}
			}
		}
	}

	// The same findings as the text mode (the fixture is ASCII: UTF-16 and
	// byte columns agree), each once although ./... has test variants.
	text := stsregional(t, dir, "-format=text", "./...")
	wantCode(t, text, 3, "stsregional -format=text ./...")
	var want []finding
	seen := map[finding]bool{}
	for _, m := range textFinding.FindAllStringSubmatch(text.stdout+text.stderr, -1) {
		rel := m[1] // relative to the working directory, dir
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		f := finding{filepath.ToSlash(rel), line, col, m[4]}
		if !seen[f] {
			seen[f] = true
			want = append(want, f)
		}
	}
	sortFindings(got)
	sortFindings(want)
	if len(want) < len(fixtureIDs) {
		t.Fatalf("text mode found %d findings, want at least %d:\n%s", len(want), len(fixtureIDs), text.out())
	}
	if strings.TrimSpace(findingsString(got)) != strings.TrimSpace(findingsString(want)) {
		t.Errorf("SARIF findings differ from the text mode's\nSARIF:\n%s\ntext:\n%s", findingsString(got), findingsString(want))
	}

	// Applying the SARIF fixes gives the files -fix writes.
	fixed := sarifFixture(t)
	wantCode(t, stsregional(t, fixed, "-fix", "./..."), 0, "stsregional -fix")
	applied := map[string][]edit{}
	for _, res := range run0.Results {
		if len(res.Fixes) == 0 {
			continue
		}
		for _, ch := range res.Fixes[0].ArtifactChanges {
			for _, rep := range ch.Replacements {
				e := edit{region: rep.DeletedRegion}
				if rep.InsertedContent != nil {
					e.text = rep.InsertedContent.Text
				}
				applied[ch.ArtifactLocation.URI] = append(applied[ch.ArtifactLocation.URI], e)
			}
		}
	}
	for uri, edits := range applied {
		src := read(t, filepath.Join(dir, filepath.FromSlash(uri)))
		got, err := applyEdits(src, edits)
		if err != nil {
			t.Errorf("%s: %v", uri, err)
			continue
		}
		if _, err := parser.ParseFile(token.NewFileSet(), uri, got, 0); err != nil {
			t.Errorf("%s: the SARIF fixes give invalid Go: %v\n%s", uri, err, got)
		}
		// -fix also sorts the imports and removes unused ones: compare the
		// declarations after the imports, ignoring blank space.
		if want := read(t, filepath.Join(fixed, filepath.FromSlash(uri))); squash(afterImports(got)) != squash(afterImports(want)) {
			t.Errorf("%s: the SARIF fixes give\n%s\nbut -fix writes\n%s", uri, got, want)
		}
	}
	if len(applied) == 0 {
		t.Error("no result carries a fix")
	}
}

func checkArtifact(t *testing.T, dir string, a sarifArtifact) {
	t.Helper()
	if a.URIBaseID != "%SRCROOT%" || a.URI == "" || strings.Contains(a.URI, ":") ||
		strings.HasPrefix(a.URI, "/") || strings.Contains(a.URI, `\`) {
		t.Errorf("artifactLocation %+v: want a relative URI with forward slashes and uriBaseId %%SRCROOT%%", a)
		return
	}
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(a.URI))); err != nil {
		t.Errorf("artifactLocation %+v: %v", a, err)
	}
}

func sortFindings(fs []finding) {
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.line != b.line {
			return a.line < b.line
		}
		if a.col != b.col {
			return a.col < b.col
		}
		return a.msg < b.msg
	})
}

func findingsString(fs []finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.file + ":" + strconv.Itoa(f.line) + ":" + strconv.Itoa(f.col) + ": " + f.msg + "\n")
	}
	return b.String()
}

// afterImports returns src after its import block.
func afterImports(src string) string {
	if _, after, ok := strings.Cut(src, "\n)\n"); ok {
		return after
	}
	return src
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// edit is a SARIF replacement; its columns count UTF-16 code units.
type edit struct {
	region sarifRegion
	text   string
}

// applyEdits applies non-overlapping edits to src.
func applyEdits(src string, edits []edit) (string, error) {
	type span struct {
		start, end int
		text       string
	}
	var spans []span
	for _, e := range edits {
		start, err := offset(src, e.region.StartLine, e.region.StartColumn)
		if err != nil {
			return "", err
		}
		end, err := offset(src, e.region.EndLine, e.region.EndColumn)
		if err != nil {
			return "", err
		}
		spans = append(spans, span{start, end, e.text})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start > spans[j].start })
	for _, s := range spans {
		src = src[:s.start] + s.text + src[s.end:]
	}
	return src, nil
}

// offset converts a 1-based line and UTF-16 column to a byte offset.
func offset(src string, line, col int) (int, error) {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			return 0, fmt.Errorf("line %d out of range", line)
		}
		off += i + 1
	}
	for units := 1; units < col; {
		if off >= len(src) || src[off] == '\n' {
			return 0, fmt.Errorf("line %d: column %d out of range", line, col)
		}
		r, size := utf8.DecodeRuneInString(src[off:])
		units += len(utf16.Encode([]rune{r}))
		off += size
	}
	return off, nil
}

func TestSARIFBadInput(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args    []string
		code    int
		mention string
	}{
		{[]string{"-format=xml", "./..."}, 2, "xml"},
		{[]string{"-format=sarif", "-fix", "./..."}, 2, "-format=sarif"},
		{[]string{"-format=sarif", "-json", "./..."}, 2, "-format=sarif"},
		{[]string{"-format=sarif", "-disable=STS999", "./..."}, 2, "STS999"},
		{[]string{"-nosuchflag", "-format=sarif", "./..."}, 2, "-nosuchflag"},
		{[]string{"-format=sarif", "./nonexistent"}, 1, "nonexistent"},
		{[]string{"-format=sarif", "example.com/e2e/nomatch/..."}, 1, "matched no packages"},
		{[]string{"-format=sarif"}, 1, "./..."},
	} {
		what := "stsregional " + strings.Join(tc.args, " ")
		r := stsregional(t, shared, tc.args...)
		wantCode(t, r, tc.code, what)
		wantContains(t, r, what, tc.mention)
		if r.stdout != "" {
			t.Errorf("%s: wrote to stdout:\n%s", what, r.stdout)
		}
		if lines := strings.Count(strings.TrimSpace(r.stderr), "\n") + 1; lines > 2 {
			t.Errorf("%s: %d lines on stderr, want at most 2:\n%s", what, lines, r.stderr)
		}
	}
}

// Spellings and check selection; packages with errors write no SARIF.
func TestSARIFFlags(t *testing.T) {
	t.Parallel()
	ids := func(args ...string) []string {
		t.Helper()
		r := stsregional(t, shared, args...)
		wantCode(t, r, 0, strings.Join(args, " "))
		var out []string
		for _, res := range parseSARIF(t, r).Runs[0].Results {
			out = append(out, *res.RuleID)
		}
		sort.Strings(out)
		return out
	}
	if got := strings.Join(ids("-disable", "STS001", "--format", "sarif", "-test=false", "./findings"), ","); got != "STS003,STS004" {
		t.Errorf("-disable STS001 --format sarif: %s, want STS003,STS004", got)
	}
	if got := strings.Join(ids("-stsregional.enable=STS004", "-format", "sarif", "./findings"), ","); got != "STS004" {
		t.Errorf("-stsregional.enable=STS004 -format sarif: %s, want STS004", got)
	}
	_, r := sharedSARIF(t, "./clean")
	wantCode(t, r, 0, "-format=sarif ./clean")
	if !strings.Contains(r.stdout, `"results": []`) {
		t.Errorf("-format=sarif ./clean: want an empty results array:\n%s", r.stdout)
	}

	dir := fixture(t)
	write(t, filepath.Join(dir, "typeerr", "t.go"), "package typeerr\n\nvar X int = \"s\"\n")
	r = stsregional(t, dir, "-format=sarif", "./...")
	wantCode(t, r, 1, "-format=sarif on a type error") // errors win over findings
	wantContains(t, r, "-format=sarif on a type error", "t.go:3", "no SARIF written")
	if r.stdout != "" {
		t.Errorf("-format=sarif on a type error wrote to stdout:\n%s", r.stdout)
	}
}

// multitool returns the path of Microsoft's SARIF Multitool: $STSREGIONAL_
// SARIF_MULTITOOL, or where .ci/sarif.sh installs it.
func multitool() string {
	if p := os.Getenv("STSREGIONAL_SARIF_MULTITOOL"); p != "" {
		return p
	}
	cache := os.Getenv("STSREGIONAL_SARIF_CACHE")
	if cache == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		cache = filepath.Join(home, ".cache", "stsregional-sarif")
	}
	pkg, exe := "sarif-multitool-"+runtime.GOOS, "Sarif.Multitool"
	if runtime.GOOS == "windows" {
		pkg, exe = "sarif-multitool-win32", exe+".exe"
	}
	p := filepath.Join(cache, "node_modules", "@microsoft", pkg, exe)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// The logs pass Microsoft's SARIF Multitool validator with no error.
func TestSARIFMultitool(t *testing.T) {
	t.Parallel()
	tool := multitool()
	if tool == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("SARIF Multitool not installed (run .ci/sarif.sh, or set STSREGIONAL_SARIF_MULTITOOL)")
		}
		t.Skip("SARIF Multitool not installed: run .ci/sarif.sh, or set STSREGIONAL_SARIF_MULTITOOL")
	}
	tmp := t.TempDir()
	for _, pkg := range []string{"./...", "./clean"} {
		_, r := sharedSARIF(t, pkg)
		wantCode(t, r, 0, "-format=sarif "+pkg)
		in := filepath.Join(tmp, strings.Trim(strings.ReplaceAll(pkg, "/", "-"), ".-")+".sarif")
		report := in + ".report.sarif"
		if err := os.WriteFile(in, []byte(r.stdout), 0o644); err != nil {
			t.Fatal(err)
		}
		validateSARIF(t, tool, in, report, pkg)
	}
}

// validateSARIF runs the Multitool's validator on the log in and fails the
// test on every error it reports in report (pkg names the log).
func validateSARIF(t *testing.T, tool, in, report, pkg string) {
	t.Helper()
	cmd := exec.Command(tool, "validate", in, "-o", report)
	// No ICU needed: validation uses no culture data.
	cmd.Env = append(os.Environ(), "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1", "DOTNET_CLI_TELEMETRY_OPTOUT=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s validate: %v\n%s", tool, err, out)
	}
	t.Logf("%s validate (%s):\n%s", filepath.Base(tool), pkg, out)
	// The validator exits 0 even when the log has errors: read its report.
	var rep struct {
		Runs []struct {
			Results []struct {
				RuleID string `json:"ruleId"`
				Level  string `json:"level"`
			} `json:"results"`
		} `json:"runs"`
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatalf("validator wrote no report: %v\n%s", err, out)
	}
	if err := json.Unmarshal(data, &rep); err != nil || len(rep.Runs) == 0 {
		t.Fatalf("validator report does not parse: %v\n%s", err, data)
	}
	for _, res := range rep.Runs[0].Results {
		if res.Level == "error" {
			t.Errorf("%s: validator reports error %s; its output:\n%s", pkg, res.RuleID, out)
		}
	}
}
