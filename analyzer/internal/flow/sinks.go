package flow

// Endpoint sinks: the SDK calls and fields that take an endpoint URL or
// host, and the values that reach them. Deciding by sink, not by the look
// of a string, keeps audiences, principals, event sources and allow-lists
// out: they never reach one of these.

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/stsregional/stsregional/analyzer/internal/host"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// A Sink is one value stored into an endpoint sink.
type Sink struct {
	// Cur is the sink's call, composite literal or assignment.
	Cur inspector.Cursor
	// Value is the expression stored.
	Value ast.Expr
	// Kind is what the sink takes.
	Kind sdk.Sink
	// URL reports that the sink holds a url.URL rather than a string.
	URL bool
}

// Sinks returns every value stored into an endpoint sink in the package:
// arguments of sink functions, fields of composite literals and field
// assignments.
func (f *Flow) Sinks() []Sink {
	if f.sinks != nil {
		return *f.sinks
	}
	var out []Sink
	defer func() { f.sinks = &out }()
	for _, cur := range f.calls {
		call := cur.Node().(*ast.CallExpr)
		_, e := f.Lookup(call)
		switch {
		case e.Role == sdk.EnvSetter:
			if len(call.Args) == 2 {
				// A Setenv after the clients that read it is no sink
				// (envurl.go).
				if key, ok := f.Values.ConstString(call.Args[0]); ok && (key == sdk.EnvEndpointURLSTS || key == sdk.EnvEndpointURL) && !f.Env.EnvSetTooLate(cur, key) &&
					!(key == sdk.EnvEndpointURLSTS && f.Env.EnvEndpointIgnored(cur)) {
					out = append(out, Sink{Cur: cur, Value: call.Args[1], Kind: sdk.SinkEnv})
				}
			}
		case e.Sink != sdk.SinkNone:
			if e.Arg < len(call.Args) {
				out = append(out, Sink{Cur: cur, Value: call.Args[e.Arg], Kind: e.Sink})
			}
		}
	}
	for _, cur := range f.lits {
		lit := cur.Node().(*ast.CompositeLit)
		t := f.info.TypeOf(lit)
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			key, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			if e := sdk.LookupField(t, key.Name); e.Sink != sdk.SinkNone {
				out = append(out, Sink{Cur: cur, Value: kv.Value, Kind: e.Sink, URL: e.URL})
			}
		}
	}
	for _, cur := range f.asgns {
		as := cur.Node().(*ast.AssignStmt)
		if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			selection, ok := f.info.Selections[sel]
			if !ok || selection.Kind() != types.FieldVal {
				continue
			}
			if e := sdk.LookupField(selection.Recv(), sel.Sel.Name); e.Sink != sdk.SinkNone {
				out = append(out, Sink{Cur: cur, Value: as.Rhs[i], Kind: e.Sink, URL: e.URL})
			}
		}
	}
	return out
}

// An Endpoint is the value a sink receives, as far as it is constant.
type Endpoint struct {
	// Value is the constant URL or host; Known reports whether there is one.
	Value string
	Known bool
	// At is where the value is written: the sink's expression, or the
	// url.Parse argument that produced a URL.
	At ast.Expr
}

// Global reports whether the endpoint is provably the global STS host.
func (e Endpoint) Global() bool { return e.Known && host.IsGlobal(e.Value) }

// Value returns the constant endpoint a sink receives.
func (f *Flow) Value(s Sink) Endpoint {
	ep := Endpoint{At: s.Value}
	if s.URL {
		ep.Value, ep.Known = f.Values.ParsedURL(s.Value)
		if ep.Known {
			if arg := f.Values.URLText(s.Value); arg != nil {
				ep.At = arg
			}
		}
		return ep
	}
	ep.Value, ep.Known = f.Values.ConstString(f.Values.UnwrapPtr(s.Value))
	if ep.Known && host.IsGlobal(ep.Value) {
		// "https://" + host: report where the global host is written.
		if tv, ok := f.info.Types[ast.Unparen(s.Value)]; !ok || tv.Value == nil {
			if at := f.Resolvers.GlobalHostAt(s.Value); at != nil {
				ep.At = at
			}
		}
	}
	if ep.Known {
		// u.String() of a url.Parse result: report at the URL text.
		if call, ok := ast.Unparen(s.Value).(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if _, e := f.Lookup(call); e.Role == sdk.URLString {
					if arg := f.Values.URLText(sel.X); arg != nil {
						ep.At = arg
					}
				}
			}
		}
	}
	return ep
}

// A Resolver describes the custom endpoint resolver function enclosing a
// returned endpoint.
type Resolver struct {
	// V2 reports an aws-sdk-go-v2 resolver (returning aws.Endpoint).
	V2 bool
	// Region is the function's Region parameter, if named.
	Region *types.Var
}

// ResolverAt reports whether cur is inside a function shaped like an
// endpoint resolver: it returns (endpoints.ResolvedEndpoint, error) in v1
// or (aws.Endpoint, error) in v2, which is what ResolverFunc,
// EndpointResolverFunc, EndpointResolverWithOptionsFunc and
// sts.EndpointResolverFunc have in common. The shape, not the conversion,
// decides, so named functions passed as resolvers count too.
func (f *Flow) ResolverAt(cur inspector.Cursor) (Resolver, bool) {
	sig := f.EnclosingSig(cur)
	if sig == nil || sig.Results().Len() != 2 {
		return Resolver{}, false
	}
	res := sig.Results().At(0).Type()
	var r Resolver
	switch {
	case sdk.IsNamed(res, sdk.V1Endpoints, "ResolvedEndpoint"):
	case sdk.IsNamed(res, sdk.V2AWS, "Endpoint"):
		r.V2 = true
	default:
		return Resolver{}, false
	}
	// The Region is the last string parameter: (service, region) or
	// (region) in sts.EndpointResolverFunc.
	var strs []*types.Var
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if b, ok := p.Type().Underlying().(*types.Basic); ok && b.Kind() == types.String {
			strs = append(strs, p)
		}
	}
	if n := len(strs); n > 0 && n <= 2 && strs[n-1].Name() != "" && strs[n-1].Name() != "_" {
		r.Region = strs[n-1]
	}
	return r, true
}

// EnvVarFields returns the values of the Name and Value fields of a struct
// literal whose type has such string (or *string) fields (Kubernetes
// corev1.EnvVar, ECS KeyValuePair and the like).
func (f *Flow) EnvVarFields(lit *ast.CompositeLit) (name, value ast.Expr) {
	st, ok := typeStruct(f.info.TypeOf(lit))
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
		fld := st.Field(i)
		if fld.Name() != name {
			continue
		}
		t := fld.Type()
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		b, ok := t.Underlying().(*types.Basic)
		return ok && b.Kind() == types.String
	}
	return false
}
