package analyzer

// The inventory: with -inventory, besides its findings the analyzer reports
// one diagnostic per STS route of the package (every STS client, credential
// provider, presign client and hand-built HTTP request for an STS host),
// carrying an inventory.Row. Diagnostics are the only channel from a
// go vet tool to its caller, so the front-end separates route diagnostics
// (Category inventory.Category) from findings and renders them.
//
// The rows come from the flow results the checks use; a row names the
// check whose finding is at the route (at the construction, or at one of
// the positions that decide its endpoint), and whether a directive
// suppresses it.

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/stsregional/stsregional/analyzer/internal/flow"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
	"github.com/stsregional/stsregional/internal/inventory"
)

// A noted finding is one a check reported (or would have, but for a
// suppression directive), for the rows to refer to.
type noted struct {
	id         string
	pos        token.Pos
	suppressed bool
	reason     string
	// related are the positions of the routes' other ends.
	related []token.Pos
}

// note records a finding of an enabled check when the inventory is on.
func (p *pass) note(id string, n ast.Node, suppressed bool, related []analysis.RelatedInformation) {
	if !p.inventory {
		return
	}
	f := noted{id: id, pos: n.Pos(), suppressed: suppressed}
	for _, r := range related {
		f.related = append(f.related, r.Pos)
	}
	if suppressed {
		f.reason = p.directives.reason(p.Fset, id, n.Pos())
	}
	p.noted = append(p.noted, f)
}

// A route is a row under construction, with the nodes it spans and the
// evidence nodes a finding may sit at.
type route struct {
	row      inventory.Row
	node     ast.Node
	evidence []evidence
}

type evidence struct {
	role string
	node ast.Node
}

// routes returns the STS routes of the package, computed once: every v1
// and v2 STS client, provider or presign client over a client, and
// hand-built request, with the evidence nodes that decide its endpoint.
func (p *pass) routes() []route {
	if p.routeList != nil {
		return *p.routeList
	}
	var routes []route
	v1 := map[*ast.CallExpr]flow.Client{}
	for _, cl := range p.flow.Sessions.V1Clients() {
		v1[cl.Call] = cl
		routes = append(routes, p.v1Route(cl))
	}
	v2 := map[*ast.CallExpr]flow.V2Client{}
	for _, cl := range p.flow.Routes.V2Clients() {
		v2[cl.Call] = cl
		routes = append(routes, p.v2Route(cl))
	}
	// Providers and presign clients over a client given to them.
	for _, cur := range p.flow.Calls() {
		call := cur.Node().(*ast.CallExpr)
		r, ok := sdk.LookupRoute(p.flow.Callee(call))
		if ok && r.Client && r.Arg < len(call.Args) {
			routes = append(routes, p.clientRoute(call, r, call.Args[r.Arg], v1, v2))
		}
	}
	for _, cur := range p.flow.Lits() {
		lit := cur.Node().(*ast.CompositeLit)
		r, ok := sdk.LookupRouteLit(p.TypesInfo.TypeOf(lit))
		if !ok {
			continue
		}
		if _, kv := flow.ElemWithKey(lit, r.Field); kv != nil {
			routes = append(routes, p.clientRoute(lit, r, kv.Value, v1, v2))
		}
	}
	for _, req := range p.flow.Routes.Requests() {
		routes = append(routes, p.requestRoute(req))
	}
	p.routeList = &routes
	return routes
}

// reportRoutes reports one route diagnostic per STS route of the package.
func (p *pass) reportRoutes() {
	routes := p.routes()
	for _, rt := range routes {
		p.attachFinding(&rt)
		row := rt.row
		pos := p.Fset.Position(rt.node.Pos())
		row.File, row.Line, row.Column = pos.Filename, pos.Line, pos.Column
		row.Package = p.Pkg.Path()
		for _, e := range rt.evidence {
			if e.node == nil || !e.node.Pos().IsValid() {
				continue
			}
			ep := p.Fset.Position(e.node.Pos())
			row.Evidence = append(row.Evidence, inventory.Evidence{Role: e.role, File: ep.Filename, Line: ep.Line, Column: ep.Column})
		}
		p.Report(analysis.Diagnostic{
			Pos:      rt.node.Pos(),
			End:      rt.node.End(),
			Category: inventory.Category,
			Message:  inventory.Encode(row),
		})
	}
}

