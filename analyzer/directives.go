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
// A directive with no reason or an unknown check ID, and one that
// suppresses nothing, is itself reported (STS000, see sts000.go).

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
)

const (
	ignorePrefix     = "//stsregional:ignore"
	fileIgnorePrefix = "//stsregional:file-ignore"
)

// A directive is one well-formed suppression comment.
type directive struct {
	comment  *ast.Comment
	ids      []string
	fileWide bool
	// reason is the directive's text after the IDs.
	reason string
	// used records the IDs that suppressed at least one finding.
	used map[string]bool
}

// A malformed directive is reported as STS000.
type malformed struct {
	comment *ast.Comment
	msg     string
}

// directives records the suppression comments of one package.
type directives struct {
	all   []*directive
	bad   []malformed
	lines map[lineKey][]*directive     // directives covering a line
	files map[*token.File][]*directive // directives covering a file
}

type lineKey struct {
	file *token.File
	line int
}

// scanDirectives parses the directives of every file.
func scanDirectives(fset *token.FileSet, files []*ast.File) *directives {
	ds := &directives{lines: map[lineKey][]*directive{}, files: map[*token.File][]*directive{}}
	for _, f := range files {
		for _, cg := range f.Comments {
			for _, cm := range cg.List {
				d, msg, ok := parseDirective(cm)
				if !ok {
					continue
				}
				if msg != "" {
					ds.bad = append(ds.bad, malformed{cm, msg})
					continue
				}
				ds.all = append(ds.all, d)
				tf := fset.File(cm.Pos())
				if d.fileWide {
					ds.files[tf] = append(ds.files[tf], d)
					continue
				}
				line := tf.Line(cm.Pos())
				for _, l := range []int{line, line + 1} {
					k := lineKey{tf, l}
					ds.lines[k] = append(ds.lines[k], d)
				}
			}
		}
	}
	return ds
}

// parseDirective parses one comment. ok is false for comments that are not
// directives; msg describes a malformed one.
func parseDirective(cm *ast.Comment) (d *directive, msg string, ok bool) {
	text := cm.Text
	var fileWide bool
	switch {
	case strings.HasPrefix(text, fileIgnorePrefix):
		fileWide, text = true, text[len(fileIgnorePrefix):]
	case strings.HasPrefix(text, ignorePrefix):
		text = text[len(ignorePrefix):]
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

// suppress reports whether a finding of check id at pos is ignored, and
// marks the directives that ignore it as used.
func (ds *directives) suppress(fset *token.FileSet, id string, pos token.Pos) bool {
	if ds == nil || !pos.IsValid() {
		return false
	}
	tf := fset.File(pos)
	hit := false
	for _, list := range [][]*directive{ds.files[tf], ds.lines[lineKey{tf, tf.Line(pos)}]} {
		for _, d := range list {
			for _, x := range d.ids {
				if x == id {
					d.used[id] = true
					hit = true
				}
			}
		}
	}
	return hit
}
