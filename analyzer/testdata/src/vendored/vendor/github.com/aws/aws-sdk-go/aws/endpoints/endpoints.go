// Package endpoints is a minimal stub of aws-sdk-go's endpoints package, for
// the vendored-import test only; the real SDK is tested in testdata/mod.
package endpoints

type STSRegionalEndpoint int

const (
	UnsetSTSEndpoint STSRegionalEndpoint = iota
	LegacySTSEndpoint
	RegionalSTSEndpoint
)
