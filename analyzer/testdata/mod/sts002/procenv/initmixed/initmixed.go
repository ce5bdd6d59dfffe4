// The fact is what this package's initialisation leaves in the environment. // want package:"env:AWS_STS_REGIONAL_ENDPOINTS=regional"

// Package initmixed sets AWS_STS_REGIONAL_ENDPOINTS=regional in init and
// "legacy" in a function: which one runs last before a session is not
// known, so the init setting earns no credit.
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
// flag of an application would.
func useLegacy() {
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "legacy") // want `STS004`
}

func CaseLegacySwitchFirst() any {
	useLegacy()
	return sts.New(session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))) // want `STS003`
}

// A setting earlier in the same function still counts.
func CaseLegacySwitchThenRegional() any {
	useLegacy()
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	return sts.New(session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")})))
}
