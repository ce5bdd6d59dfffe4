// The fact is what this package's initialisation leaves in the environment. // want package:"env:AWS_STS_REGIONAL_ENDPOINTS=regional"

// Package initregional sets AWS_STS_REGIONAL_ENDPOINTS=regional in an init
// function, which runs before any session of the package is built, and
// never sets legacy.
package initregional

import (
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

func init() {
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
}

func CaseSessionAfterInit() any {
	return sts.New(session.Must(session.NewSession(&aws.Config{Region: aws.String("us-east-1")})))
}

func CaseAssumeRoleAfterInit() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return stscreds.NewCredentials(sess, "arn:aws:iam::123456789012:role/example")
}

// A session from elsewhere is built after init too.
func fromParameter(sess *session.Session) *sts.STS {
	return sts.New(sess)
}

// session.New without AWS_SDK_LOAD_CONFIG ignores the variable.
func CaseDeprecatedNewAfterInit() any {
	return sts.New(session.New(&aws.Config{Region: aws.String("eu-west-1")})) // want `STS003`
}
