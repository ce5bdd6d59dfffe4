package sdk

import "testing"

// TestPackages checks that every table entry's package is known to the
// fast path of Lookup, which would otherwise silently miss it.
func TestPackages(t *testing.T) {
	for _, p := range []string{V1AWS, V1Endpoints, V1Session, V1Request, V1STS, V1STSCreds,
		V2AWS, V2Config, V2STS, SmithyPtr, SmithyEP, NetHTTP, NetURL, OS, "fmt", "testing"} {
		if !pkgs[p] {
			t.Errorf("package %s of the API table is missing from pkgs", p)
		}
	}
	if n := len(pkgs); n != 16 {
		t.Errorf("pkgs has %d packages, want 16: %v", n, pkgs)
	}
}
