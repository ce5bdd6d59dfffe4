// Package v1session holds session and client fixes for STS002/STS003.
package v1session

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/client"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// The session literal gets the field; both clients share that one edit.
func sessionLiteral() {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	_ = sts.New(sess)                        // want `STS003`
	_ = stscreds.NewCredentials(sess, "arn") // want `STS003`
}

// A multi-line literal keeps its layout; the comment survives.
func multiLine() *sts.STS {
	sess, err := session.NewSession(&aws.Config{
		Region: aws.String("us-east-1"), // the home Region
	})
	if err != nil {
		return nil
	}
	return sts.New(sess) // want `STS003`
}

// No configs at all: one is added.
func noArgs() *sts.STS {
	return sts.New(session.Must(session.NewSession())) // want `STS002`
}

// A config variable: a second config is appended (MergeIn keeps order).
func configVar(cfg *aws.Config) *sts.STS {
	sess := session.Must(session.NewSession(cfg))
	return sts.New(sess) // want `STS002`
}

// A setter chain gets one more setter.
func chain(region string) *sts.STS {
	sess := session.Must(session.NewSession(aws.NewConfig().WithRegion(region)))
	return sts.New(sess) // want `STS003`
}

// Options literal with and without Config.
func options() {
	s1 := session.Must(session.NewSessionWithOptions(session.Options{
		Config:            aws.Config{Region: aws.String("eu-west-2")},
		SharedConfigState: session.SharedConfigEnable,
	}))
	_ = sts.New(s1) // want `STS003`
	s2 := session.Must(session.NewSessionWithOptions(session.Options{Profile: "prod"}))
	_ = sts.New(s2) // want `STS002`
}

// A parameter session: the client is pinned.
func param(sess *session.Session) *sts.STS {
	return sts.New(sess) // want `STS002`
}

// A per-client literal gets the field.
func clientLiteral(sess *session.Session) *sts.STS {
	return sts.New(sess, &aws.Config{Region: aws.String("eu-central-1")}) // want `STS003`
}

// stscreds with a session: the session is copied with the setting.
func credsParam(sess *session.Session) {
	_ = stscreds.NewCredentials(sess, "arn:aws:iam::1:role/r")            // want `STS002`
	_ = stscreds.NewWebIdentityCredentials(sess, "arn", "name", "/token") // want `STS002`
}

// stscreds with another ConfigProvider: an explicit client is built.
func credsProvider(p client.ConfigProvider) {
	_ = stscreds.NewCredentials(p, "arn:aws:iam::1:role/r") // want `STS002`
}

// Already regional: untouched.
func clean() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	return sts.New(sess)
}
