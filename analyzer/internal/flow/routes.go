package flow

// Results for the inventory of STS routes: where the Region of a client
// comes from, the verdict on aws-sdk-go-v2 STS clients, which client a
// provider or presign client calls through, and the HTTP requests built by
// hand for an STS host. The v1 verdicts are V1Clients'.

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strconv"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/stsregional/stsregional/analyzer/internal/host"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
	"github.com/stsregional/stsregional/internal/inventory"
)

// A RegionFrom says where a Region value comes from: Source is one of
// inventory's Region constants, Value the constant, parameter name,
// environment variable, profile or expression. Config is, for an unknown
// Region, the function whose aws.Config result holds it, if any.
type RegionFrom struct {
	Source, Value string
	Config        *types.Func
}

// RegionSource classifies the Region expression e (a string or *string):
// a constant, a parameter, an environment variable read with os.Getenv, or
// another expression, following variables assigned once.
func (rt *Routes) RegionSource(e ast.Expr) RegionFrom {
	return rt.regionSource(e, 0)
}

func (rt *Routes) regionSource(e ast.Expr, depth int) RegionFrom {
	if e == nil || depth > maxDepth {
		return RegionFrom{Source: inventory.RegionUnknown}
	}
	x := rt.f.Values.UnwrapPtr(e)
	if s, ok := rt.f.Values.ConstString(x); ok {
		return RegionFrom{Source: inventory.RegionConstant, Value: s}
	}
	switch y := x.(type) {
	case *ast.Ident:
		if v := rt.f.localVar(y); v != nil {
			defs := rt.f.defs[v]
			if rt.f.params[v] && len(defs) == 0 {
				return RegionFrom{Source: inventory.RegionParameter, Value: v.Name()}
			}
			// r := …, or r, err := meta.Region(): the first result.
			if len(defs) == 1 && defs[0].rhs != nil && defs[0].index <= 0 {
				return rt.regionSource(defs[0].rhs, depth+1)
			}
		}
	case *ast.CallExpr:
		if fn := rt.f.Callee(y); fn != nil && fn.Pkg() != nil && sdk.Path(fn.Pkg()) == sdk.OS &&
			(fn.Name() == "Getenv" || fn.Name() == "LookupEnv") && len(y.Args) == 1 {
			key, _ := rt.f.Values.ConstString(y.Args[0])
			return RegionFrom{Source: inventory.RegionEnvironment, Value: key}
		}
		if fn := rt.f.Callee(y); fn != nil && sdk.IMDSRegion(fn) {
			return RegionFrom{Source: inventory.RegionIMDS}
		}
	}
	return RegionFrom{Source: inventory.RegionExpression, Value: ExprString(x)}
}

// A V2Client is one aws-sdk-go-v2 STS client construction (sts.New,
// sts.NewFromConfig) and the verdict on its endpoint.
type V2Client struct {
	Call *ast.CallExpr
	// Mode is Regional (the v2 default), Global (Region aws-global) or
	// Explicit (BaseEndpoint or an endpoint resolver).
	Mode Mode
	// Region is where the Region is set in code (nil: from the
	// environment, a profile, IMDS or a config the analysis does not see,
	// as RegionFrom says).
	Region     ast.Expr
	RegionFrom RegionFrom
	// Config is where the aws.Config is built (LoadDefaultConfig, a
	// literal), when the analysis sees it.
	Config ast.Node
	// Override is the BaseEndpoint value or resolver that replaces the
	// SDK's endpoint resolution; Endpoint is its constant value, if any.
	Override ast.Expr
	// Resolver reports that Override is an endpoint resolver rather than
	// a BaseEndpoint value.
	Resolver bool
	// Cause says why the mode was chosen.
	Cause Cause
}

// v2conf is what the analysis knows about an aws-sdk-go-v2 aws.Config or
// sts.Options value.
type v2conf struct {
	region     ast.Expr
	regionFrom RegionFrom
	override   ast.Expr
	resolver   bool
	origin     ast.Node
	// regions are every Region that may reach the config (regionsWhere
	// filters them); base is the BaseEndpoint that replaces the SDK's
	// resolution, by v2base.go's rules, or nil.
	regions []v2region
	base    ast.Expr
}

