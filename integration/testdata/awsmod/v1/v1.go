// Package v1 builds aws-sdk-go v1 STS clients that call the global endpoint.
// The integration tests run golangci-lint with the stsregional plugin on it.
package v1

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// RegionOnly sets a Region but not the regional STS endpoint mode: STS003.
func RegionOnly() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sts.New(sess)
}

// Legacy selects the global endpoint explicitly: STS004.
func Legacy() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.LegacySTSEndpoint,
	}))
	return sts.New(sess)
}

// FromEnv reads AWS_STS_REGIONAL_ENDPOINTS from the environment: STS002,
// unless assume-env-regional is set.
func FromEnv() *sts.STS {
	return sts.New(session.Must(session.NewSession()))
}
