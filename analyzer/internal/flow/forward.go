package flow

// Sinks decided forward: a global value written in code (an explicit
// legacy setting, a ResolvedEndpoint's URL) matters only when it flows on
// into something that configures the SDK. A *aws.Config kept in a test
// table and only passed to reflect.DeepEqual, or a ResolvedEndpoint only
// compared, configures nothing. Package reaching follows the value
// forward; what configures is decided here by the sink's type: a
// parameter whose type is (or holds) one of the SDK's types. A parameter
// of type any, a string of a printing function, configures nothing.

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/stsregional/stsregional/analyzer/internal/reaching"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// ReachesSDK reports whether the value written by e (a composite literal's
// field value, the right-hand side of an assignment) may flow into a
// parameter of an SDK type: true too when the value may leave what the
// walk sees, or flows into a function value the walk cannot name.
func (f *Flow) ReachesSDK(e ast.Expr) bool {
	fw := f.graph.Forward(e, carriesOn)
	if fw.Open || !fw.Used() {
		// A value discarded unused is judged as written.
		return true
	}
	for _, end := range fw.Ends {
		if end.Type == nil || holdsSDKType(end.Type, 0) {
			return true
		}
	}
	return false
}

// carriesOn reports whether the result of an end's call carries the value
// on: a call into the SDK or the standard library that returns a string or
// one of the SDK's types (aws.String, strings.TrimSpace) may return it.
func carriesOn(end reaching.End) bool {
	if end.Callee == nil {
		return false
	}
	res := end.Callee.Signature.Results()
	for i := range res.Len() {
		t := res.At(i).Type()
		if holdsSDKType(t, 0) {
			return true
		}
		if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
			return true
		}
	}
	return false
}

// holdsSDKType reports whether t is, points to or holds (as a slice,
// array, map or channel element) a named type of an AWS SDK package.
func holdsSDKType(t types.Type, depth int) bool {
	if depth > 8 {
		return false
	}
	switch x := types.Unalias(t).(type) {
	case *types.Named:
		if obj := x.Obj(); obj.Pkg() != nil && sdk.IsAWSPath(sdk.Path(obj.Pkg())) {
			return true
		}
		return false
	case *types.Pointer:
		return holdsSDKType(x.Elem(), depth+1)
	case *types.Slice:
		return holdsSDKType(x.Elem(), depth+1)
	case *types.Array:
		return holdsSDKType(x.Elem(), depth+1)
	case *types.Map:
		return holdsSDKType(x.Key(), depth+1) || holdsSDKType(x.Elem(), depth+1)
	case *types.Chan:
		return holdsSDKType(x.Elem(), depth+1)
	}
	return false
}

// ClientSends reports whether the v1 STS client cl may send a request: its
// construction flows forward into an operation (any method of the client
// but the XxxRequest builders, whose request is followed), a request's
// Send or Presign, or anything that takes an SDK or net/http type. A
// request that is only built and signed (request.Request.Sign) calls
// nothing. Credential providers and clients whose construction the walk
// cannot follow send.
func (f *Flow) ClientSends(cl Client) bool {
	if cl.Call == nil || cl.Ctor == nil || sdk.Lookup(cl.Ctor).Role != sdk.V1STSClient {
		return true
	}
	if f.operatesOn(cl.Call) {
		return true
	}
	fw := f.graph.Forward(cl.Call, carriesOn)
	if fw.Open || !fw.Used() {
		return true
	}
	for _, end := range fw.Ends {
		if end.Type == nil || end.Callee == nil {
			return true
		}
		fn, _ := end.Callee.Object().(*types.Func)
		if fn == nil {
			return true
		}
		if !holdsSDKType(end.Type, 0) && !passesHTTPRequest(fn, end.Type) {
			if programType(end.Type) {
				// Another package's function or method given a value of
				// its own types that holds the client (a struct it was
				// stored in, a method value bound to one): that code
				// may call it.
				return true
			}
			continue // printed, compared, read, kept as any
		}
		if buildsRequest(fn) || signsOnly(fn) {
			continue
		}
		return true
	}
	return false
}

// operatesOn reports whether the client that call builds is the receiver
// of one of its operations in the syntax: sts.New(s).GetCallerIdentity(…),
// or svc.AssumeRole(…) on a variable whose one definition is the call.
// The forward walk would find the same operation; answering it here saves
// building SSA for the common case (a large package of listers, each
// calling its client once, pays most of its run for SSA otherwise).
func (f *Flow) operatesOn(call *ast.CallExpr) bool {
	for _, cur := range f.calls {
		sel, ok := ast.Unparen(cur.Node().(*ast.CallExpr).Fun).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		recv := ast.Unparen(sel.X)
		if recv != ast.Expr(call) {
			v := f.localVar(recv)
			if v == nil || len(f.defs[v]) != 1 || ast.Unparen(f.defs[v][0].rhs) != ast.Expr(call) {
				continue
			}
		}
		fn, _ := f.info.Uses[sel.Sel].(*types.Func)
		if fn != nil && fn.Signature().Recv() != nil && !buildsRequest(fn) && sdk.Path(fn.Pkg()) == sdk.V1STS {
			return true
		}
	}
	return false
}

// programType reports whether t is, or points to, a named type of a
// package outside the standard library: a type of the program (or of a
// library it uses) that may hold the value and use it, unlike any, a
// string or a standard-library value such as an http.Header.
func programType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	first, _, _ := strings.Cut(n.Obj().Pkg().Path(), "/")
	return strings.Contains(first, ".")
}

