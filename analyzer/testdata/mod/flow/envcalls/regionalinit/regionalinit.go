// The fact is what this package's initialisation leaves in the environment. // want package:"env:AWS_STS_REGIONAL_ENDPOINTS=regional"

// Package regionalinit switches the process to regional STS endpoints in
// its init function (class 4 of issue 13). It has no cases: importsinit
// imports it, and the language runs an imported package's init before the
// importer's package variables and init (Go spec, "Package initialization").
package regionalinit

import "os"

func init() {
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
}
