// Package conditional checks the fix of a session that is regional on
// some paths only: the setting is added where the session is built
// without it.
package conditional

import (
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

//truth:env APP_REGION=eu-west-1
//truth:env APP_REGION= AWS_REGION=us-east-1
func CaseElseBranch() any {
	var sess *session.Session
	if region := os.Getenv("APP_REGION"); region != "" {
		sess = session.Must(session.NewSession(&aws.Config{Region: aws.String(region), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	} else {
		sess = session.Must(session.NewSession())
	}
	return sts.New(sess) // want `STS002: .* may use the global endpoint when region != "" is false; set STSRegionalEndpoint`
}

//truth:env APP_REGION=eu-west-1
//truth:env APP_REGION= AWS_REGION=us-east-1
func CaseCopyWhenRegion() any {
	sess := session.Must(session.NewSession(&aws.Config{
		MaxRetries: aws.Int(3),
	}))
	if region := os.Getenv("APP_REGION"); region != "" {
		sess = sess.Copy(aws.NewConfig().WithRegion(region).WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint))
	}
	return sts.New(sess) // want `STS002: .* may use the global endpoint when region != "" is false; set STSRegionalEndpoint`
}
