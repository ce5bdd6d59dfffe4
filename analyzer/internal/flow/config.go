package flow

// aws-sdk-go v1 configs as data flow: literals, aws.NewConfig and the With*
// chain, Copy, MergeIn, request.WithRetryer, field stores, reassignments
// and configs returned by helpers. Every rule follows aws/config.go of
// aws-sdk-go v1.55.8: the With* setters store a field into their receiver
// and return it; Copy returns a new config with the receiver and then its
// arguments merged in; MergeIn copies every set field of its arguments into
// the receiver (mergeInConfig), and request.WithRetryer
// (aws/request/retryer.go) returns its config argument.

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

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
	// endpointExpr is the Endpoint value set in code, constant or not.
	endpointExpr ast.Expr
	// legacyAt is the value that set mode to modeLegacy, for STS004's
	// Region check (legacy.go).
	legacyAt ast.Expr
	// creds reports that Credentials is set: the session then resolves no
	// credential chain of its own (credchain.go).
	creds bool
	// envSet reports that the path runs only when AWS_STS_REGIONAL_ENDPOINTS
	// is set (envguard.go): a session that reads it takes the operator's
	// choice where the code sets nothing.
	envSet bool

	// rvRegional is the EndpointResolver value, a call of another
	// package's function whose resolver answers STS by its own code for
	// every non-empty Region (ResolverFact): it pins the endpoint once the
	// Region is known to be set (settled).
	rvRegional ast.Expr

	setting  ast.Expr // the STSRegionalEndpoint value, if set in code
	override ast.Expr // the Endpoint or variant value, if set in code

	// other is the value on other paths, when it differs from this one in
	// being regional; mainWhen and otherWhen say when each path runs.
	other               *conf
	mainWhen, otherWhen Cond
}

// flat returns c without its other path.
func (c conf) flat() conf {
	c.other, c.mainWhen, c.otherWhen = nil, Cond{}, Cond{}
	return c
}

// merge applies b on top of a the way aws.Config.MergeIn does: set fields
// win, unset ones leave a alone (aws/config.go mergeInConfig). Other paths
// of either side are merged too.
func (a *conf) merge(b conf) {
	switch {
	case a.other != nil:
		bo := b.flat()
		if b.other != nil {
			bo = b.other.flat()
		}
		o := *a.other
		o.mergeFlat(bo)
		a.other = &o
	case b.other != nil:
		o := a.flat()
		o.mergeFlat(*b.other)
		a.other, a.mainWhen, a.otherWhen = &o, b.mainWhen, b.otherWhen
	}
	a.mergeFlat(b)
}

func (a *conf) mergeFlat(b conf) {
	if b.mode != modeUnset {
		a.mode, a.legacyAt, a.setting = b.mode, b.legacyAt, b.setting
	}
	if b.override != nil {
		a.override = b.override
	}
	if b.region != nil {
		a.region = b.region
	}
	if b.endpointExpr != nil {
		a.endpointExpr = b.endpointExpr
	}
	if b.rvRegional != nil {
		a.rvRegional = b.rvRegional
	}
	a.endpoint = a.endpoint || b.endpoint
	a.variant = a.variant || b.variant
	a.opaque = a.opaque || b.opaque
	a.creds = a.creds || b.creds
	a.envSet = a.envSet || b.envSet
}

// safe reports whether a client with configuration c provably avoids the
// global endpoint whatever the environment.
func (c conf) safe() bool {
	c = c.settled()
	if c.variant || c.endpoint {
		return true
	}
	r := c.region
	if r != nil && r.Known && (r.Value == "" || r.Value == sdk.GlobalRegion) {
		return false
	}
	if c.mode == modeRegional || c.mode == modeDynamic {
		return true
	}
	return r != nil && r.Known && !sdk.LegacyRegions[r.Value]
}

// settled returns c with a library resolver that answers STS by its own
// code for non-empty Regions (rvRegional) counted as an explicit endpoint
// when the Region is set in code and not provably empty or aws-global: the
// resolver then replaces the SDK's resolution and the session's STS
// setting with it. Without a Region in code the Region may be empty, and
// the session's own verdict stands (an empty Region is global either way).
func (c conf) settled() conf {
	r := c.region
	if c.rvRegional == nil || c.endpoint || r == nil || r.Known && (r.Value == "" || r.Value == sdk.GlobalRegion) {
		return c
	}
	c.endpoint, c.override = true, c.rvRegional
	return c
}

// evalConfig evaluates a *aws.Config or aws.Config expression. ok is false
// when the expression is not one the analysis understands (the result is
// then opaque).
func (se *Sessions) evalConfig(e ast.Expr, depth int) (conf, bool) {
	if depth > maxDepth {
		return conf{opaque: true}, false
	}
	e = ast.Unparen(e)
	c, ok := se.evalConfigSyntax(e, depth)
	if !ok {
		// A parameter, a field, a closure's variable, a helper's result:
		// what reaches it on SSA.
		if t, ok := se.f.eval.ssaConfig(e, depth); ok {
			return t, true
		}
	}
	return c, ok
}

