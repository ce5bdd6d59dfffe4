package analyzer

// STS002 and STS003 (and the v1 half of STS006): aws-sdk-go v1 STS clients
// and STS credential providers whose session does not select the regional
// STS endpoint. The session is followed inside the package: its
// constructor, the configs passed to it, Copy, setter chains and field
// stores through variables.

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/stsregional/stsregional/analyzer/internal/fix"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// stsMode is the value of aws.Config.STSRegionalEndpoint as far as the
// analyzer can tell.
type stsMode int

const (
	modeUnset    stsMode = iota // not set: v1 treats it as legacy
	modeLegacy                  // explicitly endpoints.LegacySTSEndpoint
	modeRegional                // endpoints.RegionalSTSEndpoint
	modeDynamic                 // set from a value not known statically: a deliberate choice
)

// regionVal is a Region setting: known reports whether value is the
// constant Region.
type regionVal struct {
	expr  ast.Expr
	value string
	known bool
}

// v1Conf is the endpoint-relevant part of one or more merged aws.Configs.
type v1Conf struct {
	mode     stsMode
	region   *regionVal
	endpoint bool // an explicit Endpoint bypasses the resolver
	variant  bool // FIPS or dual-stack: the legacy mapping does not apply
	opaque   bool // built somewhere the analyzer cannot see
}

// merge applies b on top of a the way aws.Config.MergeIn does: set fields
// win, unset ones leave a alone.
func (a *v1Conf) merge(b v1Conf) {
	if b.mode != modeUnset {
		a.mode = b.mode
	}
	if b.region != nil {
		a.region = b.region
	}
	a.endpoint = a.endpoint || b.endpoint
	a.variant = a.variant || b.variant
	a.opaque = a.opaque || b.opaque
}

// v1Sess is what the analyzer knows about a session (or other
// client.ConfigProvider).
type v1Sess struct {
	conf       v1Conf
	origin     string // describes an opaque session for messages
	honoursEnv bool   // reads AWS_STS_REGIONAL_ENDPOINTS (not session.New)
	// fix, if non-nil, edits the session's construction so it selects the
	// regional endpoint.
	fix func() ([]analysis.TextEdit, bool)
}

func (c *checker) checkV1Clients() {
	if !c.on[V1NotRegional] && !c.on[V1RegionTrap] && !c.on[GlobalPseudoRgn] {
		return
	}
	// A helper may build clients in several places: keep them all.
	wrappers := map[*types.Func][]*wrapper{}
	var wrapped []*wrapper
	for _, cur := range c.calls {
		call := cur.Node().(*ast.CallExpr)
		fn := c.callee(call)
		if fn == nil || len(call.Args) == 0 {
			continue
		}
		what := v1ClientKind(fn)
		if what == "" {
			continue
		}
		if w := c.asWrapper(cur, call, fn, what); w != nil {
			wrappers[w.fn] = append(wrappers[w.fn], w)
			wrapped = append(wrapped, w)
			continue
		}
		sess, conf := c.evalClient(call, fn)
		c.judge(call, what, sess, conf, func() *analysis.SuggestedFix { return c.v1ClientFix(call, fn, sess) })
	}
	if len(wrappers) == 0 {
		return
	}
	// Judge wrappers where they are called, with the caller's arguments.
	for _, cur := range c.calls {
		call := cur.Node().(*ast.CallExpr)
		for _, w := range wrappers[c.callee(call)] {
			if len(call.Args) > w.prov {
				c.judgeWrapperCall(call, w)
			}
		}
	}
	// A wrapper nobody in the package calls is judged where it builds
	// the client, as if its parameters were unknown.
	for _, w := range wrapped {
		if !w.called {
			sess, conf := c.evalClient(w.call, w.ctor)
			c.judge(w.call, w.what, sess, conf, func() *analysis.SuggestedFix { return c.v1ClientFix(w.call, w.ctor, sess) })
		}
	}
}

