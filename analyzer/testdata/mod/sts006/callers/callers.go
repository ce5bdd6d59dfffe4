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
	return newClient("aws-global") // want `STS006: Region aws-global may flow from here into a v2 STS client's Region; use a real Region`
}

func OtherPackageV2() any {
	return regionutil.Client("aws-global") // want `STS006: Region aws-global passed here becomes a v2 STS client's Region in regionutil.Client; pass a real Region`
}

func OtherPackageV1() any {
	return regionutil.V1("aws-global") // want `STS006: Region aws-global passed here becomes a v1 STS client's Region in regionutil.V1; pass a real Region`
}

func Fallback(region string) any { // want Fallback:`values: p0->region-v2`
	if region == "" {
		region = "aws-global" // want `STS006: Region aws-global may flow from here into a v2 STS client's Region`
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
