package analyzer

// Suppression directives. The analyzer honours them itself, so they work
// the same standalone, under go vet and go fix, in the hooks, in SARIF and
// inside golangci-lint:
//
//	//stsregional:ignore STS003 reason why this client must stay global
//	//stsregional:ignore STS001,STS004 reason
//	//stsregional:file-ignore STS002 reason (anywhere in the file)
//
// A line directive covers findings on its own line and on the line below.
// A directive with no reason or an unknown check ID, and one that
// suppresses nothing, is itself reported (STS000, see sts000.go).
//
// The directives of two other tools are honoured with those tools' own
// scoping, so that a code base using them needs no second comment:
//
//   - staticcheck's //lint:ignore STS00N reason covers the first line of the
//     code the comment is attached to (ast.CommentMap: the statement or
//     declaration below it, or the one it trails), //lint:file-ignore
//     STS00N reason the whole file. The checks are patterns (STS00*), case
//     folded. Only the names that are ours (STS…) count: a directive for
//     staticcheck's own checks is staticcheck's business. A directive of
//     ours without a reason, with an unknown STS ID, or suppressing nothing
//     is STS000, as staticcheck reports its own.
//   - golangci-lint's //nolint:stsregional (also in a list, and bare
//     //nolint or //nolint:all, optionally followed by // reason) covers the
//     lines of its comment group and, when the next line starts a node at
//     the comment's column, that whole node (a statement, a function). No
//     reason is required and an unused one is not reported: golangci-lint's
//     nolintlint owns those rules, and a bare //nolint serves other linters
//     too. Under golangci-lint itself (Config.DriverHandlesNolint) the
//     analyzer leaves //nolint to golangci-lint, whose nolintlint could
//     otherwise not see that the directive was used.

import (
	"go/ast"
	"go/token"
	"path"
	"strconv"
	"strings"
)

const (
	ignorePrefix     = "//stsregional:ignore"
	fileIgnorePrefix = "//stsregional:file-ignore"

	// staticcheck's directives.
	lintIgnorePrefix     = "//lint:ignore"
	lintFileIgnorePrefix = "//lint:file-ignore"
)

// A directiveKind says whose syntax a directive follows.
type directiveKind int

const (
	ownDirective    directiveKind = iota // //stsregional:ignore
	lintDirective                        // staticcheck's //lint:ignore
	nolintDirective                      // golangci-lint's //nolint
)

// A directive is one well-formed suppression comment.
type directive struct {
	comment  *ast.Comment
	kind     directiveKind
	fileWide bool
	// ids are the check IDs it names (own directives), or upper-cased
	// patterns matching check IDs (lint directives); nolint directives
	// name none and cover every check.
	ids []string
	// reason is the directive's text after the IDs.
	reason string
	// used records the IDs (or patterns) that suppressed at least one
	// finding.
	used map[string]bool
}

// matches returns the entry of d.ids (or "" for a nolint directive) that
// covers check id.
func (d *directive) matches(id string) (string, bool) {
	switch d.kind {
	case nolintDirective:
		return "", true
	case lintDirective:
		for _, pat := range d.ids {
			if ok, _ := path.Match(pat, id); ok {
				return pat, true
			}
		}
	default:
		for _, x := range d.ids {
			if x == id {
				return x, true
			}
		}
	}
	return "", false
}

// A malformed directive is reported as STS000.
type malformed struct {
	comment *ast.Comment
	msg     string
}

// A span is the line range a line directive covers.
type span struct {
	from, to int
	d        *directive
}

// directives records the suppression comments of one package.
type directives struct {
	all   []*directive
	bad   []malformed
	lines map[*token.File][]span       // line directives of a file
	files map[*token.File][]*directive // directives covering a file
}

