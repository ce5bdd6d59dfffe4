// Package mentions is the control for class 10 of issue 13: the same
// helpers as regionutil and endpointutil, still without an AWS SDK import,
// but with the DNS suffix written as one string literal, which puts the
// package in today's fact scope (the run's string-literal test). Cases that
// use it show which findings the fact scope alone withholds from the
// helpers without the literal.
package mentions

import "os"

// Region returns APP_REGION, or the global pseudo Region when it is unset.
func Region() string { // want Region:`values: r0=aws-global\(may\)`
	if r := os.Getenv("APP_REGION"); r != "" {
		return r
	}
	return "aws-global"
}

// domain is the DNS suffix, in one literal.
const domain = "amazonaws.com"

// STSURL returns the STS endpoint URL of region; with no Region, the
// global host.
func STSURL(region string) string { // want STSURL:`values: if-p0-empty r0=global\(may\)`
	if region == "" {
		return "https://sts." + domain
	}
	return "https://sts." + region + "." + domain
}
