package main

// Every standalone mode reports what go vet with the same tool reports:
// the same findings in text, JSON and SARIF, and in JSON the same fixes;
// and the conventions of the front-end (-tags, sorted relative paths,
// documentation URLs, -explain, -help, one line per load error).

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// vetDiag is a diagnostic of go vet -json and of stsregional -json.
type vetDiag struct {
	Category       string `json:"category"`
	Posn           string `json:"posn"`
	Message        string `json:"message"`
	URL            string `json:"url"`
	SuggestedFixes []struct {
		Message string `json:"message"`
		Edits   []struct {
			Filename   string `json:"filename"`
			Start, End int
			New        string `json:"new"`
		} `json:"edits"`
	} `json:"suggested_fixes"`
}

// decodeVetJSON reads a stream of package → analyzer → diagnostics trees
// and returns the findings ("file:line:col: message", paths relative to
// dir, each once) and the first fix of each, by finding.
func decodeVetJSON(t *testing.T, dir, out string) (findings []string, fixes map[string]string, urls map[string]string) {
	t.Helper()
	fixes, urls = map[string]string{}, map[string]string{}
	seen := map[string]bool{}
	dec := json.NewDecoder(strings.NewReader(out))
	for {
		var tree map[string]map[string][]vetDiag
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("JSON output does not parse: %v\n%s", err, out)
		}
		for _, byAnalyzer := range tree {
			for _, d := range byAnalyzer["stsregional"] {
				f := relTo(dir, d.Posn) + ": " + d.Message
				if seen[f] {
					continue
				}
				seen[f] = true
				findings = append(findings, f)
				urls[f] = d.URL
				if len(d.SuggestedFixes) > 0 {
					var b strings.Builder
					for _, e := range d.SuggestedFixes[0].Edits {
						fmt.Fprintf(&b, "%s %d %d %q; ", relTo(dir, e.Filename), e.Start, e.End, e.New)
					}
					fixes[f] = d.SuggestedFixes[0].Message + ": " + b.String()
				}
			}
		}
	}
	sort.Strings(findings)
	return findings, fixes, urls
}

func relTo(dir, path string) string {
	if filepath.IsAbs(path) {
		if rel, err := filepath.Rel(dir, path); err == nil {
			path = rel
		}
	}
	return filepath.ToSlash(path)
}

var textLine = regexp.MustCompile(`^(\S+\.go):(\d+):(\d+): (STS\d{3}: .*)$`)

// textFindings returns the findings of the text mode, in printed order.
func textFindings(out string) []string {
	var fs []string
	for _, line := range strings.Split(out, "\n") {
		if m := textLine.FindStringSubmatch(line); m != nil {
			fs = append(fs, filepath.ToSlash(m[1])+":"+m[2]+":"+m[3]+": "+m[4])
		}
	}
	return fs
}

