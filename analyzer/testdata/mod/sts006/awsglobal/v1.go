// Package awsglobal holds STS006 cases: the aws-global pseudo-region
// reaching an STS client.
package awsglobal

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

const globalRegion = "aws-global"

// The regional setting is present, so STS002/STS003 do not apply; the
// pseudo-region still pins the global endpoint.
func v1Literal() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("aws-global"), // want "STS006"
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	return sts.New(sess)
}

func v1NamedConst() {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String(globalRegion), // want "STS006"
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	_ = stscreds.NewCredentials(sess, "arn:aws:iam::123456789012:role/x")
}

func v1Fluent() *sts.STS {
	cfg := aws.NewConfig().WithRegion("aws-global").WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint) // want "STS006"
	return sts.New(session.Must(session.NewSession(cfg)))
}

func v1PerClient(sess *session.Session) *sts.STS {
	return sts.New(sess, &aws.Config{
		Region:              aws.String("aws-global"), // want "STS006"
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	})
}

// Without the regional setting: aws-global is the finding (STS006 at the
// Region), not the missing setting (no STS003 at sts.New; adding
// RegionalSTSEndpoint would not help).
func v1NoRegionalSetting() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("aws-global")})) // want "STS006"
	return sts.New(sess)
}

func v1NoRegionalSettingCreds() {
	sess := session.Must(session.NewSession(aws.NewConfig().WithRegion(globalRegion))) // want "STS006"
	_ = stscreds.NewWebIdentityCredentials(sess, "arn:aws:iam::123456789012:role/x", "s", "/token")
}

// --- negatives: aws-global that never reaches an STS client ---

func v1NotSTS() *session.Session {
	return session.Must(session.NewSession(&aws.Config{Region: aws.String("aws-global")}))
}

func v1ConfigOnly() *aws.Config {
	return &aws.Config{Region: aws.String("aws-global")}
}

func v1RegionList() []string {
	return []string{"us-east-1", "aws-global", endpoints.UsEast1RegionID}
}

func v1Compare(cfg *aws.Config) bool {
	return aws.StringValue(cfg.Region) == "aws-global"
}
