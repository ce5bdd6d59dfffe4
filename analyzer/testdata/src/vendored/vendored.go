// Package vendored uses a vendored copy of aws-sdk-go: the analyzer must
// match it by its unvendored import path.
package vendored

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

func trap() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sts.New(sess) // want `STS003: v1 STS client uses the global endpoint`
}

func legacy() *aws.Config {
	return &aws.Config{STSRegionalEndpoint: endpoints.LegacySTSEndpoint} // want `STS004`
}

func regional() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	return sts.New(sess)
}
