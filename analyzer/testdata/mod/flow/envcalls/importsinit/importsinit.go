// The fact is what this package's initialisation leaves in the environment. // want package:"env:AWS_STS_REGIONAL_ENDPOINTS=regional"

// Package importsinit imports regionalinit for its init function (class 4
// of issue 13): that init has run before any variable or function of this
// package, so sessions built here, even in a package variable, are
// regional.
package importsinit

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"

	_ "example.com/mod/flow/envcalls/regionalinit"
)

// sess is initialised after regionalinit's init.
var sess = session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))

// A package variable initialised after the imported init.
func CaseVarAfterImportedInit() any {
	return sts.New(sess)
}

// A session built in a function after the imported init.
func CaseFuncAfterImportedInit() any {
	s := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sts.New(s)
}
