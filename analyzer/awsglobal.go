package analyzer

// STS006 for aws-sdk-go-v2: the pseudo-Region aws-global reaching an STS
// client. The same Region is right for global services such as Route 53,
// so a config is reported only when it flows into sts.NewFromConfig in the
// package, and sts.Options only when it really is the STS client's options.

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

const awsGlobalV2Msg = "Region aws-global reaches an aws-sdk-go-v2 STS client: the endpoint rules send aws-global to the global endpoint sts.amazonaws.com (us-east-1); use a real Region (AWS_REGION, shared config, or config.WithEC2IMDSRegion)"

func (c *checker) checkAWSGlobal() {
	if !c.on[GlobalPseudoRgn] {
		return
	}
	// sts.Options{Region: "aws-global"} and o.Region = "aws-global" on
	// *sts.Options: always the STS client's Region.
	for _, cur := range c.lits {
		lit := cur.Node().(*ast.CompositeLit)
		if sdk.IsNamed(c.pass.TypesInfo.TypeOf(lit), sdk.V2STS, "Options") {
			if _, kv := elemWithKey(lit, "Region"); kv != nil && c.isAWSGlobal(kv.Value) {
				c.report(GlobalPseudoRgn, kv.Value, awsGlobalV2Msg, nil)
			}
		}
	}
	for _, cur := range c.asgns {
		as := cur.Node().(*ast.AssignStmt)
		if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			if c.isFieldOf(lhs, sdk.V2STS, "Options", "Region") && c.isAWSGlobal(as.Rhs[i]) {
				c.report(GlobalPseudoRgn, as.Rhs[i], awsGlobalV2Msg, nil)
			}
		}
	}
	// aws.Config values that reach sts.NewFromConfig, directly or through a
	// function of this package (also one stored in a function-typed field
	// or variable) that hands its parameter to it.
	for _, cur := range c.calls {
		call := cur.Node().(*ast.CallExpr)
		for _, i := range c.stsConfigArgs(call) {
			for _, e := range c.v2GlobalRegions(call.Args[i], 0) {
				c.report(GlobalPseudoRgn, e, awsGlobalV2Msg, nil)
			}
		}
	}
}

// stsConfigArgs returns the indexes of call's arguments that become the
// aws.Config of a v2 STS client.
func (c *checker) stsConfigArgs(call *ast.CallExpr) []int {
	if len(call.Args) == 0 {
		return nil
	}
	if fn := c.callee(call); fn != nil {
		if sdk.IsFunc(fn, sdk.V2STS, "NewFromConfig") {
			return []int{0}
		}
		return c.paramsToSTS(fn)
	}
	// d.StsProvider(cfg): a function-typed field or variable; follow the
	// functions stored into it in this package.
	var obj types.Object
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		obj = c.pass.TypesInfo.Uses[f]
	case *ast.SelectorExpr:
		obj = c.pass.TypesInfo.Uses[f.Sel]
	}
	v, ok := obj.(*types.Var)
	if !ok {
		return nil
	}
	var out []int
	for _, stored := range c.storedValues(v) {
		var id *ast.Ident
		switch x := ast.Unparen(stored).(type) {
		case *ast.Ident:
			id = x
		case *ast.SelectorExpr:
			id = x.Sel
		}
		if fn, ok := c.pass.TypesInfo.Uses[id].(*types.Func); ok {
			if sdk.IsFunc(fn, sdk.V2STS, "NewFromConfig") {
				out = append(out, 0)
			}
			out = append(out, c.paramsToSTS(fn)...)
		}
	}
	return out
}

// paramsToSTS returns the parameter indexes of fn, a function of this
// package, that fn passes unchanged to sts.NewFromConfig.
func (c *checker) paramsToSTS(fn *types.Func) []int {
	if fn.Pkg() != c.pass.Pkg {
		return nil
	}
	if idx, ok := c.toSTS[fn]; ok {
		return idx
	}
	c.toSTS[fn] = nil
	decl := c.decls[fn]
	if decl == nil || decl.Body == nil {
		return nil
	}
	params := fn.Signature().Params()
	var idx []int
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return true
		}
		if f := c.callee(call); f == nil || !sdk.IsFunc(f, sdk.V2STS, "NewFromConfig") {
			return true
		}
		if v := c.localVar(call.Args[0]); v != nil {
			for i := 0; i < params.Len(); i++ {
				if params.At(i) == v {
					idx = append(idx, i)
				}
			}
		}
		return true
	})
	c.toSTS[fn] = idx
	return idx
}

