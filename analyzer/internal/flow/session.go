package flow

// Provenance of aws-sdk-go v1 sessions and configs: for each STS client or
// STS credential provider, where its session and configs were built and
// with which settings (Region, STSRegionalEndpoint, Endpoint, FIPS or
// dual-stack), followed through variables, Copy, setter chains, field
// stores, helpers of this package and, through facts, of other packages.

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// Mode is where an STS client's calls go, as far as the analysis can tell.
type Mode int

// The endpoint modes.
const (
	// Unknown: the session or config is built where the analysis cannot
	// see (a parameter, another package without a fact, a spread list).
	Unknown Mode = iota
	// Regional: provably a regional endpoint.
	Regional
	// Global: the Region aws-global or an empty Region, global whatever the
	// STS setting.
	Global
	// LegacyGlobal: aws-sdk-go v1's legacy STS mode (the default, or set
	// explicitly) with a Region in the legacy list or no Region in code.
	LegacyGlobal
	// Explicit: the code chooses the endpoint itself (an Endpoint override,
	// a FIPS or dual-stack variant, or STSRegionalEndpoint from a runtime
	// value).
	Explicit
	// Conditional: regional on some paths, legacy on others.
	Conditional
)

var modeNames = [...]string{"unknown", "regional", "global", "legacy-global", "explicit", "conditional"}

// String returns the mode's name.
func (m Mode) String() string {
	if int(m) < len(modeNames) {
		return modeNames[m]
	}
	return "mode?"
}

// Region is a Region setting: Known reports whether Value is the constant
// Region; Expr is where it is set (nil when it comes from a fact).
type Region struct {
	Expr  ast.Expr
	Value string
	Known bool
}

// OriginKind says what an Origin node is.
type OriginKind int

// The origin kinds.
const (
	// OriginConfigArgs: a call taking ...*aws.Config (session.NewSession,
	// session.New, (*session.Session).Copy) with no spread argument.
	OriginConfigArgs OriginKind = iota
	// OriginConfigLit: the aws.Config literal of a session.Options.
	OriginConfigLit
	// OriginOptionsLit: a session.Options literal without a Config.
	OriginOptionsLit
)

// An Origin is where a session is built: the node a fix edits to make it
// regional.
type Origin struct {
	Kind OriginKind
	Node ast.Node
}

// A Client is one aws-sdk-go v1 STS client or STS credential provider
// construction and the verdict on its endpoint.
type Client struct {
	// Call is where the client is built: the constructor call, or a call of
	// a helper of this package that builds it from its arguments.
	Call *ast.CallExpr
	// At is where a finding belongs: Call, or the caller of a helper
	// judged caller by caller (see Caller).
	At ast.Node
	// Via is, for a Conditional client, the session built without the
	// regional setting on the path that calls the global endpoint: the
	// other end of the finding, where its fix goes.
	Via ast.Node
	// Condition says when a Conditional client calls the global endpoint
	// (`when region != "" is false`).
	Condition Cond
	// Ctor is the SDK constructor (sts.New, stscreds.NewCredentials …).
	Ctor *types.Func
	// What names what is built ("client", "credential provider (built by
	// newClient)").
	What string
	// BuiltBy is, for a provider built inside an SDK-wrapping function of
	// another package (WrapperFact), that function or function variable.
	BuiltBy types.Object
	// Mode is where its calls go.
	Mode Mode
	// Region is the Region set in code, if any.
	Region *Region
	// Endpoint is the Endpoint value set in code, if any: only a non-empty
	// constant makes the client Explicit today; a runtime value is left to
	// the session's verdict.
	Endpoint ast.Expr
	// ExplicitLegacy reports that STSRegionalEndpoint is set to
	// LegacySTSEndpoint in code.
	ExplicitLegacy bool
	// Source names a session the analysis cannot see into (the session
	// parameter sess), if any.
	Source Opaque
	// Origin is the construction of the session, if a fix may edit it.
	Origin *Origin
	// Caller reports that At is where a caller passes (or a constructor
	// stores) the value that decides this verdict, the construction
	// being in a helper judged caller by caller.
	Caller bool
	// Helper reports that Call is a call of a helper function;
	// HelperConfigs that the helper takes ...*aws.Config passed to the
	// constructor.
	Helper, HelperConfigs bool
	// Cause says why the mode was chosen.
	Cause Cause
	// Pinned reports that an explicit Endpoint or a FIPS or dual-stack
	// variant decides the host, not the Region.
	Pinned bool
	// HonoursEnv reports that the session reads AWS_STS_REGIONAL_ENDPOINTS
	// and the shared config (every constructor but session.New), so the
	// legacy default can be changed where the program runs.
	HonoursEnv bool
	// EnvChosen reports that the client is Explicit because the code
	// leaves STSRegionalEndpoint to AWS_STS_REGIONAL_ENDPOINTS only on
	// paths where the variable is set, and the session reads it.
	EnvChosen bool
	// Inner is, for a Helper call, the constructor call inside the helper.
	Inner *ast.CallExpr
	// Setting is the STSRegionalEndpoint value that decides the mode, and
	// Override the constant Endpoint or the FIPS/dual-stack setting that
	// bypasses the legacy mapping, where the code sets them (nil otherwise).
	Setting, Override ast.Expr
}

