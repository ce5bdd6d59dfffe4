// Package endpointutil is a helper package for class 10 of issue 13: it
// builds STS endpoint URLs from pieces, imports no AWS SDK package, and no
// file of it spells out the AWS DNS suffix, so today's fact scope skips it.
package endpointutil

// domain is the AWS DNS suffix, written in two pieces as code that builds
// hosts from a partition table does.
const domain = "amazon" + "aws.com"

// STSURL returns the STS endpoint URL of region; with no Region, the
// global host.
func STSURL(region string) string { // want STSURL:`values: if-p0-empty r0=global\(may\)`
	if region == "" {
		return "https://sts." + domain
	}
	return "https://sts." + region + "." + domain
}
