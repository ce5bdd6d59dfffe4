package reaching

import "testing"

// TestParamField: a field of a struct parameter (a value receiver) is the
// field of the variable the call passes, in the context the walk entered
// the function from, not every store to the field in the package; without
// a context, every caller's.
func TestParamField(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"value receiver per call", `
type st struct{ a string }
func (s st) get() string { return s.a }
func f() {
	x := st{a: "one"}
	sink(x.get())
}
func g() {
	y := st{}
	y.a = "two"
	sink(y.get())
}`, []string{"one", "two"}},
		{"setter on a copy", `
type st struct{ a string }
func (s st) setCopy() { s.a = "set"; _ = s }
func (s st) get() string { return s.a }
func f() {
	x := st{a: "one"}
	x.setCopy()
	sink(x.get())
}`, []string{"one"}},
		{"struct argument, every caller", `
type st struct{ a string }
func get(s st) string {
	v := s.a
	sink(v)
	return v
}
func f() { _ = get(st{a: "one"}) }
func g() { _ = get(st{a: "two"}) }`, []string{"one two"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkSinks(t, tt.src, tt.want) })
	}
}