// evalConfigSyntax evaluates a config expression by its syntax and the
// package's assignments.
func (se *Sessions) evalConfigSyntax(e ast.Expr, depth int) (conf, bool) {
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return se.evalConfig(x.X, depth+1)
		}
	case *ast.StarExpr:
		return se.evalConfig(x.X, depth+1)
	case *ast.CompositeLit:
		var c conf
		for _, elt := range x.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if id, ok := kv.Key.(*ast.Ident); ok {
				se.applyField(&c, id.Name, kv.Value, depth)
			}
		}
		return c, true
	case *ast.CallExpr:
		fn, entry := se.f.Lookup(x)
		switch entry.Role {
		case sdk.V1NewConfig:
			return conf{}, true
		case sdk.V1ConfigSetter, sdk.V1ConfigChain, sdk.V1ConfigCopy:
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok {
				break
			}
			c, ok := se.evalConfig(sel.X, depth+1)
			switch {
			case entry.Role == sdk.V1ConfigSetter && len(x.Args) == 1:
				se.applyField(&c, entry.Field, x.Args[0], depth)
			case entry.Role == sdk.V1ConfigCopy:
				for _, a := range x.Args {
					cc, _ := se.evalConfig(a, depth+1)
					c.merge(cc)
				}
				if x.Ellipsis.IsValid() {
					c.opaque = true
				}
			}
			return c, ok
		case sdk.V1ConfigPassthrough:
			if len(x.Args) == 2 {
				return se.evalConfig(x.Args[0], depth+1)
			}
		default:
			if fn == nil {
				break
			}
			if fact, ok := se.f.Facts.callFact(x, fn, depth+1); ok {
				return fact.sess(Opaque{}).conf, true
			}
			if fact, ok := se.f.Facts.funcFact(fn, depth+1); ok {
				return fact.sess(Opaque{}).conf, true
			}
		}
	case *ast.SelectorExpr:
		// sess.Config
		if sel, ok := se.f.info.Selections[x]; ok && sel.Kind() == types.FieldVal &&
			x.Sel.Name == "Config" && sdk.IsNamed(sel.Recv(), sdk.V1Session, "Session") {
			return se.evalSession(x.X, depth+1).conf, true
		}
	case *ast.Ident:
		if v := se.f.localVar(x); v != nil {
			return se.evalConfigVar(v, x.Pos(), depth)
		}
	}
	return conf{opaque: true}, false
}

// evalConfigVar follows a config variable to the values and stores that
// may reach its use at pos, path by path (paths.go).
func (se *Sessions) evalConfigVar(v *types.Var, pos token.Pos, depth int) (conf, bool) {
	key := use{v, pos}
	if m, ok := se.f.confMemo[key]; ok {
		return m.c, m.ok
	}
	c, ok := se.evalConfigVarPaths(v, pos, depth)
	se.f.confMemo[key] = confResult{c, ok}
	return c, ok
}

func (se *Sessions) evalConfigVarPaths(v *types.Var, pos token.Pos, depth int) (conf, bool) {
	r := se.f.paths.reaching(v, pos)
	var alts []conf
	var branches []*branch
	add := func(c conf, b *branch) {
		alts, branches = append(alts, c), append(branches, b)
	}
	ok := true
	switch {
	case r.base != nil:
		// A nil or zero config (var cfg *aws.Config) is a real path: the
		// SDK merges nothing from it (aws/config.go mergeInConfig).
		c, dok := se.defConf(r.base, depth)
		ok = dok
		se.applySets(&c, r.sets, "", depth)
		add(c, nil)
	case r.base == nil && !r.killed && (len(r.conds) == 0 || se.f.params[v]):
		c := conf{opaque: true}
		ok = false
		if !se.f.params[v] {
			if fact, fok := se.f.Facts.varFact(v); fok {
				c, ok = fact.sess(Opaque{}).conf, true
			}
		}
		se.applySets(&c, r.sets, "", depth)
		add(c, nil)
	}
	for _, cd := range r.conds {
		if cd.d.index == zeroValue {
			continue // var cfg *aws.Config, assigned below
		}
		c, _ := se.defConf(cd.d, depth)
		se.applySets(&c, r.condSets[cd.d], "", depth)
		se.applySets(&c, after(r.sets, cd.d.at), "", depth)
		b := cd.b
		add(c, &b)
	}
	if len(r.csets) > 0 && len(alts) > 0 {
		c := alts[0]
		se.applySets(&c, r.csets, "", depth)
		b := r.csetBranch
		add(c, &b)
	}
	if len(alts) == 0 {
		return conf{opaque: true}, false
	}
	se.f.Env.markEnvChosen(branches, func(i int) { alts[i].envSet = true })
	safe := make([]bool, len(alts))
	for i, a := range alts {
		safe[i] = a.safe()
	}
	main, other, mainWhen, otherWhen := se.f.paths.pick(safe, branches)
	c := alts[main]
	if other >= 0 {
		o := alts[other].flat()
		c.other, c.mainWhen, c.otherWhen = &o, mainWhen, otherWhen
		return c, ok
	}
	// A Region set on any path names the client's Region in messages.
	for _, a := range alts {
		if c.region != nil {
			break
		}
		c.region = a.region
	}
	return c, ok
}