// sess is what the analysis knows about a session (or other
// client.ConfigProvider).
type sess struct {
	conf       conf
	origin     Opaque // names an opaque session for messages
	honoursEnv bool   // reads AWS_STS_REGIONAL_ENDPOINTS (not session.New)
	// initBuilt marks a session held by a package variable of an imported
	// package: built while that package was initialised (env.go).
	initBuilt bool
	// readEnv is the call inside a helper of the package that built the
	// session returned by the helper, where it read the environment
	// (built stays nil: the session is the helper's, env.go).
	readEnv ast.Node
	fix     *Origin
	// built is the call that built the session (NewSession,
	// NewSessionWithOptions, New), where it read the environment.
	built ast.Node
	// other is the session on other paths, when it differs from this one in
	// being regional; mainWhen and otherWhen say when each path runs.
	other               *sess
	mainWhen, otherWhen Cond
}

// mergeConf merges c into the session's configuration on every path.
func (s *sess) mergeConf(c conf) {
	s.conf.merge(c)
	if s.other != nil {
		o := *s.other
		o.conf.merge(c)
		s.other = &o
	}
}

func opaqueSess(origin Opaque) sess {
	return sess{conf: conf{opaque: true}, origin: origin}
}

// V1Clients returns every aws-sdk-go v1 STS client and STS credential
// provider built in the package, with its verdict. A helper of this
// package that builds a client only from its parameters is judged at each
// of its calls, with the caller's arguments; one nobody calls is judged
// where it builds the client.
func (se *Sessions) V1Clients() []Client {
	if se.cDone {
		return se.clients
	}
	se.cDone = true
	// A helper may build clients in several places: keep them all.
	wrappers := map[types.Object][]*wrapper{}
	var wrapped []*wrapper
	for _, cur := range se.f.calls {
		call := cur.Node().(*ast.CallExpr)
		fn, entry := se.f.Lookup(call)
		if (entry.Role != sdk.V1STSClient && entry.Role != sdk.V1CredProvider) || len(call.Args) == 0 {
			continue
		}
		if w := se.asWrapper(cur, call, fn, entry); w != nil {
			wrappers[w.fn] = append(wrappers[w.fn], w)
			wrapped = append(wrapped, w)
			continue
		}
		scope := se.f.paths.funcAt(call.Pos())
		se.clients = append(se.clients, se.f.eval.byCaller(scope, Client{Call: call, Ctor: fn, What: entry.What},
			func() (sess, conf) { return se.evalClient(call, entry) })...)
	}
	se.f.wrapped = wrapped
	for _, cur := range se.f.calls {
		call := cur.Node().(*ast.CallExpr)
		ws := wrappers[se.calleeObject(call)]
		if callee := se.f.Callee(call); callee != nil && callee.Pkg() != nil && callee.Pkg() != se.f.pass.Pkg {
			ws = se.f.Facts.importedWrappers(callee)
		}
		for _, w := range ws {
			if len(call.Args) <= w.prov {
				continue
			}
			cl := se.wrapperCall(call, w)
			if finding(cl) && se.f.eval.openParam(call.Args[w.prov]) {
				// The caller passes its own parameter on, whose callers
				// the package cannot see: this call decides nothing,
				// and the helper is judged inside instead.
				w.passed = true
				continue
			}
			se.clients = append(se.clients, cl)
		}
	}
	for _, w := range wrapped {
		// An exported helper is judged at its callers, in this package
		// and, through its WrapperFact, in the packages that import it;
		// one nobody here calls, or that a caller passes its own open
		// parameter, inside as well.
		if !w.called || w.passed {
			s, c := se.evalClient(w.call, sdk.Lookup(w.ctor))
			se.clients = append(se.clients, se.verdict(Client{Call: w.call, Ctor: w.ctor, What: w.what}, s, c))
		}
	}
	return se.clients
}