// judgeWrapperCall judges the client a wrapper builds, with the arguments
// of one call of the wrapper.
func (c *checker) judgeWrapperCall(call *ast.CallExpr, w *wrapper) {
	w.called = true
	var cfgs []ast.Expr
	for _, i := range w.cfgs {
		if i < len(call.Args) {
			cfgs = append(cfgs, call.Args[i])
		}
	}
	if w.variadic >= 0 && w.variadic < len(call.Args) {
		cfgs = append(cfgs, call.Args[w.variadic:]...)
	}
	sess, conf := c.evalProviderConfigs(call.Args[w.prov], cfgs, call.Ellipsis.IsValid())
	c.judge(call, w.what+" (built by "+w.fn.Name()+")", sess, conf, func() *analysis.SuggestedFix {
		if sess.fix != nil {
			if edits, ok := sess.fix(); ok {
				return suggested("Set STSRegionalEndpoint to endpoints.RegionalSTSEndpoint", nil, edits...)
			}
		}
		if w.variadic < 0 || call.Ellipsis.IsValid() {
			return nil
		}
		im := c.imports(call.Pos())
		edits, ok := c.addConfigArg(call, im)
		if !ok {
			return nil
		}
		return suggested("Set STSRegionalEndpoint to endpoints.RegionalSTSEndpoint on this client", im, edits...)
	})
}

// v1ClientKind names what an STS constructor builds, or "" for other
// functions.
func v1ClientKind(fn *types.Func) string {
	switch {
	case sdk.IsFunc(fn, sdk.V1STS, "New"):
		return "client"
	case sdk.IsFunc(fn, sdk.V1STSCreds, "NewCredentials"),
		sdk.IsFunc(fn, sdk.V1STSCreds, "NewWebIdentityCredentials"):
		return "credential provider"
	}
	return ""
}

// A wrapper is an unexported function of this package that builds an STS
// client only from its parameters (func newClient(p client.ConfigProvider,
// cfgs ...*aws.Config) *sts.STS { return sts.New(p, cfgs...) }): its callers
// decide the endpoint, so it is judged at each call.
type wrapper struct {
	fn       *types.Func
	what     string
	call     *ast.CallExpr // the constructor call inside
	ctor     *types.Func
	prov     int   // parameter index of the provider
	cfgs     []int // parameter indexes of single configs
	variadic int   // index of the variadic config parameter, or -1
	called   bool
}

func (c *checker) asWrapper(cur inspector.Cursor, call *ast.CallExpr, ctor *types.Func, what string) *wrapper {
	var decl *ast.FuncDecl
	for e := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		decl, _ = e.Node().(*ast.FuncDecl)
		break
	}
	if decl == nil {
		return nil
	}
	fn, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok || fn.Exported() {
		return nil
	}
	sig := fn.Signature()
	index := func(e ast.Expr) int {
		v := c.localVar(e)
		if v == nil || len(c.defs[v]) > 0 {
			return -1 // not a parameter, or reassigned
		}
		for i := 0; i < sig.Params().Len(); i++ {
			if sig.Params().At(i) == v {
				return i
			}
		}
		return -1
	}
	w := &wrapper{fn: fn, what: what, call: call, ctor: ctor, prov: index(call.Args[0]), variadic: -1}
	if w.prov < 0 {
		return nil
	}
	if ctor.Name() == "New" {
		for k, a := range call.Args[1:] {
			i := index(a)
			if i < 0 {
				return nil
			}
			if call.Ellipsis.IsValid() && k == len(call.Args)-2 {
				if !sig.Variadic() || i != sig.Params().Len()-1 {
					return nil
				}
				w.variadic = i
				continue
			}
			w.cfgs = append(w.cfgs, i)
		}
	}
	return w
}

// evalClient evaluates the provider and, for sts.New, the client configs
// of an STS constructor call.
func (c *checker) evalClient(call *ast.CallExpr, ctor *types.Func) (v1Sess, v1Conf) {
	var cfgs []ast.Expr
	if ctor.Name() == "New" {
		cfgs = call.Args[1:]
	}
	return c.evalProviderConfigs(call.Args[0], cfgs, call.Ellipsis.IsValid())
}

// evalProviderConfigs merges configs on top of the provider's; spread
// marks a cfgs... argument list, whose contents are unknown.
func (c *checker) evalProviderConfigs(provider ast.Expr, cfgs []ast.Expr, spread bool) (v1Sess, v1Conf) {
	sess := c.evalProvider(provider, 0)
	conf := sess.conf
	for _, a := range cfgs {
		cc, _ := c.evalConfig(a, 0)
		conf.merge(cc)
	}
	if spread && len(cfgs) > 0 {
		conf.opaque = true
	}
	return sess, conf
}

