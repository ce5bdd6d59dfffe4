// Package fix builds the small, formatting-preserving text edits that the
// analyzer's suggested fixes are made of.
//
// Edits never re-print a whole node (that would drop comments); they insert,
// replace or delete precise ranges. Import additions are explicit edits so
// every driver (go vet -fix, go fix, golangci-lint --fix, gopls) applies the
// same bytes, and they reuse whatever name the file already gives a package.
package fix

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// Imports computes how code inserted into one file may refer to imported
// packages, and collects the import edits needed for that.
type Imports struct {
	file  *ast.File
	info  *types.Info
	pos   token.Pos // where the new code goes, for shadowing checks
	added map[string]string
	edits []analysis.TextEdit
	ok    bool
}

// NewImports returns an Imports for code inserted at pos in file.
func NewImports(info *types.Info, file *ast.File, pos token.Pos) *Imports {
	return &Imports{file: file, info: info, pos: pos, added: map[string]string{}, ok: true}
}

// OK reports whether every qualifier requested so far can be written safely.
func (im *Imports) OK() bool { return im.ok }

// Edits returns the import edits collected so far.
func (im *Imports) Edits() []analysis.TextEdit { return im.edits }

// Qualifier returns the prefix ("aws.", "awsv1." or "" for a dot import) with
// which code at the insertion point names package path, adding an import
// named preferred when the file lacks one. If the name would be shadowed at
// the insertion point, it marks the Imports as not OK.
func (im *Imports) Qualifier(path, preferred string) string {
	if q, ok := im.added[path]; ok {
		return q
	}
	for _, spec := range im.file.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		// Import paths in source are never vendor-prefixed: the type
		// checker resolves vendoring, so the written path is the SDK's.
		if err != nil || p != path {
			continue
		}
		var name string
		if spec.Name != nil {
			name = spec.Name.Name
		} else if pn, ok := im.info.Implicits[spec].(*types.PkgName); ok {
			name = pn.Name()
		}
		switch name {
		case "_", "":
			continue
		case ".":
			im.added[path] = ""
			return ""
		}
		if !im.resolvesToImport(name, path) {
			im.ok = false
		}
		im.added[path] = name + "."
		return name + "."
	}
	// Missing: add an import, choosing a name that is free at file and
	// insertion scope.
	name := preferred
	for i := 0; !im.free(name); i++ {
		name = preferred + "v1"
		if i > 0 {
			name = preferred + strconv.Itoa(i+1)
		}
	}
	spec := strconv.Quote(path)
	if name != preferred {
		spec = name + " " + spec
	}
	im.edits = append(im.edits, importEdit(im.file, spec))
	im.added[path] = name + "."
	return name + "."
}

// resolvesToImport reports whether name, looked up at the insertion point,
// denotes the import of path (and not a shadowing local).
func (im *Imports) resolvesToImport(name, path string) bool {
	scope := im.innermost()
	if scope == nil {
		return true
	}
	_, obj := scope.LookupParent(name, im.pos)
	pn, ok := obj.(*types.PkgName)
	return ok && sdk.Unvendor(pn.Imported().Path()) == path
}

// free reports whether name is unused at the insertion point and at file
// scope, so a new import may take it.
func (im *Imports) free(name string) bool {
	if scope := im.innermost(); scope != nil {
		if _, obj := scope.LookupParent(name, im.pos); obj != nil {
			return false
		}
	}
	for _, spec := range im.file.Imports {
		if spec.Name != nil && spec.Name.Name == name {
			return false
		}
	}
	return true
}

func (im *Imports) innermost() *types.Scope {
	fileScope := im.info.Scopes[im.file]
	if fileScope == nil {
		return nil
	}
	if s := fileScope.Innermost(im.pos); s != nil {
		return s
	}
	return fileScope
}

// importEdit inserts an import spec into file: into the last parenthesized
// import declaration if there is one, else as a new declaration after the
// last import or the package clause.
func importEdit(file *ast.File, spec string) analysis.TextEdit {
	var last *ast.GenDecl
	for _, d := range file.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			last = g
		}
	}
	switch {
	case last != nil && last.Rparen.IsValid():
		return analysis.TextEdit{Pos: last.Rparen, End: last.Rparen, NewText: []byte("\t" + spec + "\n")}
	case last != nil:
		return analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte("\nimport " + spec)}
	default:
		return analysis.TextEdit{Pos: file.Name.End(), End: file.Name.End(), NewText: []byte("\n\nimport " + spec)}
	}
}

// Replace returns an edit replacing the source of node n by text.
func Replace(n ast.Node, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: n.Pos(), End: n.End(), NewText: []byte(text)}
}

// Insert returns an edit inserting text at pos.
func Insert(pos token.Pos, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(text)}
}

// DeleteListElem returns an edit removing list[i] from a comma-separated list
// (call arguments or composite literal elements) together with one adjacent
// comma, keeping the rest of the line intact.
func DeleteListElem(list []ast.Expr, i int, closing token.Pos) analysis.TextEdit {
	switch {
	case len(list) == 1:
		// Only element: delete up to the closing bracket so a trailing comma
		// on a multi-line list goes too.
		return analysis.TextEdit{Pos: list[0].Pos(), End: closing}
	case i == len(list)-1:
		return analysis.TextEdit{Pos: list[i-1].End(), End: list[i].End()}
	default:
		return analysis.TextEdit{Pos: list[i].Pos(), End: list[i+1].Pos()}
	}
}
