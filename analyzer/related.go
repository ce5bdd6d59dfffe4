package analyzer

// Related locations: a finding shows one place, but its route has two
// ends. STS002 and STS003 findings sit at the client even when its
// session is legacy on some paths only, and point at the session built
// without the setting on that path (where the fix goes, sessionAt);
// STS006 findings sit where
// the Region is written, and the STS clients, providers and presign
// clients built from them may be in another function or file; STS001
// findings sit where the global host is written, and the endpoint sink it
// reaches may be elsewhere. Each
// finding carries the other end as analysis.RelatedInformation: one per
// route it reaches, or the sink. When the other end is the finding's own
// node, or lies inside it (sts.New(session.Must(session.NewSession()))),
// there is nothing to point at and no related location is added. STS008
// gets none: its route is the client the credential chain builds inside
// the SDK, at the session where the finding already is.
//
// The routes are the inventory's (inventory.go): a route is reached by a
// finding at one of its evidence nodes (the session, the setting, the
// Region, the override) or at a node holding one.

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/stsregional/stsregional/analyzer/internal/flow"
	"github.com/stsregional/stsregional/analyzer/internal/host"
	"github.com/stsregional/stsregional/internal/inventory"
)

// within reports whether pos lies inside the route's node.
func (rt *route) within(pos token.Pos) bool {
	return rt.node.Pos() <= pos && pos < rt.node.End()
}

// decidedAt reports whether one of the route's evidence nodes starts at
// pos.
func (rt *route) decidedAt(pos token.Pos) bool {
	for _, e := range rt.evidence {
		if e.node != nil && e.node.Pos() == pos {
			return true
		}
	}
	return false
}

// decidedAtOwn reports whether one of the route's evidence nodes other
// than a helper's inner constructor starts at pos: that constructor is
// shared by every call of the helper, so a related location there does
// not lead to one route.
func (rt *route) decidedAtOwn(pos token.Pos) bool {
	for _, e := range rt.evidence {
		if e.node != nil && e.node.Pos() == pos && e.role != inventory.EvidenceClient {
			return true
		}
	}
	return false
}

// decidedIn reports whether one of the route's evidence nodes lies inside
// n (n itself included).
func (rt *route) decidedIn(n ast.Node) bool {
	for _, e := range rt.evidence {
		if e.node != nil && n.Pos() <= e.node.Pos() && e.node.End() <= n.End() {
			return true
		}
	}
	return false
}

// routesAt returns one related location per STS route that the finding at
// n reaches: the routes decided at n, or, when via is given, at those
// nodes (the Region expression a value written at n flows into). Routes
// whose own node holds n are the finding's own place and left out.
func (p *pass) routesAt(n ast.Node, via ...ast.Node) []analysis.RelatedInformation {
	if n == nil || !n.Pos().IsValid() {
		return nil
	}
	if len(via) == 0 {
		via = []ast.Node{n}
	}
	var out []analysis.RelatedInformation
	for _, rt := range p.routes() {
		if rt.within(n.Pos()) {
			continue
		}
		for _, v := range via {
			if v != nil && rt.decidedIn(v) {
				out = append(out, analysis.RelatedInformation{Pos: rt.node.Pos(), End: rt.node.End(), Message: routeMessage(rt.row)})
				break
			}
		}
	}
	return out
}

// routeMessage says what a route builds, for its related location.
func routeMessage(r inventory.Row) string {
	switch r.Kind {
	case inventory.KindClient:
		return r.Call + " builds the STS client here"
	case inventory.KindHiddenClient:
		return r.Call + " builds an STS client here"
	case inventory.KindAssumeRole, inventory.KindWebIdentity:
		return r.Call + " builds the credential provider here"
	case inventory.KindPresign:
		return r.Call + " builds the presign client here"
	}
	return r.Call + " sends the request here"
}

// sinkAt returns the related location of the endpoint sink s for a
// finding at n: none when n is the stored value or inside it.
func sinkAt(s flow.Sink, n ast.Node) []analysis.RelatedInformation {
	v := s.Value
	if v == nil || n == nil || v.Pos() <= n.Pos() && n.End() <= v.End() {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: v.Pos(), End: v.End(), Message: "reaches " + sinkName(s.Kind) + " here"}}
}

// addRelated appends the related locations of add not yet in list.
func addRelated(list []analysis.RelatedInformation, add ...analysis.RelatedInformation) []analysis.RelatedInformation {
	for _, r := range add {
		dup := false
		for _, l := range list {
			dup = dup || l.Pos == r.Pos && l.Message == r.Message
		}
		if !dup {
			list = append(list, r)
		}
	}
	return list
}

