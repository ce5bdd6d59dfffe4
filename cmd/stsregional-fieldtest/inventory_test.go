package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stsregional/stsregional/internal/inventory"
)

// constructionSite matches the snippet of a labelled line that builds an
// STS client, credential provider or session: the lines the inventory must
// list (as a route, or as the session or setting of one).
var constructionSite = regexp.MustCompile(`\b(sts\w*|stscreds)\.New\w*\(|AssumeRoleProvider\{|session\.(New|NewSession|NewSessionWithOptions)\(`)

// impliedModes are the endpoint modes a label allows at its line.
var impliedModes = map[string][]string{
	"OK-regional-configured": {inventory.ModeRegional, inventory.ModeExplicit, inventory.ModeConditional},
	"TP-v1-no-regional":      {inventory.ModeConfig, inventory.ModeGlobalLegacy, inventory.ModeGlobal, inventory.ModeUnknown, inventory.ModeConditional},
	"TP-v1-legacy-explicit":  {inventory.ModeGlobal, inventory.ModeGlobalLegacy},
	"TP-v2-global":           {inventory.ModeGlobal, inventory.ModeExplicit},
	"TP-hardcoded":           {inventory.ModeExplicit},
}

// TestFieldInventory checks the committed inventories of the field corpus
// (fieldtest/inventory/*.json, written by fieldtest/inventory.sh) against
// fieldtest/labels.tsv: every labelled construction site appears, as a
// route or as the session or setting of one, with an endpoint its label
// allows; a TP label's route carries a finding, an OK or FP one does not.
func TestFieldInventory(t *testing.T) {
	dir := filepath.Join("..", "..", "fieldtest")
	files, err := filepath.Glob(filepath.Join(dir, "inventory", "*.json"))
	if err != nil || len(files) == 0 {
		t.Skipf("no field inventories in %s (fieldtest/inventory.sh writes them)", dir)
	}
	labels, err := readFile(filepath.Join(dir, "labels.tsv"), parseLabels)
	if err != nil {
		t.Fatal(err)
	}
	builds, err := readFile(filepath.Join(dir, "build.tsv"), parseBuild)
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		repo, file string
		line       int
	}
	// The routes at each line of each repository: at the route itself or
	// at one of its evidence positions.
	at := map[key][]inventory.Row{}
	seen := map[string]bool{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		key0, moddir, _ := strings.Cut(name, "@")
		repo := strings.Replace(key0, "+", "/", 1)
		moddir = strings.ReplaceAll(moddir, "+", "/")
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc inventory.Document
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if doc.SchemaVersion != inventory.SchemaVersion {
			t.Errorf("%s: schema_version %d", f, doc.SchemaVersion)
		}
		seen[repo] = true
		inRepo := func(file string) string {
			if moddir == "" {
				return file
			}
			return moddir + "/" + file
		}
		for _, r := range doc.Routes {
			k := key{repo, inRepo(r.File), r.Line}
			at[k] = append(at[k], r)
			for _, e := range r.Evidence {
				if e.Role != inventory.EvidenceRegion {
					k := key{repo, inRepo(e.File), e.Line}
					at[k] = append(at[k], r)
				}
			}
		}
	}
	// covered reports whether a label is in the packages an inventory
	// was made of, at the commit it was made at.
	covered := func(l Label) bool {
		for _, b := range builds {
			if b.Repo == l.Repo && b.Patterns != nil && sameCommit(b.Commit, l.Commit) && inPatterns(b, l.File) {
				return true
			}
		}
		return false
	}

	checked, missing := 0, 0
	for _, l := range labels {
		if !seen[l.Repo] || !covered(l) {
			continue
		}
		routes := at[key{l.Repo, l.File, l.Line}]
		where := fmt.Sprintf("labels.tsv:%d %s %s:%d (%s)", l.Row, l.Repo, l.File, l.Line, l.Label)
		modes, ok := impliedModes[l.Label]
		switch {
		case strings.HasPrefix(l.Label, "FP-"):
			for _, r := range routes {
				if r.Check != "" && r.Line == l.Line && !r.Suppressed {
					t.Errorf("%s: route %s carries %s", where, r.Pos(), r.Check)
				}
			}
			continue
		case !ok:
			continue
		}
		if len(routes) == 0 {
			if constructionSite.MatchString(l.Snippet) {
				missing++
				t.Errorf("%s: construction site %q is in no route", where, l.Snippet)
			}
			continue
		}
		checked++
		good := false
		for _, r := range routes {
			fits := false
			for _, m := range modes {
				fits = fits || r.Endpoint.Mode == m
			}
			finding := r.Check != ""
			if fits && finding == strings.HasPrefix(l.Label, "TP-") {
				good = true
			}
		}
		if !good {
			var got []string
			for _, r := range routes {
				got = append(got, fmt.Sprintf("%s %s check=%q", r.Pos(), r.Endpoint, r.Check))
			}
			t.Errorf("%s: no route fits the label; routes: %s", where, strings.Join(got, "; "))
		}
	}
	t.Logf("%d labelled lines checked against routes, %d construction sites missing", checked, missing)
}

// inPatterns reports whether file (relative to the repository) is in a
// package the build row's patterns match: "./dir/..." and "./dir" relative
// to the module directory.
func inPatterns(b BuildRow, file string) bool {
	dir := filepath.ToSlash(filepath.Dir(file))
	mod := strings.Trim(filepath.ToSlash(b.ModuleDir), "./")
	if b.ModuleDir == "." {
		mod = ""
	}
	for _, p := range b.Patterns {
		p = strings.TrimPrefix(strings.TrimPrefix(p, "."), "/")
		full := strings.Trim(mod+"/"+p, "/")
		if prefix, ok := strings.CutSuffix(full, "..."); ok {
			prefix = strings.TrimSuffix(prefix, "/")
			if prefix == "" || dir == prefix || strings.HasPrefix(dir, prefix+"/") {
				return true
			}
			continue
		}
		if full == "" {
			full = "."
		}
		if dir == full {
			return true
		}
	}
	return false
}
