package sdk

import "testing"

// Region names are recognised by their shape, whatever the release.
func TestRegionShaped(t *testing.T) {
	for s, want := range map[string]bool{
		"eu-west-1": true, "us-gov-west-1": true, "ap-southeast-5": true, "aws-global": true,
		"": false, "eu-west": false, "eu-west-x": false, "europe-west-1": false, "EU-WEST-1": false, "eu--1": false,
	} {
		if got := RegionShaped(s); got != want {
			t.Errorf("RegionShaped(%q) = %v, want %v", s, got, want)
		}
	}
}
