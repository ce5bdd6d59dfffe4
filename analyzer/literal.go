package analyzer

// STS001: a constant global STS URL or host reaching an endpoint sink. The
// check is sink-driven: the same string used as an audience, a principal, an
// event source or an allow-list entry never reaches one of these sinks, so
// it is never reported.

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/stsregional/stsregional/analyzer/internal/fix"
	"github.com/stsregional/stsregional/analyzer/internal/host"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// sinkKind says what an endpoint sink is, which decides the message and fix.
type sinkKind int

const (
	sinkV1Endpoint sinkKind = iota // v1 aws.Config.Endpoint, WithEndpoint
	sinkV1Resolved                 // v1 endpoints.ResolvedEndpoint.URL
	sinkV2Base                     // v2 BaseEndpoint field
	sinkV2BaseOpt                  // v2 config.WithBaseEndpoint
	sinkV2FromURL                  // v2 sts.EndpointResolverFromURL
	sinkV2Endpoint                 // v2 aws.Endpoint.URL
	sinkRequest                    // net/http request URL
	sinkEnv                        // AWS_ENDPOINT_URL[_STS] environment variable
)

// A fieldSink is a struct field whose value is an endpoint.
type fieldSink struct {
	pkg, typ, field string
	kind            sinkKind
	isURL           bool // the field holds a *url.URL / url.URL, not a string
}

var fieldSinks = []fieldSink{
	{sdk.V1AWS, "Config", "Endpoint", sinkV1Endpoint, false},
	{sdk.V1Endpoints, "ResolvedEndpoint", "URL", sinkV1Resolved, false},
	{sdk.V2STS, "Options", "BaseEndpoint", sinkV2Base, false},
	{sdk.V2AWS, "Config", "BaseEndpoint", sinkV2Base, false},
	{sdk.V2AWS, "Endpoint", "URL", sinkV2Endpoint, false},
	{sdk.NetHTTP, "Request", "URL", sinkRequest, true},
	{sdk.NetHTTP, "Request", "Host", sinkRequest, false}, // hand-signed requests
	{sdk.SmithyEP, "Endpoint", "URI", sinkV2Endpoint, true},
}

// lookupFieldSink returns the sink for field name of struct type t.
func lookupFieldSink(t types.Type, name string) (fieldSink, bool) {
	for _, s := range fieldSinks {
		if s.field == name && sdk.IsNamed(t, s.pkg, s.typ) {
			return s, true
		}
	}
	return fieldSink{}, false
}

// callSink returns the endpoint argument of a call to a sink function.
func (c *checker) callSink(call *ast.CallExpr, fn *types.Func) (ast.Expr, sinkKind, bool) {
	arg := func(i int, k sinkKind) (ast.Expr, sinkKind, bool) {
		if i < len(call.Args) {
			return call.Args[i], k, true
		}
		return nil, 0, false
	}
	pkg := sdk.Path(fn.Pkg())
	switch {
	case sdk.IsMethod(fn, sdk.V1AWS, "Config", "WithEndpoint"):
		return arg(0, sinkV1Endpoint)
	case sdk.IsFunc(fn, sdk.V2Config, "WithBaseEndpoint"):
		return arg(0, sinkV2BaseOpt)
	case sdk.IsFunc(fn, sdk.V2STS, "EndpointResolverFromURL"):
		return arg(0, sinkV2FromURL)
	case pkg == sdk.NetHTTP:
		switch fn.Name() {
		case "NewRequest":
			return arg(1, sinkRequest)
		case "NewRequestWithContext":
			return arg(2, sinkRequest)
		case "Get", "Head", "Post", "PostForm":
			// http.Get and (*http.Client).Get alike.
			return arg(0, sinkRequest)
		}
	case sdk.IsFunc(fn, sdk.OS, "Setenv") || isTestingSetenv(fn):
		if len(call.Args) == 2 {
			if key, ok := c.constString(call.Args[0]); ok &&
				(key == sdk.EnvEndpointURLSTS || key == sdk.EnvEndpointURL) {
				return arg(1, sinkEnv)
			}
		}
	}
	return nil, 0, false
}

func isTestingSetenv(fn *types.Func) bool {
	return sdk.IsMethod(fn, "testing", "T", "Setenv") || sdk.IsMethod(fn, "testing", "B", "Setenv") ||
		sdk.IsMethod(fn, "testing", "F", "Setenv")
}

