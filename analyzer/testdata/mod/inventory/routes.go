// Package inventory holds STS routes whose inventory rows the checks'
// folders do not show: hand-signed requests, runtime-formatted regional
// URLs, Regions from IMDS, a profile or an expression, a regional mode
// chosen at run time, and a presign client over a global client. Checked
// by TestInventoryGolden.
package inventory

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/ec2metadata"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	v4 "github.com/aws/aws-sdk-go/aws/signer/v4"
	"github.com/aws/aws-sdk-go/service/sts"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	v4v2 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
)

// A GetCallerIdentity request signed by hand with aws-sdk-go-v2's signer,
// to the global host.
func signedV2(ctx context.Context, creds awsv2.Credentials) (*http.Request, error) {
	body := "Action=GetCallerIdentity&Version=2011-06-15"
	req, err := http.NewRequest(http.MethodPost, "https://sts.amazonaws.com/", strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	signer := v4v2.NewSigner()
	err = signer.SignHTTP(ctx, creds, req, "hash", "sts", "us-east-1", time.Now())
	return req, err
}

// The same with aws-sdk-go v1's signer, to a regional host built at run
// time.
func signedV1(region string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, fmt.Sprintf("https://sts.%s.amazonaws.com/?Action=GetCallerIdentity", region), nil)
	if err != nil {
		return nil, err
	}
	signer := v4.NewSigner(credentials.NewEnvCredentials())
	_, err = signer.Sign(req, nil, "sts", region, time.Now())
	return req, err
}

// A request that is not for STS is no route.
func notSTS() (*http.Request, error) {
	return http.NewRequest(http.MethodGet, "https://s3.amazonaws.com/", nil)
}

// v2 Regions from IMDS and from a profile.
func fromIMDS(ctx context.Context) (*stsv2.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithEC2IMDSRegion())
	if err != nil {
		return nil, err
	}
	return stsv2.NewFromConfig(cfg), nil
}

func fromProfile(ctx context.Context) (*stsv2.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithSharedConfigProfile("prod"))
	if err != nil {
		return nil, err
	}
	return stsv2.NewFromConfig(cfg), nil
}

// A presign client over a client pinned to aws-global.
func presignGlobal(ctx context.Context) (*stsv2.PresignClient, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("aws-global"))
	if err != nil {
		return nil, err
	}
	return stsv2.NewPresignClient(stsv2.NewFromConfig(cfg)), nil
}

type settings struct{ Region string }

// v1: the Region from a struct field, and from IMDS.
func fromField(s settings) *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String(s.Region)}))
	return sts.New(sess)
}

func fromMetadata() *sts.STS {
	meta := ec2metadata.New(session.Must(session.NewSession()))
	region, _ := meta.Region()
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String(region),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	return sts.New(sess)
}

// CaseModeFromEnv: v1, the STS mode read at run time. The analyzer takes a mode set from a
// run-time value as the program's deliberate choice and does not report
// it; the truth run sets the variable accordingly (unset, v1 falls back to
// the legacy mode).
//
//truth:env AWS_REGION=us-east-1 STS_MODE=regional
func CaseModeFromEnv() any {
	mode, _ := endpoints.GetSTSRegionalEndpoint(os.Getenv("STS_MODE"))
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1"), STSRegionalEndpoint: mode}))
	return sts.New(sess)
}
