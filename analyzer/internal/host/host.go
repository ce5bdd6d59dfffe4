// Package host classifies host names and URLs that may name an AWS STS
// endpoint.
//
// It answers one question cheaply and without allocation-heavy parsing:
// does this string, used as an endpoint, send requests to the global STS host
// sts.amazonaws.com? Matching is case-insensitive and ignores the scheme,
// user info, port, path, query, fragment and a trailing dot, because the SDKs
// and net/http accept all of those forms.
package host

import "strings"

// Kind is the classification of a host.
type Kind int

const (
	// Other is any host that is not an STS endpoint of interest.
	Other Kind = iota
	// Global is the global STS endpoint sts.amazonaws.com.
	Global
	// Regional is a regional STS endpoint such as sts.eu-west-1.amazonaws.com,
	// a FIPS or dual-stack variant, a VPC interface endpoint, or an endpoint
	// in another partition.
	Regional
)

// GlobalHost is the only global STS host name in any AWS partition.
const GlobalHost = "sts.amazonaws.com"

// Of extracts the lower-cased host name from s, which may be a bare host, a
// host with a port, or an absolute URL. It returns "" when s cannot name a
// host (it is empty or contains white space).
func Of(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	} else if strings.HasPrefix(s, "//") {
		s = s[2:]
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		s = s[i+1:]
	}
	if strings.HasPrefix(s, "[") {
		// IPv6 literal: never an STS host name.
		return ""
	}
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSuffix(s, ".")
	if s == "" || strings.ContainsAny(s, " \t\r\n%{}") {
		// Empty, prose, or a format/template string: not a concrete host.
		return ""
	}
	return strings.ToLower(s)
}

// Classify reports what kind of STS endpoint s names.
func Classify(s string) Kind {
	h := Of(s)
	switch {
	case h == "":
		return Other
	case h == GlobalHost:
		return Global
	case (strings.HasPrefix(h, "sts.") || strings.HasPrefix(h, "sts-fips.") || strings.Contains(h, ".sts.")) && awsSuffix(h):
		return Regional
	}
	return Other
}

// partitionSuffixes are the DNS suffixes of the AWS partitions (regular and
// dual-stack), from the SDKs' partitions.json.
var partitionSuffixes = []string{
	".amazonaws.com", ".amazonaws.com.cn", ".api.aws", ".api.amazonwebservices.com.cn",
	".c2s.ic.gov", ".api.aws.ic.gov", ".sc2s.sgov.gov", ".api.aws.scloud",
	".cloud.adc-e.uk", ".api.cloud-aws.adc-e.uk", ".csp.hci.ic.gov", ".api.aws.hci.ic.gov",
	".amazonaws.eu", ".api.amazonwebservices.eu",
}

func awsSuffix(h string) bool {
	for _, s := range partitionSuffixes {
		if strings.HasSuffix(h, s) {
			return true
		}
	}
	return false
}

// IsGlobal reports whether s names the global STS endpoint.
func IsGlobal(s string) bool { return Classify(s) == Global }
