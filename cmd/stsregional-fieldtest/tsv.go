package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Label kinds. A TP-* label is a line where a finding is expected; FP-trap-*
// and OK-regional-configured are lines where none is expected; unclear
// lines are scored as neither.
const (
	labelUnclear = "unclear"
)

// knownLabels are the labels of the corpus README.
var knownLabels = map[string]bool{
	"TP-hardcoded":           true,
	"TP-v1-no-regional":      true,
	"TP-v1-legacy-explicit":  true,
	"TP-v2-global":           true,
	"FP-trap-audience":       true,
	"FP-trap-other":          true,
	"OK-regional-configured": true,
	labelUnclear:             true,
}

// isPositive reports whether a finding is expected on a line with label l.
func isPositive(l string) bool { return strings.HasPrefix(l, "TP-") }

// A Label is one row of the labels file.
type Label struct {
	Repo    string `json:"repo"`
	Commit  string `json:"commit"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	Label   string `json:"label"`
	Snippet string `json:"snippet,omitempty"`
	Note    string `json:"note,omitempty"`
	// Row is the 1-based line number in the labels file.
	Row int `json:"row"`
}

// A BuildRow says how to load one repository (a row of build.tsv).
type BuildRow struct {
	Repo      string
	Commit    string
	ModuleDir string
	// Patterns are the package patterns; nil means "do not analyse" ("-").
	Patterns []string
	GoFlags  string
	Note     string
}

// readTSV returns the rows of a tab-separated file, skipping blank lines,
// '#' comments and a header row whose first cell is "repo". Each row comes
// with its 1-based line number.
func readTSV(r io.Reader) ([][]string, []int, error) {
	var rows [][]string
	var nums []int
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	n := 0
	first := true
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cells := strings.Split(line, "\t")
		if first && strings.EqualFold(strings.TrimSpace(cells[0]), "repo") {
			first = false
			continue
		}
		first = false
		rows = append(rows, cells)
		nums = append(nums, n)
	}
	return rows, nums, sc.Err()
}

// unquote undoes the CSV-style quoting some TSV writers apply to cells that
// contain quotes ("a ""b"" c" -> a "b" c).
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	}
	return s
}

// parseLabels reads a labels file: repo, commit, file, line, label[,
// snippet, note].
func parseLabels(r io.Reader) ([]Label, error) {
	rows, nums, err := readTSV(r)
	if err != nil {
		return nil, err
	}
	var out []Label
	for i, c := range rows {
		if len(c) < 5 {
			return nil, fmt.Errorf("line %d: want at least 5 tab-separated cells (repo, commit, file, line, label), got %d", nums[i], len(c))
		}
		line, err := strconv.Atoi(strings.TrimSpace(c[3]))
		if err != nil || line <= 0 {
			return nil, fmt.Errorf("line %d: bad line number %q", nums[i], c[3])
		}
		l := Label{
			Repo:   strings.TrimSpace(c[0]),
			Commit: strings.TrimSpace(c[1]),
			File:   strings.TrimPrefix(strings.TrimSpace(c[2]), "./"),
			Line:   line,
			Label:  strings.TrimSpace(c[4]),
			Row:    nums[i],
		}
		if len(c) > 5 {
			l.Snippet = unquote(c[5])
		}
		if len(c) > 6 {
			l.Note = unquote(strings.Join(c[6:], " "))
		}
		if !knownLabels[l.Label] {
			return nil, fmt.Errorf("line %d: unknown label %q", nums[i], l.Label)
		}
		out = append(out, l)
	}
	return out, nil
}

// parseBuild reads build.tsv: repo, commit, module_dir, packages, goflags[,
// builds_offline, note]. A packages cell of "-" (or empty) marks a
// repository that is not analysed.
func parseBuild(r io.Reader) ([]BuildRow, error) {
	rows, nums, err := readTSV(r)
	if err != nil {
		return nil, err
	}
	var out []BuildRow
	for i, c := range rows {
		if len(c) < 4 {
			return nil, fmt.Errorf("line %d: want at least 4 tab-separated cells (repo, commit, module_dir, packages[, goflags]), got %d", nums[i], len(c))
		}
		b := BuildRow{
			Repo:      strings.TrimSpace(c[0]),
			Commit:    strings.TrimSpace(c[1]),
			ModuleDir: strings.TrimSpace(c[2]),
		}
		if b.ModuleDir == "" {
			b.ModuleDir = "."
		}
		if p := strings.TrimSpace(c[3]); p != "" && p != "-" {
			b.Patterns = strings.Fields(p)
		}
		if len(c) > 4 {
			b.GoFlags = strings.TrimSpace(c[4])
		}
		if len(c) > 6 {
			b.Note = strings.TrimSpace(c[6])
		}
		out = append(out, b)
	}
	return out, nil
}

func readFile[T any](path string, parse func(io.Reader) (T, error)) (T, error) {
	f, err := os.Open(path)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	v, err := parse(f)
	if err != nil {
		var zero T
		return zero, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

// sameCommit reports whether two commit spellings name the same commit: one
// is a prefix (at least 7 hex digits) of the other. "HEAD" matches only
// itself.
func sameCommit(a, b string) bool {
	a, b = strings.ToLower(strings.TrimSpace(a)), strings.ToLower(strings.TrimSpace(b))
	if a == b {
		return true
	}
	if len(a) < 7 || len(b) < 7 {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return strings.HasPrefix(b, a)
}
