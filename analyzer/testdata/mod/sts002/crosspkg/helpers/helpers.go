// Package helpers builds sessions for other packages: facts carry how.
package helpers

import (
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
)

// NewRegional returns a regional session.
func NewRegional(region string) *session.Session { // want NewRegional:`sts:regional region=\? env`
	return session.Must(session.NewSession(&aws.Config{
		Region:              aws.String(region),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
}

// NewLegacyDefault returns a session with a Region but the v1 default.
func NewLegacyDefault() (*session.Session, error) { // want NewLegacyDefault:`sts:unset region=\? env`
	sess, err := session.NewSession(&aws.Config{Region: aws.String(os.Getenv("AWS_REGION"))})
	if err != nil {
		return nil, err
	}
	return sess, nil
}

// Config returns a regional config.
func Config() *aws.Config { // want Config:`sts:regional`
	return aws.NewConfig().WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
}

// Shared is a package-level session without the regional setting.
var Shared = session.New(&aws.Config{Region: aws.String("us-west-2")}) // want Shared:`sts:unset region="us-west-2"`

// viaOther wraps another helper of this package.
func viaOther() *session.Session {
	return NewRegional("eu-west-1")
}

// Wrapped returns what viaOther returns.
func Wrapped() *session.Session { // want Wrapped:`sts:regional region="eu-west-1" env`
	return viaOther()
}
