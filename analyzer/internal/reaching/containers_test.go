package reaching

import "testing"

// TestContainers: reads out of maps and arrays the package builds reach
// what is stored under their key or index, through every alias, and are
// Open where a write can hide.
func TestContainers(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // one per sink call, in order
	}{
		{"map key", `
func f() {
	m := map[string]string{"aud": "sts.amazonaws.com", "iss": "x"}
	sink(m["aud"])
}`, []string{"sts.amazonaws.com"}},
		{"map missing key", `
func f() {
	m := map[string]string{"aud": "a"}
	sink(m["sub"])
}`, []string{"zero"}},
		{"map variable key", `
func f(k string) {
	m := map[string]string{"aud": "a", "iss": "b"}
	sink(m[k])
}`, []string{"a b zero"}},
		{"map written through an alias", `
func f() {
	m := map[string]string{"aud": "a"}
	n := m
	n["aud"] = "b"
	v, _ := m["aud"]
	sink(v)
}`, []string{"a b"}},
		{"map passed to a function", `
func fill(m map[string]string)
func f() {
	m := map[string]string{"aud": "a"}
	fill(m)
	sink(m["aud"])
}`, []string{"a open"}},
		{"package slice element", `
var hosts = []string{"a", "b"}
func f() { sink(hosts[0]) }`, []string{"a"}},
		{"package slice written elsewhere", `
var hosts = []string{"a", "b"}
func set() { hosts[0] = "c" }
func f() { sink(hosts[0]) }`, []string{"a c"}},
		{"package slice reordered", `import "sort"
var hosts = []string{"b", "a"}
func f() {
	sort.Strings(hosts)
	sink(hosts[0])
}`, []string{"a b"}},
		{"slice passed to a function value", `
func f(fill func([]string)) {
	s := []string{"a"}
	fill(s)
	sink(s[0])
}`, []string{"a open"}},
		{"exported slice", `
var Hosts = []string{"a"}
func f() { sink(Hosts[0]) }`, []string{"a open"}},
		{"slice element address taken", `
func f() {
	s := []string{"a"}
	p := &s[0]
	*p = "b"
	sink(s[0])
}`, []string{"a open"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkSinks(t, tt.src, tt.want) })
	}
}
