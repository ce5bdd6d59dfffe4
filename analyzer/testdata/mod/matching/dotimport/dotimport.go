// Package dotimport dot-imports the v1 endpoints package.
package dotimport

import (
	"github.com/aws/aws-sdk-go/aws"
	. "github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

func dotLegacy() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: LegacySTSEndpoint, // want "STS004"
	}))
	return sts.New(sess)
}

func dotLegacyParse() STSRegionalEndpoint {
	v, _ := GetSTSRegionalEndpoint("legacy") // want "STS004"
	return v
}

func dotResolve(r string) (ResolvedEndpoint, error) {
	return DefaultResolver().EndpointFor(StsServiceID, r) // want "STS005"
}

func dotResolverFunc() Resolver {
	return ResolverFunc(func(service, region string, opts ...func(*Options)) (ResolvedEndpoint, error) {
		return ResolvedEndpoint{URL: "https://sts.amazonaws.com"}, nil // want "STS005"
	})
}

func dotStaticResolved() ResolvedEndpoint {
	return ResolvedEndpoint{URL: "https://sts.amazonaws.com"} // want "STS001"
}

// --- negatives ---

func dotRegional() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: RegionalSTSEndpoint,
	}))
	return sts.New(sess)
}

func dotResolveRegional(r string) (ResolvedEndpoint, error) {
	return DefaultResolver().EndpointFor(StsServiceID, r, STSRegionalEndpointOption)
}

func dotFIPS() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:          aws.String("us-east-1"),
		UseFIPSEndpoint: FIPSEndpointStateEnabled,
	}))
	return sts.New(sess)
}

func dotCompare(v STSRegionalEndpoint) bool { return v == LegacySTSEndpoint }