// A wrapper is an unexported function of this package that builds an STS
// client only from its parameters (func newClient(p client.ConfigProvider,
// cfgs ...*aws.Config) *sts.STS { return sts.New(p, cfgs...) }), or an
// unexported package variable holding such a function literal (a seam
// tests replace): its callers decide the endpoint, so it is judged at
// each call.
type wrapper struct {
	fn       types.Object // the function, or the variable
	what     string
	call     *ast.CallExpr // the constructor call inside
	ctor     *types.Func
	prov     int   // parameter index of the provider
	cfgs     []int // parameter indexes of single configs
	variadic int   // index of the variadic config parameter, or -1
	// called reports a call that decides the client; passed a call
	// that only passes the caller's own open parameter on.
	called, passed bool
}

func (se *Sessions) asWrapper(cur inspector.Cursor, call *ast.CallExpr, ctor *types.Func, entry sdk.Entry) *wrapper {
	var (
		fn  types.Object
		sig *types.Signature
	)
	for e := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := e.Node().(type) {
		case *ast.FuncDecl:
			// An exported generic helper is judged inside: its callers
			// elsewhere instantiate it with providers of any type.
			if obj, ok := se.f.info.Defs[n.Name].(*types.Func); ok && obj.Name() != "main" && obj.Name() != "init" &&
				!(obj.Exported() && obj.Signature().TypeParams().Len() > 0) {
				fn, sig = obj, obj.Signature()
			}
		case *ast.FuncLit:
			if v := se.litVar(n); v != nil {
				fn, sig = v, v.Type().Underlying().(*types.Signature)
			}
		}
		break
	}
	if fn == nil {
		return nil
	}
	index := func(e ast.Expr) int {
		v := se.f.localVar(e)
		if v == nil || len(se.f.defs[v]) > 0 {
			return -1 // not a parameter, or reassigned
		}
		for i := 0; i < sig.Params().Len(); i++ {
			if sig.Params().At(i) == v {
				return i
			}
		}
		return -1
	}
	w := &wrapper{fn: fn, what: entry.What, call: call, ctor: ctor, prov: index(call.Args[0]), variadic: -1}
	if w.prov < 0 {
		return nil
	}
	if entry.Role == sdk.V1STSClient {
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

// litVar returns the unexported package variable whose only value in
// production code is the function literal lit (var newClient = func(…)
// {…}), or nil.
func (se *Sessions) litVar(lit *ast.FuncLit) *types.Var {
	for _, file := range se.f.pass.Files {
		for _, d := range file.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Names) != len(vs.Values) {
					continue
				}
				for i, name := range vs.Names {
					if ast.Unparen(vs.Values[i]) != lit {
						continue
					}
					v, ok := se.f.info.Defs[name].(*types.Var)
					if !ok || v.Exported() {
						return nil
					}
					for _, def := range se.f.defs[v] {
						if ast.Unparen(def.rhs) != lit && !se.f.eval.inTest(def.cur.Node()) {
							return nil // production code stores another value
						}
					}
					return v
				}
			}
		}
	}
	return nil
}

// calleeObject returns what a call calls: its function, or the package
// variable it calls through when that holds no known function.
func (se *Sessions) calleeObject(call *ast.CallExpr) types.Object {
	if fn := se.f.Callee(call); fn != nil {
		return fn
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if v, ok := se.f.info.Uses[id].(*types.Var); ok && v.Parent() == v.Pkg().Scope() {
			return v
		}
	}
	return nil
}

