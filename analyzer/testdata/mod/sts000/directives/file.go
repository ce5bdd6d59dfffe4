//stsregional:file-ignore STS005 this file resolves nothing // want `STS000: suppression directive for STS005 suppresses nothing in this file; delete it`

package directives

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

//stsregional:file-ignore STS003 every client here is built for the IAM-auth verifier

// The file-wide directive covers every STS003 finding of this file, and
// only of this file.
func fileWide(sess *session.Session) []*sts.STS {
	return []*sts.STS{
		sts.New(sess, &aws.Config{Region: aws.String("eu-west-1")}),
		sts.New(sess, aws.NewConfig().WithRegion("us-east-1")),
		sts.New(sess), // want `STS002`
	}
}
