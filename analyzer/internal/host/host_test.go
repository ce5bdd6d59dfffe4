package host_test

import (
	"strings"
	"testing"

	"github.com/stsregional/stsregional/analyzer/internal/host"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		in   string
		want host.Kind
	}{
		{"sts.amazonaws.com", host.Global},
		{"STS.AmazonAWS.com", host.Global},
		{"https://sts.amazonaws.com", host.Global},
		{"https://sts.amazonaws.com/", host.Global},
		{"https://sts.amazonaws.com:443/?Action=GetCallerIdentity&Version=2011-06-15", host.Global},
		{"http://sts.amazonaws.com.", host.Global},
		{"sts.amazonaws.com.:443", host.Global},
		{"//sts.amazonaws.com/path", host.Global},
		{"https://user@sts.amazonaws.com", host.Global},
		{" sts.amazonaws.com ", host.Global},
		{"sts.eu-west-1.amazonaws.com", host.Regional},
		{"https://sts.us-east-1.amazonaws.com", host.Regional},
		{"sts-fips.us-east-1.amazonaws.com", host.Regional},
		{"sts.eu-west-1.api.aws", host.Regional},
		{"sts.cn-north-1.amazonaws.com.cn", host.Regional},
		{"vpce-0abc-xyz.sts.eu-west-1.vpce.amazonaws.com", host.Regional},
		{"sts.amazonaws.com.example.org", host.Other},
		{"evilsts.amazonaws.com", host.Other},
		{"https://sts.%s/v1/token", host.Other},
		{"sts.windows.net", host.Other},
		{"Using legacy STS endpoint sts.amazonaws.com", host.Other},
		{"arn:aws:sts::123456789012:assumed-role/x", host.Other},
		{"", host.Other},
		{"[::1]:443", host.Other},
		{"https://sts.amazonaws.com/doc/2011-06-15/", host.Global}, // only a sink makes it a finding
	}
	for _, tt := range tests {
		if got := host.Classify(tt.in); got != tt.want {
			t.Errorf("Classify(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// FuzzClassify checks that the classifier never panics and that Global is
// only ever returned for strings whose host is exactly the global host.
func FuzzClassify(f *testing.F) {
	for _, s := range []string{"sts.amazonaws.com", "https://STS.amazonaws.com:443/x", "sts.eu-west-1.amazonaws.com", "[::1]", "a@b:c/d?e#f", "%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := host.Classify(s)
		h := host.Of(s)
		if k == host.Global && h != host.GlobalHost {
			t.Errorf("Classify(%q) = Global but host is %q", s, h)
		}
		if h != strings.ToLower(h) {
			t.Errorf("Of(%q) = %q, not lower case", s, h)
		}
	})
}
