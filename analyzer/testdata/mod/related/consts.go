package related

import (
	"fmt"
	"net/http"
)

// Hand-built requests to the constants of sessions.go: the findings of
// the constants used once are at their declarations.
func constRequests(action string) error {
	if _, err := http.NewRequest(notGlobal, stsURL, nil); err != nil {
		return err
	}
	u := fmt.Sprintf(stsQuery, action)
	_, err := http.NewRequest(http.MethodGet, u, nil)
	return err
}

// A constant declared in the function, two lines above its only use.
func localConst() error {
	const endpoint = "https://sts.amazonaws.com" // want `STS001: sts.amazonaws.com flows from here into a request URL`

	_, err := http.NewRequest(http.MethodGet, endpoint, nil)
	return err
}

// A constant with two uses, and an exported one: at each use.
func sharedConsts() error {
	if _, err := http.NewRequest(http.MethodGet, sharedURL, nil); err != nil { // want `STS001: request URL is the global STS endpoint`
		return err
	}
	if _, err := http.NewRequest(http.MethodPost, sharedURL, nil); err != nil { // want `STS001: request URL is the global STS endpoint`
		return err
	}
	_, err := http.NewRequest(http.MethodGet, StsURL, nil) // want `STS001: request URL is the global STS endpoint`
	return err
}