// sessionAt returns the related location of a Conditional v1 client's
// finding: the session built without the regional setting on the path
// that calls the global endpoint, where the fix goes.
func sessionAt(cl flow.Client) []analysis.RelatedInformation {
	if cl.Via == nil || cl.Via == ast.Node(cl.At) {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: cl.Via.Pos(), End: cl.Via.End(),
		Message: "the session on that path is built here without STSRegionalEndpoint"}}
}

// helperAt returns the related location of a finding on a call of a
// helper that builds the client from its arguments: the constructor call
// inside the helper, the other end of the route.
func helperAt(cl flow.Client) []analysis.RelatedInformation {
	if !cl.Helper || cl.Inner == nil || cl.Inner == cl.At {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: cl.Inner.Pos(), End: cl.Inner.End(),
		Message: flow.ExprString(cl.Inner.Fun) + " in the helper builds it here"}}
}

// constAt returns the related locations of an STS001 finding at n that
// uses a named constant of this package holding the global host: the
// constant's declaration, where the host is written and where a reader
// (or a label) looks for it. The finding itself stays at the use when the
// constant may serve other uses too (see dedicatedConst).
func (p *pass) constAt(n ast.Node) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for _, id := range p.globalConstUses(n) {
		c := p.TypesInfo.Uses[id]
		if p.Fset.Position(c.Pos()).Line == p.Fset.Position(id.Pos()).Line &&
			p.Fset.File(c.Pos()) == p.Fset.File(id.Pos()) {
			continue
		}
		out = append(out, analysis.RelatedInformation{Pos: c.Pos(), End: c.Pos() + token.Pos(len(c.Name())),
			Message: "the constant " + c.Name() + " holds the global host here"})
	}
	return out
}

// globalConstUses returns, for each named string constant of this
// package holding the global host that n uses, its first use in n.
func (p *pass) globalConstUses(n ast.Node) []*ast.Ident {
	if n == nil {
		return nil
	}
	var out []*ast.Ident
	seen := map[*types.Const]bool{}
	ast.Inspect(n, func(m ast.Node) bool {
		id, ok := m.(*ast.Ident)
		if !ok {
			return true
		}
		c, ok := p.TypesInfo.Uses[id].(*types.Const)
		if !ok || seen[c] || c.Pkg() != p.Pkg || c.Val().Kind() != constant.String {
			return true
		}
		seen[c] = true
		if host.IsGlobal(constant.StringVal(c.Val())) {
			out = append(out, id)
		}
		return true
	})
	return out
}

// dedicatedConst returns the name, at its declaration, of the constant
// that an STS001 finding without a fix at n should sit at: the one named
// string constant of this package in n holding the global host, when it
// is unexported and n is its only use. Changing that constant is then
// the whole fix and changes nothing else, so the finding goes where the
// host is written; an exported constant (other packages may read it) or
// one used elsewhere too is fixed at the use instead.
func (p *pass) dedicatedConst(n ast.Node) (*ast.Ident, bool) {
	uses := p.globalConstUses(n)
	if len(uses) != 1 {
		return nil, false
	}
	found := p.TypesInfo.Uses[uses[0]].(*types.Const)
	if found.Exported() {
		return nil, false
	}
	if p.consts == nil {
		p.consts = p.constIndex()
	}
	decl := p.consts.decl[found]
	if decl == nil {
		return nil, false
	}
	// A constant of the package proper counts its uses there only, so
	// that the package and its test variant place the finding alike; a
	// use in a test file is then another use.
	if p.inTestFile(decl) {
		return decl, p.consts.uses[found] == 1
	}
	return decl, !p.inTestFile(n) && p.consts.prodUses[found] == 1
}

// consts indexes the constants of a package: the name at each
// declaration and how often each is used, in all files and outside
// _test.go files.
type consts struct {
	decl           map[*types.Const]*ast.Ident
	uses, prodUses map[*types.Const]int
}

// constIndex builds the index from one pass over the type information.
func (p *pass) constIndex() *consts {
	ix := &consts{decl: map[*types.Const]*ast.Ident{}, uses: map[*types.Const]int{}, prodUses: map[*types.Const]int{}}
	for id, obj := range p.TypesInfo.Defs {
		if c, ok := obj.(*types.Const); ok {
			ix.decl[c] = id
		}
	}
	for id, obj := range p.TypesInfo.Uses {
		if c, ok := obj.(*types.Const); ok {
			ix.uses[c]++
			if !p.inTestFile(id) {
				ix.prodUses[c]++
			}
		}
	}
	return ix
}
