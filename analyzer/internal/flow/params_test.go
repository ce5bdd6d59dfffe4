package flow

import (
	"bytes"
	"encoding/gob"
	"go/ast"
	"reflect"
	"testing"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// TestValueFactSize keeps ValueFact small: it is serialised for every
// exported function whose parameters reach a sink, in every package a
// driver analyses.
func TestValueFactSize(t *testing.T) {
	f := &ValueFact{Global: 1, AllGlobal: 1, EmptyParam: 1}
	for i := 0; i < 8; i++ {
		f.Params = append(f.Params, ParamSink{Param: uint8(i), Kind: ParamEndpoint, Sink: sdk.SinkRequest})
	}
	f.Ext = f.encodeExt()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(f); err != nil {
		t.Fatal(err)
	}
	if n := buf.Len(); n > 256 {
		t.Errorf("gob-encoded fact with 8 parameters is %d bytes, want <= 256", n)
	}
	var back ValueFact
	if err := gob.NewDecoder(&buf).Decode(&back); err != nil {
		t.Fatal(err)
	}
	if err := back.decodeExt(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&back, f) {
		t.Errorf("round trip: got %+v, want %+v", back, *f)
	}
}

// The Region facts survive the trip through gob in their compact form.
func TestValueFactRegionRoundTrip(t *testing.T) {
	f := &ValueFact{globalRegion: 1,
		pass:   []ParamResult{{Param: 1, Result: 0}},
		consts: []ResultConst{{Result: 1, Value: "eu-west-1"}},
		fields: []ResultField{{Result: 0, Field: 2, GlobalRegion: true}, {Result: 0, Field: 3, Const: "us-east-1"}}}
	f.Ext = f.encodeExt()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(f); err != nil {
		t.Fatal(err)
	}
	if n := buf.Len(); n > 256 {
		t.Errorf("gob-encoded Region fact is %d bytes, want <= 256", n)
	}
	var back ValueFact
	if err := gob.NewDecoder(&buf).Decode(&back); err != nil {
		t.Fatal(err)
	}
	if err := back.decodeExt(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&back, f) {
		t.Errorf("round trip: got %+v, want %+v", back, *f)
	}
	back.Ext = back.Ext[:len(back.Ext)-3]
	if err := back.decodeExt(); err == nil {
		t.Errorf("a truncated encoding decodes without error")
	}
}

func TestValueFactString(t *testing.T) {
	f := &ValueFact{
		Params:     []ParamSink{{Param: 0, Kind: ParamRegionV2}, {Param: 1, Kind: ParamEndpoint, Sink: sdk.SinkRequest}},
		Global:     1,
		EmptyParam: 1,
	}
	if got, want := f.String(), "values: p0->region-v2 p1->endpoint(request) if-p0-empty r0=global(may)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// TestFormatParts checks the split of a format string into texts and the
// holes of %s and %v verbs, which decides which argument carries a URL's
// host.
func TestFormatParts(t *testing.T) {
	a, b := ast.NewIdent("a"), ast.NewIdent("b")
	for _, tc := range []struct {
		format string
		want   []part
		ok     bool
	}{
		{"%s/%s", []part{{expr: a}, {text: "/"}, {expr: b}}, true},
		{"https://%v/x?%%", []part{{text: "https://"}, {expr: a}, {text: "/x?%"}}, true},
		{"%d/%s", nil, false},  // other verbs are not followed
		{"%s%s%s", nil, false}, // more verbs than arguments
		{"trailing %", nil, false},
	} {
		got, ok := formatParts(tc.format, []ast.Expr{a, b})
		if ok != tc.ok || ok && !reflect.DeepEqual(got, tc.want) {
			t.Errorf("formatParts(%q) = %v, %v; want %v, %v", tc.format, got, ok, tc.want, tc.ok)
		}
	}
}