func (c *checker) checkLiterals() {
	if !c.on[HardcodedGlobal] && !c.on[V1ResolverCall] && !c.on[V2EndpointOverride] {
		return
	}
	for _, cur := range c.calls {
		call := cur.Node().(*ast.CallExpr)
		fn := c.callee(call)
		if fn == nil {
			continue
		}
		if e, kind, ok := c.callSink(call, fn); ok {
			c.checkSinkValue(cur, e, kind, false)
		}
	}
	for _, cur := range c.lits {
		lit := cur.Node().(*ast.CompositeLit)
		t := c.pass.TypesInfo.TypeOf(lit)
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			key, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			if s, ok := lookupFieldSink(t, key.Name); ok {
				c.checkSinkValue(cur, kv.Value, s.kind, s.isURL)
			}
		}
		c.checkEnvVarLit(lit)
	}
	for _, cur := range c.asgns {
		as := cur.Node().(*ast.AssignStmt)
		if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			selection, ok := c.pass.TypesInfo.Selections[sel]
			if !ok || selection.Kind() != types.FieldVal {
				continue
			}
			if s, ok := lookupFieldSink(selection.Recv(), sel.Sel.Name); ok {
				c.checkSinkValue(cur, as.Rhs[i], s.kind, s.isURL)
			}
		}
	}
}

// checkEnvVarLit reports a struct literal with string fields Name and Value
// (Kubernetes corev1.EnvVar, ECS KeyValuePair and the like) that sets
// AWS_ENDPOINT_URL[_STS] to the global endpoint.
func (c *checker) checkEnvVarLit(lit *ast.CompositeLit) {
	name, value := c.envVarFields(lit)
	if name == nil || value == nil {
		return
	}
	key, ok := c.constString(c.unwrapPtr(name))
	if !ok || (key != sdk.EnvEndpointURLSTS && key != sdk.EnvEndpointURL) {
		return
	}
	if s, ok := c.constString(c.unwrapPtr(value)); ok && host.IsGlobal(s) {
		c.report(HardcodedGlobal, value,
			"environment variable "+key+" is the global STS endpoint sts.amazonaws.com: aws-sdk-go-v2 STS clients in that process call us-east-1 instead of their Region; remove it or use https://sts.<region>.amazonaws.com", nil)
	}
}

// envVarFields returns the values of the Name and Value fields of a struct
// literal whose type has such string (or *string) fields.
func (c *checker) envVarFields(lit *ast.CompositeLit) (name, value ast.Expr) {
	st, ok := typeStruct(c.pass.TypesInfo.TypeOf(lit))
	if !ok || !hasStringField(st, "Name") || !hasStringField(st, "Value") {
		return nil, nil
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				switch id.Name {
				case "Name":
					name = kv.Value
				case "Value":
					value = kv.Value
				}
			}
		}
	}
	return name, value
}

func typeStruct(t types.Type) (*types.Struct, bool) {
	if t == nil {
		return nil, false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return st, ok
}

func hasStringField(st *types.Struct, name string) bool {
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if f.Name() != name {
			continue
		}
		t := f.Type()
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		b, ok := t.Underlying().(*types.Basic)
		return ok && b.Kind() == types.String
	}
	return false
}

