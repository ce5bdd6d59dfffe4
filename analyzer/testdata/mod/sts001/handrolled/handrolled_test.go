package handrolled

import "testing"

// A test table storing the global URL into the field is not a default.
func TestRetrieve(t *testing.T) {
	w := &WebIdentity{Endpoint: "https://sts.amazonaws.com"}
	_ = w
}