// attachFinding sets the row's findings to those reported inside the
// route's node or at one of its evidence nodes, or whose related locations
// lead to the route; its check to the first: the lowest ID, an
// unsuppressed one first.
func (p *pass) attachFinding(rt *route) {
	var best *noted
	type key struct {
		id         string
		pos        token.Pos
		suppressed bool
	}
	seen := map[key]bool{}
	for i := range p.noted {
		f := &p.noted[i]
		at := rt.within(f.pos)
		for _, e := range rt.evidence {
			at = at || e.node != nil && e.node.Pos() == f.pos
		}
		for _, r := range f.related {
			at = at || rt.within(r) || rt.decidedAtOwn(r)
		}
		k := key{f.id, f.pos, f.suppressed}
		if !at || seen[k] {
			continue
		}
		seen[k] = true
		fp := p.Fset.Position(f.pos)
		rt.row.Findings = append(rt.row.Findings, inventory.Finding{Check: f.id, File: fp.Filename, Line: fp.Line, Column: fp.Column, Suppressed: f.suppressed})
		if best == nil || cmp.Or(cmpBool(f.suppressed, best.suppressed), cmp.Compare(f.id, best.id)) < 0 {
			best = f
		}
	}
	if best != nil {
		rt.row.Check, rt.row.Suppressed, rt.row.SuppressReason = best.id, best.suppressed, best.reason
	}
	slices.SortFunc(rt.row.Findings, func(a, b inventory.Finding) int {
		return cmp.Or(cmpBool(a.Suppressed, b.Suppressed), cmp.Compare(a.Check, b.Check),
			cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// v1Route describes an aws-sdk-go v1 STS client or provider building its
// own client.
func (p *pass) v1Route(cl flow.Client) route {
	r, _ := sdk.LookupRoute(cl.Ctor)
	call := r.Call
	if cl.Helper {
		// judged at a call of a helper of this package that builds it
		call += " via " + flow.ExprString(cl.Call.Fun)
	}
	row := inventory.Row{SDK: inventory.SDKV1, Kind: r.Kind, Call: call, Endpoint: p.v1Endpoint(cl)}
	row.Region = p.v1Region(cl)
	rt := route{row: row, node: cl.Call}
	if cl.Inner != nil {
		// The construction inside the helper.
		rt.evidence = append(rt.evidence, evidence{inventory.EvidenceClient, cl.Inner})
	}
	if cl.Origin != nil {
		rt.evidence = append(rt.evidence, evidence{inventory.EvidenceSession, cl.Origin.Node})
	}
	if cl.Via != nil && (cl.Origin == nil || cl.Via.Pos() != cl.Origin.Node.Pos()) {
		// A conditional client: the session built without the setting,
		// where its fix goes.
		rt.evidence = append(rt.evidence, evidence{inventory.EvidenceSession, cl.Via})
	}
	if cl.Caller && cl.At != nil {
		// A helper judged at its caller: the caller's argument decides.
		rt.evidence = append(rt.evidence, evidence{inventory.EvidenceSession, cl.At})
	}
	if cl.Setting != nil {
		rt.evidence = append(rt.evidence, evidence{inventory.EvidenceSetting, cl.Setting})
	}
	if cl.Region != nil && cl.Region.Expr != nil {
		rt.evidence = append(rt.evidence, evidence{inventory.EvidenceRegion, cl.Region.Expr})
	}
	if cl.Override != nil {
		rt.evidence = append(rt.evidence, evidence{inventory.EvidenceOverride, cl.Override})
	}
	return rt
}

// v1Endpoint words flow's verdict on a v1 client.
func (p *pass) v1Endpoint(cl flow.Client) inventory.Endpoint {
	switch cl.Mode {
	case flow.Regional:
		return inventory.Endpoint{Mode: inventory.ModeRegional}
	case flow.Global:
		return inventory.Endpoint{Mode: inventory.ModeGlobal}
	case flow.Conditional:
		detail := condText(p.Fset, cl.Condition)
		if detail == "" {
			detail = causeText(cl.Cause, detail, nil)
		}
		return inventory.Endpoint{Mode: inventory.ModeConditional, Detail: "global " + detail}
	case flow.Explicit:
		if cl.Override != nil {
			return inventory.Endpoint{Mode: inventory.ModeExplicit, Detail: p.v1Override(cl.Override)}
		}
		if cl.EnvChosen {
			// The code leaves the mode to the variable where the
			// operator set it.
			return inventory.Endpoint{Mode: inventory.ModeConfig, Detail: "left to the variable where set"}
		}
		// STSRegionalEndpoint from a run-time value; a helper's fact
		// carries no expression.
		if cl.Setting == nil {
			return inventory.Endpoint{Mode: inventory.ModeConditional, Detail: "STSRegionalEndpoint set at run time"}
		}
		return inventory.Endpoint{Mode: inventory.ModeConditional, Detail: "STSRegionalEndpoint = " + exprText(cl.Setting) + ", set at run time"}
	case flow.LegacyGlobal:
		// The 15 legacy Regions go global; a constant legacy Region always.
		legacyRegion := cl.Region != nil && cl.Region.Known && sdk.LegacyRegions[cl.Region.Value]
		switch {
		case cl.ExplicitLegacy && legacyRegion, !cl.HonoursEnv && legacyRegion:
			return inventory.Endpoint{Mode: inventory.ModeGlobal}
		case cl.ExplicitLegacy, !cl.HonoursEnv:
			return inventory.Endpoint{Mode: inventory.ModeGlobalLegacy}
		}
		return inventory.Endpoint{Mode: inventory.ModeConfig}
	}
	detail := opaqueText(cl.Source)
	if detail == "" {
		detail = causeText(cl.Cause, condText(p.Fset, cl.Condition), nil)
	}
	return inventory.Endpoint{Mode: inventory.ModeUnknown, Detail: detail}
}

// v1Override words a v1 Endpoint value, or the FIPS or dual-stack
// setting that chooses an endpoint variant.
func (p *pass) v1Override(e ast.Expr) string {
	if s, ok := p.flow.Values.ConstString(p.flow.Values.UnwrapPtr(e)); ok {
		return s
	}
	t := p.TypesInfo.TypeOf(e)
	if t != nil {
		// A program's resolver that answers STS itself (flow/resolverfn.go).
		if m, _, _ := types.LookupFieldOrMethod(t, true, nil, "EndpointFor"); m != nil {
			if _, ok := m.(*types.Func); ok {
				return "resolver " + exprText(e)
			}
		}
	}
	switch {
	case t != nil && isStringOrPtr(t):
		return exprText(e) // an Endpoint known only at run time
	case sdk.IsNamed(t, sdk.V1Endpoints, "DualStackEndpointState"):
		return "dual-stack endpoint (" + exprText(e) + ")"
	default:
		// endpoints.FIPSEndpointState, or WithUseFIPSEndpoint(true)
		return "FIPS endpoint (" + exprText(e) + ")"
	}
}

// exprText returns the source form of e, shortened for a table cell.
func exprText(e ast.Expr) string {
	s := types.ExprString(e)
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return s
}

// v1Region says where a v1 client's Region comes from.
func (p *pass) v1Region(cl flow.Client) *inventory.Region {
	switch {
	case cl.Region != nil && cl.Region.Expr != nil:
		return regionOf(p.flow.Routes.RegionSource(cl.Region.Expr))
	case cl.Region != nil && cl.Region.Known:
		// from a helper's fact
		return &inventory.Region{Source: inventory.RegionConstant, Value: cl.Region.Value}
	case cl.Region != nil:
		return &inventory.Region{Source: inventory.RegionUnknown}
	case cl.Source.Valid():
		// a session the analysis does not see into
		return &inventory.Region{Source: inventory.RegionUnknown}
	}
	// No Region in code: AWS_REGION, or the profile's when the shared
	// config is enabled.
	return &inventory.Region{Source: inventory.RegionEnvironment, Value: "AWS_REGION"}
}

func regionOf(r flow.RegionFrom) *inventory.Region {
	if r.Value == "" && r.Config != nil {
		return &inventory.Region{Source: r.Source, Value: "config returned by " + r.Config.Name()}
	}
	return &inventory.Region{Source: r.Source, Value: r.Value}
}

// v2Route describes an aws-sdk-go-v2 STS client.
func (p *pass) v2Route(cl flow.V2Client) route {
	r, _ := sdk.LookupRoute(p.flow.Callee(cl.Call))
	row := inventory.Row{SDK: inventory.SDKV2, Kind: r.Kind, Call: r.Call, Region: regionOf(cl.RegionFrom)}
	switch cl.Mode {
	case flow.Global:
		row.Endpoint = inventory.Endpoint{Mode: inventory.ModeGlobal}
	case flow.Explicit:
		detail := p.explicitDetail(cl.Override)
		if cl.Resolver {
			detail = "resolver " + detail
		}
		row.Endpoint = inventory.Endpoint{Mode: inventory.ModeExplicit, Detail: detail}
	default:
		row.Endpoint = inventory.Endpoint{Mode: inventory.ModeRegional}
	}
	rt := route{row: row, node: cl.Call}
	if cl.Config != nil {
		rt.evidence = append(rt.evidence, evidence{inventory.EvidenceSession, cl.Config})
	}
	if cl.Region != nil {
		rt.evidence = append(rt.evidence, evidence{inventory.EvidenceRegion, cl.Region})
	}
	if cl.Override != nil {
		rt.evidence = append(rt.evidence, evidence{inventory.EvidenceOverride, cl.Override})
	}
	return rt
}

// explicitDetail words an explicit endpoint: its constant value, or the
// expression it comes from.
func (p *pass) explicitDetail(e ast.Expr) string {
	if s, ok := p.flow.Values.ConstString(p.flow.Values.UnwrapPtr(e)); ok {
		return s
	}
	return exprText(e)
}

// clientRoute describes a provider or presign client calling STS through
// the client expression c: the endpoint is that client's.
func (p *pass) clientRoute(n ast.Node, r sdk.Route, c ast.Expr, v1 map[*ast.CallExpr]flow.Client, v2 map[*ast.CallExpr]flow.V2Client) route {
	rt := route{row: inventory.Row{SDK: r.SDK, Kind: r.Kind, Call: r.Call}, node: n}
	ctor, opaque := p.flow.Routes.ClientOf(c)
	src := opaqueText(opaque)
	if cl, ok := v1[ctor]; ok && ctor != nil {
		inner := p.v1Route(cl)
		rt.row.Endpoint, rt.row.Region = inner.row.Endpoint, inner.row.Region
		rt.evidence = append([]evidence{{inventory.EvidenceClient, ctor}}, inner.evidence...)
		return rt
	}
	if cl, ok := v2[ctor]; ok && ctor != nil {
		inner := p.v2Route(cl)
		rt.row.Endpoint, rt.row.Region = inner.row.Endpoint, inner.row.Region
		rt.evidence = append([]evidence{{inventory.EvidenceClient, ctor}}, inner.evidence...)
		return rt
	}
	if ctor != nil {
		if r, ok := sdk.LookupRoute(p.flow.Callee(ctor)); ok && !r.Client {
			// A client built in a helper from its parameters: judged
			// at each call of the helper, not here.
			src = "the client " + exprText(ctor) + ", judged where the enclosing helper is called"
		} else {
			src = "the client returned by " + exprText(ctor)
		}
	}
	rt.row.Endpoint = inventory.Endpoint{Mode: inventory.ModeUnknown, Detail: "calls through " + src}
	rt.row.Region = &inventory.Region{Source: inventory.RegionUnknown}
	return rt
}

// requestRoute describes an HTTP request for an STS host.
func (p *pass) requestRoute(req flow.Request) route {
	kind, call := inventory.KindRawRequest, "net/http request"
	switch n := req.Cur.Node().(type) {
	case *ast.CallExpr:
		if fn := p.flow.Callee(n); fn != nil {
			call = callName(fn)
		}
	case *ast.AssignStmt:
		call = "http.Request." + lastSel(n.Lhs[0])
	case *ast.CompositeLit:
		call = "http.Request{}"
	}
	if req.Signed != nil {
		kind = inventory.KindSignedRequest
	}
	var hosts []string
	for _, h := range req.Hosts {
		hosts = append(hosts, p.flow.Routes.HostText(h))
	}
	slices.Sort(hosts)
	hosts = slices.Compact(hosts)
	detail := ""
	for i, h := range hosts {
		if i > 0 {
			detail += " or "
		}
		detail += h
	}
	direct := len(req.Hosts) == 1 && ast.Unparen(req.Hosts[0]) == ast.Unparen(p.flow.Values.UnwrapPtr(req.Value))
	if _, ok := p.flow.Values.ConstString(p.flow.Values.UnwrapPtr(req.Value)); !ok && !direct && len(hosts) > 0 {
		// Traced through variables or parameters: name where it is used.
		detail = exprText(req.Value) + " = " + detail
	}
	rt := route{row: inventory.Row{SDK: inventory.SDKHTTP, Kind: kind, Call: call,
		Endpoint: inventory.Endpoint{Mode: inventory.ModeExplicit, Detail: detail}}, node: req.Cur.Node()}
	for _, h := range req.Hosts {
		rt.evidence = append(rt.evidence, evidence{inventory.EvidenceOverride, h})
	}
	return rt
}

// callName names a function as its documentation does: http.NewRequest,
// (*http.Client).Get.
func callName(fn *types.Func) string {
	name := fn.Pkg().Name() + "." + fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t, star := recv.Type(), ""
		if ptr, ok := t.(*types.Pointer); ok {
			t, star = ptr.Elem(), "*"
		}
		if n, ok := t.(*types.Named); ok {
			name = "(" + star + fn.Pkg().Name() + "." + n.Obj().Name() + ")." + fn.Name()
		}
	}
	return name
}

func lastSel(e ast.Expr) string {
	if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
		return sel.Sel.Name
	}
	return strconv.Quote(flow.ExprString(e))
}

// isStringOrPtr reports whether t is a string or a pointer to one.
func isStringOrPtr(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