// checkSinkValue reports value, the expression stored in an endpoint sink,
// when it provably names the global STS host. cur is the sink's call,
// composite literal or assignment.
func (c *checker) checkSinkValue(cur inspector.Cursor, value ast.Expr, kind sinkKind, isURL bool) {
	var (
		s  string
		ok bool
		at ast.Expr = value
	)
	if isURL {
		s, ok = c.parsedURL(value, 0)
		if ok {
			// Report where the URL is written: the url.Parse argument.
			if arg := c.parseArg(value); arg != nil {
				at = arg
			}
		}
	} else {
		s, ok = c.constString(c.unwrapPtr(value))
		if ok {
			// u.String() of a url.Parse result: report at the URL text.
			if call, isCall := ast.Unparen(value).(*ast.CallExpr); isCall {
				if sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr); isSel && sdk.IsMethod(c.callee(call), sdk.NetURL, "URL", "String") {
					if arg := c.parseArg(sel.X); arg != nil {
						at = arg
					}
				}
			}
		}
	}
	if !ok && kind == sinkRequest {
		// Not constant here: a hand-rolled client may carry the global
		// host through fields and parameters from a default upstream.
		for _, src := range c.traceGlobal(value) {
			if c.inTestFile(src) {
				// Test tables store expected URLs into the same
				// fields; a default worth fixing lives in real code.
				continue
			}
			c.report(HardcodedGlobal, src, "the global STS endpoint sts.amazonaws.com flows from here into a request URL: "+
				"sts.amazonaws.com is served from us-east-1 (extra latency, a single-Region dependency, unreachable through STS VPC endpoints); "+
				"default to https://sts.<region>.amazonaws.com and sign for that Region (unless a verifier on the other side only accepts the global host)", nil)
		}
		return
	}
	if !ok || !host.IsGlobal(s) {
		return
	}
	if kind == sinkV1Resolved || kind == sinkV2Endpoint {
		if rc, ok := c.resolverContext(cur); ok {
			c.reportResolverURL(cur, rc, value, s, kind)
			return
		}
	}
	msg, fix := c.literalFinding(cur, value, kind)
	c.report(HardcodedGlobal, at, msg, fix)
}

// parseArg returns the argument of the url.Parse call that produced the
// URL value e, for reporting.
func (c *checker) parseArg(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if st, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(st.X)
	}
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		return call.Args[0]
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		if _, kv := elemWithKey(lit, "Host"); kv != nil {
			return kv.Value
		}
	}
	if v := c.localVar(e); v != nil && len(c.defs[v]) == 1 {
		if call, ok := ast.Unparen(c.defs[v][0].rhs).(*ast.CallExpr); ok && len(call.Args) == 1 {
			return call.Args[0]
		}
	}
	return nil
}

// literalFinding returns the message and fix for a global endpoint in a
// sink outside a custom resolver.
func (c *checker) literalFinding(cur inspector.Cursor, value ast.Expr, kind sinkKind) (string, *analysis.SuggestedFix) {
	const why = "sts.amazonaws.com is served from us-east-1 (extra latency, a single-Region dependency, unreachable through STS VPC endpoints)"
	switch kind {
	case sinkV1Endpoint:
		return "aws.Config Endpoint pins STS to the global endpoint and bypasses the regional resolver: " + why +
			"; remove it and set STSRegionalEndpoint to endpoints.RegionalSTSEndpoint", c.fixV1Endpoint(cur, value)
	case sinkV2Base:
		return "BaseEndpoint overrides aws-sdk-go-v2's regional STS default: " + why + "; delete it", c.fixDeleteSetting(cur, value)
	case sinkV2BaseOpt:
		return "config.WithBaseEndpoint sends every client of this config, STS included, to sts.amazonaws.com: " + why + "; delete it", c.fixDeleteArgOf(cur)
	case sinkV2FromURL:
		return "sts.EndpointResolverFromURL pins STS to the global endpoint (a deprecated resolver that also signs for the client Region): " + why + "; delete it so the regional default applies", c.fixDeleteResolverFromURL(cur)
	case sinkEnv:
		return "setting AWS_ENDPOINT_URL[_STS] to sts.amazonaws.com pins every aws-sdk-go-v2 STS client of the process to the global endpoint: " + why + "; delete it", c.fixDeleteExprStmt(cur)
	case sinkRequest:
		return "request URL is hard-coded to the global STS endpoint: " + why +
			"; use https://sts.<region>.amazonaws.com and sign for that Region (unless a verifier on the other side only accepts the global host)", nil
	}
	return "endpoint URL is the global STS endpoint: " + why + "; use the regional endpoint sts.<region>.amazonaws.com", nil
}

