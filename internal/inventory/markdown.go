package inventory

import (
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes d as Markdown for a migration ticket: the totals,
// the routes per endpoint, the routes per package and endpoint, then every
// route.
func (d *Document) WriteMarkdown(w io.Writer) error {
	s := d.Summary
	var b strings.Builder
	b.WriteString("## STS routes\n\n")
	fmt.Fprintf(&b, "%s.\n\n", capitalize(s.line()))
	if s.Routes == 0 {
		_, err := io.WriteString(w, b.String())
		return err
	}

	modes := modesPresent(s.ByEndpoint)
	b.WriteString("### By endpoint\n\n| Endpoint | Routes |\n|---|---:|\n")
	for _, m := range modes {
		fmt.Fprintf(&b, "| %s | %d |\n", mdCell(ModeLabel(m)), s.ByEndpoint[m])
	}

	b.WriteString("\n### By package\n\n| Package | Routes |")
	for _, m := range modes {
		fmt.Fprintf(&b, " %s |", mdCell(ModeShort(m)))
	}
	b.WriteString(" Findings |\n|---|---:|" + strings.Repeat("---:|", len(modes)) + "---:|\n")
	for _, p := range s.ByPackage {
		fmt.Fprintf(&b, "| `%s` | %d |", mdCode(p.Package), p.Routes)
		for _, m := range modes {
			fmt.Fprintf(&b, " %d |", p.ByEndpoint[m])
		}
		fmt.Fprintf(&b, " %d |\n", p.Findings)
	}

	b.WriteString("\n### Routes\n\n| Position | SDK | Kind | Endpoint | Region | Finding | Evidence |\n|---|---|---|---|---|---|---|\n")
	for _, r := range d.Routes {
		fmt.Fprintf(&b, "| `%s` | %s | `%s` | %s | %s | %s | %s |\n",
			mdCode(r.Pos()), r.SDK, mdCode(r.KindString()), mdCell(r.Endpoint.String()), mdCell(r.Region.String()), mdCell(r.Finding()), mdCell(r.EvidenceString()))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCell escapes what would end a table cell or start markup.
func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "`", "\\`", "*", `\*`, "_", `\_`, "<", "&lt;").Replace(s)
}

// mdCode makes s safe inside a one-backtick code span in a table cell.
func mdCode(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "`", "'").Replace(s)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
