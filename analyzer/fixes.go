package analyzer

// Building suggested fixes from the nodes flow returns. Every fix is a few
// granular edits that keep the user's formatting, plus explicit import
// edits (package fix).

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/stsregional/stsregional/analyzer/internal/fix"
	"github.com/stsregional/stsregional/analyzer/internal/flow"
	"github.com/stsregional/stsregional/analyzer/internal/host"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// imports returns an import helper for code inserted at pos.
func (p *pass) imports(pos token.Pos) *fix.Imports {
	return fix.NewImports(p.TypesInfo, p.fileOf(pos), pos)
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

// pruneImports adds to f the edits deleting the imports it leaves unused
// in the files it edits, so that a driver applying its edits verbatim
// (golangci-lint --fix, gopls) gets a file that compiles.
func (p *pass) pruneImports(f analysis.SuggestedFix) analysis.SuggestedFix {
	if p.uses == nil {
		p.uses = fix.NewUses(p.Fset, p.TypesInfo)
	}
	var extra []analysis.TextEdit
	seen := map[*ast.File]bool{}
	for _, e := range f.TextEdits {
		file := p.fileOf(e.Pos)
		if file == nil || seen[file] {
			continue
		}
		seen[file] = true
		extra = append(extra, p.uses.Prune(file, f.TextEdits)...)
	}
	f.TextEdits = append(slices.Clip(f.TextEdits), extra...)
	return f
}

// deleteStmt returns an edit removing the statement at cur, including its
// whole line when it stands alone on it, or false if the statement is not
// directly in a block (deleting it would break the syntax).
func (p *pass) deleteStmt(cur inspector.Cursor) (analysis.TextEdit, bool) {
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
	tf := p.Fset.File(pos)
	src := p.source(tf)
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

// source returns the content of file name, read once, or nil. A generated
// file's findings are dropped, so it is never read: reading and scanning a
// multi-megabyte generated file for each of its findings is what made -fix
// slow on them.
func (p *pass) source(tf *token.File) []byte {
	name := tf.Name()
	if p.generated[tf] {
		return nil
	}
	if b, ok := p.src[name]; ok {
		return b
	}
	b, err := p.ReadFile(name)
	if err != nil {
		b = nil
	}
	p.src[name] = b
	return b
}

// deleteArg returns an edit deleting the call at cur from the arguments of
// its parent call, when it is a direct argument.
func deleteArg(cur inspector.Cursor) (analysis.TextEdit, bool) {
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok {
		return analysis.TextEdit{}, false
	}
	for i, a := range call.Args {
		if a == cur.Node() {
			if call.Ellipsis.IsValid() && i == len(call.Args)-1 {
				return analysis.TextEdit{}, false
			}
			return fix.DeleteListElem(call.Args, i, call.Rparen), true
		}
	}
	return analysis.TextEdit{}, false
}

// elemWithValue finds the key-value element of lit whose value is value.
func elemWithValue(lit *ast.CompositeLit, value ast.Expr) (int, *ast.KeyValueExpr) {
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok && kv.Value == value {
			return i, kv
		}
	}
	return -1, nil
}

func deleteElem(lit *ast.CompositeLit, i int) analysis.TextEdit {
	return fix.DeleteListElem(lit.Elts, i, lit.Rbrace)
}

// splitGlobalURL splits a URL naming the global host into the text before
// and after the host, so a regional host can be put in its place.
func splitGlobalURL(s string) (before, after string, ok bool) {
	i := strings.Index(strings.ToLower(s), host.GlobalHost)
	if i < 0 {
		return "", "", false
	}
	return s[:i], s[i+len(host.GlobalHost):], true
}

// insertField adds "text" as a new element of a keyed composite literal,
// keeping its layout: inline for one-line literals, a new line otherwise.
func (p *pass) insertField(lit *ast.CompositeLit, text string) ([]analysis.TextEdit, bool) {
	if len(lit.Elts) == 0 {
		return []analysis.TextEdit{fix.Insert(lit.Lbrace+1, text)}, true
	}
	last := lit.Elts[len(lit.Elts)-1]
	if _, ok := last.(*ast.KeyValueExpr); !ok {
		return nil, false // positional literal
	}
	tf := p.Fset.File(lit.Pos())
	if tf.Line(last.End()) == tf.Line(lit.Rbrace) {
		return []analysis.TextEdit{fix.Insert(last.End(), ", "+text)}, true
	}
	src := p.source(tf)
	if src == nil {
		return nil, false
	}
	// Multi-line: the element list ends with a comma; add a line after the
	// last element's line (keeping any trailing comment on it) with the
	// same indentation.
	off := tf.Offset(last.End())
	for off < len(src) && src[off] != ',' {
		off++
	}
	for off < len(src) && src[off] != '\n' {
		off++
	}
	if off == len(src) {
		return nil, false
	}
	ls := tf.Offset(tf.LineStart(tf.Line(last.Pos())))
	indent := ls
	for indent < len(src) && (src[indent] == ' ' || src[indent] == '\t') {
		indent++
	}
	return []analysis.TextEdit{fix.Insert(tf.Pos(off), "\n"+string(src[ls:indent])+text+",")}, true
}

// addConfigArg adds the regional setting to a call taking ...*aws.Config:
// into its last &aws.Config{…} literal or NewConfig chain, else as a new
// argument. It fails for a spread (cfgs...) argument list.
func (p *pass) addConfigArg(call *ast.CallExpr, im *fix.Imports) ([]analysis.TextEdit, bool) {
	if call.Ellipsis.IsValid() {
		return nil, false
	}
	if n := len(call.Args); n > 0 {
		last := ast.Unparen(call.Args[n-1])
		if u, ok := last.(*ast.UnaryExpr); ok && u.Op == token.AND {
			if lit, ok := ast.Unparen(u.X).(*ast.CompositeLit); ok && sdk.IsNamed(p.TypesInfo.TypeOf(lit), sdk.V1AWS, "Config") {
				return p.insertField(lit, "STSRegionalEndpoint: "+regionalValue(im))
			}
		}
		if p.isConfigChain(last) {
			return []analysis.TextEdit{fix.Insert(last.End(), ".WithSTSRegionalEndpoint("+regionalValue(im)+")")}, true
		}
		// Only *aws.Config arguments may follow (sts.New(sess, cfgs...),
		// session.NewSession(cfgs...)); the provider is Args[0] of sts.New.
		return []analysis.TextEdit{fix.Insert(call.Args[n-1].End(), ", "+regionalConfigLit(im))}, true
	}
	return []analysis.TextEdit{fix.Insert(call.Lparen+1, regionalConfigLit(im))}, true
}

// isConfigChain reports whether e is aws.NewConfig() or a With* chain on it.
func (p *pass) isConfigChain(e ast.Expr) bool {
	for {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return false
		}
		_, entry := p.flow.Lookup(call)
		switch entry.Role {
		case sdk.V1NewConfig:
			return true
		case sdk.V1ConfigSetter, sdk.V1ConfigChain:
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok {
				return false
			}
			e = sel.X
		default:
			return false
		}
	}
}

