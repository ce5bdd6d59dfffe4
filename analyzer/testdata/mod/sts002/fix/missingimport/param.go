package missingimport

import "github.com/aws/aws-sdk-go/aws/session"
import "github.com/aws/aws-sdk-go/service/sts"

// Pinning the client needs both aws and endpoints imports in this file.
func h(sess *session.Session) *sts.STS {
	return sts.New(sess) // want `STS002`
}