func TestModesAgree(t *testing.T) {
	skipIfShort(t)
	for _, src := range []string{"testdata/e2e", "analyzer/testdata/mod"} {
		t.Run(strings.ReplaceAll(src, "/", "_"), func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "mod")
			if err := copyDir(filepath.Join("..", "..", filepath.FromSlash(src)), dir); err != nil {
				t.Fatal(err)
			}
			vet := run(t, dir, "go", "vet", "-vettool="+binPath, "-json", "./...")
			wantCode(t, vet, 0, "go vet -json")
			want, wantFixes, _ := decodeVetJSON(t, dir, vet.stdout)
			if len(want) < 3 || len(wantFixes) < 3 {
				t.Fatalf("go vet -json found %d findings, %d fixes; the fixture has more:\n%s", len(want), len(wantFixes), vet.out())
			}

			text := stsregional(t, dir, "./...")
			wantCode(t, text, 3, "stsregional ./...")
			got := textFindings(text.stdout)
			if fs := textFindings(text.stderr); len(fs) > 0 {
				t.Errorf("text findings on stderr, want stdout:\n%s", strings.Join(fs, "\n"))
			}
			if !slices.IsSortedFunc(got, compareFindings) {
				t.Errorf("text findings are not sorted by file, line, column:\n%s", strings.Join(got, "\n"))
			}
			sort.Strings(got)
			if d := diffLists(got, want); d != "" {
				t.Errorf("text mode vs go vet -json:\n%s", d)
			}

			js := stsregional(t, dir, "-json", "./...")
			wantCode(t, js, 0, "stsregional -json ./...")
			got, gotFixes, urls := decodeVetJSON(t, dir, js.stdout)
			if d := diffLists(got, want); d != "" {
				t.Errorf("-json vs go vet -json:\n%s", d)
			}
			for f, fix := range wantFixes {
				if gotFixes[f] != fix {
					t.Errorf("%s: -json fix %q, go vet -json fix %q", f, gotFixes[f], fix)
				}
			}
			for f, u := range urls {
				id := f[strings.Index(f, ": ")+2:][:6]
				if !strings.HasSuffix(u, "/docs/checks/"+id+".md") {
					t.Errorf("%s: url %q, want the page docs/checks/%s.md", f, u, id)
				}
			}

			sr := stsregional(t, dir, "-format=sarif", "./...")
			wantCode(t, sr, 0, "stsregional -format=sarif ./...")
			log := parseSARIF(t, sr)
			got = got[:0]
			for _, res := range log.Runs[0].Results {
				loc := res.Locations[0].PhysicalLocation
				got = append(got, fmt.Sprintf("%s:%d:%d: %s", loc.ArtifactLocation.URI, loc.Region.StartLine, loc.Region.StartColumn, res.Message.Text))
			}
			sort.Strings(got)
			if d := diffLists(got, want); d != "" {
				t.Errorf("-format=sarif vs go vet -json (the fixtures are ASCII: UTF-16 and byte columns agree):\n%s", d)
			}
		})
	}
}

func compareFindings(a, b string) int {
	pa, pb := strings.SplitN(a, ":", 4), strings.SplitN(b, ":", 4)
	if c := strings.Compare(pa[0], pb[0]); c != 0 {
		return c
	}
	for i := 1; i <= 2; i++ {
		x, _ := strconv.Atoi(pa[i])
		y, _ := strconv.Atoi(pb[i])
		if x != y {
			return x - y
		}
	}
	return strings.Compare(pa[3], pb[3])
}

// diffLists describes how two sorted lists differ, or returns "".
func diffLists(got, want []string) string {
	var b strings.Builder
	for _, s := range got {
		if _, ok := slices.BinarySearch(want, s); !ok {
			fmt.Fprintf(&b, "+ %s\n", s)
		}
	}
	for _, s := range want {
		if _, ok := slices.BinarySearch(got, s); !ok {
			fmt.Fprintf(&b, "- %s\n", s)
		}
	}
	return b.String()
}

// A file behind a build constraint is checked with -tags (or GOFLAGS=-tags),
// not without.
func TestTags(t *testing.T) {
	t.Parallel()
	dir := fixture(t)
	src := read(t, filepath.Join(dir, "findings", "legacy.go"))
	src = "//go:build integration\n\n" + strings.Replace(src, "func Legacy(", "func LegacyIntegration(", 1)
	write(t, filepath.Join(dir, "findings", "legacy_integration.go"), src)

	r := stsregional(t, dir, "./findings")
	wantCode(t, r, 3, "stsregional ./findings")
	if strings.Contains(r.out(), "legacy_integration.go") {
		t.Errorf("without -tags, a file behind //go:build integration was checked:\n%s", r.out())
	}
	r = stsregional(t, dir, "-tags=integration", "./findings")
	wantCode(t, r, 3, "stsregional -tags=integration ./findings")
	wantContains(t, r, "-tags=integration", filepath.Join("findings", "legacy_integration.go")+":16:24: STS004")

	cmd := []string{"-json", "./findings"}
	r = runEnv(t, dir, []string{"GOFLAGS=-mod=mod -tags=integration"}, binPath, cmd...)
	wantCode(t, r, 0, "GOFLAGS=-tags=integration stsregional -json")
	wantContains(t, r, "GOFLAGS=-tags=integration", "legacy_integration.go:16:24")
}