// originEdits edits the construction of a v1 session so it selects the
// regional endpoint. The session may be built in another file than the
// finding: qualifiers and import edits are computed against that file.
func (p *pass) originEdits(o *flow.Origin) ([]analysis.TextEdit, bool) {
	if o == nil {
		return nil, false
	}
	im := p.imports(o.Node.Pos())
	var edits []analysis.TextEdit
	var ok bool
	switch o.Kind {
	case flow.OriginConfigArgs:
		edits, ok = p.addConfigArg(o.Node.(*ast.CallExpr), im)
	case flow.OriginConfigLit:
		edits, ok = p.insertField(o.Node.(*ast.CompositeLit), "STSRegionalEndpoint: "+regionalValue(im))
	case flow.OriginOptionsLit:
		text := "Config: " + im.Qualifier(sdk.V1AWS, "aws") + "Config{STSRegionalEndpoint: " + regionalValue(im) + "}"
		edits, ok = p.insertField(o.Node.(*ast.CompositeLit), text)
	}
	if !ok || !im.OK() {
		return nil, false
	}
	return append(edits, im.Edits()...), true
}

// v1ClientFix makes a v1 STS client regional. It prefers fixing the
// session where it is built (that also moves the STS clients the session
// builds internally for web identity and assume-role profiles), else pins
// this client.
//
//	sess := session.Must(session.NewSession(&aws.Config{Region: r}))
//	sess := session.Must(session.NewSession(&aws.Config{Region: r, STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
func (p *pass) v1ClientFix(cl flow.Client) *analysis.SuggestedFix {
	const msg = "Set STSRegionalEndpoint to endpoints.RegionalSTSEndpoint"
	if edits, ok := p.originEdits(cl.Origin); ok {
		return suggested(msg, nil, edits...)
	}
	call := cl.Call
	im := p.imports(call.Pos())
	if cl.Helper {
		// A helper passing ...*aws.Config on: add one at this call.
		if !cl.HelperConfigs {
			return nil
		}
		edits, ok := p.addConfigArg(call, im)
		if !ok {
			return nil
		}
		return suggested(msg+" on this client", im, edits...)
	}
	if sdk.Lookup(cl.Ctor).Role == sdk.V1STSClient {
		edits, ok := p.addConfigArg(call, im)
		if !ok {
			return nil
		}
		return suggested(msg+" on this client", im, edits...)
	}
	prov := call.Args[0]
	if !sdk.IsNamed(p.TypesInfo.TypeOf(prov), sdk.V1Session, "Session") {
		if cl.Ctor.Name() != "NewCredentials" {
			return nil
		}
		// NewCredentials(p, …) is NewCredentialsWithClient(sts.New(p), …)
		// (aws/credentials/stscreds/assume_role_provider.go).
		var edits []analysis.TextEdit
		switch fun := ast.Unparen(call.Fun).(type) {
		case *ast.SelectorExpr:
			edits = append(edits, fix.Replace(fun.Sel, "NewCredentialsWithClient"))
		case *ast.Ident:
			edits = append(edits, fix.Replace(fun, "NewCredentialsWithClient"))
		}
		stsq := im.Qualifier(sdk.V1STS, "sts")
		edits = append(edits,
			fix.Insert(prov.Pos(), stsq+"New("),
			fix.Insert(prov.End(), ", "+regionalConfigLit(im)+")"))
		return suggested("Build the STS client with STSRegionalEndpoint set to endpoints.RegionalSTSEndpoint", im, edits...)
	}
	text := ".Copy(" + regionalConfigLit(im) + ")"
	edits := []analysis.TextEdit{fix.Insert(prov.End(), text)}
	if !isSimpleOperand(prov) {
		edits = []analysis.TextEdit{fix.Insert(prov.Pos(), "("), fix.Insert(prov.End(), ")"+text)}
	}
	return suggested("Copy the session with STSRegionalEndpoint set to endpoints.RegionalSTSEndpoint", im, edits...)
}