// judge decides whether an STS client built from sess with the merged
// configuration conf calls the global endpoint, and reports at node at.
func (c *checker) judge(call ast.Node, what string, sess v1Sess, conf v1Conf, mkFix func() *analysis.SuggestedFix) {
	if r := conf.region; r != nil && r.known && !conf.variant && !conf.endpoint {
		// aws-global and an empty Region resolve to the global host even
		// with the regional setting.
		switch r.value {
		case sdk.GlobalRegion:
			c.report(GlobalPseudoRgn, r.expr, "Region aws-global reaches an aws-sdk-go v1 STS "+what+": it always selects the global endpoint sts.amazonaws.com (us-east-1), whatever STSRegionalEndpoint says; use a real Region (from AWS_REGION, shared config or instance metadata)", nil)
			return
		case "":
			c.report(GlobalPseudoRgn, r.expr, "empty Region reaches an aws-sdk-go v1 STS "+what+": v1 resolves STS without a Region to the global endpoint sts.amazonaws.com (us-east-1) instead of failing; set a real Region", nil)
			return
		}
	}
	switch {
	case conf.mode == modeRegional, conf.mode == modeDynamic:
		return
	case conf.mode == modeLegacy:
		return // STS004 reports the explicit legacy setting itself.
	case c.envRegional && (sess.honoursEnv || sess.conf.opaque):
		// os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional") in the
		// package (typically in init) reaches every session built
		// afterwards, except those of session.New.
		return
	case c.cfg.AssumeEnvRegional && (sess.honoursEnv || sess.conf.opaque):
		return // The user vouches for the environment.
	case conf.variant, conf.endpoint:
		return
	}
	if r := conf.region; r != nil && r.known && !sdk.LegacyRegions[r.value] {
		return // Outside the legacy list: resolves regionally.
	}
	fix := mkFix()
	const stopGap = "; migrating to aws-sdk-go-v2, regional by default, is the lasting fix"
	if r := conf.region; r != nil {
		region := "set at runtime"
		if r.known {
			region = strconv.Quote(r.value)
		}
		c.report(V1RegionTrap, call, "aws-sdk-go v1 STS "+what+" calls the global endpoint sts.amazonaws.com although its Region is "+region+
			": in aws-sdk-go v1 setting Region does not move STS off the global endpoint; also set STSRegionalEndpoint to endpoints.RegionalSTSEndpoint"+stopGap, fix)
		return
	}
	src := "its session does not set STSRegionalEndpoint to endpoints.RegionalSTSEndpoint"
	if sess.origin != "" {
		src = sess.origin + " is not provably configured with STSRegionalEndpoint: endpoints.RegionalSTSEndpoint"
	}
	c.report(V1NotRegional, call, "aws-sdk-go v1 STS "+what+" may call the global endpoint sts.amazonaws.com (us-east-1): "+src+
		", and v1 defaults to the legacy global endpoint"+stopGap, fix)
}

// v1ClientFix prefers fixing the session where it is built (that also moves
// the STS clients the session builds internally for web identity and
// assume-role profiles), else pins this client.
func (c *checker) v1ClientFix(call *ast.CallExpr, fn *types.Func, sess v1Sess) *analysis.SuggestedFix {
	const msg = "Set STSRegionalEndpoint to endpoints.RegionalSTSEndpoint"
	if sess.fix != nil {
		// The session may be built in another file: the fix computes its
		// qualifiers and import edits against that file.
		if edits, ok := sess.fix(); ok {
			return suggested(msg, nil, edits...)
		}
	}
	im := c.imports(call.Pos())
	switch fn.Name() {
	case "New":
		edits, ok := c.addConfigArg(call, im)
		if !ok {
			return nil
		}
		return suggested(msg+" on this client", im, edits...)
	default:
		p := call.Args[0]
		if !sdk.IsNamed(c.pass.TypesInfo.TypeOf(p), sdk.V1Session, "Session") {
			if fn.Name() != "NewCredentials" {
				return nil
			}
			// NewCredentials(p, …) is NewCredentialsWithClient(sts.New(p), …).
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			stsq := im.Qualifier(sdk.V1STS, "sts")
			var edits []analysis.TextEdit
			if ok {
				edits = append(edits, fix.Replace(sel.Sel, "NewCredentialsWithClient"))
			} else if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
				edits = append(edits, fix.Replace(id, "NewCredentialsWithClient"))
			}
			edits = append(edits,
				fix.Insert(p.Pos(), stsq+"New("),
				fix.Insert(p.End(), ", "+regionalConfigLit(im)+")"))
			return suggested("Build the STS client with STSRegionalEndpoint set to endpoints.RegionalSTSEndpoint", im, edits...)
		}
		text := ".Copy(" + regionalConfigLit(im) + ")"
		edits := []analysis.TextEdit{fix.Insert(p.End(), text)}
		if !isSimpleOperand(p) {
			edits = []analysis.TextEdit{fix.Insert(p.Pos(), "("), fix.Insert(p.End(), ")"+text)}
		}
		return suggested("Copy the session with STSRegionalEndpoint set to endpoints.RegionalSTSEndpoint", im, edits...)
	}
}

