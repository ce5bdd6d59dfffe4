package constplace

import (
	"net/http"
	"testing"
)

// A test's own use of the package's constant is another use: reported here.
func TestPaired(t *testing.T) {
	req, err := http.NewRequest(http.MethodGet, pairedURL, nil) // want `STS001: request URL is the global STS endpoint`
	if err != nil {
		t.Fatal(err)
	}
	_ = req
	if _, err := paired(); err != nil {
		t.Fatal(err)
	}
}

// A constant declared in a test file, used once there: at the constant.
const testOnlyURL = "https://sts.amazonaws.com" // want `STS001: sts.amazonaws.com flows from here into a request URL`

func TestOnly(t *testing.T) {
	if _, err := http.Get(testOnlyURL); err != nil {
		t.Log(err)
	}
	_ = twice()
	_, _ = regional()
}
