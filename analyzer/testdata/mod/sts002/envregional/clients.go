// The fact is what this package's initialisation leaves in the environment. // want package:"env:AWS_STS_REGIONAL_ENDPOINTS=regional"

package envregional

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

func cleanNewSession() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sts.New(sess)
}

func cleanNewSessionNoRegion() *sts.STS {
	return sts.New(session.Must(session.NewSession()))
}

func cleanOptions() *sts.STS {
	sess := session.Must(session.NewSessionWithOptions(session.Options{
		Config: aws.Config{Region: aws.String("us-east-1")},
	}))
	return sts.New(sess)
}

func cleanAssumeRole(region string) {
	sess := session.Must(session.NewSession(aws.NewConfig().WithRegion(region)))
	_ = stscreds.NewCredentials(sess, "arn:aws:iam::123456789012:role/x")
}

// session.New never reads the environment (without AWS_SDK_LOAD_CONFIG).
func deprecatedNewRegion() *sts.STS {
	sess := session.New(&aws.Config{Region: aws.String("eu-west-1")})
	return sts.New(sess) // want "STS003"
}

func deprecatedNewNoRegion() *sts.STS {
	return sts.New(session.New()) // want "STS002"
}
