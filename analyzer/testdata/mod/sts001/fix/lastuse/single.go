// Package lastuse has fixes that delete the last use of an import: the fix
// deletes the import too, so that it compiles when applied verbatim
// (golangci-lint --fix runs no goimports).
package lastuse

import "os"

func env() {
	os.Setenv("AWS_ENDPOINT_URL_STS", "https://sts.amazonaws.com") // want `STS001`
}
