//lint:file-ignore STS003 every client here is built for the IAM-auth verifier

package directives

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

//lint:file-ignore STS005 nothing here resolves // want `STS000: lint directive for STS005 suppresses nothing in this file`

// staticcheck's file-wide directive covers every STS003 finding of this
// file.
func lintFileWide(sess *session.Session) []*sts.STS {
	return []*sts.STS{
		sts.New(sess, &aws.Config{Region: aws.String("eu-west-1")}),
		sts.New(sess), // want `STS002`
	}
}
