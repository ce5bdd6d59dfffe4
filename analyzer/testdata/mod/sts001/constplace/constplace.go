// Package constplace: where STS001 reports a request URL taken from a
// named constant. A constant of the package proper is counted by its uses
// outside _test.go files, so the package and its test variant report the
// same place.
package constplace

import "net/http"

const (
	// One use here, one in constplace_test.go: the finding of this use is
	// at the constant in both variants, the test's at its own use.
	pairedURL = "https://sts.amazonaws.com" // want `STS001: sts.amazonaws.com flows from here into a request URL`
	// Used twice here: at each use.
	twiceURL = "https://sts.amazonaws.com/"
	// A regional constant: nothing.
	regionalURL = "https://sts.eu-west-1.amazonaws.com"
	// Used once, at a use that a directive suppresses: the finding stays
	// there, suppressed, and the directive counts as used (no STS000).
	suppressedURL = "https://sts.amazonaws.com"
)

// suppressed takes a parameter so that the SDK-truth runner, which runs
// every parameterless function returning a request, leaves it alone: a
// suppressed global request is a disagreement there by design.
func suppressed(method string) (*http.Request, error) {
	return http.NewRequest(method, suppressedURL, nil) //stsregional:ignore STS001 the verifier only accepts the global host
}

func paired() (*http.Request, error) {
	return http.NewRequest(http.MethodGet, pairedURL, nil)
}

func twice() error {
	if _, err := http.NewRequest(http.MethodGet, twiceURL, nil); err != nil { // want `STS001: request URL is the global STS endpoint`
		return err
	}
	_, err := http.NewRequest(http.MethodPost, twiceURL, nil) // want `STS001: request URL is the global STS endpoint`
	return err
}

func regional() (*http.Request, error) {
	_, _ = suppressed(http.MethodGet)
	return http.NewRequest(http.MethodGet, regionalURL, nil)
}
