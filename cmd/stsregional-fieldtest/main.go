// Command stsregional-fieldtest measures the stsregional analyzer on
// checked-out public repositories against hand-made labels.
//
// Usage:
//
//	stsregional-fieldtest -repos DIR -labels labels.tsv -build build.tsv [-json] [-repo owner/name,...]
//
// DIR holds one work tree per repository, named DIR/owner+name (preferred)
// or DIR/owner/name, checked out at the commit build.tsv lists (see
// fieldtest/run.sh). For every build.tsv row whose packages cell is not "-",
// the command loads those packages (with their tests) in the module
// directory using golang.org/x/tools/go/packages, runs the analyzer with
// golang.org/x/tools/go/analysis/checker (dependencies are analysed too, for
// facts), keeps the diagnostics that fall in the repository's own files, and
// matches them to the labels of that repository and commit by (file
// relative to the repository root, line).
//
// Labels TP-* expect a finding; FP-trap-* and OK-regional-configured expect
// none; "unclear" lines are not scored. A finding on a line without a label
// counts as a false positive: review it and add a label. Labels in files the
// analyzer did not run on are listed as not analysed, and labels at other
// commits are ignored.
//
// Packages that fail to load or type-check are reported as load errors; the
// run goes on with what loaded. The exit status is 0 whatever the results,
// and 2 on usage errors.
//
// The go command runs with the environment as given (GOPROXY included),
// GOWORK=off, and GOFLAGS set to -buildvcs=false plus the row's goflags. When
// loading fails because go.mod/go.sum need updating, it retries once with
// -mod=mod (in the repository's work tree, never in this module).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/stsregional/stsregional/analyzer"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type options struct {
	reposDir, labelsFile, buildFile string
	json, tests                     bool
	only                            map[string]bool
	cfg                             analyzer.Config
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("stsregional-fieldtest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	var only, enable, disable string
	fs.StringVar(&o.reposDir, "repos", "", "directory of checked-out repositories, as DIR/owner+name or DIR/owner/name")
	fs.StringVar(&o.labelsFile, "labels", "", "labels TSV: repo, commit, file, line, label[, snippet, note]")
	fs.StringVar(&o.buildFile, "build", "", "build TSV: repo, commit, module_dir, packages, goflags[, builds_offline, note]")
	fs.BoolVar(&o.json, "json", false, "print the results as JSON")
	fs.BoolVar(&o.tests, "tests", true, "load the packages' _test.go files too")
	fs.StringVar(&only, "repo", "", "comma-separated owner/name list: analyse only these repositories")
	fs.StringVar(&enable, "enable", "", "comma-separated check IDs to run instead of the defaults")
	fs.StringVar(&disable, "disable", "", "comma-separated check IDs not to run")
	fs.BoolVar(&o.cfg.AssumeEnvRegional, "assume-env-regional", false, "passed to the analyzer (see its documentation)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: stsregional-fieldtest -repos DIR -labels FILE -build FILE [-json] [-repo owner/name,...]\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if o.reposDir == "" || o.labelsFile == "" || o.buildFile == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	if only != "" {
		o.only = map[string]bool{}
		for _, r := range strings.Split(only, ",") {
			o.only[strings.TrimSpace(r)] = true
		}
	}
	o.cfg.Enable = splitList(enable)
	o.cfg.Disable = splitList(disable)
	a, err := analyzer.New(o.cfg)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if st, err := os.Stat(o.reposDir); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "-repos %s: not a directory\n", o.reposDir)
		return 2
	}
	labels, err := readFile(o.labelsFile, parseLabels)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	builds, err := readFile(o.buildFile, parseBuild)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}

	rep := measure(a, &o, labels, builds, stderr)
	if o.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintln(stderr, err)
		}
	} else {
		printText(stdout, rep)
	}
	return 0
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// Report is the whole result (the -json output).
type Report struct {
	Repos    []*RepoResult            `json:"repos"`
	Total    Metrics                  `json:"total"`
	PerCheck map[string]*Metrics      `json:"per_check"`
	PerLabel map[string]*ClassMetrics `json:"per_label"`
	// Skipped are build.tsv rows not analysed (packages "-", filtered out,
	// or no work tree).
	Skipped []Skip `json:"skipped,omitempty"`
	// UnbuiltLabels counts label rows of repositories or commits that were
	// not analysed.
	UnscoredLabels int `json:"unscored_labels"`
}

// Skip is a repository of the build list that was not analysed, and why.
type Skip struct {
	Repo   string `json:"repo"`
	Reason string `json:"reason"`
}

// RepoResult is the result of one repository.
type RepoResult struct {
	Repo       string   `json:"repo"`
	Commit     string   `json:"commit"` // the commit checked out (or build.tsv's)
	Dir        string   `json:"dir"`
	ModuleDir  string   `json:"module_dir"`
	Patterns   []string `json:"packages"`
	GoFlags    string   `json:"goflags"`
	Warnings   []string `json:"warnings,omitempty"`
	LoadErrors []string `json:"load_errors,omitempty"`
	Packages   int      `json:"packages_analysed"`
	Seconds    float64  `json:"seconds"`
	*Score
}

