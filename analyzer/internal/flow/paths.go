package flow

// Per-path reasoning without a control-flow graph. A use of a variable is
// reached by the last definition that every path to it passes (one in the
// same function, earlier, in a statement list that holds the use), and by
// the later definitions that only some paths pass (inside an if, a switch
// case, a loop or a function literal). Stores into the variable's fields
// are sorted the same way. A goto that jumps over a definition to a label
// before the use makes it conditional; early returns and loop back edges
// are not modelled: a definition after the use is never taken to reach it.

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// funcAt returns the innermost function declaration or literal holding
// pos, or nil at package level.
func (ps *pathFinder) funcAt(pos token.Pos) ast.Node {
	var in ast.Node
	for _, fn := range ps.f.funcs {
		if fn.Pos() > pos {
			break // preorder: every later function starts after pos
		}
		if pos < fn.End() {
			in = fn
		}
	}
	return in
}

// container returns the statement list (block, case or comm clause) that
// holds the statement at cur, and the function around it.
func container(cur inspector.Cursor) (list, fn ast.Node) {
	for c := cur.Parent(); c.Node() != nil; c = c.Parent() {
		switch n := c.Node().(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			if list == nil {
				list = n
			}
		case *ast.FuncLit, *ast.FuncDecl:
			return list, n
		}
	}
	return list, nil
}

// dominates reports whether every path from the function's entry to pos
// passes the statement at cur, taking effect at at.
func (ps *pathFinder) dominates(cur inspector.Cursor, at, pos token.Pos) bool {
	if at > pos {
		return false
	}
	list, fn := container(cur)
	return list != nil && fn == ps.funcAt(pos) && list.Pos() <= pos && pos < list.End() && !ps.jumpedOver(list, at, pos)
}

// jumpedOver reports whether a goto before at jumps to a label of list
// between at and pos: the path through it skips the statement at at.
func (ps *pathFinder) jumpedOver(list ast.Node, at, pos token.Pos) bool {
	var stmts []ast.Stmt
	switch l := list.(type) {
	case *ast.BlockStmt:
		stmts = l.List
	case *ast.CaseClause:
		stmts = l.Body
	case *ast.CommClause:
		stmts = l.Body
	}
	for _, st := range stmts {
		ls, ok := st.(*ast.LabeledStmt)
		if !ok || ls.Pos() <= at || ls.Pos() > pos {
			continue
		}
		label, _ := ps.f.info.Defs[ls.Label].(*types.Label)
		for _, g := range ps.gotoSites()[label] {
			if g < at {
				return true
			}
		}
	}
	return false
}

// gotoSites returns the positions of the goto statements to each label.
func (ps *pathFinder) gotoSites() map[*types.Label][]token.Pos {
	if ps.gotos == nil {
		ps.gotos = map[*types.Label][]token.Pos{}
		for _, file := range ps.f.pass.Files {
			ast.Inspect(file, func(n ast.Node) bool {
				if b, ok := n.(*ast.BranchStmt); ok && b.Tok == token.GOTO && b.Label != nil {
					if l, ok := ps.f.info.Uses[b.Label].(*types.Label); ok {
						ps.gotos[l] = append(ps.gotos[l], b.Pos())
					}
				}
				return true
			})
		}
	}
	return ps.gotos
}

// A branch is the outermost conditional part of a function that holds a
// definition but not the use it may reach.
type branch struct {
	node ast.Node // *ast.IfStmt, *ast.CaseClause, *ast.CommClause, a loop, a *ast.FuncLit, or nil
	stmt ast.Node // the statement choosing the path: the if, switch or select
	then bool     // for an if: the definition is in its then-branch
	// direct reports, for an if, that the definition is a statement of
	// its then or else block itself: skipping it means the condition
	// chose the other branch.
	direct bool
}