// wrapperCall judges the client a wrapper builds, with the arguments of
// one call of the wrapper.
func (se *Sessions) wrapperCall(call *ast.CallExpr, w *wrapper) Client {
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
	s, c := se.evalProviderConfigs(call.Args[w.prov], cfgs, call.Ellipsis.IsValid())
	cl := Client{
		Call: call, Ctor: w.ctor, What: w.what, BuiltBy: w.fn,
		Helper: true, HelperConfigs: w.variadic >= 0, Inner: w.call,
	}
	return se.verdict(cl, s, c)
}

// evalClient evaluates the provider and, for sts.New, the client configs
// of an STS constructor call.
func (se *Sessions) evalClient(call *ast.CallExpr, entry sdk.Entry) (sess, conf) {
	var cfgs []ast.Expr
	if entry.Role == sdk.V1STSClient {
		cfgs = call.Args[1:]
	}
	return se.evalProviderConfigs(call.Args[0], cfgs, call.Ellipsis.IsValid())
}

// evalProviderConfigs evaluates the provider and the client configs
// merged on top of it; spread marks a cfgs... argument list, whose
// contents are unknown.
func (se *Sessions) evalProviderConfigs(provider ast.Expr, cfgs []ast.Expr, spread bool) (sess, conf) {
	s := se.evalProvider(provider, 0)
	var cm conf
	for _, a := range cfgs {
		cc, _ := se.evalConfig(a, 0)
		cm.merge(cc)
	}
	if spread && len(cfgs) > 0 {
		cm.opaque = true
	}
	return s, cm
}

// A path is one way a client's session and configuration may be built.
type path struct {
	s    sess
	c    conf
	when Cond
}

// verdict decides where a client built from session s with the client
// configs cm sends its STS calls. When some paths are regional and others
// not, the client is Conditional, and Via is the session built on the
// other path.
func (se *Sessions) verdict(cl Client, s sess, cm conf) Client {
	var paths []path
	add := func(s sess, when Cond) {
		c := s.conf
		c.merge(cm)
		if when.Kind == CondNone {
			when = c.mainWhen
		}
		paths = append(paths, path{s, c.flat(), when})
		if c.other != nil {
			paths = append(paths, path{s, c.other.flat(), c.otherWhen})
		}
	}
	add(s, s.mainWhen)
	if s.other != nil {
		add(*s.other, s.otherWhen)
	}
	first := se.decide(cl, paths[0].s, paths[0].c)
	for _, p := range paths {
		v := se.decide(cl, p.s, p.c)
		if finding(v) == finding(first) {
			continue
		}
		// Paths disagree: report the one that calls the global endpoint.
		if !finding(v) {
			v, p = first, paths[0]
		}
		v.Mode, v.Condition = Conditional, p.when
		v.Cause = CauseSomePaths
		if p.s.built != nil {
			v.Via = p.s.built
		}
		return v
	}
	return first
}

// finding reports whether a verdict may call the global endpoint.
func finding(cl Client) bool {
	switch cl.Mode {
	case Unknown, Global, LegacyGlobal:
		return true
	}
	return false
}

