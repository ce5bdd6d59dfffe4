// Package engine analyses Go packages by running the go command's vet
// protocol with stsregional as the vet tool, and collects the structured
// results: diagnostics with their suggested fixes, and load errors.
//
// The go command does the expensive part once per package and keeps it in
// the build cache: it type-checks each package in its own process, in
// parallel, with its dependencies' export data and analysis facts read from
// earlier runs. A second run over unchanged packages reads everything from
// the cache, so every front-end mode (text, JSON, SARIF, -fix) costs about
// what go vet with a no-op analyzer costs, and no process ever holds the
// whole program in memory.
package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/stsregional/stsregional/internal/vetjson"
)

// Options say what to analyse and how.
type Options struct {
	// Dir is the directory the go command runs in ("" for the current one).
	Dir string
	// Tool is the absolute path of the vet tool: the running executable.
	Tool string
	// Patterns are the package patterns, as go vet takes them.
	Patterns []string
	// Tags is the value of -tags ("" for none; GOFLAGS=-tags also works,
	// as the go command reads it).
	Tags string
	// ToolFlags are flags for the vet tool, such as
	// -stsregional.disable=STS001; go vet forwards the flags that the
	// tool lists with -flags.
	ToolFlags []string
	// Env is the environment of the go command (nil: this process's).
	Env []string
}

// A Position is a place in a file: 1-based line and byte column.
type Position struct {
	Filename     string
	Line, Column int
}

func (p Position) String() string {
	return fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Column)
}

// An Edit replaces the bytes [Start, End) of Filename by New.
type Edit struct {
	Filename   string
	Start, End int
	New        string
}

// A Fix is a suggested fix: edits to apply together or not at all.
type Fix struct {
	Message string
	Edits   []Edit
}

// A Related is a secondary position of a diagnostic.
type Related struct {
	Pos, End Position
	Message  string
}

// A Diagnostic is one finding.
type Diagnostic struct {
	// Package is the import path of the package it was reported in.
	Package  string
	Category string
	Message  string
	Pos, End Position
	Related  []Related
	Fixes    []Fix
}

// A Result is the outcome of a run.
type Result struct {
	// Diagnostics holds each finding once (a package and its test variant
	// report the same ones), sorted by file, line, column and message.
	Diagnostics []Diagnostic
	// Errors holds each distinct load, type or analysis error once, on one
	// line, in the order the go command printed them. The diagnostics are
	// still those of every package that could be analysed (see Run), but a
	// caller must not act on a result with errors as if it were complete.
	Errors []string
	// Warnings holds, once each, why a package named on the command line
	// was left out without making the run fail: build constraints exclude
	// all its Go files.
	Warnings []string
}

// Run runs go vet with the tool on the patterns and returns what it
// reported. It returns an error only if the go command could not be run
// at all or printed something it cannot read.
//
// One broken package does not hide the others: when the run reports
// errors, Run asks go list which packages failed to load and analyses the
// rest again (go vet analyses nothing when any named package fails to
// load), and analyses again without their _test.go files the packages whose
// tests do not load or type-check (go vet then loses the findings in the
// package's other files too). A run without errors is one go command.
func Run(ctx context.Context, opts Options) (*Result, error) {
	first, err := vet(ctx, opts, opts.Patterns, nil)
	if err != nil {
		return nil, err
	}
	if len(first.errs) == 0 {
		return first.result(), nil
	}
	return recoverPartial(ctx, opts, first)
}

// A pass is what one go vet run reported.
type pass struct {
	diags []Diagnostic
	errs  []string
	// failed holds the import paths in the "# path" headers the go command
	// prints before the output of a step that failed, such as the vet
	// tool's type errors in a package or its test variant.
	failed map[string]bool
}

// result returns the pass as a Result.
func (p *pass) result() *Result {
	return &Result{Diagnostics: p.diags, Errors: p.errs}
}

// vet runs go vet with the tool on the patterns, with the files named in
// hide left out (through an -overlay that deletes them).
func vet(ctx context.Context, opts Options, patterns, hide []string) (*pass, error) {
	args := []string{"vet", "-vettool=" + opts.Tool, "-json"}
	if opts.Tags != "" {
		args = append(args, "-tags="+opts.Tags)
	}
	if len(hide) > 0 {
		overlay, err := writeOverlay(hide)
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(filepath.Dir(overlay))
		args = append(args, "-overlay="+overlay)
	}
	args = append(args, opts.ToolFlags...)
	args = append(args, "--")
	args = append(args, patterns...)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = opts.Dir
	cmd.Env = opts.Env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var exit *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exit) {
		return nil, fmt.Errorf("running go vet: %w", runErr)
	}

	diags, errs, err := decode(&stdout)
	if err != nil {
		return nil, fmt.Errorf("reading the output of go vet: %w", err)
	}
	p := &pass{diags: diags, failed: failedSteps(stderr.String())}
	p.errs = Distinct(append(stderrErrors(stderr.String()), errs...))
	if exit != nil && len(p.errs) == 0 {
		p.errs = []string{fmt.Sprintf("go vet failed (%v) without saying why", exit)}
	}
	return p, nil
}

// writeOverlay writes a go command -overlay file that deletes the files,
// in a new temporary directory, and returns its name.
func writeOverlay(files []string) (string, error) {
	replace := map[string]string{}
	for _, f := range files {
		replace[f] = "" // an empty replacement deletes the file
	}
	data, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "stsregional-overlay-")
	if err != nil {
		return "", err
	}
	name := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(name, data, 0o600); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return name, nil
}