func measure(a *analysis.Analyzer, o *options, labels []Label, builds []BuildRow, stderr io.Writer) *Report {
	rep := &Report{PerCheck: map[string]*Metrics{}, PerLabel: map[string]*ClassMetrics{}}
	scored := 0
	for _, b := range builds {
		if o.only != nil && !o.only[b.Repo] {
			continue
		}
		if b.Patterns == nil {
			rep.Skipped = append(rep.Skipped, Skip{b.Repo, "no packages pattern in build file"})
			continue
		}
		dir := repoDir(o.reposDir, b.Repo)
		if dir == "" {
			rep.Skipped = append(rep.Skipped, Skip{b.Repo, "no work tree under " + o.reposDir})
			continue
		}
		r := &RepoResult{Repo: b.Repo, Commit: b.Commit, Dir: dir, ModuleDir: b.ModuleDir, Patterns: b.Patterns, GoFlags: b.GoFlags}
		if head := gitHead(dir); head != "" {
			if !sameCommit(head, b.Commit) {
				r.Warnings = append(r.Warnings, fmt.Sprintf("work tree is at %s, build file lists %s; labels are matched at %s", head, b.Commit, head))
			}
			r.Commit = head
		}
		var mine []Label
		for _, l := range labels {
			if l.Repo == b.Repo && sameCommit(l.Commit, r.Commit) {
				mine = append(mine, l)
			}
		}
		scored += len(mine)
		fmt.Fprintf(stderr, "%s: loading %s in %s ...\n", b.Repo, strings.Join(b.Patterns, " "), b.ModuleDir)
		start := time.Now()
		findings, analysed := analyseRepo(a, o, b, r)
		r.Seconds = time.Since(start).Round(100 * time.Millisecond).Seconds()
		fmt.Fprintf(stderr, "%s: %d packages, %d findings, %d load errors, %.1fs\n", b.Repo, r.Packages, len(dedupe(findings)), len(r.LoadErrors), r.Seconds)
		r.Score = score(mine, findings, func(f string) bool { return analysed[f] })
		rep.Repos = append(rep.Repos, r)
		rep.Total.add(r.Metrics)
		for id, m := range r.PerCheck {
			if rep.PerCheck[id] == nil {
				rep.PerCheck[id] = &Metrics{}
			}
			rep.PerCheck[id].add(*m)
		}
		for l, c := range r.PerLabel {
			if rep.PerLabel[l] == nil {
				rep.PerLabel[l] = &ClassMetrics{}
			}
			rep.PerLabel[l].Labels += c.Labels
			rep.PerLabel[l].Found += c.Found
		}
	}
	// Labels not at an analysed repository/commit.
	rep.UnscoredLabels = len(labels) - scored
	return rep
}

// repoDir finds the work tree of owner/name under dir.
func repoDir(dir, repo string) string {
	for _, c := range []string{
		filepath.Join(dir, strings.ReplaceAll(repo, "/", "+")),
		filepath.Join(dir, filepath.FromSlash(repo)),
	} {
		if st, err := os.Stat(c); err == nil && st.IsDir() {
			if abs, err := filepath.Abs(c); err == nil {
				c = abs
			}
			if real, err := filepath.EvalSymlinks(c); err == nil {
				c = real
			}
			return c
		}
	}
	return ""
}

var hexRE = regexp.MustCompile(`^[0-9a-f]{40}$`)

// gitHead returns the commit of a detached work tree (or of its branch), or
// "" when dir is not a git work tree.
func gitHead(dir string) string {
	gitDir := filepath.Join(dir, ".git")
	if data, err := os.ReadFile(gitDir); err == nil { // a linked work tree: "gitdir: path"
		if p, ok := strings.CutPrefix(strings.TrimSpace(string(data)), "gitdir: "); ok {
			if !filepath.IsAbs(p) {
				p = filepath.Join(dir, p)
			}
			gitDir = p
		}
	}
	data, err := os.ReadFile(filepath.Join(gitDir, "HEAD"))
	if err != nil {
		return ""
	}
	head := strings.TrimSpace(string(data))
	if hexRE.MatchString(head) {
		return head
	}
	if ref, ok := strings.CutPrefix(head, "ref: "); ok {
		if data, err := os.ReadFile(filepath.Join(gitDir, filepath.FromSlash(ref))); err == nil {
			if h := strings.TrimSpace(string(data)); hexRE.MatchString(h) {
				return h
			}
		}
	}
	return ""
}