// decide decides one path: a client built from session s with the merged
// configuration c.
func (se *Sessions) decide(cl Client, s sess, c conf) Client {
	c = c.settled()
	cl.At = cl.Call
	cl.Region = c.region
	cl.Pinned = c.endpoint || c.variant
	cl.Endpoint = c.endpointExpr
	cl.Setting, cl.Override, cl.HonoursEnv = c.setting, c.override, s.honoursEnv
	cl.Source = s.origin
	cl.Origin = s.fix
	cl.Mode = Unknown
	if s.conf.opaque || c.opaque {
		cl.Cause = CauseOpaque
	}
	if r := c.region; r != nil && r.Known && !c.variant && !c.endpoint {
		// aws-global and an empty Region resolve to the global host even
		// with the regional setting (aws/endpoints/v3model.go: the
		// aws-global endpoint of sts, and an empty Region falling back to
		// the partition's global endpoint).
		switch r.Value {
		case sdk.GlobalRegion:
			cl.Mode, cl.Cause = Global, CauseGlobalRegion
			return cl
		case "":
			cl.Mode, cl.Cause = Global, CauseEmptyRegion
			return cl
		}
	}
	switch {
	case c.mode == modeRegional:
		cl.Mode, cl.Cause = Regional, CauseSettingRegional
		return cl
	case c.mode == modeDynamic:
		cl.Mode, cl.Cause = Explicit, CauseSettingRuntime
		return cl
	case c.mode == modeLegacy:
		if cl.Ctor != nil {
			se.noteLegacy(c) // a client, not a session's credential chain
		}
		cl.Mode, cl.ExplicitLegacy, cl.Cause = LegacyGlobal, true, CauseSettingLegacy
		if r := c.region; r != nil && r.Known && !sdk.LegacyRegions[r.Value] {
			// The legacy map covers only the legacy Regions
			// (aws/endpoints/v3model.go isLegacyGlobalRegion).
			cl.Mode, cl.Cause = Regional, CauseSettingLegacyOutside
		}
		return cl
	}
	// The setting in code wins over the environment
	// (aws/session/session.go mergeConfigSrcs); without one, what the
	// program sets in the environment before the session counts (env.go).
	switch regional, legacy := se.f.Env.envMode(s); {
	case regional:
		cl.Mode, cl.Cause = Regional, CauseEnvRegional
		return cl
	case se.opts.AssumeEnvRegional && (s.honoursEnv || s.conf.opaque):
		cl.Mode, cl.Cause = Regional, CauseAssumedEnv
		return cl
	case c.variant, c.endpoint:
		cl.Mode, cl.Cause = Explicit, CauseEndpoint
		return cl
	case legacy:
		cl.Mode, cl.ExplicitLegacy, cl.Cause = LegacyGlobal, true, CauseEnvLegacy
		return cl
	case c.envSet && !s.conf.opaque && !c.opaque && (s.honoursEnv || s.built != nil && se.f.Env.envSwitched(s.built)):
		// The path runs only when the operator set the variable, and the
		// session reads it (envguard.go).
		cl.Mode, cl.EnvChosen, cl.Cause = Explicit, true, CauseEnvChosen
		return cl
	}
	if r := c.region; r != nil && r.Known && !sdk.LegacyRegions[r.Value] {
		cl.Mode, cl.Cause = Regional, CauseRegionOutside
		return cl
	}
	if cl.Cause == CauseNone {
		cl.Mode, cl.Cause = LegacyGlobal, CauseLegacyDefault
	}
	return cl
}

// evalProvider evaluates the client.ConfigProvider argument of an STS
// constructor.
func (se *Sessions) evalProvider(e ast.Expr, depth int) sess {
	if sdk.IsNamed(se.f.info.TypeOf(e), sdk.V1Session, "Session") {
		return se.evalSession(e, depth)
	}
	return opaqueSess(opaqueExpr(OpaqueProvider, e))
}

// evalSession follows a *session.Session expression to its construction.
func (se *Sessions) evalSession(e ast.Expr, depth int) sess {
	if depth > maxDepth {
		return opaqueSess(opaqueExpr(OpaqueSession, e))
	}
	e = ast.Unparen(e)
	s := se.evalSessionSyntax(e, depth)
	if s.conf.opaque && s.fix == nil && s.built == nil && !se.f.eval.openParamIdent(e) {
		// A parameter, a field, a closure's variable, a helper's result:
		// what reaches it on SSA.
		if t, ok := se.f.eval.ssaSession(e, depth); ok {
			return t
		}
	}
	return s
}

// evalSessionSyntax evaluates a session expression by its syntax and the
// package's assignments.
func (se *Sessions) evalSessionSyntax(e ast.Expr, depth int) sess {
	switch x := e.(type) {
	case *ast.CallExpr:
		return se.evalSessionCall(x, depth)
	case *ast.Ident:
		if v := se.f.localVar(x); v != nil {
			return se.evalSessionVar(v, x.Pos(), depth)
		}
	case *ast.SelectorExpr:
		// pkg.Sess: a package-level session of another package.
		if v, ok := se.f.info.Uses[x.Sel].(*types.Var); ok && !v.IsField() {
			if fact, ok := se.f.Facts.varFact(v); ok {
				s := fact.sess(opaqueExpr(OpaqueSession, x))
				s.initBuilt = true
				return s
			}
		}
	}
	return opaqueSess(opaqueExpr(OpaqueSession, e))
}

