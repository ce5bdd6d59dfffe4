// Package flow decides where values go: it follows aws-sdk-go sessions and
// configs, aws-sdk-go-v2 configs and options, and endpoint strings through a
// type-checked package (and, through facts, across packages), and returns
// plain results: the endpoint mode of each STS client, the Region and where
// it is set, explicit endpoint values, the nodes a fix would edit, and a
// reason.
//
// It never reports and never builds fixes; the analyzer's checks do that
// from its results. The SDK's API is looked up in package sdk.
package flow

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/stsregional/stsregional/analyzer/internal/reaching"
	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// maxDepth bounds every recursive walk over expressions and definitions,
// so cyclic or very deep assignment chains cost a bounded amount. Long
// With* chains and reassignment sequences each take a step per link.
const maxDepth = 24

// A use is a variable read at a position.
type use struct {
	v   *types.Var
	pos token.Pos
}

type confResult struct {
	c  conf
	ok bool
}

// Options tune the analysis.
type Options struct {
	// AssumeEnvRegional treats aws-sdk-go v1 sessions that read the
	// environment as regional (the user vouches for
	// AWS_STS_REGIONAL_ENDPOINTS=regional in every deployment).
	AssumeEnvRegional bool
}

// Flow holds the def-use index of one package and memoises the results
// computed from it.
type Flow struct {
	pass *analysis.Pass
	info *types.Info
	in   *inspector.Inspector

	// defs maps a variable to every value assigned to it in the package
	// (declaration or assignment), for a small def-use walk.
	defs map[*types.Var][]def
	// sets maps a variable to field stores and mutating calls made through
	// it (cfg.Region = …, sess.Config.WithSTSRegionalEndpoint(…),
	// cfg.MergeIn(other)).
	sets map[*types.Var][]fieldSet
	// params holds function parameters and named results: values from
	// outside the function.
	params map[*types.Var]bool
	// decls maps this package's functions to their declarations, in
	// declOrder (source order, for deterministic fact export).
	decls     map[*types.Func]*ast.FuncDecl
	declOrder []*types.Func

	// funcs holds every function declaration and literal in position
	// order, so the last one containing a position is the innermost.
	funcs []ast.Node

	calls []inspector.Cursor
	lits  []inspector.Cursor
	asgns []inspector.Cursor

	// entries memoises sdk.Lookup.
	entries map[*types.Func]sdk.Entry
	// confMemo and sessMemo memoise the value of a variable at a use: the
	// per-path evaluation visits each use once.
	confMemo map[use]confResult
	sessMemo map[use]sess

	// sinks memoises Sinks (sinks.go).
	sinks *[]Sink

	// wrapped are the helpers of this package that build a v1 STS client
	// or credential provider from their parameters only (session.go).
	wrapped []*wrapper

	// graph is the package's SSA form, built on first use (ssa.go).
	graph *reaching.Graph
	// split, while a client is evaluated caller by caller, narrows what
	// reaches a value to one caller's entry (ssa.go).
	split *split

	// The parts (groups.go): each answers one kind of question, keeps
	// the state only it uses, and asks the others through this Flow.

	// Env is one part of a Flow (env.go, envstate.go, envurl.go, envignore.go, envguard.go).
	Env *Env
	// Resolvers is one part of a Flow (resolve.go, resolverfn.go, resolverfact.go).
	Resolvers *Resolvers
	// Values is one part of a Flow (values.go, sources.go).
	Values *Values
	// paths is one part of a Flow (paths.go).
	paths *pathFinder
	// eval is one part of a Flow (ssa.go).
	eval *ssaEval
	// Sessions is one part of a Flow (session.go, config.go, legacy.go, credchain.go, explicit.go).
	Sessions *Sessions
	// Routes is one part of a Flow (routes.go, v2.go, v2base.go).
	Routes *Routes
	// Facts is one part of a Flow (facts.go, params.go, wrapfact.go, valuefact_codec.go).
	Facts *Facts
}

