package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

func pct(v float64, ok bool) string {
	if !ok {
		return "-"
	}
	return fmt.Sprintf("%.2f", v)
}

func short(commit string) string {
	if len(commit) > 12 {
		return commit[:12]
	}
	return commit
}

// printText writes the human-readable report.
func printText(w io.Writer, rep *Report) {
	for _, r := range rep.Repos {
		fmt.Fprintf(w, "== %s @ %s  (%s: %s)\n", r.Repo, short(r.Commit), r.ModuleDir, strings.Join(r.Patterns, " "))
		for _, s := range r.Warnings {
			fmt.Fprintf(w, "   warning: %s\n", s)
		}
		p, pok := r.Precision()
		rc, rok := r.Recall()
		fmt.Fprintf(w, "   packages %d, findings %d, TP %d, FP %d (%d on negative labels, %d unlabelled), FN %d, precision %s, recall %s, %.1fs\n",
			r.Packages, r.Findings, r.TP, r.FP, r.FPOnNegative, r.FPUnlabelled, r.FN, pct(p, pok), pct(rc, rok), r.Seconds)
		if r.UnclearFindings > 0 {
			fmt.Fprintf(w, "   %d line(s) labelled unclear have findings (not scored)\n", r.UnclearFindings)
		}
		if n := len(r.LoadErrors); n > 0 {
			fmt.Fprintf(w, "   load errors: %d\n", n)
			for i, e := range r.LoadErrors {
				if i == 10 {
					fmt.Fprintf(w, "     ... and %d more (see -json)\n", n-10)
					break
				}
				fmt.Fprintf(w, "     %s\n", firstLine(e))
			}
		}
		for _, u := range r.Unmatched {
			lab := u.Label
			if lab == "" {
				lab = "unlabelled"
			}
			fmt.Fprintf(w, "   FP  %s:%d:%d [%s] %s\n", u.File, u.Line, u.Column, lab, u.Message)
		}
		for _, m := range r.Missed {
			fmt.Fprintf(w, "   FN  %s:%d [%s] %s\n", m.File, m.Line, m.Label.Label, oneLine(m.Snippet))
		}
		for _, l := range r.NotAnalysed {
			fmt.Fprintf(w, "   not analysed: %s:%d [%s]\n", l.File, l.Line, l.Label)
		}
		for _, l := range r.Duplicates {
			fmt.Fprintf(w, "   duplicate label ignored: %s:%d [%s] (labels row %d)\n", l.File, l.Line, l.Label, l.Row)
		}
	}
	for _, s := range rep.Skipped {
		fmt.Fprintf(w, "== %s: skipped (%s)\n", s.Repo, s.Reason)
	}

	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "repository\tcommit\tfindings\tTP\tFP\tFN\tprecision\trecall\tload errors\t")
	for _, r := range rep.Repos {
		p, pok := r.Precision()
		rc, rok := r.Recall()
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%s\t%s\t%d\t\n", r.Repo, short(r.Commit), r.Findings, r.TP, r.FP, r.FN, pct(p, pok), pct(rc, rok), len(r.LoadErrors))
	}
	p, pok := rep.Total.Precision()
	rc, rok := rep.Total.Recall()
	fmt.Fprintf(tw, "TOTAL\t\t%d\t%d\t%d\t%d\t%s\t%s\t\t\n", rep.Total.Findings, rep.Total.TP, rep.Total.FP, rep.Total.FN, pct(p, pok), pct(rc, rok))
	tw.Flush()

	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "check\tfindings\tTP lines\tFP lines\tprecision\t")
	for _, id := range sortedKeys(rep.PerCheck) {
		m := rep.PerCheck[id]
		p, ok := m.Precision()
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t\n", id, m.Findings, m.TP, m.FP, pct(p, ok))
	}
	tw.Flush()

	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "label\tlines\twith finding\trecall / FP rate\t")
	for _, l := range sortedKeys(rep.PerLabel) {
		c := rep.PerLabel[l]
		rate := "-"
		if c.Labels > 0 {
			rate = fmt.Sprintf("%.2f", float64(c.Found)/float64(c.Labels))
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t\n", l, c.Labels, c.Found, rate)
	}
	tw.Flush()
	if rep.UnscoredLabels > 0 {
		fmt.Fprintf(w, "\n%d label row(s) are for repositories or commits not analysed in this run\n", rep.UnscoredLabels)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 200 {
		s = s[:200] + "..."
	}
	return s
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 100 {
		s = s[:100] + "..."
	}
	return s
}