// evalSessionVar follows a session variable to the values that may reach
// its use at pos, path by path (paths.go).
func (se *Sessions) evalSessionVar(v *types.Var, pos token.Pos, depth int) sess {
	key := use{v, pos}
	if s, ok := se.f.sessMemo[key]; ok {
		return s
	}
	s := se.evalSessionVarPaths(v, pos, depth)
	se.f.sessMemo[key] = s
	return s
}

func (se *Sessions) evalSessionVarPaths(v *types.Var, pos token.Pos, depth int) sess {
	r := se.f.paths.reaching(v, pos)
	var alts []sess
	var branches []*branch
	add := func(s sess, b *branch) {
		alts, branches = append(alts, s), append(branches, b)
	}
	switch {
	case r.base != nil && (r.base.index != zeroValue || len(r.conds) == 0):
		s := se.defSession(v, r.base, depth)
		se.applySets(&s.conf, r.sets, "Config.", depth)
		add(s, nil)
	case r.base == nil && !r.killed && (len(r.conds) == 0 || se.f.params[v]):
		s := opaqueSess(opaqueObj(OpaqueSession, v))
		if se.f.params[v] {
			// A parameter: unknown, but stores through it still count
			// (sess.Config.STSRegionalEndpoint = …).
			s.origin = opaqueObj(OpaqueSessionParam, v)
		} else if fact, ok := se.f.Facts.varFact(v); ok {
			s = fact.sess(opaqueObj(OpaqueSession, v))
			s.initBuilt = true
		}
		se.applySets(&s.conf, r.sets, "Config.", depth)
		add(s, nil)
	}
	for _, cd := range r.conds {
		if cd.d.index == zeroValue {
			continue // var sess *session.Session, assigned below
		}
		s := se.defSession(v, cd.d, depth)
		se.applySets(&s.conf, r.condSets[cd.d], "Config.", depth)
		se.applySets(&s.conf, after(r.sets, cd.d.at), "Config.", depth)
		b := cd.b
		add(s, &b)
	}
	if len(r.csets) > 0 && len(alts) > 0 {
		s := alts[0]
		s.fix = nil
		se.applySets(&s.conf, r.csets, "Config.", depth)
		b := r.csetBranch
		add(s, &b)
	}
	if len(alts) == 0 {
		return opaqueSess(opaqueObj(OpaqueSession, v))
	}
	se.f.Env.markEnvChosen(branches, func(i int) { alts[i].conf.envSet = true })
	safe := make([]bool, len(alts))
	for i, a := range alts {
		safe[i] = a.conf.safe()
	}
	main, other, mainWhen, otherWhen := se.f.paths.pick(safe, branches)
	s := alts[main]
	if other >= 0 {
		o := alts[other]
		s.other, s.mainWhen, s.otherWhen = &o, mainWhen, otherWhen
		return s
	}
	if len(alts) > 1 {
		// Several sessions may reach the use: no one construction to fix.
		s.fix = nil
		s.conf.region = borrowRegion(s.conf.region, alts)
	}
	return s
}

// borrowRegion returns r, or the Region of the first alternative that has
// one: a Region set on any path names the client's Region in messages.
func borrowRegion(r *Region, alts []sess) *Region {
	for _, a := range alts {
		if r != nil {
			break
		}
		r = a.conf.region
	}
	return r
}

// defSession evaluates one definition of a session variable.
func (se *Sessions) defSession(v *types.Var, d *def, depth int) sess {
	if d.rhs == nil || d.index > 0 {
		return opaqueSess(opaqueObj(OpaqueSession, v))
	}
	return se.evalSession(d.rhs, depth+1)
}

// after returns the stores of sets made after at.
func after(sets []*fieldSet, at token.Pos) []*fieldSet {
	var out []*fieldSet
	for _, s := range sets {
		if s.at > at {
			out = append(out, s)
		}
	}
	return out
}