// A def is one value assigned to a variable: rhs, or element index of the
// tuple rhs returns (index >= 0); index is zeroValue for a declaration
// without a value (var x T). It takes effect at the end of its statement
// (at), so cfg = cfg.WithLogLevel(…) reads the previous value; cur is the
// statement, for the per-path queries of paths.go.
type def struct {
	rhs   ast.Expr
	index int
	at    token.Pos
	cur   inspector.Cursor
}

const zeroValue = -2

// A fieldSet is a store into a field reached through a variable: an
// assignment (path "Config.Region"), a v1 aws.Config With* setter, or a
// MergeIn (path "Config.*" or "*", value the merged config).
type fieldSet struct {
	path  string
	value ast.Expr
	at    token.Pos
	cur   inspector.Cursor
}

// mergeField is the path element of a MergeIn store: every set field of
// the merged config.
const mergeField = "*"

// New indexes the package of pass.
func New(pass *analysis.Pass, in *inspector.Inspector, opts Options) *Flow {
	f := &Flow{
		pass: pass,
		info: pass.TypesInfo,

		defs:   map[*types.Var][]def{},
		sets:   map[*types.Var][]fieldSet{},
		params: map[*types.Var]bool{},
		decls:  map[*types.Func]*ast.FuncDecl{},

		entries:  map[*types.Func]sdk.Entry{},
		confMemo: map[use]confResult{},
		sessMemo: map[use]sess{},
	}
	// The parts (groups.go).
	f.Env = &Env{f: f}
	f.Resolvers = &Resolvers{f: f}
	f.Values = &Values{f: f}
	f.paths = &pathFinder{f: f}
	f.eval = &ssaEval{f: f}
	f.Sessions = &Sessions{f: f, opts: opts}
	f.Routes = &Routes{f: f, toSTS: map[*types.Func][]int{}, v2bases: map[v2baseKey]ast.Expr{}, v2confs: map[ast.Expr]v2conf{}, v2splits: map[v2baseKey]v2split{}}
	f.Facts = &Facts{f: f, facts: map[*types.Func]*SessionFact{}}

	f.graph = reaching.New(pass.Fset, pass.Pkg, pass.Files, pass.TypesInfo)
	f.index(in)
	// The preorder walk visits pass.Files in their order, but a file's
	// positions come from the order in which the driver added it to the
	// FileSet: go/packages parses a package's files concurrently, so the
	// two orders can differ from one run to the next. funcAt needs
	// position order.
	slices.SortStableFunc(f.funcs, func(a, b ast.Node) int { return cmp.Compare(a.Pos(), b.Pos()) })
	return f
}

// Calls, Lits and Assigns return the cursors of every call, composite
// literal and assignment of the package, in source order.
func (f *Flow) Calls() []inspector.Cursor   { return f.calls }
func (f *Flow) Lits() []inspector.Cursor    { return f.lits }
func (f *Flow) Assigns() []inspector.Cursor { return f.asgns }

// index walks the package once, recording assignments, field stores,
// parameters, and the calls, composite literals and assignments the
// queries examine afterwards (they need the complete def-use index).
func (f *Flow) index(in *inspector.Inspector) {
	f.in = in
	info := f.info
	filter := []ast.Node{
		(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CallExpr)(nil),
		(*ast.CompositeLit)(nil), (*ast.FuncType)(nil), (*ast.RangeStmt)(nil),
		(*ast.FuncDecl)(nil), (*ast.FuncLit)(nil),
	}
	for cur := range in.Root().Preorder(filter...) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			f.funcs = append(f.funcs, n)
			if fn, ok := info.Defs[n.Name].(*types.Func); ok {
				f.decls[fn] = n
				f.declOrder = append(f.declOrder, fn)
			}
		case *ast.FuncType:
			for _, list := range []*ast.FieldList{n.Params, n.Results} {
				if list == nil {
					continue
				}
				for _, fld := range list.List {
					for _, name := range fld.Names {
						if v, ok := info.Defs[name].(*types.Var); ok {
							f.params[v] = true
						}
					}
				}
			}
		case *ast.RangeStmt:
			// Range variables take values the walk cannot follow.
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if v := f.localVar(e); v != nil {
					f.defs[v] = append(f.defs[v], def{rhs: nil, at: n.X.End(), cur: cur})
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				v, ok := info.Defs[name].(*types.Var)
				if !ok {
					continue
				}
				d := def{at: n.End(), cur: cur}
				switch {
				case len(n.Values) == len(n.Names):
					d.rhs, d.index = n.Values[i], -1
				case len(n.Values) == 1:
					d.rhs, d.index = n.Values[0], i
				default:
					// var x T: the zero value.
					d.index = zeroValue
				}
				f.defs[v] = append(f.defs[v], d)
			}
		case *ast.AssignStmt:
			f.asgns = append(f.asgns, cur)
			f.indexAssign(cur, n)
		case *ast.CallExpr:
			f.calls = append(f.calls, cur)
			f.indexMutatingCall(cur, n)
		case *ast.FuncLit:
			f.funcs = append(f.funcs, n)
		case *ast.CompositeLit:
			f.lits = append(f.lits, cur)
		}
	}
}

