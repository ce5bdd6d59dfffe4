package legacy

import (
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// The legacy mode outside the 15 legacy Regions: aws-sdk-go v1 swaps the
// Region for aws-global only for Regions in legacyGlobalRegions["sts"]
// (aws/endpoints/v3model.go isLegacyGlobalRegion), so ap-east-1 resolves
// to sts.ap-east-1.amazonaws.com whatever the setting. No finding.
func CaseLegacyOutsideListRegion() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("ap-east-1"),
		STSRegionalEndpoint: endpoints.LegacySTSEndpoint,
	}))
	return sts.New(sess)
}

// The Region comes from the client's own config, outside the list: no
// finding.
func CaseLegacyClientRegionOutsideList() any {
	sess := session.Must(session.NewSession(&aws.Config{STSRegionalEndpoint: endpoints.LegacySTSEndpoint}))
	return sts.New(sess, &aws.Config{Region: aws.String("af-south-1")})
}

// The session's Region is outside the list, but a client overrides it with
// a legacy Region: the setting reaches eu-west-1, which goes global.
func CaseLegacyOverriddenByLegacyRegion() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("ap-east-1"),
		STSRegionalEndpoint: endpoints.LegacySTSEndpoint, // want "STS004"
	}))
	return sts.New(sess, &aws.Config{Region: aws.String("eu-west-1")})
}

// One setting, two clients: one outside the list, one in it. Reported.
func CaseLegacyTwoClients() any {
	sess := session.Must(session.NewSession(&aws.Config{STSRegionalEndpoint: endpoints.LegacySTSEndpoint})) // want "STS004"
	_ = sts.New(sess, &aws.Config{Region: aws.String("ap-east-1")})
	return sts.New(sess, &aws.Config{Region: aws.String("us-west-2")})
}

// A Region read at run time may be a legacy one: reported.
//
//truth:env APP_REGION=eu-west-1
//truth:env APP_REGION=ap-east-1
func CaseLegacyRuntimeRegion() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String(os.Getenv("APP_REGION")),
		STSRegionalEndpoint: endpoints.LegacySTSEndpoint, // want "STS004"
	}))
	return sts.New(sess)
}

// A config no STS client of the package is seen to use is judged by its
// own Region: outside the list, no finding; none, a finding.
func legacyConfigOutsideList() *aws.Config {
	return &aws.Config{Region: aws.String("me-south-1"), STSRegionalEndpoint: endpoints.LegacySTSEndpoint}
}

func legacyConfigNoRegion() *aws.Config {
	return &aws.Config{STSRegionalEndpoint: endpoints.LegacySTSEndpoint} // want "STS004"
}

// A setter on a chain whose client is not visible: no Region to check.
func legacySetterOutsideList(sess *session.Session) {
	sess.Config.WithRegion("ap-east-1").WithSTSRegionalEndpoint(endpoints.LegacySTSEndpoint) // want "STS004"
}
