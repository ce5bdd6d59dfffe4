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
	// Ctor is the SDK constructor (sts.New, stscreds.NewCredentials …).
	Ctor *types.Func
	// What names what is built ("client", "credential provider (built by
	// newClient)").
	What string
	// Mode is where its calls go.
	Mode Mode
	// Region is the Region set in code, if any.
	Region *Region
	// ExplicitLegacy reports that STSRegionalEndpoint is set to
	// LegacySTSEndpoint in code.
	ExplicitLegacy bool
	// Source describes a session the analysis cannot see into, for
	// messages ("the session parameter sess"), or "".
	Source string
	// Origin is the construction of the session, if a fix may edit it.
	Origin *Origin
	// Helper reports that Call is a call of a helper function;
	// HelperConfigs that the helper takes ...*aws.Config passed to the
	// constructor.
	Helper, HelperConfigs bool
	// Reason says why the mode was chosen.
	Reason string
	// HonoursEnv reports that the session reads AWS_STS_REGIONAL_ENDPOINTS
	// and the shared config (every constructor but session.New), so the
	// legacy default can be changed where the program runs.
	HonoursEnv bool
	// Inner is, for a Helper call, the constructor call inside the helper.
	Inner *ast.CallExpr
	// Setting is the STSRegionalEndpoint value that decides the mode, and
	// Endpoint the explicit Endpoint or FIPS/dual-stack setting, where the
	// code sets them (nil otherwise).
	Setting, Endpoint ast.Expr
}

// stsMode is the value of aws.Config.STSRegionalEndpoint as far as the
// analysis can tell.
type stsMode uint8

const (
	modeUnset    stsMode = iota // not set: v1 treats it as legacy
	modeLegacy                  // explicitly endpoints.LegacySTSEndpoint
	modeRegional                // endpoints.RegionalSTSEndpoint
	modeDynamic                 // set from a value not known statically: a deliberate choice
)

// conf is the endpoint-relevant part of one or more merged aws.Configs.
type conf struct {
	mode     stsMode
	region   *Region
	endpoint bool // an explicit Endpoint bypasses the resolver
	variant  bool // FIPS or dual-stack: the legacy mapping does not apply
	opaque   bool // built somewhere the analysis cannot see

	setting  ast.Expr // the STSRegionalEndpoint value, if set in code
	override ast.Expr // the Endpoint or variant value, if set in code
}

// merge applies b on top of a the way aws.Config.MergeIn does: set fields
// win, unset ones leave a alone (aws/config.go mergeInConfig).
func (a *conf) merge(b conf) {
	if b.mode != modeUnset {
		a.mode, a.setting = b.mode, b.setting
	}
	if b.override != nil {
		a.override = b.override
	}
	if b.region != nil {
		a.region = b.region
	}
	a.endpoint = a.endpoint || b.endpoint
	a.variant = a.variant || b.variant
	a.opaque = a.opaque || b.opaque
}

// sess is what the analysis knows about a session (or other
// client.ConfigProvider).
type sess struct {
	conf       conf
	origin     string // describes an opaque session for messages
	honoursEnv bool   // reads AWS_STS_REGIONAL_ENDPOINTS (not session.New)
	fix        *Origin
}

func opaqueSess(origin string) sess {
	return sess{conf: conf{opaque: true}, origin: origin}
}