func (f *Flow) indexAssign(cur inspector.Cursor, n *ast.AssignStmt) {
	for i, lhs := range n.Lhs {
		var rhs ast.Expr
		index := -1
		switch {
		case len(n.Lhs) == len(n.Rhs):
			rhs = n.Rhs[i]
		case len(n.Rhs) == 1:
			rhs, index = n.Rhs[0], i
		}
		if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
			rhs = nil // x += …: not a value the walk follows
		}
		if v := f.localVar(lhs); v != nil {
			f.defs[v] = append(f.defs[v], def{rhs: rhs, index: index, at: n.End(), cur: cur})
			continue
		}
		if root, path := f.fieldPath(lhs); root != nil && index == -1 {
			f.sets[root] = append(f.sets[root], fieldSet{path: path, value: rhs, at: n.End(), cur: cur})
		}
	}
}

// indexMutatingCall records x.WithRegion(r), x.Config.WithRegion(r) and
// x.MergeIn(y): v1 setters mutate their receiver as well as returning it
// (aws/config.go: "c.Region = &region; return c"), and MergeIn copies the
// set fields of its arguments into the receiver (aws/config.go
// mergeInConfig).
func (f *Flow) indexMutatingCall(cur inspector.Cursor, call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) == 0 {
		return
	}
	fn, _ := f.info.Uses[sel.Sel].(*types.Func)
	e := sdk.Lookup(fn)
	var field string
	var values []ast.Expr
	switch e.Role {
	case sdk.V1ConfigSetter:
		if len(call.Args) != 1 {
			return
		}
		field, values = e.Field, call.Args
	case sdk.V1ConfigMergeIn:
		field, values = mergeField, call.Args
		if call.Ellipsis.IsValid() {
			values = append(values[:len(values)-1:len(values)-1], nil) // unknown configs
		}
	default:
		return
	}
	var root *types.Var
	path := field
	if v := f.localVar(sel.X); v != nil {
		root = v
	} else if r, p := f.fieldPath(sel.X); r != nil {
		root, path = r, p+"."+field
	}
	if root == nil {
		return
	}
	for _, v := range values {
		f.sets[root] = append(f.sets[root], fieldSet{path: path, value: v, at: call.End(), cur: cur})
	}
}

// localVar returns the variable e denotes if e is a plain identifier.
func (f *Flow) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := f.info.ObjectOf(id).(*types.Var)
	if v == nil || v.IsField() {
		return nil
	}
	return v
}

// fieldPath splits x.A.B (or (*x).A.B) into the variable x and "A.B".
func (f *Flow) fieldPath(e ast.Expr) (*types.Var, string) {
	var parts []string
	for {
		e = ast.Unparen(e)
		switch x := e.(type) {
		case *ast.SelectorExpr:
			if sel, ok := f.info.Selections[x]; !ok || sel.Kind() != types.FieldVal {
				return nil, ""
			}
			parts = append(parts, x.Sel.Name)
			e = x.X
			continue
		case *ast.StarExpr:
			e = x.X
			continue
		case *ast.Ident:
			v := f.localVar(x)
			if v == nil || len(parts) == 0 {
				return nil, ""
			}
			for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
				parts[i], parts[j] = parts[j], parts[i]
			}
			return v, strings.Join(parts, ".")
		}
		return nil, ""
	}
}

