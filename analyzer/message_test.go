package analyzer

import (
	"strings"
	"testing"
)

// TestFit checks that a headline with a long condition is fitted to
// headlineMax, keeping the condition's frame, and that a short one is
// left alone.
func TestFit(t *testing.T) {
	before, after := "v1 STS client may use the global endpoint ", "; set STSRegionalEndpoint"
	short := `when region != "" is false`
	if got := fit(before, short, after); got != before+short+after {
		t.Errorf("fit changed a short headline: %q", got)
	}
	long := `when os.Getenv("APP_STS_MODE_FOR_THIS_SERVICE") == "regional" is false`
	got := fit(before, long, after)
	if n := len("STS000: " + got); n > headlineMax {
		t.Errorf("fitted headline has %d bytes, want at most %d: %q", n, headlineMax, got)
	}
	if !strings.Contains(got, `when os.Getenv("APP_STS_MODE_…`) || !strings.HasSuffix(got, "… is false"+after) {
		t.Errorf("fit did not clip the condition's expression, keeping its frame: %q", got)
	}
	// A multi-byte rune is never cut in half.
	if got := clipPart("é"+strings.Repeat("x", 40), 5); got != "é…" {
		t.Errorf("clipPart = %q, want %q", got, "é…")
	}
}
