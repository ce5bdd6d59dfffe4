// Package lowsess builds a shared session in a package variable and has no
// init function (class 4 of issue 13). upperinit imports it; its variable
// is initialised before upperinit's init runs.
package lowsess

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
)

// Sess is the process-wide session, built when the package is initialised.
var Sess = session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")})) // want Sess:"sts:unset"
