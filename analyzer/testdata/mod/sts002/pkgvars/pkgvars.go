// Package pkgvars uses package-level sessions and helpers returning sessions.
package pkgvars

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

var (
	legacySess = session.Must(session.NewSession(&aws.Config{Region: aws.String("us-west-2")}))
	bareSess   = session.Must(session.NewSession())
	goodSess   = session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("us-west-2"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	koreaSess = session.Must(session.NewSession(aws.NewConfig().WithRegion("ap-northeast-2")))
)

var (
	legacyClient = sts.New(legacySess) // want "STS003"
	goodClient   = sts.New(goodSess)
)

func fromLegacyVar() *sts.STS {
	return sts.New(legacySess) // want "STS003"
}

func fromBareVar() *credentials.Credentials {
	return stscreds.NewCredentials(bareSess, "arn:aws:iam::123456789012:role/x") // want "STS002"
}

func fromGoodVar() *sts.STS {
	return sts.New(goodSess)
}

func fromKoreaVar() *sts.STS {
	return sts.New(koreaSess)
}

// Helpers returning sessions.
func newBareSession() (*session.Session, error) {
	return session.NewSession()
}

func fromHelper() *sts.STS {
	sess, err := newBareSession()
	if err != nil {
		return nil
	}
	return sts.New(sess) // want "STS002"
}

// A helper returning a session, fixed per client.
func fromHelperFixedPerClient() *sts.STS {
	sess, _ := newBareSession()
	return sts.New(sess, &aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint})
}

// Constructor held in a package-level function variable.
var newCreds = stscreds.NewCredentials

func use() {
	_ = legacyClient
	_ = goodClient
	_ = newCreds
}
