package flow

import "testing"

// TestMayFormGlobal: mayFormGlobal decides whether resultFacts builds SSA,
// so a constant that can become the global host by concatenation or
// formatting must say so, and another host (sso.amazonaws.com) must not.
func TestMayFormGlobal(t *testing.T) {
	for s, want := range map[string]bool{
		"https://sts.amazonaws.com": true, "STS.AMAZONAWS.COM": true, ".amazonaws.com": true, "amazonaws.com": true,
		"s.amazonaws.com": true, "https://%s.amazonaws.com": true, "/aws-reserved/sso.amazonaws.com/": false,
		"sts.eu-west-1.amazonaws.com": false, "ec2.amazonaws.com sts.amazonaws.com": true, "exists": false,
	} {
		if got := mayFormGlobal(s); got != want {
			t.Errorf("%q: %v", s, got)
		}
	}
}