// runEnv is run with more environment variables, set through env(1).
func runEnv(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	return run(t, dir, "env", append(append(env, name), args...)...)
}

// -v shows each finding's documentation URL.
func TestVerbose(t *testing.T) {
	t.Parallel()
	r := stsregional(t, shared, "-v", "./findings")
	wantCode(t, r, 3, "stsregional -v")
	for _, id := range fixtureIDs {
		wantContains(t, r, "stsregional -v", "docs/checks/"+id+".md")
	}
	r = stsregional(t, shared, "./findings")
	if strings.Contains(r.out(), "https://") {
		t.Errorf("without -v, URLs are printed:\n%s", r.out())
	}
}

func TestExplain(t *testing.T) {
	t.Parallel()
	r := stsregional(t, shared, "-explain", "sts003")
	wantCode(t, r, 0, "-explain sts003")
	wantContains(t, r, "-explain sts003", "STS003", "docs/checks/STS003.md")
	r = stsregional(t, shared, "-explain=STS999")
	wantCode(t, r, 2, "-explain=STS999")
	wantContains(t, r, "-explain=STS999", "STS999")
}

// -help lists the flags that work and only those.
func TestHelp(t *testing.T) {
	t.Parallel()
	r := stsregional(t, shared, "-help")
	wantCode(t, r, 0, "-help")
	var listed []string
	for _, m := range regexp.MustCompile(`(?m)^  -([a-zA-Z.-]+)`).FindAllStringSubmatch(r.stdout, -1) {
		listed = append(listed, m[1])
	}
	want := []string{"V", "assume-env-regional", "c", "diff", "disable", "enable", "explain", "fix", "flags", "format", "include-generated", "inventory", "json",
		"stsregional.assume-env-regional", "stsregional.disable", "stsregional.enable", "stsregional.include-generated", "stsregional.inventory", "tags", "test", "v", "version"}
	sort.Strings(listed)
	if strings.Join(listed, " ") != strings.Join(want, " ") {
		t.Errorf("-help lists %v, want %v:\n%s", listed, want, r.stdout)
	}
	// -c is off without the flag: no "default -1". The go vet recipe is
	// the one that fails when the tool is not installed.
	if strings.Contains(r.stdout, "default -1") {
		t.Errorf("-help shows a bogus default:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, `tool=$(command -v stsregional) && go vet -vettool="$tool" ./...`) || strings.Contains(r.stdout, "which") {
		t.Errorf("-help lacks the safe go vet recipe (or shows $(which ...)):\n%s", r.stdout)
	}
	// Flags of the old driver that did nothing are gone.
	for _, gone := range []string{"-debug=f", "-cpuprofile=x", "-source", "-all"} {
		r := stsregional(t, shared, gone, "./clean")
		wantCode(t, r, 2, gone)
	}
}

// A broken package that many packages import is reported once, on one
// line, and nothing else is said about its importers.
func TestLoadErrorOnce(t *testing.T) {
	t.Parallel()
	dir := fixture(t)
	write(t, filepath.Join(dir, "broken", "b.go"), "package broken\n\nvar X int = \"s\"\n")
	for i := range 5 {
		write(t, filepath.Join(dir, fmt.Sprintf("user%d", i), "u.go"),
			fmt.Sprintf("package user%d\n\nimport \"example.com/e2e/broken\"\n\nvar Y = broken.X\n", i))
	}
	for _, args := range [][]string{{"./..."}, {"-json", "./..."}, {"-format=sarif", "./..."}, {"-fix", "./..."}} {
		r := stsregional(t, dir, args...)
		what := "stsregional " + strings.Join(args, " ")
		wantCode(t, r, 1, what)
		if n := strings.Count(r.stderr, "cannot use \"s\""); n != 1 {
			t.Errorf("%s: the type error is printed %d times, want once:\n%s", what, n, r.stderr)
		}
		lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
		seen := map[string]bool{}
		for _, l := range lines {
			if seen[l] {
				t.Errorf("%s: line printed twice: %q", what, l)
			}
			seen[l] = true
			if strings.Contains(l, "prerequisites") {
				t.Errorf("%s: %q", what, l)
			}
		}
	}
}
