package analyzer

import (
	"go/ast"
	"path"
	"strings"

	"golang.org/x/tools/go/analysis"
)

var sts000 = Check{
	ID:       BadDirective,
	Category: "invalid-directive",
	Default:  true,
	Doc: Doc{
		Title: "invalid or unused suppression directive",
		Text: "A `//stsregional:ignore` or `//stsregional:file-ignore` directive (see Suppressing findings in " +
			"docs/usage.md) names no check ID, names an unknown one, or gives no reason; or it suppresses " +
			"nothing: none of the checks it names, all of them enabled, reported a finding on its line, the line " +
			"below, or (for `file-ignore`) its file. The same holds for staticcheck's `//lint:ignore` and " +
			"`//lint:file-ignore` naming STS checks (staticcheck reports its own the same way; a `//lint:ignore` " +
			"covers the first line of the code below it). golangci-lint's `//nolint` directives are honoured but " +
			"never reported: golangci-lint's nolintlint owns their rules, and a bare `//nolint` serves other " +
			"linters too. A directive naming a disabled check is not reported as unused. STS000 findings cannot " +
			"themselves be suppressed.\n\n" +
			"Why: a typo must never silently hide a finding, or fail to hide it, and a directive left behind " +
			"after the code was fixed would hide the next regression.\n\n" +
			"When only some of the IDs a directive names suppress nothing, the finding names them: remove those " +
			"IDs and keep the others. An unknown ID is quoted as written (shortened with … when long).",
		Wrong: "return sts.New(sess) //stsregional:ignore STS003",
		Right: "return sts.New(sess) //stsregional:ignore STS003 the IAM-auth verifier only accepts the global host",
	},
	Run: checkDirectives,
}

// checkDirectives reports malformed directives, and the directives that
// suppressed none of the findings of the checks they name. run calls it
// after every other check, so that suppression is complete.
func checkDirectives(p *pass) {
	ds := p.directives
	for _, m := range ds.bad {
		p.reportDirective(m.comment, m.msg)
	}
directive:
	for _, d := range ds.all {
		if d.kind == nolintDirective {
			continue // golangci-lint's nolintlint judges those
		}
		var unused []string
		for _, entry := range d.ids {
			for _, k := range Checks {
				if entryCovers(d, entry, k.ID) && !p.on[k.ID] {
					continue directive // the check did not run: no way to tell
				}
			}
			if !d.used[entry] {
				unused = append(unused, entry)
			}
		}
		if len(unused) == 0 {
			continue
		}
		what, where := "suppression directive", "on this line or the next"
		if d.kind == lintDirective {
			what, where = "lint directive", "on the line it applies to"
		}
		if d.fileWide {
			where = "in this file"
		}
		change := "delete it"
		if len(unused) < len(d.ids) {
			change = "remove " + strings.Join(unused, ",") + " from it"
		}
		p.reportDirective(d.comment, what+" for "+strings.Join(unused, ",")+" suppresses nothing "+where+"; "+change)
	}
}

// entryCovers reports whether entry, one ID or pattern of d, names check id.
func entryCovers(d *directive, entry, id string) bool {
	if d.kind == lintDirective {
		ok, _ := path.Match(entry, id)
		return ok
	}
	return entry == id
}

// reportDirective reports an STS000 finding at a directive comment. It is
// not subject to suppression, but like every finding it is dropped in a
// generated file.
func (p *pass) reportDirective(cm *ast.Comment, msg string) {
	if p.inGenerated(cm.Pos()) {
		return // its findings were dropped, so it looks unused
	}
	chk, _ := checkByID(BadDirective)
	p.Report(analysis.Diagnostic{Pos: cm.Pos(), End: cm.End(), Category: chk.Category, URL: chk.URL(), Message: BadDirective + ": " + msg})
}