// V1Clients returns every aws-sdk-go v1 STS client and STS credential
// provider built in the package, with its verdict. A helper of this
// package that builds a client only from its parameters is judged at each
// of its calls, with the caller's arguments; one nobody calls is judged
// where it builds the client.
func (f *Flow) V1Clients() []Client {
	if f.cDone {
		return f.clients
	}
	f.cDone = true
	// A helper may build clients in several places: keep them all.
	wrappers := map[*types.Func][]*wrapper{}
	var wrapped []*wrapper
	for _, cur := range f.calls {
		call := cur.Node().(*ast.CallExpr)
		fn, entry := f.Lookup(call)
		if (entry.Role != sdk.V1STSClient && entry.Role != sdk.V1CredProvider) || len(call.Args) == 0 {
			continue
		}
		if w := f.asWrapper(cur, call, fn, entry); w != nil {
			wrappers[w.fn] = append(wrappers[w.fn], w)
			wrapped = append(wrapped, w)
			continue
		}
		s, c := f.evalClient(call, entry)
		f.clients = append(f.clients, f.verdict(Client{Call: call, Ctor: fn, What: entry.What}, s, c))
	}
	if len(wrappers) == 0 {
		return f.clients
	}
	for _, cur := range f.calls {
		call := cur.Node().(*ast.CallExpr)
		for _, w := range wrappers[f.Callee(call)] {
			if len(call.Args) > w.prov {
				f.clients = append(f.clients, f.wrapperCall(call, w))
			}
		}
	}
	for _, w := range wrapped {
		if !w.called {
			s, c := f.evalClient(w.call, sdk.Lookup(w.ctor))
			f.clients = append(f.clients, f.verdict(Client{Call: w.call, Ctor: w.ctor, What: w.what}, s, c))
		}
	}
	return f.clients
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

func (f *Flow) asWrapper(cur inspector.Cursor, call *ast.CallExpr, ctor *types.Func, entry sdk.Entry) *wrapper {
	var decl *ast.FuncDecl
	for e := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		decl, _ = e.Node().(*ast.FuncDecl)
		break
	}
	if decl == nil {
		return nil
	}
	fn, ok := f.info.Defs[decl.Name].(*types.Func)
	if !ok || fn.Exported() {
		return nil
	}
	sig := fn.Signature()
	index := func(e ast.Expr) int {
		v := f.localVar(e)
		if v == nil || len(f.defs[v]) > 0 {
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

// wrapperCall judges the client a wrapper builds, with the arguments of
// one call of the wrapper.
func (f *Flow) wrapperCall(call *ast.CallExpr, w *wrapper) Client {
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
	s, c := f.evalProviderConfigs(call.Args[w.prov], cfgs, call.Ellipsis.IsValid())
	cl := Client{
		Call: call, Ctor: w.ctor, What: w.what + " (built by " + w.fn.Name() + ")",
		Helper: true, HelperConfigs: w.variadic >= 0, Inner: w.call,
	}
	return f.verdict(cl, s, c)
}

// evalClient evaluates the provider and, for sts.New, the client configs
// of an STS constructor call.
func (f *Flow) evalClient(call *ast.CallExpr, entry sdk.Entry) (sess, conf) {
	var cfgs []ast.Expr
	if entry.Role == sdk.V1STSClient {
		cfgs = call.Args[1:]
	}
	return f.evalProviderConfigs(call.Args[0], cfgs, call.Ellipsis.IsValid())
}

// evalProviderConfigs merges configs on top of the provider's; spread
// marks a cfgs... argument list, whose contents are unknown.
func (f *Flow) evalProviderConfigs(provider ast.Expr, cfgs []ast.Expr, spread bool) (sess, conf) {
	s := f.evalProvider(provider, 0)
	c := s.conf
	for _, a := range cfgs {
		cc, _ := f.evalConfig(a, 0)
		c.merge(cc)
	}
	if spread && len(cfgs) > 0 {
		c.opaque = true
	}
	return s, c
}

// verdict decides where a client built from session s with the merged
// configuration c sends its STS calls.
func (f *Flow) verdict(cl Client, s sess, c conf) Client {
	cl.Region = c.region
	cl.Setting, cl.Endpoint, cl.HonoursEnv = c.setting, c.override, s.honoursEnv
	cl.Source = s.origin
	cl.Origin = s.fix
	cl.Mode = Unknown
	if s.conf.opaque || c.opaque {
		cl.Reason = "session not visible"
	}
	if r := c.region; r != nil && r.Known && !c.variant && !c.endpoint {
		// aws-global and an empty Region resolve to the global host even
		// with the regional setting (aws/endpoints/v3model.go: the
		// aws-global endpoint of sts, and an empty Region falling back to
		// the partition's global endpoint).
		switch r.Value {
		case sdk.GlobalRegion:
			cl.Mode, cl.Reason = Global, "aws-global"
			return cl
		case "":
			cl.Mode, cl.Reason = Global, "empty Region"
			return cl
		}
	}
	switch {
	case c.mode == modeRegional:
		cl.Mode, cl.Reason = Regional, "STSRegionalEndpoint is regional"
		return cl
	case c.mode == modeDynamic:
		cl.Mode, cl.Reason = Explicit, "STSRegionalEndpoint set at runtime"
		return cl
	case c.mode == modeLegacy:
		cl.Mode, cl.ExplicitLegacy, cl.Reason = LegacyGlobal, true, "STSRegionalEndpoint is legacy"
		return cl
	case f.envRegional() && (s.honoursEnv || s.conf.opaque):
		// os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional") in the
		// package reaches every session built afterwards, except those of
		// session.New.
		cl.Mode, cl.Reason = Regional, "AWS_STS_REGIONAL_ENDPOINTS=regional set by the program"
		return cl
	case f.opts.AssumeEnvRegional && (s.honoursEnv || s.conf.opaque):
		cl.Mode, cl.Reason = Regional, "assumed regional environment"
		return cl
	case c.variant, c.endpoint:
		cl.Mode, cl.Reason = Explicit, "explicit endpoint or endpoint variant"
		return cl
	}
	if r := c.region; r != nil && r.Known && !sdk.LegacyRegions[r.Value] {
		cl.Mode, cl.Reason = Regional, "Region outside the legacy list"
		return cl
	}
	if cl.Reason == "" {
		cl.Mode, cl.Reason = LegacyGlobal, "legacy STS default"
	}
	return cl
}

// evalProvider evaluates the client.ConfigProvider argument of an STS
// constructor.
func (f *Flow) evalProvider(e ast.Expr, depth int) sess {
	if sdk.IsNamed(f.info.TypeOf(e), sdk.V1Session, "Session") {
		return f.evalSession(e, depth)
	}
	return opaqueSess("the config provider " + ExprString(e))
}

// evalSession follows a *session.Session expression to its construction.
func (f *Flow) evalSession(e ast.Expr, depth int) sess {
	if depth > maxDepth {
		return opaqueSess("the session " + ExprString(e))
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CallExpr:
		return f.evalSessionCall(x, depth)
	case *ast.Ident:
		if v := f.localVar(x); v != nil {
			return f.evalSessionVar(v, depth)
		}
	case *ast.SelectorExpr:
		// pkg.Sess: a package-level session of another package.
		if v, ok := f.info.Uses[x.Sel].(*types.Var); ok && !v.IsField() {
			if fact, ok := f.varFact(v); ok {
				return fact.sess("the session " + ExprString(x))
			}
		}
	}
	return opaqueSess("the session " + ExprString(e))
}

// evalSessionVar follows a session variable through its assignments.
func (f *Flow) evalSessionVar(v *types.Var, depth int) sess {
	defs := f.defs[v]
	if f.params[v] && len(defs) == 0 {
		// A parameter: unknown, but stores through it still count
		// (sess.Config.STSRegionalEndpoint = …).
		s := opaqueSess("the session parameter " + v.Name())
		f.applySets(&s.conf, v, "Config.", depth)
		return s
	}
	if len(defs) == 0 {
		if fact, ok := f.varFact(v); ok {
			return fact.sess("the session " + v.Name())
		}
		return opaqueSess("the session " + v.Name())
	}
	alts := make([]sess, 0, len(defs))
	confs := make([]conf, 0, len(defs))
	for _, d := range defs {
		if d.index == zeroValue && len(defs) > 1 {
			continue // var sess *session.Session, assigned below
		}
		if d.rhs == nil || d.index > 0 {
			return opaqueSess("the session " + v.Name())
		}
		ds := f.evalSession(d.rhs, depth+1)
		alts = append(alts, ds)
		confs = append(confs, ds.conf)
	}
	idx := pickAlternative(confs)
	s := alts[idx]
	s.conf = confs[idx]
	if len(defs) > 1 {
		s.fix = nil
	}
	f.applySets(&s.conf, v, "Config.", depth)
	return s
}

func (f *Flow) evalSessionCall(call *ast.CallExpr, depth int) sess {
	fn, entry := f.Lookup(call)
	if fn == nil {
		return opaqueSess("the session " + ExprString(call))
	}
	switch entry.Role {
	case sdk.V1SessionMust:
		if len(call.Args) >= 1 {
			return f.evalSession(call.Args[0], depth+1)
		}
	case sdk.V1SessionNew:
		s := sess{honoursEnv: entry.EnvAware}
		for _, a := range call.Args {
			cc, _ := f.evalConfig(a, depth+1)
			s.conf.merge(cc)
		}
		if call.Ellipsis.IsValid() {
			s.conf.opaque = true
			s.origin = "the session built from " + ExprString(call.Args[len(call.Args)-1]) + "..."
		} else {
			s.fix = &Origin{Kind: OriginConfigArgs, Node: call}
		}
		return s
	case sdk.V1SessionWithOptions:
		if len(call.Args) == 1 {
			return f.evalOptions(call.Args[0], depth+1)
		}
	case sdk.V1SessionCopy:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			break
		}
		s := f.evalSession(sel.X, depth+1)
		for _, a := range call.Args {
			cc, _ := f.evalConfig(a, depth+1)
			s.conf.merge(cc)
		}
		s.fix = nil
		if call.Ellipsis.IsValid() {
			s.conf.opaque = true
		} else {
			s.fix = &Origin{Kind: OriginConfigArgs, Node: call}
		}
		return s
	}
	if fact, ok := f.funcFact(fn, depth+1); ok {
		return fact.sess("the session returned by " + fn.Name())
	}
	return opaqueSess("the session returned by " + fn.Name())
}

// evalOptions evaluates a session.Options value.
func (f *Flow) evalOptions(e ast.Expr, depth int) sess {
	e = ast.Unparen(e)
	s := sess{honoursEnv: true}
	switch x := e.(type) {
	case *ast.CompositeLit:
		if _, kv := ElemWithKey(x, "Config"); kv != nil {
			cc, _ := f.evalConfig(kv.Value, depth+1)
			s.conf.merge(cc)
			if lit, ok := ast.Unparen(kv.Value).(*ast.CompositeLit); ok {
				s.fix = &Origin{Kind: OriginConfigLit, Node: lit}
			}
		} else {
			s.fix = &Origin{Kind: OriginOptionsLit, Node: x}
		}
		return s
	case *ast.Ident:
		v := f.localVar(x)
		if v == nil || f.params[v] || len(f.defs[v]) != 1 || f.defs[v][0].index != -1 {
			break
		}
		s = f.evalOptions(f.defs[v][0].rhs, depth+1)
		f.applySets(&s.conf, v, "Config.", depth)
		return s
	}
	return opaqueSess("the session options " + ExprString(e))
}

// evalConfig evaluates a *aws.Config or aws.Config expression. ok is false
// when the expression is not one the analysis understands (the result is
// then opaque).
func (f *Flow) evalConfig(e ast.Expr, depth int) (conf, bool) {
	if depth > maxDepth {
		return conf{opaque: true}, false
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return f.evalConfig(x.X, depth+1)
		}
	case *ast.StarExpr:
		return f.evalConfig(x.X, depth+1)
	case *ast.CompositeLit:
		var c conf
		for _, elt := range x.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if id, ok := kv.Key.(*ast.Ident); ok {
				f.applyField(&c, id.Name, kv.Value, depth)
			}
		}
		return c, true
	case *ast.CallExpr:
		fn, entry := f.Lookup(x)
		switch entry.Role {
		case sdk.V1NewConfig:
			return conf{}, true
		case sdk.V1ConfigSetter, sdk.V1ConfigChain, sdk.V1ConfigCopy:
			// A With* setter chain.
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok {
				break
			}
			c, ok := f.evalConfig(sel.X, depth+1)
			if entry.Role == sdk.V1ConfigSetter && len(x.Args) == 1 {
				f.applyField(&c, entry.Field, x.Args[0], depth)
			}
			return c, ok
		case sdk.V1ConfigPassthrough:
			if len(x.Args) == 2 {
				return f.evalConfig(x.Args[0], depth+1)
			}
		default:
			if fn == nil {
				break
			}
			if fact, ok := f.funcFact(fn, depth+1); ok {
				return fact.sess("").conf, true
			}
		}
	case *ast.SelectorExpr:
		// sess.Config
		if sel, ok := f.info.Selections[x]; ok && sel.Kind() == types.FieldVal &&
			x.Sel.Name == "Config" && sdk.IsNamed(sel.Recv(), sdk.V1Session, "Session") {
			return f.evalSession(x.X, depth+1).conf, true
		}
	case *ast.Ident:
		if v := f.localVar(x); v != nil {
			return f.evalConfigVar(v, depth)
		}
	}
	return conf{opaque: true}, false
}