// storedValues returns the values assigned to a variable or stored into a
// field (in composite literals and assignments) in this package.
func (c *checker) storedValues(v *types.Var) []ast.Expr {
	if !v.IsField() {
		var out []ast.Expr
		for _, d := range c.defs[v] {
			if d.rhs != nil && d.index == -1 {
				out = append(out, d.rhs)
			}
		}
		return out
	}
	var out []ast.Expr
	for _, cur := range c.lits {
		for _, elt := range cur.Node().(*ast.CompositeLit).Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == v {
					out = append(out, kv.Value)
				}
			}
		}
	}
	for _, cur := range c.asgns {
		as := cur.Node().(*ast.AssignStmt)
		if len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && c.pass.TypesInfo.Uses[sel.Sel] == v {
				out = append(out, as.Rhs[i])
			}
		}
	}
	return out
}

// isAWSGlobal reports whether e is the constant Region "aws-global".
func (c *checker) isAWSGlobal(e ast.Expr) bool {
	s, ok := c.constString(c.unwrapPtr(e))
	return ok && s == sdk.GlobalRegion
}

// isFieldOf reports whether e selects field name of the struct pkg.typ.
func (c *checker) isFieldOf(e ast.Expr, pkg, typ, name string) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return false
	}
	s, ok := c.pass.TypesInfo.Selections[sel]
	return ok && s.Kind() == types.FieldVal && sdk.IsNamed(s.Recv(), pkg, typ)
}

// v2GlobalRegions returns the expressions that set the Region of the v2
// aws.Config e to aws-global: config.WithRegion / WithDefaultRegion options
// of LoadDefaultConfig, aws.Config literals, and cfg.Region stores.
func (c *checker) v2GlobalRegions(e ast.Expr, depth int) []ast.Expr {
	if depth > maxDepth {
		return nil
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.StarExpr:
		return c.v2GlobalRegions(x.X, depth+1)
	case *ast.UnaryExpr:
		return c.v2GlobalRegions(x.X, depth+1)
	case *ast.CompositeLit:
		if _, kv := elemWithKey(x, "Region"); kv != nil && c.isAWSGlobal(kv.Value) {
			return []ast.Expr{kv.Value}
		}
	case *ast.CallExpr:
		fn := c.callee(x)
		switch {
		case fn == nil:
		case sdk.IsFunc(fn, sdk.V2Config, "LoadDefaultConfig"):
			var out []ast.Expr
			for _, a := range x.Args {
				opt, ok := ast.Unparen(a).(*ast.CallExpr)
				if !ok || len(opt.Args) != 1 {
					continue
				}
				if ofn := c.callee(opt); ofn != nil &&
					(sdk.IsFunc(ofn, sdk.V2Config, "WithRegion") || sdk.IsFunc(ofn, sdk.V2Config, "WithDefaultRegion")) &&
					c.isAWSGlobal(opt.Args[0]) {
					out = append(out, opt.Args[0])
				}
			}
			return out
		case sdk.IsMethod(fn, sdk.V2AWS, "Config", "Copy"):
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				return c.v2GlobalRegions(sel.X, depth+1)
			}
		}
	case *ast.Ident:
		v := c.localVar(x)
		if v == nil || c.params[v] {
			return nil
		}
		var out []ast.Expr
		for _, d := range c.defs[v] {
			if d.rhs != nil && d.index <= 0 {
				out = append(out, c.v2GlobalRegions(d.rhs, depth+1)...)
			}
		}
		for _, s := range c.sets[v] {
			if s.path == "Region" && c.isAWSGlobal(s.value) {
				out = append(out, s.value)
			}
		}
		return out
	}
	return nil
}