func isSimpleOperand(e ast.Expr) bool {
	switch ast.Unparen(e).(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr, *ast.IndexExpr:
		return true
	}
	return false
}

// addConfigArg adds the regional setting to a call taking ...*aws.Config:
// into its last &aws.Config{…} literal or NewConfig chain, else as a new
// argument. It fails for a spread (cfgs...) argument list.
func (c *checker) addConfigArg(call *ast.CallExpr, im *fix.Imports) ([]analysis.TextEdit, bool) {
	if call.Ellipsis.IsValid() {
		return nil, false
	}
	if n := len(call.Args); n > 0 {
		last := ast.Unparen(call.Args[n-1])
		if u, ok := last.(*ast.UnaryExpr); ok && u.Op == token.AND {
			if lit, ok := ast.Unparen(u.X).(*ast.CompositeLit); ok && sdk.IsNamed(c.pass.TypesInfo.TypeOf(lit), sdk.V1AWS, "Config") {
				return c.insertField(lit, "STSRegionalEndpoint: "+regionalValue(im))
			}
		}
		if c.isConfigChain(last) {
			return []analysis.TextEdit{fix.Insert(last.End(), ".WithSTSRegionalEndpoint("+regionalValue(im)+")")}, true
		}
		// Only *aws.Config arguments may follow (sts.New(sess, cfgs...),
		// session.NewSession(cfgs...)); the provider is Args[0] of sts.New.
		return []analysis.TextEdit{fix.Insert(call.Args[n-1].End(), ", "+regionalConfigLit(im))}, true
	}
	return []analysis.TextEdit{fix.Insert(call.Lparen+1, regionalConfigLit(im))}, true
}

