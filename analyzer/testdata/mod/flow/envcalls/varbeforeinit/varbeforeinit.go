// The fact is what this package's initialisation leaves in the environment. // want package:"env:AWS_STS_REGIONAL_ENDPOINTS=regional"

// Package varbeforeinit sets AWS_STS_REGIONAL_ENDPOINTS in its own init
// (class 4 of issue 13). Package variables are initialised before the
// package's init functions run (Go spec, "Package initialization"), so the
// package variable's session was built without it (bad), while a session
// built in a function afterwards reads it (ok).
package varbeforeinit

import (
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// sess is built before init runs.
var sess = session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))

func init() {
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
}

// The package variable's session predates init.
func CasePackageVarBeforeInit() any {
	return sts.New(sess) // want "STS003"
}

// A session built in a function, after init.
func CaseFuncAfterInit() any {
	s := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sts.New(s)
}
