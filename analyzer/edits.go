package analyzer

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/stsregional/stsregional/analyzer/internal/fix"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// imports returns an import helper for code inserted at pos.
func (c *checker) imports(pos token.Pos) *fix.Imports {
	return fix.NewImports(c.pass.TypesInfo, c.fileOf(pos), pos)
}

// regionalValue returns the source text of endpoints.RegionalSTSEndpoint as
// written at the insertion point of im.
func regionalValue(im *fix.Imports) string {
	return im.Qualifier(sdk.V1Endpoints, "endpoints") + "RegionalSTSEndpoint"
}

// regionalConfigLit returns "&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}"
// as written at the insertion point of im.
func regionalConfigLit(im *fix.Imports) string {
	return "&" + im.Qualifier(sdk.V1AWS, "aws") + "Config{STSRegionalEndpoint: " + regionalValue(im) + "}"
}

// suggested wraps edits and the import edits of im into one fix, or returns
// nil when the qualifiers cannot be written safely.
func suggested(msg string, im *fix.Imports, edits ...analysis.TextEdit) *analysis.SuggestedFix {
	if im != nil {
		if !im.OK() {
			return nil
		}
		edits = append(edits, im.Edits()...)
	}
	return &analysis.SuggestedFix{Message: msg, TextEdits: edits}
}

// deleteStmt returns an edit removing the statement at cur, including its
// whole line when it stands alone on it, or false if the statement is not
// directly in a block (deleting it would break the syntax).
func (c *checker) deleteStmt(cur inspector.Cursor) (analysis.TextEdit, bool) {
	stmt, ok := cur.Node().(ast.Stmt)
	if !ok {
		return analysis.TextEdit{}, false
	}
	switch cur.Parent().Node().(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
	default:
		return analysis.TextEdit{}, false
	}
	pos, end := stmt.Pos(), stmt.End()
	tf := c.pass.Fset.File(pos)
	src := c.source(tf.Name())
	if src != nil {
		start := tf.Offset(pos)
		stop := tf.Offset(end)
		ls := start
		for ls > 0 && (src[ls-1] == ' ' || src[ls-1] == '\t') {
			ls--
		}
		le := stop
		for le < len(src) && (src[le] == ' ' || src[le] == '\t') {
			le++
		}
		// Widen to whole lines only when nothing else shares them.
		if (ls == 0 || src[ls-1] == '\n') && le < len(src) && src[le] == '\n' {
			return analysis.TextEdit{Pos: tf.Pos(ls), End: tf.Pos(le + 1)}, true
		}
	}
	return analysis.TextEdit{Pos: pos, End: end}, true
}

func (c *checker) source(name string) []byte {
	if b, ok := c.src[name]; ok {
		return b
	}
	b, err := c.pass.ReadFile(name)
	if err != nil {
		b = nil
	}
	c.src[name] = b
	return b
}