// needsModMod reports whether a load error asks for go.mod/go.sum updates.
func needsModMod(msg string) bool {
	for _, s := range []string{"missing go.sum entry", "updates to go.mod needed", "-mod=mod", "go mod tidy", "no required module provides package"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// analyseRepo loads and analyses one repository. It returns the findings in
// the repository's own files and the set of those files the analyzer ran on
// (relative to the repository root).
func analyseRepo(a *analysis.Analyzer, o *options, b BuildRow, r *RepoResult) ([]Finding, map[string]bool) {
	modDir := filepath.Join(r.Dir, filepath.FromSlash(b.ModuleDir))
	goflags := strings.TrimSpace("-buildvcs=false " + b.GoFlags)
	pkgs, err := load(modDir, goflags, b.Patterns, o.tests)
	if !strings.Contains(goflags, "-mod=") && loadNeedsModMod(pkgs, err) {
		goflags += " -mod=mod"
		r.Warnings = append(r.Warnings, "retried with -mod=mod (go.mod/go.sum incomplete)")
		pkgs, err = load(modDir, goflags, b.Patterns, o.tests)
	}
	r.GoFlags = goflags
	if err != nil {
		r.LoadErrors = append(r.LoadErrors, "load: "+err.Error())
		return nil, map[string]bool{}
	}

	// Load errors of every package (roots and dependencies).
	seenErr := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			msg := p.PkgPath + ": " + e.Error()
			if !seenErr[msg] {
				seenErr[msg] = true
				r.LoadErrors = append(r.LoadErrors, msg)
			}
		}
	})
	sort.Strings(r.LoadErrors)

	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, &checker.Options{})
	if err != nil {
		r.LoadErrors = append(r.LoadErrors, "analysis: "+err.Error())
		return nil, map[string]bool{}
	}

	var findings []Finding
	analysed := map[string]bool{}
	pkgSeen := map[string]bool{}
	for act := range graph.All() {
		if act.Analyzer != a {
			continue
		}
		p := act.Package
		var files []string
		for _, f := range p.CompiledGoFiles {
			if rel, ok := relTo(r.Dir, f); ok && !vendored(rel) {
				files = append(files, rel)
			}
		}
		if len(files) == 0 {
			// Not this repository's own package: a module dependency or a
			// vendored copy, where no driver reports (go vet and the
			// standalone tool report root packages only).
			continue
		}
		if act.Err != nil {
			msg := p.ID + ": analysis: " + act.Err.Error()
			if !seenErr[msg] {
				seenErr[msg] = true
				r.LoadErrors = append(r.LoadErrors, msg)
			}
			continue
		}
		if !pkgSeen[p.ID] {
			pkgSeen[p.ID] = true
			r.Packages++
		}
		for _, f := range files {
			analysed[f] = true
		}
		for _, d := range act.Diagnostics {
			pos := p.Fset.Position(d.Pos)
			rel, ok := relTo(r.Dir, pos.Filename)
			if !ok {
				continue
			}
			fd := Finding{File: rel, Line: pos.Line, Column: pos.Column, Check: checkID(d), Message: d.Message}
			for _, ri := range d.Related {
				rp := p.Fset.Position(ri.Pos)
				if rrel, ok := relTo(r.Dir, rp.Filename); ok {
					fd.Related = append(fd.Related, fmt.Sprintf("%s:%d", rrel, rp.Line))
				}
			}
			findings = append(findings, fd)
		}
	}
	return findings, analysed
}

// vendored reports whether the slash-separated relative path rel lies in
// a vendor directory.
func vendored(rel string) bool {
	return strings.HasPrefix(rel, "vendor/") || strings.Contains(rel, "/vendor/")
}

func loadNeedsModMod(pkgs []*packages.Package, err error) bool {
	if err != nil {
		return needsModMod(err.Error())
	}
	found := false
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if needsModMod(e.Msg) {
				found = true
			}
		}
	})
	return found
}

func load(dir, goflags string, patterns []string, tests bool) ([]*packages.Package, error) {
	env := append(os.Environ(), "GOFLAGS="+goflags, "GOWORK=off")
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax | packages.NeedModule,
		Dir:   dir,
		Env:   env,
		Tests: tests,
	}
	return packages.Load(cfg, patterns...)
}

// relTo returns file relative to root (slash-separated) when it is inside.
func relTo(root, file string) (string, bool) {
	if file == "" {
		return "", false
	}
	if !strings.HasPrefix(file, root+string(filepath.Separator)) {
		return "", false // root has its symlinks resolved; so do the go command's paths
	}
	rel, err := filepath.Rel(root, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// checkID returns the check ID of a diagnostic, from its category or the
// "STS00N: " prefix of its message.
func checkID(d analysis.Diagnostic) string {
	for _, c := range analyzer.Checks {
		if c.Category == d.Category {
			return c.ID
		}
	}
	if id, _, ok := strings.Cut(d.Message, ":"); ok && strings.HasPrefix(id, "STS") {
		return id
	}
	return "?"
}
