package fix

// Removing the imports a fix leaves unused. Drivers such as golangci-lint
// --fix apply a fix's edits verbatim, so a fix that deletes the last
// aws.String(...) of a file must also delete the aws import, or the file
// no longer compiles.

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
)

// Uses indexes where the imports of a package's files are used, so that
// Prune can tell which imports a fix leaves unused. Build it once per
// package.
type Uses struct {
	fset *token.FileSet
	info *types.Info
	// named holds the uses of each import name (aws in aws.String), in no
	// particular order.
	named map[*types.PkgName][]token.Pos
	// members holds the uses of package-level objects of each package:
	// the uses a dot import can be responsible for.
	members map[*types.Package][]token.Pos
}

// NewUses indexes info.Uses.
func NewUses(fset *token.FileSet, info *types.Info) *Uses {
	u := &Uses{fset: fset, info: info, named: map[*types.PkgName][]token.Pos{}, members: map[*types.Package][]token.Pos{}}
	for id, obj := range info.Uses {
		switch obj := obj.(type) {
		case *types.PkgName:
			u.named[obj] = append(u.named[obj], id.Pos())
		default:
			if pkg := obj.Pkg(); pkg != nil && obj.Parent() == pkg.Scope() {
				u.members[pkg] = append(u.members[pkg], id.Pos())
			}
		}
	}
	return u
}

// Prune returns the edits deleting the import specs of file that no
// identifier outside the ranges edits replace, and no text they insert,
// refers to any more. Blank imports, cgo's "C" and imports whose deletion
// would overlap one of edits are kept.
func (u *Uses) Prune(file *ast.File, edits []analysis.TextEdit) []analysis.TextEdit {
	var mine []analysis.TextEdit
	for _, e := range edits {
		if file.FileStart <= e.Pos && e.Pos <= file.FileEnd {
			mine = append(mine, e)
		}
	}
	if len(mine) == 0 {
		return nil
	}
	removed := func(pos token.Pos) bool {
		for _, e := range mine {
			if e.Pos <= pos && pos < e.End {
				return true
			}
		}
		return false
	}
	// unused reports whether uses, restricted to file, all fall in the
	// replaced ranges and at least one does (else this fix changes
	// nothing about the import).
	unused := func(uses []token.Pos) bool {
		hit := false
		for _, pos := range uses {
			if pos < file.FileStart || pos > file.FileEnd {
				continue
			}
			if !removed(pos) {
				return false
			}
			hit = true
		}
		return hit
	}
	var out []analysis.TextEdit
	for _, d := range file.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.IMPORT {
			continue
		}
		var drop []*ast.ImportSpec
		for _, s := range g.Specs {
			spec := s.(*ast.ImportSpec)
			if u.prunable(spec, mine, unused) {
				drop = append(drop, spec)
			}
		}
		out = append(out, u.deleteSpecs(g, drop, mine)...)
	}
	return out
}

// prunable reports whether the fix leaves spec unused.
func (u *Uses) prunable(spec *ast.ImportSpec, edits []analysis.TextEdit, unused func([]token.Pos) bool) bool {
	if spec.Path.Value == `"C"` {
		return false
	}
	pn := u.pkgName(spec)
	if pn == nil {
		return false
	}
	switch pn.Name() {
	case "_":
		return false
	case ".":
		pkg := pn.Imported()
		for _, e := range edits {
			for _, w := range words(string(e.NewText)) {
				if obj := pkg.Scope().Lookup(w); obj != nil && obj.Exported() {
					return false
				}
			}
		}
		return unused(u.members[pkg])
	}
	for _, e := range edits {
		if slices.Contains(qualifiers(string(e.NewText)), pn.Name()) {
			return false
		}
	}
	return unused(u.named[pn])
}

// pkgName returns the name spec declares: explicit (Defs) or implicit.
func (u *Uses) pkgName(spec *ast.ImportSpec) *types.PkgName {
	var obj types.Object
	if spec.Name != nil {
		obj = u.info.Defs[spec.Name]
	} else {
		obj = u.info.Implicits[spec]
	}
	pn, _ := obj.(*types.PkgName)
	return pn
}

// deleteSpecs returns the edits deleting drop from g: whole lines where a
// spec stands alone on its line, the whole declaration when nothing of it
// remains and no other edit touches it.
func (u *Uses) deleteSpecs(g *ast.GenDecl, drop []*ast.ImportSpec, edits []analysis.TextEdit) []analysis.TextEdit {
	if len(drop) == 0 {
		return nil
	}
	tf := u.fset.File(g.Pos())
	overlaps := func(pos, end token.Pos) bool {
		for _, e := range edits {
			if e.Pos < end && pos < e.End || e.Pos == e.End && pos < e.Pos && e.Pos < end {
				return true
			}
		}
		return false
	}
	// lines widens [pos, end) to the whole lines it spans, through the
	// newline, when nothing else but blanks and a trailing comment share
	// them (the caller knows).
	lines := func(pos, end token.Pos) (token.Pos, token.Pos) {
		start := tf.LineStart(tf.Line(pos))
		last := tf.Line(end)
		if last < tf.LineCount() {
			return start, tf.LineStart(last + 1)
		}
		return start, token.Pos(tf.Base() + tf.Size())
	}
	if len(drop) == len(g.Specs) && g.Doc == nil && alone(tf, g) {
		pos, end := lines(g.Pos(), g.End())
		if !overlaps(pos, end) {
			return []analysis.TextEdit{{Pos: pos, End: end}}
		}
	}
	if !g.Lparen.IsValid() {
		// A single-spec declaration whose deletion would touch another
		// edit (an import added after it): delete just its text.
		if !overlaps(g.Pos(), g.End()) {
			return []analysis.TextEdit{{Pos: g.Pos(), End: g.End()}}
		}
		return nil
	}
	var out []analysis.TextEdit
	for _, spec := range drop {
		pos, end := spec.Pos(), spec.End()
		if specAlone(tf, g, spec) {
			pos, end = lines(pos, end)
		}
		if !overlaps(pos, end) {
			out = append(out, analysis.TextEdit{Pos: pos, End: end})
		}
	}
	return out
}

// alone reports whether declaration g starts its first line (gofmt puts
// nothing before an import declaration on its line).
func alone(tf *token.File, g *ast.GenDecl) bool {
	return tf.Position(g.Pos()).Column == 1
}

// specAlone reports whether spec is the only thing on its line inside the
// parentheses of g (besides blanks and a trailing comment).
func specAlone(tf *token.File, g *ast.GenDecl, spec *ast.ImportSpec) bool {
	line := tf.Line(spec.Pos())
	if tf.Line(spec.End()) != line || tf.Line(g.Lparen) == line || tf.Line(g.Rparen) == line {
		return false
	}
	if spec.Doc != nil {
		return false
	}
	for _, s := range g.Specs {
		if s != spec && (tf.Line(s.Pos()) == line || tf.Line(s.End()) == line) {
			return false
		}
	}
	return true
}

// words splits Go source text into identifiers.
func words(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' })
}

// qualifiers returns the identifiers of text that are followed by a dot,
// as package qualifiers are.
func qualifiers(text string) []string {
	var out []string
	for i := 0; i < len(text); i++ {
		if text[i] != '.' {
			continue
		}
		j := i
		for j > 0 && isIdent(text[j-1]) {
			j--
		}
		if j < i {
			out = append(out, text[j:i])
		}
	}
	return out
}

func isIdent(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
