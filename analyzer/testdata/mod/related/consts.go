package related

import (
	"fmt"
	"net/http"
)

// Hand-built requests to the constants of sessions.go: each finding is at
// the use and points at the constant's declaration.
func constRequests(action string) error {
	if _, err := http.NewRequest(notGlobal, stsURL, nil); err != nil { // want `STS001: request URL is the global STS endpoint`
		return err
	}
	u := fmt.Sprintf(stsQuery, action) // want `STS001: sts.amazonaws.com flows from here into a request URL`
	_, err := http.NewRequest(http.MethodGet, u, nil)
	return err
}

// A constant declared in the function, two lines above its use.
func localConst() error {
	const endpoint = "https://sts.amazonaws.com"

	_, err := http.NewRequest(http.MethodGet, endpoint, nil) // want `STS001: request URL is the global STS endpoint`
	return err
}