func (se *Sessions) evalSessionCall(call *ast.CallExpr, depth int) sess {
	fn, entry := se.f.Lookup(call)
	if fn == nil {
		return opaqueSess(opaqueExpr(OpaqueSession, call))
	}
	switch entry.Role {
	case sdk.V1SessionMust:
		if len(call.Args) >= 1 {
			return se.evalSession(call.Args[0], depth+1)
		}
	case sdk.V1SessionNew:
		// NewSession merges its configs in order (aws/session/session.go:
		// opts.Config.MergeIn(cfgs...)).
		s := sess{honoursEnv: entry.EnvAware, built: call}
		for _, a := range call.Args {
			cc, _ := se.evalConfig(a, depth+1)
			s.conf.merge(cc)
		}
		if call.Ellipsis.IsValid() {
			if c, ok := se.f.eval.spreadConfigs(call.Args[len(call.Args)-1], depth); ok {
				s.conf.merge(c)
				return s
			}
			s.conf.opaque = true
			s.origin = opaqueExpr(OpaqueSpread, call.Args[len(call.Args)-1])
		} else {
			s.fix = &Origin{Kind: OriginConfigArgs, Node: call}
		}
		return s
	case sdk.V1SessionWithOptions:
		if len(call.Args) == 1 {
			s := se.evalOptions(call.Args[0], depth+1)
			s.built = call
			return s
		}
	case sdk.V1SessionCopy:
		// Copy merges its configs into a copy of the session's
		// (aws/session/session.go, Session.Copy); the environment was
		// read when the original was built.
		recv := se.f.eval.receiver(call)
		if recv == nil {
			break
		}
		s := se.evalSession(recv, depth+1)
		for _, a := range call.Args {
			cc, _ := se.evalConfig(a, depth+1)
			s.mergeConf(cc)
		}
		s.fix = nil
		if call.Ellipsis.IsValid() {
			s.conf.opaque = true
		} else {
			s.fix = &Origin{Kind: OriginConfigArgs, Node: call}
		}
		return s
	}
	fact, ok := se.f.Facts.callFact(call, fn, depth+1)
	if !ok {
		fact, ok = se.f.Facts.funcFact(fn, depth+1)
	}
	if ok {
		s := fact.sess(opaqueObj(OpaqueReturned, fn))
		if s.honoursEnv && fn.Pkg() == se.f.pass.Pkg {
			// The environment is read where the helper builds the
			// session, after what the helper itself sets (env.go).
			if t, ok := se.f.eval.ssaSession(call, depth); ok && t.built != nil && t.other == nil {
				s.readEnv = t.built
			}
		}
		return s
	}
	return opaqueSess(opaqueObj(OpaqueReturned, fn))
}

// evalOptions evaluates a session.Options value.
func (se *Sessions) evalOptions(e ast.Expr, depth int) sess {
	e = ast.Unparen(e)
	s := sess{honoursEnv: true}
	switch x := e.(type) {
	case *ast.CompositeLit:
		if _, kv := ElemWithKey(x, "Config"); kv != nil {
			cc, _ := se.evalConfig(kv.Value, depth+1)
			s.conf.merge(cc)
			if lit, ok := ast.Unparen(kv.Value).(*ast.CompositeLit); ok {
				s.fix = &Origin{Kind: OriginConfigLit, Node: lit}
			}
		} else {
			s.fix = &Origin{Kind: OriginOptionsLit, Node: x}
		}
		return s
	case *ast.Ident:
		v := se.f.localVar(x)
		if v == nil || se.f.params[v] || len(se.f.defs[v]) != 1 || se.f.defs[v][0].index != -1 {
			break
		}
		s = se.evalOptions(se.f.defs[v][0].rhs, depth+1)
		se.applySets(&s.conf, se.f.paths.reaching(v, x.Pos()).sets, "Config.", depth)
		return s
	}
	if depth <= maxDepth/2 {
		// A parameter, a field: the literals that reach it on SSA.
		if s, ok := se.ssaOptions(e, depth); ok {
			return s
		}
	}
	return opaqueSess(opaqueExpr(OpaqueOptions, e))
}

// ssaOptions evaluates a session.Options value through the literals that
// reach it: a struct value reaches as the literal the caller wrote (its
// fields are stored into a fresh variable, which the walk returns as the
// zero value with the literal as its expression).
func (se *Sessions) ssaOptions(e ast.Expr, depth int) (sess, bool) {
	r := se.f.eval.values(e)
	if r.Open || len(r.Leaves) == 0 {
		return sess{}, false
	}
	var alts []sess
	for _, l := range r.Leaves {
		lit, ok := ast.Unparen(exprOr(l)).(*ast.CompositeLit)
		if !ok || lit == e {
			return sess{}, false
		}
		alts = append(alts, se.evalOptions(lit, depth+1))
	}
	return combine(alts), true
}
