package lastuse

import (
	"os"
)

// The declaration's only import goes, and the declaration with it.
func emptied() {
	os.Setenv("AWS_ENDPOINT_URL_STS", "https://sts.amazonaws.com") // want `STS001`
}