// branchOf returns the branch that separates the statement at cur from pos.
func branchOf(cur inspector.Cursor, pos token.Pos) branch {
	var b branch
	prev := cur
	for c := cur.Parent(); c.Node() != nil; prev, c = c, c.Parent() {
		n := c.Node()
		if n.Pos() <= pos && pos < n.End() {
			break
		}
		switch x := n.(type) {
		case *ast.IfStmt:
			if prev.Node() != x.Init && prev.Node() != x.Cond {
				b = branch{node: x, stmt: x, then: prev.Node() == x.Body}
			}
		case *ast.CaseClause, *ast.CommClause:
			b = branch{node: x, stmt: c.Parent().Parent().Node()}
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
			b = branch{node: x}
		}
	}
	if x, ok := b.node.(*ast.IfStmt); ok {
		list, _ := container(cur)
		b.direct = list != nil && (list == ast.Node(x.Body) || x.Else != nil && list == ast.Node(x.Else))
	}
	return b
}

// describe says when the path through (taken) or around (not taken) b
// runs: the branch and its side, which the checks word
// (`when region != "" is false`).
func describe(b branch, taken bool) Cond {
	switch x := b.node.(type) {
	case *ast.IfStmt:
		return Cond{Kind: CondIf, Node: x, Truth: b.then == taken}
	case *ast.CaseClause:
		return Cond{Kind: CondCase, Node: x, Truth: taken}
	case *ast.ForStmt, *ast.RangeStmt:
		return Cond{Kind: CondLoop, Node: x, Truth: taken}
	case *ast.FuncLit:
		return Cond{Kind: CondFuncLit, Node: x, Truth: taken}
	case nil:
		return Cond{Kind: CondSome}
	}
	return Cond{Kind: CondStmt, Node: b.node, Truth: taken}
}

// covers reports whether every path through the statement n assigns v or
// returns.
func (ps *pathFinder) covers(n ast.Node, v *types.Var) bool {
	switch x := n.(type) {
	case *ast.BlockStmt:
		return ps.coversList(x.List, v)
	case *ast.CaseClause:
		return ps.coversList(x.Body, v)
	case *ast.CommClause:
		return ps.coversList(x.Body, v)
	case *ast.IfStmt:
		return x.Else != nil && ps.covers(x.Body, v) && ps.covers(x.Else, v)
	case *ast.SwitchStmt:
		return ps.coversClauses(x.Body, v)
	case *ast.TypeSwitchStmt:
		return ps.coversClauses(x.Body, v)
	case *ast.ReturnStmt:
		return true
	case *ast.AssignStmt:
		if x.Tok != token.ASSIGN && x.Tok != token.DEFINE {
			return false
		}
		for _, lhs := range x.Lhs {
			if ps.f.localVar(lhs) == v {
				return true
			}
		}
	}
	return false
}

func (ps *pathFinder) coversList(list []ast.Stmt, v *types.Var) bool {
	for _, s := range list {
		if ps.covers(s, v) {
			return true
		}
	}
	return false
}

// coversClauses reports whether a switch has a default clause and every
// clause covers v.
func (ps *pathFinder) coversClauses(body *ast.BlockStmt, v *types.Var) bool {
	hasDefault := false
	for _, s := range body.List {
		cc, ok := s.(*ast.CaseClause)
		if !ok || !ps.covers(cc, v) {
			return false
		}
		hasDefault = hasDefault || cc.List == nil
	}
	return hasDefault
}

// A reach is what may reach one use of a variable.
type reach struct {
	// base is the definition every path passes last, or nil (a parameter, a
	// package-level variable, or a base replaced on every path).
	base *def
	// conds are the definitions only some paths pass, with their branches.
	conds []condDef
	// sets are the field stores every path passes after base; csets those
	// only some paths pass, outside every conditional definition's branch.
	sets, csets []*fieldSet
	// csetBranch is the branch of the first conditional store.
	csetBranch branch
	// condSets maps a conditional definition to the stores that follow it
	// in its own statement list.
	condSets map[*def][]*fieldSet
	// killed reports that an if or switch assigning v on every path
	// replaced the base.
	killed bool
	// insensitive marks a package-level variable (or a use without a
	// position): every definition and store counts, in no order.
	insensitive bool
}

type condDef struct {
	d *def
	b branch
}

