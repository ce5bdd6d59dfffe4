package fix

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestPrune deletes the text between the markers « and » (and inserts the
// text after a | inside them) and checks which import lines Prune deletes.
func TestPrune(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      string // the file after the edits and Prune's edits
	}{
		{"single", "package p\n\nimport \"os\"\n\nfunc f() {\n\t«os.Exit(1)»\n}\n",
			"package p\n\n\nfunc f() {\n\t\n}\n"},
		{"import added after it", "package p\n\nimport \"os\"«|\nimport \"strings\"»\n\nfunc f() {\n\t«os.Exit(1)|_ = strings.ToUpper»\n}\n",
			"package p\n\n\nimport \"strings\"\n\nfunc f() {\n\t_ = strings.ToUpper\n}\n"},
		{"still used", "package p\n\nimport \"os\"\n\nfunc f() {\n\t«os.Exit(1)»\n\tos.Exit(2)\n}\n",
			"package p\n\nimport \"os\"\n\nfunc f() {\n\t\n\tos.Exit(2)\n}\n"},
		{"new text uses it", "package p\n\nimport \"os\"\n\nfunc f() {\n\t«os.Exit(1)|os.Exit(3)»\n}\n",
			"package p\n\nimport \"os\"\n\nfunc f() {\n\tos.Exit(3)\n}\n"},
		{"grouped alias blank", "package p\n\nimport (\n\t_ \"embed\"\n\tx \"os\"\n\t\"strings\"\n)\n\nvar _ = strings.ToUpper\n\nfunc f() {\n\t«x.Exit(1)»\n}\n",
			"package p\n\nimport (\n\t_ \"embed\"\n\t\"strings\"\n)\n\nvar _ = strings.ToUpper\n\nfunc f() {\n\t\n}\n"},
		{"emptied group", "package p\n\nimport (\n\t\"os\"\n)\n\nfunc f() {\n\t«os.Exit(1)»\n}\n",
			"package p\n\n\nfunc f() {\n\t\n}\n"},
		{"dot", "package p\n\nimport . \"strings\"\n\nvar _ = «ToUpper»\n",
			"package p\n\n\nvar _ = \n"},
		{"dot, new text uses it", "package p\n\nimport . \"strings\"\n\nvar _ = «ToUpper|ToLower»\n",
			"package p\n\nimport . \"strings\"\n\nvar _ = ToLower\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, edits := markers(tc.src)
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}, Implicits: map[ast.Node]types.Object{}}
			if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
				t.Fatal(err)
			}
			tf := fset.File(f.Pos())
			var tes []analysis.TextEdit
			for _, e := range edits {
				tes = append(tes, analysis.TextEdit{Pos: tf.Pos(e.start), End: tf.Pos(e.end), NewText: []byte(e.text)})
			}
			for _, e := range NewUses(fset, info).Prune(f, tes) {
				edits = append(edits, edit{tf.Offset(e.Pos), tf.Offset(e.End), string(e.NewText)})
			}
			if got := applyEdits(src, edits); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

type edit struct {
	start, end int
	text       string
}

// markers removes «old|new» markers from s, returning the source with old
// in place and the edits replacing each old by new.
func markers(s string) (string, []edit) {
	var b strings.Builder
	var edits []edit
	for {
		i := strings.Index(s, "«")
		if i < 0 {
			b.WriteString(s)
			return b.String(), edits
		}
		j := strings.Index(s, "»")
		b.WriteString(s[:i])
		old, repl, _ := strings.Cut(s[i+len("«"):j], "|")
		start := b.Len()
		b.WriteString(old)
		edits = append(edits, edit{start, b.Len(), repl})
		s = s[j+len("»"):]
	}
}

func applyEdits(src string, edits []edit) string {
	slices.SortFunc(edits, func(a, b edit) int { return a.start - b.start })
	var b strings.Builder
	at := 0
	for _, e := range edits {
		b.WriteString(src[at:e.start] + e.text)
		at = e.end
	}
	return b.String() + src[at:]
}
