// Package envregional sets AWS_STS_REGIONAL_ENDPOINTS=regional in an init
// function of another file: sessions from NewSession / NewSessionWithOptions
// are then regional, but session.New ignores the environment.
package envregional

import "os"

func init() {
	_ = os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
}