// isConfigChain reports whether e is aws.NewConfig() or a With* chain on it.
func (c *checker) isConfigChain(e ast.Expr) bool {
	for {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return false
		}
		fn := c.callee(call)
		switch {
		case fn == nil:
			return false
		case sdk.IsFunc(fn, sdk.V1AWS, "NewConfig"):
			return true
		case sdk.Path(fn.Pkg()) == sdk.V1AWS && len(fn.Name()) > 4 && fn.Name()[:4] == "With":
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

// insertField adds "text" as a new element of a keyed composite literal,
// keeping its layout: inline for one-line literals, a new line otherwise.
func (c *checker) insertField(lit *ast.CompositeLit, text string) ([]analysis.TextEdit, bool) {
	if len(lit.Elts) == 0 {
		return []analysis.TextEdit{fix.Insert(lit.Lbrace+1, text)}, true
	}
	last := lit.Elts[len(lit.Elts)-1]
	if _, ok := last.(*ast.KeyValueExpr); !ok {
		return nil, false // positional literal
	}
	tf := c.pass.Fset.File(lit.Pos())
	if tf.Line(last.End()) == tf.Line(lit.Rbrace) {
		return []analysis.TextEdit{fix.Insert(last.End(), ", "+text)}, true
	}
	src := c.source(tf.Name())
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

// evalProvider evaluates the client.ConfigProvider argument of an STS
// constructor.
func (c *checker) evalProvider(e ast.Expr, depth int) v1Sess {
	if sdk.IsNamed(c.pass.TypesInfo.TypeOf(e), sdk.V1Session, "Session") {
		return c.evalSession(e, depth)
	}
	return opaqueSess("the config provider " + exprString(e))
}

func opaqueSess(origin string) v1Sess {
	return v1Sess{conf: v1Conf{opaque: true}, origin: origin}
}

// evalSession follows a *session.Session expression to its construction.
func (c *checker) evalSession(e ast.Expr, depth int) v1Sess {
	if depth > maxDepth {
		return opaqueSess("the session " + exprString(e))
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CallExpr:
		return c.evalSessionCall(x, depth)
	case *ast.Ident:
		if v := c.localVar(x); v != nil {
			return c.evalSessionVar(v, depth)
		}
	case *ast.SelectorExpr:
		// pkg.Sess: a package-level session of another package.
		if v, ok := c.pass.TypesInfo.Uses[x.Sel].(*types.Var); ok && !v.IsField() {
			if f, ok := c.varFact(v); ok {
				return f.sess("the session " + exprString(x))
			}
		}
	}
	return opaqueSess("the session " + exprString(e))
}

// evalSessionVar follows a session variable through its assignments.
func (c *checker) evalSessionVar(v *types.Var, depth int) v1Sess {
	defs := c.defs[v]
	if c.params[v] && len(defs) == 0 {
		// A parameter: unknown, but stores through it still count
		// (sess.Config.STSRegionalEndpoint = …).
		s := opaqueSess("the session parameter " + v.Name())
		c.applySets(&s.conf, v, "Config.", depth)
		return s
	}
	if len(defs) == 0 {
		if f, ok := c.varFact(v); ok {
			return f.sess("the session " + v.Name())
		}
		return opaqueSess("the session " + v.Name())
	}
	{
		alts := make([]v1Sess, 0, len(defs))
		confs := make([]v1Conf, 0, len(defs))
		for _, d := range defs {
			if d.index == zeroValue && len(defs) > 1 {
				continue // var sess *session.Session, assigned below
			}
			if d.rhs == nil || d.index > 0 {
				return opaqueSess("the session " + v.Name())
			}
			ds := c.evalSession(d.rhs, depth+1)
			alts = append(alts, ds)
			confs = append(confs, ds.conf)
		}
		idx := pickAlternative(confs)
		s := alts[idx]
		s.conf = confs[idx]
		if len(defs) > 1 {
			s.fix = nil
		}
		c.applySets(&s.conf, v, "Config.", depth)
		return s
	}
}

func (c *checker) evalSessionCall(call *ast.CallExpr, depth int) v1Sess {
	fn := c.callee(call)
	if fn == nil {
		return opaqueSess("the session " + exprString(call))
	}
	switch {
	case sdk.IsFunc(fn, sdk.V1Session, "Must"):
		if len(call.Args) >= 1 {
			return c.evalSession(call.Args[0], depth+1)
		}
	case sdk.IsFunc(fn, sdk.V1Session, "NewSession"), sdk.IsFunc(fn, sdk.V1Session, "New"):
		s := v1Sess{honoursEnv: fn.Name() == "NewSession"}
		for _, a := range call.Args {
			cc, _ := c.evalConfig(a, depth+1)
			s.conf.merge(cc)
		}
		if call.Ellipsis.IsValid() {
			s.conf.opaque = true
			s.origin = "the session built from " + exprString(call.Args[len(call.Args)-1]) + "..."
		}
		s.fix = c.configArgFix(call)
		return s
	case sdk.IsFunc(fn, sdk.V1Session, "NewSessionWithOptions"):
		if len(call.Args) == 1 {
			return c.evalOptions(call.Args[0], depth+1)
		}
	case sdk.IsMethod(fn, sdk.V1Session, "Session", "Copy"):
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			break
		}
		s := c.evalSession(sel.X, depth+1)
		for _, a := range call.Args {
			cc, _ := c.evalConfig(a, depth+1)
			s.conf.merge(cc)
		}
		if call.Ellipsis.IsValid() {
			s.conf.opaque = true
		}
		s.fix = c.configArgFix(call)
		return s
	}
	if f, ok := c.funcFact(fn, depth+1); ok {
		return f.sess("the session returned by " + fn.Name())
	}
	return opaqueSess("the session returned by " + fn.Name())
}

// configArgFix returns a fix that adds the regional setting to the configs
// of a session constructor call.
func (c *checker) configArgFix(call *ast.CallExpr) func() ([]analysis.TextEdit, bool) {
	if call.Ellipsis.IsValid() {
		return nil
	}
	return func() ([]analysis.TextEdit, bool) {
		im := c.imports(call.Pos())
		edits, ok := c.addConfigArg(call, im)
		if !ok || !im.OK() {
			return nil, false
		}
		return append(edits, im.Edits()...), true
	}
}

// evalOptions evaluates a session.Options value.
func (c *checker) evalOptions(e ast.Expr, depth int) v1Sess {
	e = ast.Unparen(e)
	s := v1Sess{honoursEnv: true}
	switch x := e.(type) {
	case *ast.CompositeLit:
		if _, kv := elemWithKey(x, "Config"); kv != nil {
			cc, _ := c.evalConfig(kv.Value, depth+1)
			s.conf.merge(cc)
			if lit, ok := ast.Unparen(kv.Value).(*ast.CompositeLit); ok {
				s.fix = c.literalFix(lit)
			}
		} else {
			s.fix = func() ([]analysis.TextEdit, bool) {
				im := c.imports(x.Pos())
				text := "Config: " + im.Qualifier(sdk.V1AWS, "aws") + "Config{STSRegionalEndpoint: " + regionalValue(im) + "}"
				edits, ok := c.insertField(x, text)
				if !ok || !im.OK() {
					return nil, false
				}
				return append(edits, im.Edits()...), true
			}
		}
		return s
	case *ast.Ident:
		v := c.localVar(x)
		if v == nil || c.params[v] || len(c.defs[v]) != 1 || c.defs[v][0].index != -1 {
			break
		}
		s = c.evalOptions(c.defs[v][0].rhs, depth+1)
		c.applySets(&s.conf, v, "Config.", depth)
		return s
	}
	return opaqueSess("the session options " + exprString(e))
}

// literalFix adds the regional field to an aws.Config literal.
func (c *checker) literalFix(lit *ast.CompositeLit) func() ([]analysis.TextEdit, bool) {
	return func() ([]analysis.TextEdit, bool) {
		im := c.imports(lit.Pos())
		edits, ok := c.insertField(lit, "STSRegionalEndpoint: "+regionalValue(im))
		if !ok || !im.OK() {
			return nil, false
		}
		return append(edits, im.Edits()...), true
	}
}

// evalConfig evaluates a *aws.Config or aws.Config expression. ok is false
// when the expression is not one the analyzer understands (conf is then
// opaque).
func (c *checker) evalConfig(e ast.Expr, depth int) (v1Conf, bool) {
	if depth > maxDepth {
		return v1Conf{opaque: true}, false
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return c.evalConfig(x.X, depth+1)
		}
	case *ast.StarExpr:
		return c.evalConfig(x.X, depth+1)
	case *ast.CompositeLit:
		var conf v1Conf
		for _, elt := range x.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if id, ok := kv.Key.(*ast.Ident); ok {
				c.applyField(&conf, id.Name, kv.Value, depth)
			}
		}
		return conf, true
	case *ast.CallExpr:
		fn := c.callee(x)
		switch {
		case fn == nil:
		case sdk.IsFunc(fn, sdk.V1AWS, "NewConfig"):
			return v1Conf{}, true
		case sdk.Path(fn.Pkg()) == sdk.V1AWS && fn.Signature().Recv() != nil:
			// A With* setter chain.
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok {
				break
			}
			conf, ok := c.evalConfig(sel.X, depth+1)
			if field, known := v1Setters[fn.Name()]; known && len(x.Args) == 1 {
				c.applyField(&conf, field, x.Args[0], depth)
			}
			return conf, ok
		case sdk.IsFunc(fn, sdk.V1Request, "WithRetryer"):
			if len(x.Args) == 2 {
				return c.evalConfig(x.Args[0], depth+1)
			}
		default:
			if f, ok := c.funcFact(fn, depth+1); ok {
				return f.sess("").conf, true
			}
		}
	case *ast.SelectorExpr:
		// sess.Config
		if sel, ok := c.pass.TypesInfo.Selections[x]; ok && sel.Kind() == types.FieldVal &&
			x.Sel.Name == "Config" && sdk.IsNamed(sel.Recv(), sdk.V1Session, "Session") {
			return c.evalSession(x.X, depth+1).conf, true
		}
	case *ast.Ident:
		if v := c.localVar(x); v != nil {
			return c.evalConfigVar(v, depth)
		}
	}
	return v1Conf{opaque: true}, false
}

