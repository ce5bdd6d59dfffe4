// Package multivalue holds class 6 of issue 8: a variable with several
// values (a global default overwritten on some paths) reaches a request URL
// through a helper that formats it. A finding says "may" when one of the
// values that reach the sink is the global host; a default overwritten on
// every path does not reach it.
package multivalue

import (
	"fmt"
	"net/http"
	"os"
	"strings"
)

const globalEndpoint = "https://sts.amazonaws.com"

// newRequest formats the request URL from an endpoint and a path.
func newRequest(endpoint, path string) (*http.Request, error) {
	return http.NewRequest(http.MethodPost, fmt.Sprintf("%s/%s", endpoint, path),
		strings.NewReader("Action=GetCallerIdentity&Version=2011-06-15"))
}

func orError(req *http.Request, err error) any {
	if err != nil {
		return err
	}
	return req
}

// --- positives: the global default survives on one path ---

// Overwritten only when a Region is configured.
//
//truth:env APP_REGION=eu-west-1
//truth:env APP_REGION=
func CaseDefaultOverwrittenSometimes() any {
	endpoint := "https://sts.amazonaws.com" // want "STS001"
	if r := os.Getenv("APP_REGION"); r != "" {
		endpoint = fmt.Sprintf("https://sts.%s.amazonaws.com", r)
	}
	return orError(newRequest(endpoint, ""))
}

// A named constant as the default, overwritten by a flag-like setting.
//
//truth:env STS_ENDPOINT=https://sts.eu-central-1.amazonaws.com
//truth:env STS_ENDPOINT=
func CaseConstDefaultOverwrittenSometimes() any {
	endpoint := globalEndpoint // want "STS001"
	if v, ok := os.LookupEnv("STS_ENDPOINT"); ok {
		endpoint = v
	}
	return orError(newRequest(endpoint, "?Action=GetCallerIdentity&Version=2011-06-15"))
}

// --- negatives ---

// The default is overwritten on every path before use.
//
//truth:env APP_REGION=eu-west-1
//truth:env APP_REGION=
func CaseDefaultAlwaysOverwritten() any {
	endpoint := "https://sts.amazonaws.com"
	region := os.Getenv("APP_REGION")
	if region == "" {
		region = "us-east-1"
	}
	endpoint = "https://sts." + region + ".amazonaws.com"
	return orError(newRequest(endpoint, ""))
}

// The global host is a value of a variable that never reaches the URL
// (an audience), the URL variable has only regional values.
//
//truth:env APP_REGION=eu-west-1
//truth:env APP_REGION=us-east-1
func CaseGlobalOnlyInAudience() any {
	audience := "sts.amazonaws.com"
	endpoint := "https://sts.us-west-2.amazonaws.com"
	if r := os.Getenv("APP_REGION"); r != "" {
		endpoint = "https://sts." + r + ".amazonaws.com"
	}
	req, err := newRequest(endpoint, "")
	if err != nil {
		return err
	}
	req.Header.Set("X-Audience", audience)
	return req
}