// V2Clients returns every aws-sdk-go-v2 STS client built in the package.
func (rt *Routes) V2Clients() []V2Client {
	if rt.v2clients != nil {
		return *rt.v2clients
	}
	var out []V2Client
	for _, cur := range rt.f.calls {
		call := cur.Node().(*ast.CallExpr)
		fn := rt.f.Callee(call)
		r, ok := sdk.LookupRoute(fn)
		if !ok || r.SDK != inventory.SDKV2 || r.Client || len(call.Args) == 0 {
			continue
		}
		c := rt.v2Config(call.Args[0])
		rt.v2OptFns(&c, call.Args[1:])
		if !c.resolver {
			// The BaseEndpoint that replaces the resolution, as STS006
			// judges it (v2base.go): WithBaseEndpoint("") and nil are
			// none, a guarded store counts when its value can be set.
			c.override = rt.v2BaseOf(call, 0)
		}
		cl := v2verdict(call, c)
		if sp, ok := rt.v2ByCaller(call, 0); ok && cl.Mode == Regional && len(sp.global) > 0 {
			// A helper's client whose callers disagree on the
			// BaseEndpoint: global on the path of a caller that keeps
			// the resolution with aws-global (v2split.go).
			cl.Mode, cl.Cause = Global, CauseV2GlobalRegion
		}
		if cl.Mode == Regional && c.override == nil && c.region != nil {
			// A Region from another package's function or settings field
			// that may be aws-global (by its ValueFact).
			src := rt.f.Values.RegionSources(c.region)
			for _, m := range src.Matches {
				if src.IsResult(m) {
					cl.Mode, cl.Cause = Global, CauseV2RegionResult
					break
				}
			}
		}
		out = append(out, cl)
	}
	rt.v2clients = &out
	return out
}

func v2verdict(call *ast.CallExpr, c v2conf) V2Client {
	cl := V2Client{Call: call, Region: c.region, RegionFrom: c.regionFrom, Config: c.origin, Override: c.override, Resolver: c.resolver, Mode: Regional, Cause: CauseV2Default}
	switch {
	case c.regionFrom.Source == inventory.RegionConstant && c.regionFrom.Value == sdk.GlobalRegion && c.override == nil:
		cl.Mode, cl.Cause = Global, CauseV2GlobalRegion
	case c.override != nil && c.resolver:
		cl.Mode, cl.Cause = Explicit, CauseV2Resolver
	case c.override != nil:
		cl.Mode, cl.Cause = Explicit, CauseV2BaseEndpoint
	}
	return cl
}

// v2OptFns applies the func(*sts.Options) arguments of a v2 constructor:
// function literals storing o.Region, o.BaseEndpoint or a resolver, and
// sts.WithEndpointResolver[V2] options.
func (rt *Routes) v2OptFns(c *v2conf, args []ast.Expr) {
	for _, a := range args {
		switch x := ast.Unparen(a).(type) {
		case *ast.FuncLit:
			ast.Inspect(x.Body, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
					return true
				}
				for i, lhs := range as.Lhs {
					sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
					if ok && rt.f.IsFieldOf(lhs, sdk.V2STS, "Options", sel.Sel.Name) {
						rt.v2Field(c, sel.Sel.Name, as.Rhs[i])
					}
				}
				return true
			})
		case *ast.CallExpr:
			if fn := rt.f.Callee(x); fn != nil && sdk.Path(fn.Pkg()) == sdk.V2STS &&
				(fn.Name() == "WithEndpointResolver" || fn.Name() == "WithEndpointResolverV2") && len(x.Args) == 1 {
				c.override, c.resolver = x.Args[0], true
			}
		}
	}
}

// ClientOf returns the call that built the STS client e holds (v1
// sts.New, v2 sts.New or sts.NewFromConfig, or a helper returning a
// client), following variables and fields of this package assigned once.
// When there is none it returns nil and the client value it could not
// follow.
func (rt *Routes) ClientOf(e ast.Expr) (*ast.CallExpr, Opaque) {
	return rt.clientOf(e, 0)
}

