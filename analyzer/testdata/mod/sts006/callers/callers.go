// Package callers passes Regions into parameters that become STS client
// Regions, in this package and in package regionutil.
package callers

import (
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"example.com/mod/sts006/callers/regionutil"
)

func newClient(region string) *sts.Client {
	return sts.New(sts.Options{Region: region})
}

// --- positives ---

func SamePackage() *sts.Client {
	return newClient("aws-global") // want `STS006: Region aws-global flows from here into the Region of an aws-sdk-go-v2 STS client`
}

func OtherPackageV2() any {
	return regionutil.Client("aws-global") // want `STS006: Region aws-global passed here becomes the Region of an aws-sdk-go-v2 STS client in regionutil.Client`
}

func OtherPackageV1() any {
	return regionutil.V1("aws-global") // want `STS006: Region aws-global passed here becomes the Region of an aws-sdk-go v1 STS client in regionutil.V1`
}

func Fallback(region string) any { // want Fallback:`values: p0->region-v2`
	if region == "" {
		region = "aws-global" // want `STS006: Region aws-global flows from here .*: it may call the global endpoint when`
	}
	return newClient(region)
}

// --- negatives ---

func RealRegion() any { return regionutil.Client("eu-west-1") }

func RealRegionSamePackage() any { return newClient("ap-southeast-2") }

// The explicit endpoint decides the host: aws-global only signs.
func ExplicitEndpoint() any { return regionutil.V1Endpoint("aws-global") }

// Not an STS client.
func Route53() any { return regionutil.Route53Region("aws-global") }
