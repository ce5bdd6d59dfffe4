package reaching

import (
	"go/ast"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"
)

// marked returns the value stored into a field named mark: a key-value
// element's value or an assignment's right-hand side.
func marked(f *ast.File) ast.Expr {
	var out ast.Expr
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok && (id.Name == "mark" || id.Name == "Mark") {
				out = n.Value
			}
		case *ast.AssignStmt:
			if sel, ok := n.Lhs[0].(*ast.SelectorExpr); ok && (sel.Sel.Name == "mark" || sel.Sel.Name == "Mark") {
				out = n.Rhs[0]
			}
		}
		return out == nil
	})
	return out
}

// ends renders a forward result: the called functions, sorted, then
// "compared" and "open".
func ends(fw Forward) string {
	var parts []string
	for _, e := range fw.Ends {
		name := "dynamic"
		if e.Callee != nil {
			name = e.Callee.String()
		}
		parts = append(parts, name)
	}
	slices.Sort(parts)
	parts = slices.Compact(parts)
	if fw.Compared {
		parts = append(parts, "compared")
	}
	if fw.Open {
		parts = append(parts, "open")
	}
	return strings.Join(parts, " ")
}

func TestForward(t *testing.T) {
	const head = "package p\n\nimport (\n\t\"fmt\"\n\t\"reflect\"\n\t\"strings\"\n)\n\nvar _ = fmt.Sprint\nvar _ = reflect.DeepEqual\nvar _ = strings.ToUpper\n\ntype cfg struct{ mark string; other int }\n\ntype Pub struct{ Mark string }\n\n"
	tests := []struct {
		name, src, want string
	}{
		{"test table only compared", `
type row struct {
	in   string
	want *cfg
}

func A() error {
	rows := []row{{"a", &cfg{mark: "x"}}}
	for _, r := range rows {
		if !reflect.DeepEqual(r.want, &cfg{}) {
			return fmt.Errorf("%s", r.in)
		}
	}
	return nil
}`, "reflect.DeepEqual"},
		{"field only compared", `
func A() bool {
	c := cfg{mark: "x"}
	return c.mark == "y"
}`, "compared"},
		{"returned from an exported function", `
func A() *Pub { return &Pub{Mark: "x"} }`, "open"},
		{"unexported field of a struct returned from an exported function, never read", `
func A() *cfg { return &cfg{mark: "x"} }`, ""},
		{"unexported field of a returned struct read by a method", `
func (c *cfg) Up() string { return strings.ToUpper(c.mark) }

func A() *cfg { return &cfg{mark: "x"} }`, "strings.ToUpper"},
		{"test table row: only the compared field carries", `
type row struct {
	name string
	want *cfg
	check func(*cfg) error
}

func run(name string, f func()) { f() }

func check(c *cfg) error {
	if !reflect.DeepEqual(c, &cfg{}) {
		return fmt.Errorf("mismatch")
	}
	return nil
}

func A() {
	rows := []row{{name: "a", want: &cfg{mark: "x"}}}
	for _, tc := range rows {
		tt := tc
		run(tt.name, func() {
			f := tt.check
			if f == nil {
				f = check
			}
			_ = f(tt.want)
			strings.ToUpper(tt.name)
		})
	}
}`, "reflect.DeepEqual"},
		{"test table row: the wanted value is used", `
type row struct {
	name string
	want *cfg
}

func run(name string, f func()) { f() }

func A() {
	rows := []row{{name: "a", want: &cfg{mark: "x"}}}
	for _, tc := range rows {
		tt := tc
		run(tt.name, func() { strings.ToUpper(tt.want.mark) })
	}
}`, "strings.ToUpper"},
		{"map value read by key", `
func A() {
	m := map[string]Pub{"k": {Mark: "x"}}
	strings.ToUpper(m["k"].Mark)
}`, "strings.ToUpper"},
		{"returned by a helper to its caller", `
func mk() *cfg { return &cfg{mark: "x"} }

func A() { strings.ToUpper(mk().mark) }`, "strings.ToUpper"},
		{"argument of a closed helper", `
func use(c *cfg) { fmt.Println(c.mark) }

func A() { use(&cfg{mark: "x"}) }`, "fmt.Println"},
		{"stored through an exported function's parameter", `
func A(c *Pub) { c.Mark = "x" }`, "open"},
		{"stored through a local copy of a helper's parameter", `
func set(c *cfg) {
	d := c
	d.mark = "x"
}

func A() {
	c := &cfg{}
	set(c)
	strings.ToUpper(c.mark)
}`, "strings.ToUpper"},
		{"captured by a closure that returns it", `
func A() func() string {
	c := cfg{mark: "x"}
	return func() string { return c.mark }
}`, "open"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, f := load(t, head+tt.src)
			e := marked(f)
			if e == nil {
				t.Fatal("no mark")
			}
			if got := ends(g.Forward(e, nil)); got != tt.want {
				t.Errorf("Forward = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPointee(t *testing.T) {
	const head = "package p\n\nimport \"encoding/json\"\n\nvar _ = json.Unmarshal\n\ntype S struct{ A, B string }\n\nfunc sink(*string) {}\n\n"
	tests := []struct {
		name, src, want string
	}{
		{"field a literal leaves unset", `
func A() {
	s := S{A: "a"}
	p := &s.B
	sink(p)
}`, "zero"},
		{"field a literal sets", `
func A() {
	s := S{B: "b"}
	p := &s.B
	sink(p)
}`, "b"},
		{"field set after the address is taken", `
func A() {
	s := S{}
	p := &s.B
	s.B = "late"
	sink(p)
}`, "late zero"},
		{"variable decoded by reflection", `
func A() {
	var s S
	_ = json.Unmarshal(nil, &s)
	p := &s.B
	sink(p)
}`, "open"},
		{"field of the object a pointer holds", `
func A() {
	s := &S{A: "a"}
	p := &s.B
	sink(p)
}`, "zero"},
		{"field of an object passed to another package", `
func A() {
	s := &S{}
	_ = json.Unmarshal(nil, s)
	p := &s.B
	sink(p)
}`, "zero open"},
		{"field of an object an exported function returns", `
func New() *S { return &S{} }

func A() {
	s := New()
	p := &s.B
	sink(p)
}`, "zero open"},
		{"field of a helper's parameter: every caller's object", `
func h(s *S) {
	p := &s.B
	sink(p)
}

func A() { h(&S{B: "one"}) }

func B() { h(&S{}) }`, "one zero"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, f := load(t, head+tt.src)
			args := sinkArgs(f)
			if len(args) != 1 {
				t.Fatalf("%d sink calls", len(args))
			}
			v, ok := g.Value(args[0])
			if !ok {
				// sink(p): the address is what p holds.
				r := g.Values(args[0])
				if len(r.Leaves) != 1 {
					t.Fatalf("no value for %v", args[0])
				}
				v = r.Leaves[0].Value
			} else if r := g.ValuesOf(v); len(r.Leaves) == 1 {
				v = r.Leaves[0].Value
			}
			if got := describe(g.Pointee(v, nil)); got != tt.want {
				t.Errorf("Pointee = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPointeeInContext checks that the values stored into a helper's own
// copy of its parameter are read in the calling context: each caller's
// argument alone, every caller's without a context.
func TestPointeeInContext(t *testing.T) {
	const src = "package p\n\ntype S struct{ A, B string }\n\nfunc sink(*string) {}\n\n" + `
func h(s S) {
	p := &s.B
	sink(p)
}

func A() { h(S{B: "one"}) }

func B() { h(S{}) }`
	g, f := load(t, src)
	args := sinkArgs(f)
	if len(args) != 1 {
		t.Fatalf("%d sink calls", len(args))
	}
	r := g.Values(args[0])
	if len(r.Leaves) != 1 {
		t.Fatalf("no value for %v", args[0])
	}
	addr := r.Leaves[0].Value
	callIn := func(name string) []ssa.CallInstruction {
		for _, fn := range g.Funcs() {
			if fn.Name() != name {
				continue
			}
			for _, b := range fn.Blocks {
				for _, in := range b.Instrs {
					if c, ok := in.(*ssa.Call); ok && c.Call.StaticCallee() != nil && c.Call.StaticCallee().Name() == "h" {
						return []ssa.CallInstruction{c}
					}
				}
			}
		}
		t.Fatalf("no call of h in %s", name)
		return nil
	}
	for _, tt := range []struct {
		name string
		ctx  []ssa.CallInstruction
		want string
	}{
		{"every caller", nil, "one zero"},
		{"the caller passing one", callIn("A"), "one"},
		{"the caller passing the zero value", callIn("B"), "zero"},
	} {
		if got := describe(g.Pointee(addr, tt.ctx)); got != tt.want {
			t.Errorf("%s: Pointee = %q, want %q", tt.name, got, tt.want)
		}
	}
}