func isSimpleOperand(e ast.Expr) bool {
	switch ast.Unparen(e).(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr, *ast.IndexExpr:
		return true
	}
	return false
}

// fixV1Endpoint replaces a v1 global Endpoint by the regional STS setting:
// the SDK then builds the partition-correct regional host and signing Region.
//
//	&aws.Config{Region: r, Endpoint: aws.String("https://sts.amazonaws.com")}
//	&aws.Config{Region: r, STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}
func (p *pass) fixV1Endpoint(cur inspector.Cursor, value ast.Expr) *analysis.SuggestedFix {
	const msg = "Replace the global Endpoint with STSRegionalEndpoint: endpoints.RegionalSTSEndpoint"
	switch n := cur.Node().(type) {
	case *ast.CompositeLit:
		i, kv := elemWithValue(n, value)
		if kv == nil {
			return nil
		}
		if _, has := flow.ElemWithKey(n, "STSRegionalEndpoint"); has != nil {
			return suggested(msg, nil, deleteElem(n, i))
		}
		im := p.imports(kv.Pos())
		return suggested(msg, im, analysis.TextEdit{Pos: kv.Pos(), End: kv.End(), NewText: []byte("STSRegionalEndpoint: " + regionalValue(im))})
	case *ast.AssignStmt:
		sel, ok := ast.Unparen(n.Lhs[0]).(*ast.SelectorExpr)
		if !ok || len(n.Lhs) != 1 {
			return nil
		}
		im := p.imports(n.Pos())
		return suggested(msg, im,
			analysis.TextEdit{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("STSRegionalEndpoint")},
			analysis.TextEdit{Pos: n.Rhs[0].Pos(), End: n.Rhs[0].End(), NewText: []byte(regionalValue(im))})
	case *ast.CallExpr:
		sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
		if !ok || len(n.Args) != 1 {
			return nil
		}
		im := p.imports(n.Pos())
		return suggested("Replace WithEndpoint with WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)", im,
			analysis.TextEdit{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("WithSTSRegionalEndpoint")},
			analysis.TextEdit{Pos: n.Args[0].Pos(), End: n.Args[0].End(), NewText: []byte(regionalValue(im))})
	}
	return nil
}