// scanDirectives parses the directives of every file; nolint says whether
// //nolint comments are honoured.
func scanDirectives(fset *token.FileSet, files []*ast.File, nolint bool) *directives {
	ds := &directives{lines: map[*token.File][]span{}, files: map[*token.File][]*directive{}}
	for _, f := range files {
		tf := fset.File(f.FileStart)
		// Directives whose span depends on the syntax after them.
		var lints []*directive
		var lintGroups []*ast.CommentGroup
		var nolints []nolintRange
		for _, cg := range f.Comments {
			for _, cm := range cg.List {
				d, msg, ok := parseDirective(cm, nolint)
				if !ok {
					continue
				}
				if msg != "" {
					ds.bad = append(ds.bad, malformed{cm, msg})
					continue
				}
				ds.all = append(ds.all, d)
				switch {
				case d.fileWide:
					ds.files[tf] = append(ds.files[tf], d)
				case d.kind == lintDirective:
					lints = append(lints, d)
					lintGroups = append(lintGroups, cg)
				case d.kind == nolintDirective:
					start := fset.Position(cg.Pos())
					end := tf.Line(cg.End())
					nolints = append(nolints, nolintRange{span{start.Line, end, d}, start.Column})
				default:
					line := tf.Line(cm.Pos())
					ds.lines[tf] = append(ds.lines[tf], span{line, line + 1, d})
				}
			}
		}
		if len(lints) > 0 {
			ds.lines[tf] = append(ds.lines[tf], lintSpans(fset, f, lints, lintGroups)...)
		}
		if len(nolints) > 0 {
			ds.lines[tf] = append(ds.lines[tf], nolintSpans(fset, f, nolints)...)
		}
	}
	return ds
}

// lintSpans returns the line each //lint:ignore covers: as staticcheck does,
// the first line of the node ast.CommentMap attaches its comment group to.
// The map is built only for files holding such a directive.
func lintSpans(fset *token.FileSet, f *ast.File, lints []*directive, groups []*ast.CommentGroup) []span {
	line := map[*ast.CommentGroup]int{}
	for node, cgs := range ast.NewCommentMap(fset, f, f.Comments) {
		for _, cg := range cgs {
			line[cg] = fset.Position(node.Pos()).Line
		}
	}
	var out []span
	for i, d := range lints {
		if l, ok := line[groups[i]]; ok {
			out = append(out, span{l, l, d})
		}
	}
	return out
}

// A nolintRange is a //nolint directive's own lines and the column of its
// comment group, before it is widened to the node that follows.
type nolintRange struct {
	span
	col int
}

// nolintSpans widens each //nolint range as golangci-lint does: a node
// starting on the line after the comment group, at the group's column,
// extends the range to the node's last line.
func nolintSpans(fset *token.FileSet, f *ast.File, ranges []nolintRange) []span {
	to := make([]int, len(ranges))
	for i, r := range ranges {
		to[i] = r.to
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		start := fset.Position(n.Pos())
		for i, r := range ranges {
			if start.Line == r.to+1 && start.Column == r.col {
				to[i] = max(to[i], fset.Position(n.End()).Line)
			}
		}
		return true
	})
	out := make([]span, len(ranges))
	for i, r := range ranges {
		out[i] = span{r.from, to[i], r.d}
	}
	return out
}

// parseDirective parses one comment. ok is false for comments that are not
// directives of ours; msg describes a malformed one. nolint says whether
// //nolint comments count.
func parseDirective(cm *ast.Comment, nolint bool) (d *directive, msg string, ok bool) {
	text := cm.Text
	var fileWide bool
	switch {
	case strings.HasPrefix(text, fileIgnorePrefix):
		fileWide, text = true, text[len(fileIgnorePrefix):]
	case strings.HasPrefix(text, ignorePrefix):
		text = text[len(ignorePrefix):]
	case strings.HasPrefix(text, lintFileIgnorePrefix):
		return parseLint(cm, text[len(lintFileIgnorePrefix):], true)
	case strings.HasPrefix(text, lintIgnorePrefix):
		return parseLint(cm, text[len(lintIgnorePrefix):], false)
	case nolint:
		return parseNolint(cm)
	default:
		return nil, "", false
	}
	if text != "" && text[0] != ' ' && text[0] != '\t' {
		return nil, "", false // e.g. //stsregional:ignored, not ours
	}
	fields := strings.Fields(text)
	if len(fields) == 0 {
		return nil, "suppression directive names no check ID; write //stsregional:ignore STS00N reason", true
	}
	d = &directive{comment: cm, fileWide: fileWide, used: map[string]bool{}}
	for _, id := range strings.Split(fields[0], ",") {
		k, known := checkByID(id)
		if !known {
			return nil, fit("suppression directive names unknown check ID ", strconv.Quote(id), " (known: "+idRange()+")"), true
		}
		d.ids = append(d.ids, k.ID)
	}
	if len(fields) < 2 {
		return nil, fit("suppression directive for ", fields[0], " gives no reason; say why the global endpoint is acceptable"), true
	}
	d.reason = strings.Join(fields[1:], " ")
	return d, "", true
}

