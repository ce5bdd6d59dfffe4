package reaching

import "testing"

// TestBranchesDecidedByCall: a helper's return behind a test of its
// parameter reaches a call only when the call's constant argument (or a
// constant passed down one more call) lets that branch run; a test of
// anything else leaves both branches.
func TestBranchesDecidedByCall(t *testing.T) {
	g, f := load(t, `package p
func pick(global bool) string {
	if global {
		return "aws-global"
	}
	return "eu-west-1"
}
func named(env string) string {
	switch env {
	case "global":
		return "aws-global"
	}
	return "us-west-2"
}
func outer(env string) string { return named(env) }
func open(n int) string {
	if n > 2 {
		return "aws-global"
	}
	return "eu-west-1"
}
func sink(string) {}
func a() {
	sink(pick(true))
	sink(pick(false))
	sink(named("global"))
	sink(named("prod"))
	sink(outer("prod"))
	sink(open(3))
}
`)
	args := sinkArgs(f)
	want := []string{"aws-global", "eu-west-1", "aws-global", "us-west-2", "us-west-2", "aws-global eu-west-1"}
	for i, a := range args {
		if got := describe(g.Values(a)); got != want[i] {
			t.Errorf("argument %d: got %q, want %q", i, got, want[i])
		}
	}
}

// TestBranchOnFieldDecidedByCall: a method's test of a field of its
// receiver is decided when the object was built from the caller's
// constant; a field nothing stores is no constant.
func TestBranchOnFieldDecidedByCall(t *testing.T) {
	g, f := load(t, `package p
type settings struct{ global, unset bool }
func newSettings(global bool) *settings { return &settings{global: global} }
func (s *settings) region() string {
	if s.global {
		return "aws-global"
	}
	return "eu-west-1"
}
func (s *settings) other() string {
	if s.unset {
		return "aws-global"
	}
	return "eu-west-1"
}
func sink(string) {}
func a() {
	sink(newSettings(true).region())
	sink(newSettings(false).region())
	sink(newSettings(false).other())
}
`)
	args := sinkArgs(f)
	want := []string{"aws-global", "eu-west-1", "aws-global eu-west-1"}
	for i, a := range args {
		if got := describe(g.Values(a)); got != want[i] {
			t.Errorf("argument %d: got %q, want %q", i, got, want[i])
		}
	}
}
