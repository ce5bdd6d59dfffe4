// Package regionutil is a helper package for class 10 of issue 13: it
// imports no AWS SDK package and no file of it names the AWS DNS suffix, so
// today's fact scope skips it. Its results still become STS Regions in
// package noimport.
package regionutil

import "os"

// Global is the pseudo Region some programs use for global services.
const Global = "aws-global"

// Region returns APP_REGION, or the global pseudo Region when it is unset:
// a fallback that suits IAM or Route 53 but sends STS to the global host.
func Region() string { // want Region:`values: r0=aws-global\(may\)`
	if r := os.Getenv("APP_REGION"); r != "" {
		return r
	}
	return "aws-global"
}

// RegionOr returns APP_REGION, or def when it is unset.
func RegionOr(def string) string { // want RegionOr:`values: p0->r0`
	if r := os.Getenv("APP_REGION"); r != "" {
		return r
	}
	return def
}

// Home returns the Region the program is deployed in.
func Home() string { // want Home:`values: r0="eu-west-1"`
	return "eu-west-1"
}

// Secondary returns the Region of the standby deployment.
func Secondary() string { // want Secondary:`values: r0="ap-northeast-2"`
	return "ap-northeast-2"
}
