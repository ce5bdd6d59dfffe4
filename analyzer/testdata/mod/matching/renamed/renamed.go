// Package renamed uses renamed imports of the v1 SDK.
package renamed

import (
	awsv1 "github.com/aws/aws-sdk-go/aws"
	ep "github.com/aws/aws-sdk-go/aws/endpoints"
	sessv1 "github.com/aws/aws-sdk-go/aws/session"
	stsv1 "github.com/aws/aws-sdk-go/service/sts"
)

func renamedNoRegion() *stsv1.STS {
	s := sessv1.Must(sessv1.NewSession())
	return stsv1.New(s) // want "STS002"
}

func renamedRegion() *stsv1.STS {
	s := sessv1.Must(sessv1.NewSession(&awsv1.Config{Region: awsv1.String("eu-west-1")}))
	return stsv1.New(s) // want "STS003"
}

func renamedLegacy() *awsv1.Config {
	return &awsv1.Config{STSRegionalEndpoint: ep.LegacySTSEndpoint} // want "STS004"
}

func renamedResolve(r string) (ep.ResolvedEndpoint, error) {
	return ep.DefaultResolver().EndpointFor(stsv1.EndpointsID, r) // want "STS005"
}

func renamedEndpoint() *awsv1.Config {
	return awsv1.NewConfig().WithEndpoint("https://sts.amazonaws.com") // want "STS001"
}

func renamedAWSGlobal() *stsv1.STS {
	s := sessv1.Must(sessv1.NewSession(&awsv1.Config{
		Region:              awsv1.String("aws-global"), // want "STS006"
		STSRegionalEndpoint: ep.RegionalSTSEndpoint,
	}))
	return stsv1.New(s)
}

// --- negatives ---

func renamedClean(r string) *stsv1.STS {
	s := sessv1.Must(sessv1.NewSession(&awsv1.Config{
		Region:              awsv1.String(r),
		STSRegionalEndpoint: ep.RegionalSTSEndpoint,
	}))
	return stsv1.New(s)
}

func renamedCleanOption(r string) (ep.ResolvedEndpoint, error) {
	return ep.DefaultResolver().EndpointFor(stsv1.EndpointsID, r, ep.STSRegionalEndpointOption)
}
