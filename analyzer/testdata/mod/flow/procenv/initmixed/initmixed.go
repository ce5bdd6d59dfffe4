// The fact is what this package's initialisation leaves in the environment. // want package:"env:AWS_STS_REGIONAL_ENDPOINTS=regional"

// Package initmixed sets AWS_STS_REGIONAL_ENDPOINTS=regional in init and
// "legacy" in one function: a package that sets legacy gets no credit for
// regional.
package initmixed

import (
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

func init() {
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
}

// useLegacy switches the process to the legacy mode, as a compatibility
// flag of the application would.
func useLegacy() {
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "legacy") // want "STS004"
}

// The legacy switch runs before the session.
func CaseLegacySwitchFirst() any {
	useLegacy()
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sts.New(sess) // want "STS003"
}
