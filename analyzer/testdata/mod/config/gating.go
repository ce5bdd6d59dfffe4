// Package config has one finding of every check, for the tests of
// -enable, -disable and analyzer.New(Config{…}).
package config

import (
	"context"
	"net/http"
	"os"

	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

func all(ctx context.Context, sess *session.Session) {
	_, _ = http.NewRequest("POST", "https://sts.amazonaws.com/", nil)   // want `STS001`
	_ = sts.New(sess)                                                   // want `STS002`
	_ = sts.New(sess, &aws.Config{Region: aws.String("eu-west-1")})     // want `STS003`
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "legacy")                   // want `STS004`
	r, _ := endpoints.DefaultResolver().EndpointFor("sts", "eu-west-1") // want `STS005`
	_ = r.URL
	_ = sts.New(sess, &aws.Config{Region: aws.String("aws-global")}) // want `STS006`
	_ = stsv2.EndpointParameters{UseGlobalEndpoint: aws.Bool(true)}  // want `STS007`
	//stsregional:ignore STS002 suppressed: reported as unused only when STS002 runs and finds nothing
	_ = sts.New(sess)
	//stsregional:ignore STS002, // want `STS000`
}
