package analyzer

import (
	"go/ast"
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
			"below, or (for `file-ignore`) its file. A directive naming a disabled check is not reported as " +
			"unused. STS000 findings cannot themselves be suppressed.\n\n" +
			"Why: a typo must never silently hide a finding, or fail to hide it, and a directive left behind " +
			"after the code was fixed would hide the next regression (staticcheck reports unused `//lint:ignore` " +
			"directives the same way).\n\n" +
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
		var unused []string
		for _, id := range d.ids {
			if !p.on[id] {
				continue directive // the check did not run: no way to tell
			}
			if !d.used[id] {
				unused = append(unused, id)
			}
		}
		if len(unused) == 0 {
			continue
		}
		where := "on this line or the next"
		if d.fileWide {
			where = "in this file"
		}
		change := "delete it"
		if len(unused) < len(d.ids) {
			change = "remove " + strings.Join(unused, ",") + " from it"
		}
		p.reportDirective(d.comment, "suppression directive for "+strings.Join(unused, ",")+" suppresses nothing "+where+"; "+change)
	}
}

// reportDirective reports an STS000 finding at a directive comment. It is
// not subject to suppression.
func (p *pass) reportDirective(cm *ast.Comment, msg string) {
	chk, _ := checkByID(BadDirective)
	p.Report(analysis.Diagnostic{Pos: cm.Pos(), End: cm.End(), Category: chk.Category, URL: chk.URL(), Message: BadDirective + ": " + msg})
}
