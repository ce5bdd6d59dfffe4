package reaching

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// reflected reports whether a pointer to a struct of type st leaves the
// package's code: converted to an interface or passed to a function of
// another package (json.Unmarshal(data, &s), a flag or env decoder). Such
// a function can write the struct's fields by reflection, so the package's
// own stores to a field are not all that reaches it.
func (g *Graph) reflected(st *types.Struct) bool {
	if g.reflect == nil {
		g.reflect = map[*types.Struct]bool{}
		mark := func(t types.Type) {
			if p, ok := t.Underlying().(*types.Pointer); ok {
				if s, ok := p.Elem().Underlying().(*types.Struct); ok {
					g.reflect[s] = true
				}
			}
		}
		for _, fn := range g.funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					switch x := instr.(type) {
					case *ssa.MakeInterface:
						mark(x.X.Type())
					case ssa.CallInstruction:
						callee := g.callee(x.Common())
						if callee != nil && callee.Pkg == g.ssa && callee.Blocks != nil {
							continue
						}
						for _, a := range x.Common().Args {
							mark(a.Type())
						}
					}
				}
			}
		}
	}
	return g.reflect[st]
}
