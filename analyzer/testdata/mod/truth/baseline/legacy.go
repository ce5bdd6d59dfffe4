package baseline

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// legacy.legacyFieldNoRegion: the Region from the environment.
//
//truth:env AWS_REGION=eu-west-1
func CaseV1LegacyNoRegion() any {
	sess := session.Must(session.NewSession(&aws.Config{STSRegionalEndpoint: endpoints.LegacySTSEndpoint})) // want "STS004"
	return sts.New(sess)
}

// legacy.legacyPerClient: a per-client legacy setting overrides a regional
// session.
func CaseV1LegacyPerClient() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	return sts.New(sess, &aws.Config{
		STSRegionalEndpoint: endpoints.LegacySTSEndpoint, // want "STS004"
	})
}

// legacy.legacyParse: the parsed mode.
func CaseV1LegacyParsed() any {
	mode, err := endpoints.GetSTSRegionalEndpoint("legacy") // want "STS004"
	if err != nil {
		return err
	}
	sess := session.Must(session.NewSession(aws.NewConfig().WithRegion("eu-west-1").WithSTSRegionalEndpoint(mode)))
	return sts.New(sess)
}

// legacy.regionalConfig.
func CaseV1RegionalParsed() any {
	mode, err := endpoints.GetSTSRegionalEndpoint("regional")
	if err != nil {
		return err
	}
	sess := session.Must(session.NewSession(aws.NewConfig().WithRegion("eu-west-1").WithSTSRegionalEndpoint(mode)))
	return sts.New(sess)
}