// pickAlternative chooses which of several assignments to one variable
// decides the verdict. Code that selects the regional endpoint whenever it
// sets a Region (if region != "" { sess = sess.Copy(regional + region) })
// is regional: without a Region in code, v1 cannot resolve regionally
// anyway. Otherwise the weakest alternative decides, and a Region set by
// any alternative counts (cfg = cfg.WithRegion(r) behind an if).
func pickAlternative(alts []v1Conf) int {
	regional, weakest := -1, -1
	noRegionElsewhere := true
	for i, a := range alts {
		switch {
		case a.mode == modeRegional || a.mode == modeDynamic:
			if regional < 0 {
				regional = i
			}
		default:
			if weakest < 0 {
				weakest = i
			}
			if a.region != nil || a.opaque {
				noRegionElsewhere = false
			}
		}
	}
	switch {
	case weakest < 0:
		return 0
	case regional >= 0 && noRegionElsewhere:
		return regional
	}
	if alts[weakest].region == nil {
		for i, a := range alts {
			if a.region != nil {
				alts[weakest].region = alts[i].region
				break
			}
		}
	}
	return weakest
}

// evalConfigVar follows a config variable through its assignments and
// field stores.
func (c *checker) evalConfigVar(v *types.Var, depth int) (v1Conf, bool) {
	if c.params[v] && len(c.defs[v]) == 0 {
		conf := v1Conf{opaque: true}
		c.applySets(&conf, v, "", depth)
		return conf, false
	}
	if len(c.defs[v]) == 0 {
		if f, ok := c.varFact(v); ok {
			return f.sess("").conf, true
		}
		return v1Conf{opaque: true}, false
	}
	var confs []v1Conf
	for _, d := range c.defs[v] {
		if d.index == zeroValue && len(c.defs[v]) > 1 {
			continue // var cfg *aws.Config, assigned below
		}
		if d.rhs == nil || d.index != -1 {
			return v1Conf{opaque: true}, false
		}
		dc, _ := c.evalConfig(d.rhs, depth+1)
		confs = append(confs, dc)
	}
	conf := confs[pickAlternative(confs)]
	c.applySets(&conf, v, "", depth)
	return conf, true
}