// decode reads the stream of JSON trees that go vet -json prints, one per
// package, and returns the diagnostics, deduplicated and sorted, and the
// analysis errors.
func decode(r io.Reader) ([]Diagnostic, []string, error) {
	var diags []Diagnostic
	var errs []string
	seen := map[string]bool{}
	dec := json.NewDecoder(r)
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			return nil, nil, err
		}
		for id, byAnalyzer := range tree {
			pkg, _, _ := strings.Cut(id, " ") // "p [p.test]" → "p"
			for _, raw := range byAnalyzer {
				var e struct{ Error string }
				if json.Unmarshal(raw, &e) == nil && e.Error != "" {
					errs = append(errs, pkg+": "+OneLine(e.Error))
					continue
				}
				var list []vetjson.Diagnostic
				if err := json.Unmarshal(raw, &list); err != nil {
					return nil, nil, fmt.Errorf("package %s: %w", id, err)
				}
				for _, jd := range list {
					key := jd.Posn + "\x00" + jd.Message
					if seen[key] {
						continue // reported by a package and its test variant
					}
					seen[key] = true
					diags = append(diags, convert(pkg, jd))
				}
			}
		}
	}
	Sort(diags)
	return diags, errs, nil
}

func convert(pkg string, jd vetjson.Diagnostic) Diagnostic {
	d := Diagnostic{
		Package:  pkg,
		Category: jd.Category,
		Message:  jd.Message,
		Pos:      ParsePosition(jd.Posn),
		End:      ParsePosition(jd.End),
	}
	for _, r := range jd.Related {
		d.Related = append(d.Related, Related{ParsePosition(r.Posn), ParsePosition(r.End), r.Message})
	}
	for _, f := range jd.SuggestedFixes {
		fix := Fix{Message: f.Message}
		for _, e := range f.Edits {
			fix.Edits = append(fix.Edits, Edit(e))
		}
		d.Fixes = append(d.Fixes, fix)
	}
	return d
}

// ParsePosition parses "file:line:column" (the file may contain colons).
// What it cannot parse becomes a position with only a file name.
func ParsePosition(s string) Position {
	rest, col, ok1 := cutLastNumber(s)
	file, line, ok2 := cutLastNumber(rest)
	if !ok1 || !ok2 {
		return Position{Filename: s}
	}
	return Position{Filename: file, Line: line, Column: col}
}

func cutLastNumber(s string) (string, int, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil {
		return s, 0, false
	}
	return s[:i], n, true
}

// Sort sorts diagnostics by file, line, column and message.
func Sort(diags []Diagnostic) {
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i], diags[j]
		if a.Pos.Filename != b.Pos.Filename {
			return a.Pos.Filename < b.Pos.Filename
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Column != b.Pos.Column {
			return a.Pos.Column < b.Pos.Column
		}
		return a.Message < b.Message
	})
}

// stderrErrors turns what go vet printed on stderr into one line per error:
// it drops the "# package" headers and the progress lines of module
// resolution, joins indented continuation lines to the line they continue,
// and rewrites the go command's warning about a pattern that matches
// nothing as an error (the analysis of nothing is not a success).
func stderrErrors(s string) []string {
	var out []string
	matchedNothing := false
	for _, line := range strings.Split(s, "\n") {
		switch {
		case strings.TrimSpace(line) == "", strings.HasPrefix(line, "# "):
			continue
		case (strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "  ")) && len(out) > 0:
			out[len(out)-1] += "; " + strings.TrimSpace(line)
			continue
		}
		if pattern, ok := strings.CutPrefix(line, "go: warning: "); ok && strings.HasSuffix(pattern, " matched no packages") {
			matchedNothing = true
			out = append(out, pattern)
			continue
		}
		if matchedNothing && (line == "no packages to vet" || line == "no packages to fix") {
			continue // said already
		}
		if strings.HasPrefix(line, "go: finding module for package ") || strings.HasPrefix(line, "go: downloading ") {
			continue // progress of -mod=mod, not an error: the error follows
		}
		out = append(out, strings.TrimSpace(line))
	}
	return out
}

// Distinct returns the strings of list without repetitions, in order.
func Distinct(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// OneLine joins the lines of a multi-line message (the go command's) into
// one, for errors printed one per line.
func OneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Rel returns file relative to dir when it lies inside dir, else file.
func Rel(dir, file string) string {
	if dir == "" || !filepath.IsAbs(file) {
		return file
	}
	if rel, err := filepath.Rel(dir, file); err == nil && filepath.IsLocal(rel) {
		return rel
	}
	return file
}

// Executable returns the absolute path of the running program, for use
// as the vet tool: an empty or relative -vettool would run another tool.
func Executable() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	return filepath.Abs(exe)
}

// PackageNames returns the package names of import paths, as go list
// knows them in the current directory with the build tags: the fixer
// removes an import that the fixes left unused only when it knows the name
// the import declares. Paths go list cannot resolve are left out.
func PackageNames(paths []string, tags string) map[string]string {
	names := map[string]string{}
	if len(paths) == 0 {
		return names
	}
	args := []string{"list", "-e", "-f", "{{.ImportPath}} {{.Name}}"}
	if tags != "" {
		args = append(args, "-tags="+tags)
	}
	out, _ := exec.Command("go", append(append(args, "--"), paths...)...).Output()
	for _, line := range strings.Split(string(out), "\n") {
		if path, name, ok := strings.Cut(line, " "); ok && name != "" {
			names[path] = name
		}
	}
	return names
}
