// The fact is what this package's initialisation leaves in the environment. // want package:"env:AWS_STS_REGIONAL_ENDPOINTS=regional"

// Package upperinit sets AWS_STS_REGIONAL_ENDPOINTS in its init and uses
// the session of lowsess, which it imports (class 4 of issue 13): the
// imported package was initialised first, so lowsess.Sess was built
// without the variable (bad); a session built here afterwards reads it
// (ok).
package upperinit

import (
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"

	"example.com/mod/flow/envcalls/lowsess"
)

func init() {
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
}

// The imported package's session predates this init.
func CaseImportedSessionBeforeInit() any {
	return sts.New(lowsess.Sess) // want "STS003"
}

// A session built here, after this init.
func CaseOwnSessionAfterInit() any {
	s := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sts.New(s)
}
