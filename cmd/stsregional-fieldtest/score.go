package main

import (
	"sort"
	"strings"
)

// A Finding is one diagnostic of the analyzer in a repository's own files.
type Finding struct {
	File    string `json:"file"` // relative to the repository root, slash-separated
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Check   string `json:"check"` // check ID, e.g. "STS002"
	Message string `json:"message"`
	// Related are the finding's related locations, "file:line" relative
	// to the repository root: the other ends of its route, which
	// fieldtest/score.sh may count as the finding's lines too.
	Related []string `json:"related,omitempty"`
}

type lineKey struct {
	file string
	line int
}

// Metrics are the counts of one scope (a repository, a check, or the total).
//
// Scoring is by line: a labelled line is found when at least one finding is
// on it, whatever its check. TP counts TP-* lines with a finding; FP counts
// distinct lines with a finding that are not TP-* lines (a negative label or
// no label at all); FN counts TP-* lines without a finding. Lines labelled
// "unclear" are not scored. Findings counts diagnostics (several can share a
// line).
type Metrics struct {
	Findings        int `json:"findings"`
	TP              int `json:"tp"`
	FP              int `json:"fp"`
	FPOnNegative    int `json:"fp_on_negative_label"`
	FPUnlabelled    int `json:"fp_unlabelled"`
	FN              int `json:"fn"`
	UnclearFindings int `json:"unclear_lines_with_findings,omitempty"`
}

// Precision is TP/(TP+FP); ok is false when there is nothing to divide.
func (m Metrics) Precision() (float64, bool) {
	if m.TP+m.FP == 0 {
		return 0, false
	}
	return float64(m.TP) / float64(m.TP+m.FP), true
}

// Recall is TP/(TP+FN); ok is false when there is nothing to divide.
func (m Metrics) Recall() (float64, bool) {
	if m.TP+m.FN == 0 {
		return 0, false
	}
	return float64(m.TP) / float64(m.TP+m.FN), true
}

func (m *Metrics) add(o Metrics) {
	m.Findings += o.Findings
	m.TP += o.TP
	m.FP += o.FP
	m.FPOnNegative += o.FPOnNegative
	m.FPUnlabelled += o.FPUnlabelled
	m.FN += o.FN
	m.UnclearFindings += o.UnclearFindings
}

// ClassMetrics is the recall of one label class (TP-v1-no-regional, ...)
// or the outcome on one negative class (FP-trap-audience, ...).
type ClassMetrics struct {
	Labels int `json:"labels"` // scored lines with this label
	Found  int `json:"with_finding"`
}

// An Unmatched is a finding on a line that is not a TP-* line.
type Unmatched struct {
	Finding
	Label string `json:"label,omitempty"` // the negative or unclear label, or "" when unlabelled
	Note  string `json:"note,omitempty"`
}

// A Missed is a TP-* label without a finding.
type Missed struct {
	Label
}

// Score is the result of matching findings to labels in one repository.
type Score struct {
	Metrics
	PerCheck map[string]*Metrics      `json:"per_check"`
	PerLabel map[string]*ClassMetrics `json:"per_label"`
	// Matched are findings on TP-* lines.
	Matched []Unmatched `json:"matched"`
	// Unmatched are findings on negative, unclear or unlabelled lines.
	Unmatched []Unmatched `json:"unmatched"`
	Missed    []Missed    `json:"missed"`
	// NotAnalysed are labels (at the analysed commit) whose file was in no
	// package the analyzer ran on; they are not scored.
	NotAnalysed []Label `json:"not_analysed,omitempty"`
	// Duplicates are labels of a line that was already labelled; the first
	// one is used.
	Duplicates []Label `json:"duplicate_labels,omitempty"`
}