// Callee returns the function or method a call statically calls, or nil.
// A function variable that only ever holds one function counts as that
// function.
func (f *Flow) Callee(call *ast.CallExpr) *types.Func {
	fun := ast.Unparen(call.Fun)
	switch ix := fun.(type) {
	case *ast.IndexExpr:
		fun = ix.X
	case *ast.IndexListExpr:
		fun = ix.X
	}
	id := NameIdent(fun)
	if id == nil {
		return nil
	}
	switch obj := f.info.Uses[id].(type) {
	case *types.Func:
		return obj
	case *types.Var:
		// var newCreds = stscreds.NewCredentials.
		if fn := f.funcValue(obj); fn != nil {
			return fn
		}
		if !mentionsAWS(obj.Type()) {
			return nil // cannot hold an SDK constructor: no SSA needed
		}
		if fn, ok := f.syntaxFuncOf(fun, obj); ok {
			return fn
		}
		return f.eval.funcOf(fun)
	}
	return nil
}

// NameIdent returns the identifier that names e, x in x or in pkg.x and
// v.x, or nil for other expressions.
func NameIdent(e ast.Expr) *ast.Ident {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return x
	case *ast.SelectorExpr:
		return x.Sel
	}
	return nil
}

// Lookup returns the callee of call and its SDK table entry.
func (f *Flow) Lookup(call *ast.CallExpr) (*types.Func, sdk.Entry) {
	fn := f.Callee(call)
	if fn == nil {
		return nil, sdk.Entry{}
	}
	e, ok := f.entries[fn]
	if !ok {
		// The key of a table lookup is built from strings: look each
		// function up once per package.
		e = sdk.Lookup(fn)
		f.entries[fn] = e
	}
	return fn, e
}

// funcValue returns the function a variable always holds, if every
// assignment to it is the same function.
func (f *Flow) funcValue(v *types.Var) *types.Func {
	if v.IsField() || f.params[v] {
		return nil
	}
	var fn *types.Func
	for _, d := range f.defs[v] {
		if d.index != -1 || d.rhs == nil {
			return nil
		}
		g, ok := f.info.Uses[NameIdent(d.rhs)].(*types.Func)
		if !ok || fn != nil && g != fn {
			return nil
		}
		fn = g
	}
	return fn
}