func (rt *Routes) clientOf(e ast.Expr, depth int) (*ast.CallExpr, Opaque) {
	if depth > maxDepth {
		return nil, opaqueExpr(OpaqueClient, e)
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CallExpr:
		return x, Opaque{}
	case *ast.Ident:
		v := rt.f.localVar(x)
		if v == nil {
			break
		}
		defs := rt.f.defs[v]
		if rt.f.params[v] && len(defs) == 0 {
			return nil, opaqueObj(OpaqueClientParam, v)
		}
		if len(defs) == 1 && defs[0].rhs != nil && defs[0].index <= 0 {
			return rt.clientOf(defs[0].rhs, depth+1)
		}
	case *ast.SelectorExpr:
		if v, ok := rt.f.info.Uses[x.Sel].(*types.Var); ok && v.IsField() && v.Pkg() == rt.f.pass.Pkg {
			// A field of this package's struct: the one value stored
			// into it.
			if r := rt.f.eval.values(x); len(r.Leaves) == 1 && r.Leaves[0].Expr != nil && r.Leaves[0].Expr != ast.Expr(x) {
				return rt.clientOf(r.Leaves[0].Expr, depth+1)
			}
		}
	}
	return nil, opaqueExpr(OpaqueClient, e)
}

// A Request is an HTTP request for an STS host built with net/http.
type Request struct {
	// Cur is the sink: the request constructor call or the URL or Host
	// assignment.
	Cur inspector.Cursor
	// Value is the URL or host expression; Hosts the constant values (or
	// fmt.Sprintf calls formatting an STS URL) that can reach it.
	Value ast.Expr
	Hosts []ast.Expr
	// Signed is the SigV4 signing call the request is passed to, if any.
	Signed *ast.CallExpr
}

// stsFormat matches a format string that builds an STS URL or host:
// "https://sts.%s.amazonaws.com".
var stsFormat = regexp.MustCompile(`(?i)(^|[/.@])sts[.-][^/]*%[-+# 0-9.]*[sv][^/]*\.amazonaws\.com`)

// Requests returns the net/http requests of the package whose URL or host
// can be an STS endpoint (global or regional).
func (rt *Routes) Requests() []Request {
	var out []Request
	isSTS := func(s string) bool { return host.Classify(s) != host.Other }
	for _, s := range rt.f.Sinks() {
		if s.Kind != sdk.SinkRequest {
			continue
		}
		var hosts []ast.Expr
		if ep := rt.f.Value(s); ep.Known && isSTS(ep.Value) {
			// A constant URL: where its text is written (the url.Parse
			// argument of u.String(), the Host of a url.URL literal), as
			// the checks report it.
			hosts = []ast.Expr{ep.At}
		} else {
			hosts = rt.f.Values.trace(s.Value, isSTS, stsFormat.MatchString)
		}
		if len(hosts) == 0 {
			continue
		}
		out = append(out, Request{Cur: s.Cur, Value: s.Value, Hosts: hosts, Signed: rt.signerOf(s.Cur)})
	}
	return out
}

// HostText returns the text of a value Requests found: the constant, or
// the format of a fmt.Sprintf call.
func (rt *Routes) HostText(e ast.Expr) string {
	if s, ok := rt.f.Values.ConstString(e); ok {
		return s
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) > 0 {
		if s, ok := rt.f.Values.ConstString(call.Args[0]); ok {
			return "fmt.Sprintf(" + strconv.Quote(s) + ", …)"
		}
	}
	return ExprString(e)
}

// signerOf returns the SigV4 signing call that the request built or
// changed at cur is passed to, in the same function.
func (rt *Routes) signerOf(cur inspector.Cursor) *ast.CallExpr {
	var req *types.Var
	switch n := cur.Node().(type) {
	case *ast.AssignStmt:
		// req.Host = …, req.URL = …
		for _, lhs := range n.Lhs {
			if v, _ := rt.f.fieldPath(lhs); v != nil {
				req = v
			}
		}
	case *ast.CallExpr:
		// req, err := http.NewRequest(…)
		if as, ok := cur.Parent().Node().(*ast.AssignStmt); ok && len(as.Rhs) == 1 && len(as.Lhs) > 0 {
			req = rt.f.localVar(as.Lhs[0])
		}
	}
	if req == nil {
		return nil
	}
	for _, c := range rt.f.calls {
		call := c.Node().(*ast.CallExpr)
		i := sdk.SignerArg(rt.f.Callee(call))
		if i >= 0 && i < len(call.Args) && rt.f.localVar(call.Args[i]) == req {
			return call
		}
	}
	return nil
}