// reaching returns what may reach a use of v at pos.
func (ps *pathFinder) reaching(v *types.Var, pos token.Pos) reach {
	defs := ps.f.defs[v]
	var r reach
	if !pos.IsValid() || v.Parent() == v.Pkg().Scope() {
		r.insensitive = true
		for i := range defs {
			r.conds = append(r.conds, condDef{d: &defs[i]})
		}
		for i := range ps.f.sets[v] {
			r.sets = append(r.sets, &ps.f.sets[v][i])
		}
		return r
	}
	for i := range defs {
		d := &defs[i]
		if d.at > pos {
			continue // after the use
		}
		if ps.dominates(d.cur, d.at, pos) {
			r.base, r.conds = d, nil
			continue
		}
		r.conds = append(r.conds, condDef{d: d, b: branchOf(d.cur, pos)})
	}
	// A conditional definition followed, in its own statement list, by
	// another one never reaches the use.
	live := r.conds[:0]
	for i, cd := range r.conds {
		killed := false
		for _, later := range r.conds[i+1:] {
			if list, _ := container(later.d.cur); list != nil && list.Pos() <= cd.d.at && cd.d.at < list.End() {
				killed = true
				break
			}
		}
		if !killed {
			live = append(live, cd)
		}
	}
	r.conds = live
	// An if with an else, or a switch with a default, that assigns v on
	// every path replaces the base.
	for _, cd := range r.conds {
		s := cd.b.stmt
		if s == nil || r.base != nil && s.Pos() < r.base.at {
			continue
		}
		if ps.covers(s, v) {
			r.base, r.killed = nil, true
			break
		}
	}
	for i := range ps.f.sets[v] {
		s := &ps.f.sets[v][i]
		if s.at > pos || r.base != nil && s.at < r.base.at || r.killed && s.at < cdStart(r.conds) {
			continue
		}
		if ps.dominates(s.cur, s.at, pos) || ps.f.Sessions.alwaysTaken(s.cur, pos) {
			r.sets = append(r.sets, s)
			continue
		}
		if ps.f.Sessions.neverTaken(s.cur, pos) {
			continue // on a branch the calling context rules out
		}
		if d := r.owner(s); d != nil {
			if r.condSets == nil {
				r.condSets = map[*def][]*fieldSet{}
			}
			r.condSets[d] = append(r.condSets[d], s)
			continue
		}
		if len(r.csets) == 0 {
			r.csetBranch = branchOf(s.cur, pos)
		}
		r.csets = append(r.csets, s)
	}
	return r
}

// owner returns the conditional definition whose statement list holds the
// store s, after the definition.
func (r *reach) owner(s *fieldSet) *def {
	for _, cd := range r.conds {
		if list, _ := container(cd.d.cur); list != nil && cd.d.at < s.at && list.Pos() <= s.at && s.at < list.End() {
			return cd.d
		}
	}
	return nil
}

// cdStart returns the earliest position of the conditional definitions.
func cdStart(conds []condDef) token.Pos {
	start := token.NoPos
	for _, cd := range conds {
		if start == token.NoPos || cd.d.at < start {
			start = cd.d.at
		}
	}
	return start
}

// pick chooses, among the values that may reach a use (safe tells which
// are provably regional; branches[i] is nil for the base path), the one
// that decides and, when another differs from it in being regional, that
// other one and when each runs.
func (ps *pathFinder) pick(safe []bool, branches []*branch) (main, other int, mainWhen, otherWhen Cond) {
	for i := 1; i < len(safe); i++ {
		if safe[i] == safe[0] {
			continue
		}
		b := branches[i]
		if b == nil {
			b = &branch{}
		}
		otherWhen = describe(*b, true)
		if branches[0] != nil {
			mainWhen = describe(*branches[0], true)
		} else {
			mainWhen = describe(*b, false)
		}
		return 0, i, mainWhen, otherWhen
	}
	// All alike: the first (the base path when there is one) decides; if
	// none is regional, prefer one that is not.
	return 0, -1, Cond{}, Cond{}
}
