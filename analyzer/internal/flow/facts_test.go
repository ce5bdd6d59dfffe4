package flow

import (
	"bytes"
	"encoding/gob"
	"strings"
	"testing"
)

// TestFactSize keeps facts small: they are serialised for every exported
// session helper of every package a driver analyses.
func TestFactSize(t *testing.T) {
	f := &SessionFact{Mode: 3, Region: "ap-southeast-7", RegionSet: true, RegionKnown: true,
		Endpoint: true, Variant: true, Opaque: true, HonoursEnv: true}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(f); err != nil {
		t.Fatal(err)
	}
	if n := buf.Len(); n > 256 {
		t.Errorf("gob-encoded fact is %d bytes, want <= 256", n)
	}
	var back SessionFact
	if err := gob.NewDecoder(&buf).Decode(&back); err != nil {
		t.Fatal(err)
	}
	if back != *f {
		t.Errorf("round trip: got %+v, want %+v", back, *f)
	}
}

// TestFactString checks the rendering analysistest compares facts with.
func TestFactString(t *testing.T) {
	f := &SessionFact{Mode: 2, RegionSet: true, HonoursEnv: true}
	if got, want := f.String(), "sts:regional region=? env"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	f = &SessionFact{Mode: 0, Region: "us-west-2", RegionSet: true, RegionKnown: true}
	if got := f.String(); !strings.Contains(got, `region="us-west-2"`) {
		t.Errorf("String() = %q, want the quoted Region", got)
	}
}