// fixV1Endpoint replaces a v1 global Endpoint by the regional STS setting:
// the SDK then builds the partition-correct regional host and signing Region.
//
//	&aws.Config{Region: r, Endpoint: aws.String("https://sts.amazonaws.com")}
//	&aws.Config{Region: r, STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}
func (c *checker) fixV1Endpoint(cur inspector.Cursor, value ast.Expr) *analysis.SuggestedFix {
	const msg = "Replace the global Endpoint with STSRegionalEndpoint: endpoints.RegionalSTSEndpoint"
	switch n := cur.Node().(type) {
	case *ast.CompositeLit:
		i, kv := elemWithValue(n, value)
		if kv == nil {
			return nil
		}
		if hasKey(n, "STSRegionalEndpoint") {
			return suggested(msg, nil, deleteElem(n, i))
		}
		im := c.imports(kv.Pos())
		text := "STSRegionalEndpoint: " + regionalValue(im)
		return suggested(msg, im, analysis.TextEdit{Pos: kv.Pos(), End: kv.End(), NewText: []byte(text)})
	case *ast.AssignStmt:
		sel, ok := ast.Unparen(n.Lhs[0]).(*ast.SelectorExpr)
		if !ok || len(n.Lhs) != 1 {
			return nil
		}
		im := c.imports(n.Pos())
		return suggested(msg, im,
			analysis.TextEdit{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("STSRegionalEndpoint")},
			analysis.TextEdit{Pos: n.Rhs[0].Pos(), End: n.Rhs[0].End(), NewText: []byte(regionalValue(im))})
	case *ast.CallExpr:
		sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
		if !ok || len(n.Args) != 1 {
			return nil
		}
		im := c.imports(n.Pos())
		return suggested("Replace WithEndpoint with WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)", im,
			analysis.TextEdit{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("WithSTSRegionalEndpoint")},
			analysis.TextEdit{Pos: n.Args[0].Pos(), End: n.Args[0].End(), NewText: []byte(regionalValue(im))})
	}
	return nil
}

// fixDeleteSetting deletes a BaseEndpoint field or assignment.
func (c *checker) fixDeleteSetting(cur inspector.Cursor, value ast.Expr) *analysis.SuggestedFix {
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
		if e, ok := c.deleteStmt(cur); ok {
			return suggested(msg, nil, e)
		}
	}
	return nil
}

// fixDeleteArgOf deletes the option call at cur from the argument list of
// the call it is passed to (config.LoadDefaultConfig(ctx, opt)).
func (c *checker) fixDeleteArgOf(cur inspector.Cursor) *analysis.SuggestedFix {
	if e, ok := deleteArg(cur); ok {
		return suggested("Delete the global endpoint option", nil, e)
	}
	return nil
}

// fixDeleteResolverFromURL deletes sts.WithEndpointResolver(
// sts.EndpointResolverFromURL(global)) from its call, or the assignment
// o.EndpointResolver = sts.EndpointResolverFromURL(global).
func (c *checker) fixDeleteResolverFromURL(cur inspector.Cursor) *analysis.SuggestedFix {
	const msg = "Delete the global endpoint resolver"
	parent := cur.Parent()
	switch p := parent.Node().(type) {
	case *ast.CallExpr:
		if fn := c.callee(p); fn != nil && sdk.IsFunc(fn, sdk.V2STS, "WithEndpointResolver") {
			if e, ok := deleteArg(parent); ok {
				return suggested(msg, nil, e)
			}
		}
	case *ast.AssignStmt:
		if len(p.Lhs) == 1 {
			if e, ok := c.deleteStmt(parent); ok {
				return suggested(msg, nil, e)
			}
		}
	case *ast.KeyValueExpr:
		if lit, ok := parent.Parent().Node().(*ast.CompositeLit); ok {
			for i, elt := range lit.Elts {
				if elt == p {
					return suggested(msg, nil, deleteElem(lit, i))
				}
			}
		}
	}
	return nil
}

// fixDeleteExprStmt deletes a call statement such as os.Setenv(k, v) whose
// result is ignored.
func (c *checker) fixDeleteExprStmt(cur inspector.Cursor) *analysis.SuggestedFix {
	parent := cur.Parent()
	if _, ok := parent.Node().(*ast.ExprStmt); !ok {
		return nil
	}
	if e, ok := c.deleteStmt(parent); ok {
		return suggested("Delete the global endpoint setting", nil, e)
	}
	return nil
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

// elemWithKey finds the key-value element of lit with the given field name.
func elemWithKey(lit *ast.CompositeLit, key string) (int, *ast.KeyValueExpr) {
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == key {
				return i, kv
			}
		}
	}
	return -1, nil
}

func hasKey(lit *ast.CompositeLit, key string) bool {
	_, kv := elemWithKey(lit, key)
	return kv != nil
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
