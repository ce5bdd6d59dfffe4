// Package regionutil builds STS clients for a Region its callers choose.
package regionutil

import (
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	stsv1 "github.com/aws/aws-sdk-go/service/sts"
)

// Client builds a v2 STS client for region.
func Client(region string) *sts.Client { // want Client:`values: p0->region-v2`
	return sts.New(sts.Options{Region: region})
}

// V1 builds a v1 STS client for region, regional by setting.
func V1(region string) *stsv1.STS { // want V1:`values: p0->region-v1`
	return stsv1.New(session.Must(session.NewSession(&aws.Config{
		Region:              aws.String(region),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	})))
}

// V1Endpoint builds a v1 client whose explicit endpoint decides the host:
// the Region only signs.
func V1Endpoint(region string) *stsv1.STS {
	return stsv1.New(session.Must(session.NewSession(&aws.Config{
		Region:   aws.String(region),
		Endpoint: aws.String("https://sts.eu-west-1.amazonaws.com"),
	})))
}

// Route53Region is for global services: aws-global is right there.
func Route53Region(region string) aws.Config { // want Route53Region:`sts:unset region=\?`
	return aws.Config{Region: aws.String(region)}
}
