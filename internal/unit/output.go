package unit

import (
	"archive/zip"
	"cmp"
	"encoding/json"
	"fmt"
	"go/token"
	"go/types"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/stsregional/stsregional/internal/apply"
	"github.com/stsregional/stsregional/internal/vetjson"
)

// readFile is Pass.ReadFile: the package's own files only.
func readFile(cfg *Config) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		if !slices.Contains(cfg.GoFiles, name) && !slices.Contains(cfg.NonGoFiles, name) && !slices.Contains(cfg.IgnoredFiles, name) {
			return nil, fmt.Errorf("Pass.ReadFile: %s is not among the package's files", name)
		}
		return os.ReadFile(name)
	}
}

// printJSON prints the unit's diagnostics, or its analysis error, as go
// vet -json expects; nothing when there is neither. It returns 0.
func printJSON(w io.Writer, fset *token.FileSet, id, name string, res result) int {
	var v any
	switch {
	case res.err != nil:
		v = vetjson.Error{Err: res.err.Error()}
	case len(res.diags) > 0:
		var list []vetjson.Diagnostic
		for _, d := range res.diags {
			jd := vetjson.Diagnostic{
				Category: d.Category,
				Posn:     fset.Position(d.Pos).String(),
				End:      fset.Position(cmp.Or(d.End, d.Pos)).String(),
				Message:  d.Message,
			}
			for _, f := range d.SuggestedFixes {
				jf := vetjson.Fix{Message: f.Message}
				for _, e := range f.TextEdits {
					start, end := fset.Position(e.Pos), fset.Position(cmp.Or(e.End, e.Pos))
					jf.Edits = append(jf.Edits, vetjson.Edit{Filename: start.Filename, Start: start.Offset, End: end.Offset, New: string(e.NewText)})
				}
				jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
			}
			for _, r := range d.Related {
				jd.Related = append(jd.Related, vetjson.Related{Posn: fset.Position(r.Pos).String(), End: fset.Position(cmp.Or(r.End, r.Pos)).String(), Message: r.Message})
			}
			list = append(list, jd)
		}
		v = list
	default:
		return 0
	}
	data, err := json.MarshalIndent(map[string]map[string]any{id: {name: v}}, "", "\t")
	if err == nil {
		_, err = fmt.Fprintf(w, "%s\n", data)
	}
	if err != nil {
		return 1
	}
	return 0
}

// printPlain prints a diagnostic as "file:line:col: message", with
// context lines when context >= 0.
func printPlain(w io.Writer, fset *token.FileSet, d analysis.Diagnostic, context int) {
	print := func(pos, end token.Pos, msg string) {
		posn := fset.Position(pos)
		fmt.Fprintf(w, "%s: %s\n", posn, msg)
		if context < 0 {
			return
		}
		last := fset.Position(cmp.Or(end, pos)).Line
		data, _ := os.ReadFile(posn.Filename)
		lines := strings.Split(string(data), "\n")
		for i := posn.Line - context; i <= last+context; i++ {
			if 1 <= i && i <= len(lines) {
				fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
			}
		}
	}
	print(d.Pos, d.End, d.Message)
	for _, r := range d.Related {
		print(r.Pos, r.End, "\t"+r.Message)
	}
}

// fix applies the first fix of each diagnostic (internal/apply): into the
// go command's fix archive when it gives one (go fix applies the archives
// after the build), else to the files atomically, or as a diff on stdout.
func fix(fset *token.FileSet, cfg *Config, pkg *types.Package, diags []analysis.Diagnostic, diff bool, stdout, stderr io.Writer) int {
	var fixes []apply.Fix
	for _, d := range diags {
		if len(d.SuggestedFixes) == 0 {
			continue
		}
		sf := d.SuggestedFixes[0]
		f := apply.Fix{Pos: fset.Position(d.Pos).String(), Message: sf.Message}
		for _, e := range sf.TextEdits {
			start, end := fset.Position(e.Pos), fset.Position(cmp.Or(e.End, e.Pos))
			f.Edits = append(f.Edits, apply.Edit{Filename: start.Filename, Start: start.Offset, End: end.Offset, New: string(e.NewText)})
		}
		fixes = append(fixes, f)
	}
	names := map[string]string{}
	var visit func(*types.Package)
	visit = func(p *types.Package) {
		for _, imp := range p.Imports() {
			if _, ok := names[imp.Path()]; !ok {
				names[imp.Path()] = imp.Name()
				visit(imp)
			}
		}
	}
	visit(pkg)
	opts := apply.Options{Diff: diff, Names: func([]string) map[string]string { return names }, Stdout: stdout, Stderr: stderr}
	if cfg.FixArchive != "" && !diff {
		f, err := os.Create(cfg.FixArchive)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		zw := zip.NewWriter(f)
		zw.SetComment(cfg.ID)
		opts.Write = func(name string, data []byte) error {
			w, err := zw.Create(name)
			if err == nil {
				_, err = w.Write(data)
			}
			return err
		}
		ok, _ := apply.Run(fixes, opts)
		if err := zw.Close(); err != nil {
			fmt.Fprintln(stderr, err)
			ok = false
		}
		if err := f.Close(); err != nil {
			fmt.Fprintln(stderr, err)
			ok = false
		}
		if !ok {
			return 1
		}
		return 0
	}
	if ok, _ := apply.Run(fixes, opts); !ok {
		return 1
	}
	return 0
}