// pickAlternative chooses which of several assignments to one variable
// decides the verdict. Code that selects the regional endpoint whenever it
// sets a Region (if region != "" { sess = sess.Copy(regional + region) })
// is regional: without a Region in code, v1 cannot resolve regionally
// anyway. Otherwise the weakest alternative decides, and a Region set by
// any alternative counts (cfg = cfg.WithRegion(r) behind an if).
func pickAlternative(alts []conf) int {
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
func (f *Flow) evalConfigVar(v *types.Var, depth int) (conf, bool) {
	if f.params[v] && len(f.defs[v]) == 0 {
		c := conf{opaque: true}
		f.applySets(&c, v, "", depth)
		return c, false
	}
	if len(f.defs[v]) == 0 {
		if fact, ok := f.varFact(v); ok {
			return fact.sess("").conf, true
		}
		return conf{opaque: true}, false
	}
	var confs []conf
	for _, d := range f.defs[v] {
		if d.index == zeroValue && len(f.defs[v]) > 1 {
			continue // var cfg *aws.Config, assigned below
		}
		if d.rhs == nil || d.index != -1 {
			return conf{opaque: true}, false
		}
		dc, _ := f.evalConfig(d.rhs, depth+1)
		confs = append(confs, dc)
	}
	c := confs[pickAlternative(confs)]
	f.applySets(&c, v, "", depth)
	return c, true
}

// applySets applies the field stores recorded for v (with the given path
// prefix, "Config." for sessions and options) to c.
func (f *Flow) applySets(c *conf, v *types.Var, prefix string, depth int) {
	for _, s := range f.sets[v] {
		if len(s.path) > len(prefix) && s.path[:len(prefix)] == prefix {
			f.applyField(c, s.path[len(prefix):], s.value, depth)
		}
	}
}

// applyField applies one aws.Config field value.
func (f *Flow) applyField(c *conf, field string, value ast.Expr, depth int) {
	if value == nil {
		return
	}
	switch field {
	case "STSRegionalEndpoint":
		c.setting = value
		if n, ok := f.constInt(value, depth+1); ok {
			switch n {
			case sdk.STSLegacy:
				c.mode = modeLegacy
			case sdk.STSRegional:
				c.mode = modeRegional
			}
		} else {
			c.mode = modeDynamic
		}
	case "Region":
		r := &Region{Expr: value}
		if s, ok := f.ConstString(f.UnwrapPtr(value)); ok {
			r.Value, r.Known = s, true
		}
		c.region = r
	case "Endpoint":
		// Only a non-empty constant is provably an override: a value from
		// configuration (cfg.STSEndpoint) is often empty, and v1 then
		// resolves STS the legacy way.
		if s, ok := f.ConstString(f.UnwrapPtr(value)); ok && s != "" {
			c.endpoint, c.override = true, value
		}
	case "UseFIPSEndpoint", "UseDualStackEndpoint":
		if n, ok := f.constInt(f.UnwrapPtr(value), depth+1); ok && n == 1 {
			c.variant, c.override = true, value
		} else if b, ok := f.ConstBool(value); ok && b {
			c.variant, c.override = true, value // WithUseFIPSEndpoint(true)
		}
	}
}
