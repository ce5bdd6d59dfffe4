package reaching

import (
	"slices"
	"testing"
)

// TestCallsThroughNames checks the calls the walk now enters: a local
// variable that names one function literal, and an interface call whose
// receiver has one known dynamic type in the package.
func TestCallsThroughNames(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"closure in a variable", `
func f() {
	build := func(s string) { sink(s) }
	build("a")
	build("b")
}`, []string{"a b"}},
		{"closure variable passed on escapes", `
func run(func(string)) {}
func f() {
	build := func(s string) { sink(s) }
	build("a")
	run(build)
}`, []string{"?Parameter"}},
		{"interface call, one dynamic type", `
type src interface{ Region() string }
type fixed struct{}
func (fixed) Region() string { return "eu-west-1" }
func f() {
	var s src = fixed{}
	sink(s.Region())
}`, []string{"eu-west-1"}},
		{"interface call, receiver as the dynamic value", `
type src interface{ Region() string }
type named string
func (n named) Region() string { return string(n) }
func f() {
	var s src = named("aws-global")
	sink(s.Region())
}`, []string{"aws-global"}},
		{"interface call, unknown receiver", `
type src interface{ Region() string }
func f(s src) { sink(s.Region()) }`, []string{"?Call"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkSinks(t, tt.src, tt.want) })
	}
}

// TestEntry checks where each leaf enters the route from the queried
// value's point of view: the caller's argument, not the return inside a
// helper the caller called for the argument; a constructor's store for a
// field.
func TestEntry(t *testing.T) {
	src := `package p
func sink(any) {}
func helper(s string) { sink(s) }
func value() string { x := "inner"; return x }
func f() {
	helper("a") // line 6
	helper(value()) // line 7
}
type c struct{ region string }
func (k *c) use() { sink(k.region) }
func newC() *c {
	return &c{region: "r"} // line 12
}
func local() {
	y := "l" // line 15
	sink(y)
}`
	g, f := load(t, src)
	lines := func(a int) []int {
		var out []int
		for _, l := range g.Values(sinkArgs(f)[a]).Leaves {
			out = append(out, g.fset.Position(l.Entry).Line)
		}
		slices.Sort(out)
		return out
	}
	for _, tc := range []struct {
		sink int
		want []int
	}{{0, []int{6, 7}}, {1, []int{12}}, {2, []int{15}}} {
		if got := lines(tc.sink); !slices.Equal(got, tc.want) {
			t.Errorf("sink %d: entry lines %v, want %v", tc.sink, got, tc.want)
		}
	}
}