// buildsRequest reports whether fn is a v1 client method that returns a
// *request.Request without sending it (the XxxRequest builders).
func buildsRequest(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Recv() == nil {
		return false
	}
	res := sig.Results()
	for i := range res.Len() {
		if p, ok := res.At(i).Type().(*types.Pointer); ok && sdk.IsNamed(p.Elem(), sdk.V1Request, "Request") {
			return true
		}
	}
	return false
}

// signsOnly reports whether fn is request.Request's Sign, which computes
// the signature and sends nothing (aws/request/request.go).
func signsOnly(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil || fn.Name() != "Sign" {
		return false
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	return sdk.IsNamed(t, sdk.V1Request, "Request")
}

// passesHTTPRequest reports whether a parameter of type t of fn takes an
// *http.Request that fn may send (http.Client.Do, a RoundTripper): any
// function but the request's own methods, which read or copy it.
func passesHTTPRequest(fn *types.Func, t types.Type) bool {
	p, ok := t.(*types.Pointer)
	if !ok || !sdk.IsNamed(p.Elem(), sdk.NetHTTP, "Request") {
		return false
	}
	recv := fn.Signature().Recv()
	return recv == nil || !types.Identical(recv.Type(), t)
}

// RequestSent reports whether the request of a SinkRequest sink may be
// sent. http.Get and its kin send at the sink; the *http.Request that
// http.NewRequest or http.NewRequestWithContext builds is sent It is sent
// when it may flow into a function that takes an *http.Request and may
// send it (http.Client.Do, a RoundTripper: passesHTTPRequest), into a
// value of another package's own types, into an SDK type, or out of the
// walk's sight (returned from the package, stored where the walk cannot
// follow). The SDK's SigV4 signers compute a signature and send nothing
// (aws-sdk-go-v2 aws/signer/v4/v4.go SignHTTP, PresignHTTP; aws-sdk-go
// aws/signer/v4/v4.go Sign, Presign; the HTTPSigner, HTTPPresigner and
// sts.HTTPPresignerV4 interfaces): a presigned URL they return is
// followed on, since whoever holds it may call it. A request built only
// to be signed and compared, as a test of a presigner does, is never
// sent.
func (f *Flow) RequestSent(s Sink) bool {
	call, ok := s.Cur.Node().(*ast.CallExpr)
	if s.Kind != sdk.SinkRequest || !ok {
		return true
	}
	if fn := f.Callee(call); fn == nil || sdk.Path(fn.Pkg()) != sdk.NetHTTP || fn.Signature().Recv() != nil ||
		(fn.Name() != "NewRequest" && fn.Name() != "NewRequestWithContext") {
		return true
	}
	fw := f.graph.Forward(call, func(end reaching.End) bool {
		return carriesOn(end) || signs(endFunc(end)) || returnsRequest(endFunc(end))
	})
	if fw.Open || !fw.Used() {
		return true
	}
	for _, end := range fw.Ends {
		fn := endFunc(end)
		if end.Type == nil || fn == nil {
			return true
		}
		switch {
		case signs(fn) || signsOnly(fn):
			continue // its results are followed
		case passesHTTPRequest(fn, end.Type), holdsSDKType(end.Type, 0), programType(end.Type):
			return true
		case sendsURL(fn, end.Type):
			return true
		}
	}
	return false
}

// returnsRequest reports whether fn, a net/http function or method, returns
// an *http.Request: req.WithContext(ctx) and req.Clone(ctx) carry the
// request on to whatever sends the copy.
func returnsRequest(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || sdk.Path(fn.Pkg()) != sdk.NetHTTP {
		return false
	}
	res := fn.Signature().Results()
	for i := range res.Len() {
		if p, ok := res.At(i).Type().(*types.Pointer); ok && sdk.IsNamed(p.Elem(), sdk.NetHTTP, "Request") {
			return true
		}
	}
	return false
}

// endFunc is the function an end calls: the static callee, or the
// interface method of a dynamic call.
func endFunc(end reaching.End) *types.Func {
	if end.Callee != nil {
		fn, _ := end.Callee.Object().(*types.Func)
		return fn
	}
	if end.Call != nil && end.Call.Common().IsInvoke() {
		return end.Call.Common().Method
	}
	return nil
}

// signs reports whether fn is one of the SDK's SigV4 signing methods,
// which take a request and send nothing.
func signs(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() == nil {
		return false
	}
	switch sdk.Path(fn.Pkg()) {
	case sdk.V1Signer:
		return fn.Name() == "Sign" || fn.Name() == "Presign"
	case sdk.V2Signer, sdk.V2STS:
		return fn.Name() == "SignHTTP" || fn.Name() == "PresignHTTP"
	}
	return false
}

// sendsURL reports whether fn, given a string as a parameter of type t,
// requests that URL: net/http's Get, Head, Post, PostForm, NewRequest and
// NewRequestWithContext, and the http.Client methods of the same names.
func sendsURL(fn *types.Func, t types.Type) bool {
	if fn.Pkg() == nil || sdk.Path(fn.Pkg()) != sdk.NetHTTP {
		return false
	}
	if b, ok := t.Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return false
	}
	switch fn.Name() {
	case "Get", "Head", "Post", "PostForm", "NewRequest", "NewRequestWithContext":
		return true
	}
	return false
}