// score matches findings to labels by (file, line). labels must already be
// restricted to one repository and commit. analysed tells whether a file
// (relative to the repository root) was analysed; labels in other files are
// reported as not analysed instead of missed. A nil analysed means every
// file was.
func score(labels []Label, findings []Finding, analysed func(file string) bool) *Score {
	s := &Score{PerCheck: map[string]*Metrics{}, PerLabel: map[string]*ClassMetrics{}}

	byLine := map[lineKey]Label{}
	for _, l := range labels {
		if analysed != nil && !analysed(l.File) {
			s.NotAnalysed = append(s.NotAnalysed, l)
			continue
		}
		k := lineKey{l.File, l.Line}
		if _, dup := byLine[k]; dup {
			s.Duplicates = append(s.Duplicates, l)
			continue
		}
		byLine[k] = l
	}

	findings = dedupe(findings)
	s.Findings = len(findings)

	// Lines with findings, and per check.
	lines := map[lineKey][]Finding{}
	for _, f := range findings {
		k := lineKey{f.File, f.Line}
		lines[k] = append(lines[k], f)
		pc := s.check(f.Check)
		pc.Findings++
	}

	for k, fs := range lines {
		l, labelled := byLine[k]
		checks := map[string]bool{}
		for _, f := range fs {
			checks[f.Check] = true
		}
		switch {
		case labelled && isPositive(l.Label):
			s.TP++
			for c := range checks {
				s.check(c).TP++
			}
			for _, f := range fs {
				s.Matched = append(s.Matched, Unmatched{Finding: f, Label: l.Label, Note: l.Note})
			}
		case labelled && l.Label == labelUnclear:
			s.UnclearFindings++
			for _, f := range fs {
				s.Unmatched = append(s.Unmatched, Unmatched{Finding: f, Label: l.Label, Note: l.Note})
			}
		default:
			s.FP++
			if labelled {
				s.FPOnNegative++
			} else {
				s.FPUnlabelled++
			}
			for c := range checks {
				pc := s.check(c)
				pc.FP++
				if labelled {
					pc.FPOnNegative++
				} else {
					pc.FPUnlabelled++
				}
			}
			for _, f := range fs {
				u := Unmatched{Finding: f}
				if labelled {
					u.Label, u.Note = l.Label, l.Note
				}
				s.Unmatched = append(s.Unmatched, u)
			}
		}
	}

	for k, l := range byLine {
		if l.Label == labelUnclear {
			continue
		}
		cm := s.PerLabel[l.Label]
		if cm == nil {
			cm = &ClassMetrics{}
			s.PerLabel[l.Label] = cm
		}
		cm.Labels++
		if len(lines[k]) > 0 {
			cm.Found++
		} else if isPositive(l.Label) {
			s.FN++
			s.Missed = append(s.Missed, Missed{l})
		}
	}

	sortFindings := func(u []Unmatched) {
		sort.Slice(u, func(i, j int) bool { return lessFinding(u[i].Finding, u[j].Finding) })
	}
	sortFindings(s.Matched)
	sortFindings(s.Unmatched)
	sort.Slice(s.Missed, func(i, j int) bool { return lessLabel(s.Missed[i].Label, s.Missed[j].Label) })
	sort.Slice(s.NotAnalysed, func(i, j int) bool { return lessLabel(s.NotAnalysed[i], s.NotAnalysed[j]) })
	return s
}

func (s *Score) check(id string) *Metrics {
	m := s.PerCheck[id]
	if m == nil {
		m = &Metrics{}
		s.PerCheck[id] = m
	}
	return m
}

// dedupe drops findings reported twice at the same place with the same
// message (a package and its test variant are both analysed).
func dedupe(fs []Finding) []Finding {
	type key struct {
		file, check, message, related string
		line, column                  int
	}
	seen := map[key]bool{}
	var out []Finding
	for _, f := range fs {
		k := key{f.File, f.Check, f.Message, strings.Join(f.Related, " "), f.Line, f.Column}
		if !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return lessFinding(out[i], out[j]) })
	return out
}

func lessFinding(a, b Finding) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Column != b.Column {
		return a.Column < b.Column
	}
	if a.Check != b.Check {
		return a.Check < b.Check
	}
	return a.Message < b.Message
}

func lessLabel(a, b Label) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	return a.Line < b.Line
}