// applySets applies the field stores recorded for v (with the given path
// prefix, "Config." for sessions and options) to conf.
func (c *checker) applySets(conf *v1Conf, v *types.Var, prefix string, depth int) {
	for _, s := range c.sets[v] {
		if len(s.path) > len(prefix) && s.path[:len(prefix)] == prefix {
			c.applyField(conf, s.path[len(prefix):], s.value, depth)
		}
	}
}

// applyField applies one aws.Config field value.
func (c *checker) applyField(conf *v1Conf, field string, value ast.Expr, depth int) {
	if value == nil {
		return
	}
	switch field {
	case "STSRegionalEndpoint":
		if n, ok := c.constInt(value, depth+1); ok {
			switch n {
			case sdk.STSLegacy:
				conf.mode = modeLegacy
			case sdk.STSRegional:
				conf.mode = modeRegional
			}
		} else {
			conf.mode = modeDynamic
		}
	case "Region":
		r := &regionVal{expr: value}
		if s, ok := c.constString(c.unwrapPtr(value)); ok {
			r.value, r.known = s, true
		}
		conf.region = r
	case "Endpoint":
		// Only a non-empty constant is provably an override: a value
		// from configuration (cfg.STSEndpoint) is often empty, and v1 then
		// resolves STS the legacy way.
		if s, ok := c.constString(c.unwrapPtr(value)); ok && s != "" {
			conf.endpoint = true
		}
	case "UseFIPSEndpoint", "UseDualStackEndpoint":
		if n, ok := c.constInt(c.unwrapPtr(value), depth+1); ok && n == 1 {
			conf.variant = true
		} else if b, ok := c.constBool(value); ok && b {
			conf.variant = true // WithUseFIPSEndpoint(true)
		}
	}
}

// exprString renders a short description of e for messages.
func exprString(e ast.Expr) string {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return exprString(x.X) + "." + x.Sel.Name
	case *ast.CallExpr:
		return exprString(x.Fun) + "(…)"
	case *ast.StarExpr:
		return "*" + exprString(x.X)
	}
	return "value"
}
