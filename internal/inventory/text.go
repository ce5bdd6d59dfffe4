package inventory

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteText writes d as an aligned table, one route a line, followed by a
// one-line summary.
func (d *Document) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "POSITION\tSDK\tKIND\tENDPOINT\tREGION\tFINDING\tEVIDENCE")
	for _, r := range d.Routes {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			r.Pos(), r.SDK, cell(r.KindString()), cell(r.Endpoint.String()), cell(r.Region.String()), cell(r.Finding()), cell(r.EvidenceString()))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, d.Summary.line())
	return err
}

// cell keeps a value on one line and one column: tabs and newlines would
// break the alignment.
func cell(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}

// line returns the summary as one line: "5 routes in 2 packages: 3
// regional, 2 global; 2 findings, 1 suppressed".
func (s Summary) line() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s in %s", plural(s.Routes, "route"), plural(len(s.ByPackage), "package"))
	if modes := modesPresent(s.ByEndpoint); len(modes) > 0 {
		b.WriteString(": ")
		for i, m := range modes {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%d %s", s.ByEndpoint[m], ModeLabel(m))
		}
	}
	fmt.Fprintf(&b, "; %s, %d suppressed", plural(s.Findings, "finding"), s.Suppressed)
	return b.String()
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