// defConf evaluates one definition of a config variable.
func (se *Sessions) defConf(d *def, depth int) (conf, bool) {
	if d.index == zeroValue {
		return conf{}, true
	}
	if d.rhs == nil || d.index != -1 {
		return conf{opaque: true}, false
	}
	return se.evalConfig(d.rhs, depth+1)
}

// applySets applies field stores (with the given path prefix, "Config."
// for sessions) to c, in order.
func (se *Sessions) applySets(c *conf, sets []*fieldSet, prefix string, depth int) {
	for _, s := range sets {
		if prefix != "" && s.path == prefix[:len(prefix)-1] {
			// opts.Config = cfg, sess.Config = cfg: the whole config is
			// replaced by the stored one, what it holds at the store
			// (aws.Config is copied by value into session.Options; a
			// session's *aws.Config is what its clients read,
			// aws/session/session.go ClientConfig).
			if s.value == nil {
				*c = conf{opaque: true}
				continue
			}
			*c, _ = se.evalConfig(s.value, depth+1)
			continue
		}
		if len(s.path) <= len(prefix) || s.path[:len(prefix)] != prefix {
			continue
		}
		field := s.path[len(prefix):]
		if field != mergeField {
			se.applyField(c, field, s.value, depth)
			continue
		}
		// cfg.MergeIn(other): every set field of other.
		if s.value == nil || depth > maxDepth {
			c.opaque = true // MergeIn(cfgs...)
			continue
		}
		cc, _ := se.evalConfig(s.value, depth+1)
		c.merge(cc)
	}
}

// applyField applies one aws.Config field value.
func (se *Sessions) applyField(c *conf, field string, value ast.Expr, depth int) {
	if value == nil {
		return
	}
	switch field {
	case "STSRegionalEndpoint":
		c.setting = value
		if n, ok := se.f.Values.constInt(value, depth+1); ok {
			switch n {
			case sdk.STSLegacy:
				c.mode, c.legacyAt = modeLegacy, value
			case sdk.STSRegional:
				c.mode, c.legacyAt = modeRegional, nil
			}
		} else {
			c.mode, c.legacyAt = modeDynamic, nil
		}
	case "Region":
		if se.isNil(value) {
			// Region: nil is no Region: MergeIn keeps the receiver's
			// (aws/config.go mergeInConfig), a store clears it.
			c.region = nil
			return
		}
		r := &Region{Expr: value}
		if s, ok := se.f.Values.ConstString(se.f.Values.UnwrapPtr(value)); ok {
			r.Value, r.Known = s, true
		} else if s, ok := se.f.eval.ssaString(se.f.Values.UnwrapPtr(value)); ok {
			// A parameter, a field: the one constant every value that
			// reaches it is (in a split, the one caller's).
			r.Value, r.Known = s, true
		}
		c.region = r
	case "Endpoint":
		if se.isNil(value) {
			c.endpointExpr, c.endpoint, c.override = nil, false, nil
			return
		}
		c.endpointExpr = value
		c.endpoint = se.explicitEndpoint(value)
		if c.endpoint {
			c.override = value
		}
	case "EndpointResolver":
		// A resolver that answers STS by its own code on every path
		// replaces the SDK's resolution, the session's STS setting with it
		// (aws/session/session.go resolveEndpoint calls the configured
		// resolver): its returns are judged where they are written.
		if se.f.Resolvers.v1ResolverDecides(value) {
			c.endpoint, c.override = true, value
		} else if se.f.Resolvers.importedResolverAnswer(value) == rvRegionalWhenSet {
			c.rvRegional = value
		}
	case "Credentials":
		c.creds = !se.isNil(value)
	case "UseFIPSEndpoint", "UseDualStackEndpoint":
		if n, ok := se.f.Values.constInt(se.f.Values.UnwrapPtr(value), depth+1); ok && n == 1 {
			c.variant, c.override = true, value
		} else if b, ok := se.f.Values.ConstBool(value); ok && b {
			c.variant, c.override = true, value // WithUseFIPSEndpoint(true)
		}
	}
}