// parseLint parses the text after //lint:ignore or //lint:file-ignore. The
// directive is ours only if one of its check patterns is: one starting with
// STS, or one matching a check ID of ours.
func parseLint(cm *ast.Comment, text string, fileWide bool) (*directive, string, bool) {
	if text != "" && text[0] != ' ' {
		return nil, "", false
	}
	fields := strings.Fields(text)
	if len(fields) == 0 {
		return nil, "", false // names no check: staticcheck reports it
	}
	d := &directive{comment: cm, kind: lintDirective, fileWide: fileWide, used: map[string]bool{}}
	for _, pat := range strings.Split(fields[0], ",") {
		pat = strings.ToUpper(strings.TrimSpace(pat))
		known := false
		for _, k := range Checks {
			if ok, _ := path.Match(pat, k.ID); ok {
				known = true
			}
		}
		switch {
		case known:
			d.ids = append(d.ids, pat)
		case strings.HasPrefix(pat, "STS"):
			return nil, fit("lint directive names unknown check ID ", strconv.Quote(pat), " (known: "+idRange()+")"), true
		}
	}
	if len(d.ids) == 0 {
		return nil, "", false // only other tools' checks
	}
	if len(fields) < 2 {
		return nil, "lint directive for " + strings.Join(d.ids, ",") + " gives no reason: say why the global endpoint is acceptable here", true
	}
	d.reason = strings.Join(fields[1:], " ")
	return d, "", true
}

// parseNolint parses a golangci-lint //nolint directive as golangci-lint's
// nolint filter does: leading slashes and spaces are dropped, then
// "nolint" must end the text or be followed by a space or a colon; with no
// colon list (or with "all" in it) it covers every linter, else the linters
// listed before any further "//".
func parseNolint(cm *ast.Comment) (*directive, string, bool) {
	text := strings.TrimLeft(cm.Text, "/ ")
	rest, found := strings.CutPrefix(text, "nolint")
	if !found || (rest != "" && rest[0] != ' ' && rest[0] != ':') {
		return nil, "", false
	}
	d := &directive{comment: cm, kind: nolintDirective, used: map[string]bool{}}
	if _, after, ok := strings.Cut(rest, "//"); ok {
		d.reason = strings.TrimSpace(after)
	}
	if d.reason == "" {
		// No reason is required; the inventory names the directive
		// instead.
		d.reason = strings.TrimSpace(cm.Text)
	}
	list, isList := strings.CutPrefix(rest, ":")
	if !isList || strings.HasPrefix(list, "all") {
		return d, "", true
	}
	list, _, _ = strings.Cut(list, "//")
	for _, item := range strings.Split(list, ",") {
		switch strings.ToLower(strings.TrimSpace(item)) {
		case Name, "all":
			return d, "", true
		}
	}
	return nil, "", false
}

// suppress reports whether a finding of check id at pos is ignored, and
// marks the directives that ignore it as used.
func (ds *directives) suppress(fset *token.FileSet, id string, pos token.Pos) bool {
	hit := false
	ds.each(fset, id, pos, func(d *directive, entry string) {
		d.used[entry] = true
		hit = true
	})
	return hit
}

// covers reports whether a directive covers a finding of check id at
// pos, without counting it as used.
func (ds *directives) covers(fset *token.FileSet, id string, pos token.Pos) bool {
	hit := false
	ds.each(fset, id, pos, func(*directive, string) { hit = true })
	return hit
}

// reason returns the reason of a directive that suppresses a finding of
// check id at pos, or "".
func (ds *directives) reason(fset *token.FileSet, id string, pos token.Pos) string {
	reason := ""
	ds.each(fset, id, pos, func(d *directive, _ string) {
		if reason == "" {
			reason = d.reason
		}
	})
	return reason
}

// each calls fn for every directive covering a finding of check id at pos,
// with the entry of its list that names id.
func (ds *directives) each(fset *token.FileSet, id string, pos token.Pos, fn func(d *directive, entry string)) {
	if ds == nil || !pos.IsValid() {
		return
	}
	tf := fset.File(pos)
	line := tf.Line(pos)
	for _, s := range ds.lines[tf] {
		if s.from <= line && line <= s.to {
			if e, ok := s.d.matches(id); ok {
				fn(s.d, e)
			}
		}
	}
	for _, d := range ds.files[tf] {
		if e, ok := d.matches(id); ok {
			fn(d, e)
		}
	}
}