// fixDeleteSetting deletes a BaseEndpoint field or assignment.
func (p *pass) fixDeleteSetting(cur inspector.Cursor, value ast.Expr) *analysis.SuggestedFix {
	const msg = "Delete the global BaseEndpoint override"
	switch n := cur.Node().(type) {
	case *ast.CompositeLit:
		if i, kv := elemWithValue(n, value); kv != nil {
			return suggested(msg, nil, deleteElem(n, i))
		}
	case *ast.AssignStmt:
		if len(n.Lhs) != 1 {
			return nil
		}
		// The only statement of an option function passed to a call
		// (func(o *sts.Options) { o.BaseEndpoint = … }): delete the whole
		// option rather than leave an empty one behind.
		if body, ok := cur.Parent().Node().(*ast.BlockStmt); ok && len(body.List) == 1 {
			litCur := cur.Parent().Parent()
			if _, ok := litCur.Node().(*ast.FuncLit); ok {
				if e, ok := deleteArg(litCur); ok {
					return suggested(msg, nil, e)
				}
			}
		}
		if e, ok := p.deleteStmt(cur); ok {
			return suggested(msg, nil, e)
		}
	}
	return nil
}

// fixDeleteArgOf deletes the option call at cur from the argument list of
// the call it is passed to (config.LoadDefaultConfig(ctx, opt)).
func (p *pass) fixDeleteArgOf(cur inspector.Cursor) *analysis.SuggestedFix {
	if e, ok := deleteArg(cur); ok {
		return suggested("Delete the global endpoint option", nil, e)
	}
	return nil
}

// fixDeleteResolverFromURL deletes sts.WithEndpointResolver(
// sts.EndpointResolverFromURL(global)) from its call, or the assignment
// o.EndpointResolver = sts.EndpointResolverFromURL(global).
func (p *pass) fixDeleteResolverFromURL(cur inspector.Cursor) *analysis.SuggestedFix {
	const msg = "Delete the global endpoint resolver"
	parent := cur.Parent()
	switch n := parent.Node().(type) {
	case *ast.CallExpr:
		if _, e := p.flow.Lookup(n); e.Role == sdk.V2WithEndpointResolver {
			if e, ok := deleteArg(parent); ok {
				return suggested(msg, nil, e)
			}
		}
	case *ast.AssignStmt:
		if len(n.Lhs) == 1 {
			if e, ok := p.deleteStmt(parent); ok {
				return suggested(msg, nil, e)
			}
		}
	case *ast.KeyValueExpr:
		if lit, ok := parent.Parent().Node().(*ast.CompositeLit); ok {
			for i, elt := range lit.Elts {
				if elt == n {
					return suggested(msg, nil, deleteElem(lit, i))
				}
			}
		}
	}
	return nil
}

// fixDeleteExprStmt deletes a call statement such as os.Setenv(k, v) whose
// result is ignored.
func (p *pass) fixDeleteExprStmt(cur inspector.Cursor) *analysis.SuggestedFix {
	parent := cur.Parent()
	if _, ok := parent.Node().(*ast.ExprStmt); !ok {
		return nil
	}
	if e, ok := p.deleteStmt(parent); ok {
		return suggested("Delete the global endpoint setting", nil, e)
	}
	return nil
}
