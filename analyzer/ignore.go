package analyzer

// Suppression directives. They are honoured by the analyzer itself, so they
// work the same standalone, under go vet and go fix, and inside
// golangci-lint:
//
//	//stsregional:ignore STS003 reason why this client must stay global
//	//stsregional:ignore STS001,STS004 reason
//	//stsregional:file-ignore STS002 reason (anywhere in the file)
//
// A line directive covers findings on its own line and on the line below.
// A directive with no reason or an unknown check ID is itself reported
// (STS000), so a typo never silently hides or fails to hide a finding.

import (
	"go/ast"
	"go/token"
	"strings"
)

const (
	ignorePrefix     = "//stsregional:ignore"
	fileIgnorePrefix = "//stsregional:file-ignore"
)

// ignores records the directives of one package.
type ignores struct {
	lines map[lineKey][]string     // IDs ignored on a line
	files map[*token.File][]string // IDs ignored in a whole file
}

type lineKey struct {
	file *token.File
	line int
}

// scanIgnores parses the directives of every file. It reports malformed
// ones through report (which is not itself subject to suppression).
func scanIgnores(fset *token.FileSet, files []*ast.File, bad func(pos, end token.Pos, msg string)) *ignores {
	ig := &ignores{lines: map[lineKey][]string{}, files: map[*token.File][]string{}}
	for _, f := range files {
		for _, cg := range f.Comments {
			for _, cm := range cg.List {
				text := cm.Text
				var fileWide bool
				switch {
				case strings.HasPrefix(text, fileIgnorePrefix):
					fileWide, text = true, text[len(fileIgnorePrefix):]
				case strings.HasPrefix(text, ignorePrefix):
					text = text[len(ignorePrefix):]
				default:
					continue
				}
				if text != "" && text[0] != ' ' && text[0] != '\t' {
					continue // e.g. //stsregional:ignored, not ours
				}
				fields := strings.Fields(text)
				if len(fields) == 0 {
					bad(cm.Pos(), cm.End(), "suppression directive names no check ID: write //stsregional:ignore STS00N reason")
					continue
				}
				var ids []string
				ok := true
				for _, id := range strings.Split(fields[0], ",") {
					k, known := checkByID(id)
					if !known {
						bad(cm.Pos(), cm.End(), "suppression directive names unknown check ID "+quote(id)+" (known: "+knownIDs()+")")
						ok = false
						break
					}
					ids = append(ids, k.ID)
				}
				if !ok {
					continue
				}
				if len(fields) < 2 {
					bad(cm.Pos(), cm.End(), "suppression directive for "+fields[0]+" gives no reason: say why the global endpoint is acceptable here")
					continue
				}
				tf := fset.File(cm.Pos())
				if fileWide {
					ig.files[tf] = append(ig.files[tf], ids...)
					continue
				}
				line := tf.Line(cm.Pos())
				for _, l := range []int{line, line + 1} {
					k := lineKey{tf, l}
					ig.lines[k] = append(ig.lines[k], ids...)
				}
			}
		}
	}
	return ig
}

// suppressed reports whether a finding of check id at pos is ignored.
func (ig *ignores) suppressed(fset *token.FileSet, id string, pos token.Pos) bool {
	if ig == nil || !pos.IsValid() {
		return false
	}
	tf := fset.File(pos)
	for _, x := range ig.files[tf] {
		if x == id {
			return true
		}
	}
	for _, x := range ig.lines[lineKey{tf, tf.Line(pos)}] {
		if x == id {
			return true
		}
	}
	return false
}

func quote(s string) string { return `"` + s + `"` }