// syntaxFuncOf answers funcOf for the function variable or field v named
// by fun without SSA where the syntax settles it, which is only ever
// "none" (fn is always nil): funcOf names a function only when every
// value reaching fun is that function, so one value that is not a named
// function decides. Such values are the result of
// another package's function (resources.GetLister(t)), a function
// literal, nil, a parameter of an exported function (what callers pass
// is not seen), and any value of an exported field of an exported type
// (other packages may store it). ok is false when SSA must decide (a
// parameter of an unexported function, a value the index cannot name).
// A large command package calling a lister it got from a registry
// otherwise builds SSA for all its imports on every edit.
func (f *Flow) syntaxFuncOf(fun ast.Expr, v *types.Var) (*types.Func, bool) {
	var vals []ast.Expr
	switch {
	case v.IsField():
		sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
		if !ok {
			return nil, false
		}
		s := f.info.Selections[sel]
		if s == nil || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
			return nil, false
		}
		named, ok := types.Unalias(derefType(s.Recv())).(*types.Named)
		if ok && named.Obj().Pkg() == f.pass.Pkg && named.Obj().Exported() && v.Exported() {
			return nil, true // other packages may store it
		}
		if !ok || named.Obj().Pkg() != f.pass.Pkg {
			return nil, false
		}
		vals = f.Facts.storeIndex().fields[v]
	case f.params[v] || v.Pkg() != f.pass.Pkg:
		return nil, false
	default:
		for _, d := range f.defs[v] {
			if d.rhs == nil || d.index == zeroValue {
				return nil, false
			}
			if d.index >= 0 {
				// One result of a call: a function's result.
				if call, ok := ast.Unparen(d.rhs).(*ast.CallExpr); ok && f.otherPackageCall(call) {
					return nil, true
				}
				return nil, false
			}
			vals = append(vals, d.rhs)
		}
	}
	if f.Facts.storeIndex().addressed[v] || len(vals) == 0 {
		return nil, false
	}
	undecided := false
	for _, e := range vals {
		if f.eval.inTest(e) {
			// A test's stand-in (newCreds = fake) is not what
			// production calls: SSA keeps the two apart.
			return nil, false
		}
		switch x := ast.Unparen(e).(type) {
		case *ast.FuncLit:
			return nil, true
		case *ast.CallExpr:
			if f.otherPackageCall(x) {
				return nil, true
			}
			undecided = true
		case *ast.Ident, *ast.SelectorExpr:
			if x, ok := x.(*ast.Ident); ok && f.info.Uses[x] == types.Universe.Lookup("nil") {
				return nil, true
			}
			if p, ok := f.info.Uses[NameIdent(x)].(*types.Var); ok && f.params[p] && f.exportedParam(p) {
				return nil, true
			}
			// A named function: SSA decides whether it is the only
			// value (funcValue has answered the one-definition case).
			undecided = true
		default:
			undecided = true
		}
	}
	return nil, !undecided
}

// otherPackageCall reports whether call calls a function or method of
// another package (not a conversion or a builtin): its result is that
// code's, a value SSA of this package sees only as a call's result.
func (f *Flow) otherPackageCall(call *ast.CallExpr) bool {
	if tv := f.info.Types[ast.Unparen(call.Fun)]; tv.IsType() || tv.IsBuiltin() {
		return false
	}
	id := NameIdent(call.Fun)
	if id == nil {
		return false
	}
	fn, ok := f.info.Uses[id].(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg() != f.pass.Pkg
}

// exportedParam reports whether v is a parameter of an exported function
// or method of the package: what its callers pass is not all visible.
func (f *Flow) exportedParam(v *types.Var) bool {
	decl, ok := f.paths.funcAt(v.Pos()).(*ast.FuncDecl)
	return ok && decl.Name.IsExported() && decl.Type.Params.Pos() <= v.Pos() && v.Pos() < decl.Type.Params.End()
}

// derefType returns what t points to, or t.
func derefType(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// IsFieldOf reports whether e selects field name of the struct pkg.typ.
func (f *Flow) IsFieldOf(e ast.Expr, pkg, typ, name string) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return false
	}
	s, ok := f.info.Selections[sel]
	return ok && s.Kind() == types.FieldVal && sdk.IsNamed(s.Recv(), pkg, typ)
}

// ElemWithKey finds the key-value element of lit with the given field name.
func ElemWithKey(lit *ast.CompositeLit, key string) (int, *ast.KeyValueExpr) {
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == key {
				return i, kv
			}
		}
	}
	return -1, nil
}

// ExprString renders a short description of e for messages.
func ExprString(e ast.Expr) string {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return ExprString(x.X) + "." + x.Sel.Name
	case *ast.CallExpr:
		return ExprString(x.Fun) + "(…)"
	case *ast.StarExpr:
		return "*" + ExprString(x.X)
	}
	return "value"
}

// EnclosingSig returns the signature of the innermost function (literal or
// declaration) around cur, or nil.
func (f *Flow) EnclosingSig(cur inspector.Cursor) *types.Signature {
	for fcur := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch fn := fcur.Node().(type) {
		case *ast.FuncLit:
			sig, _ := f.info.TypeOf(fn).(*types.Signature)
			return sig
		case *ast.FuncDecl:
			if obj, ok := f.info.Defs[fn.Name].(*types.Func); ok {
				return obj.Signature()
			}
			return nil
		}
	}
	return nil
}
