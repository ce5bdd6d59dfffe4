package baseline

import (
	"context"
	"os"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	stscredsv2 "github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// Cases that exercise every result type the runner drives.

// v1clients.presign: the EKS-token style presigned URL (a string).
func CaseV1PresignedURL() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	svc := sts.New(sess) // want "STS003"
	req, _ := svc.GetCallerIdentityRequest(&sts.GetCallerIdentityInput{})
	u, err := req.Presign(60)
	if err != nil {
		return err
	}
	return u
}

// A v1 *request.Request, sent by the runner.
func CaseV1Request() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	req, _ := sts.New(sess).GetCallerIdentityRequest(&sts.GetCallerIdentityInput{})
	return req
}

// A v1 provider (credentials.Provider) with a client from a legacy session.
func CaseV1Provider() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("us-east-1")}))
	return &stscreds.AssumeRoleProvider{Client: sts.New(sess), RoleARN: roleARN} // want "STS003"
}

// v1clients.webIdentityRegion: the hidden STS client of a web identity
// provider, with a token file.
//
//truth:env AWS_WEB_IDENTITY_TOKEN_FILE=$HOME/token
func CaseV1WebIdentity() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("ca-central-1")}))
	return stscreds.NewWebIdentityCredentials(sess, roleARN, "truth-session", os.Getenv("AWS_WEB_IDENTITY_TOKEN_FILE")) // want "STS003"
}

// The web identity provider with a regional client.
//
//truth:env AWS_WEB_IDENTITY_TOKEN_FILE=$HOME/token
func CaseV1WebIdentityRegional() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("ca-central-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	p := stscreds.NewWebIdentityRoleProviderWithOptions(sts.New(sess), roleARN, "truth-session",
		stscreds.FetchTokenPath(os.Getenv("AWS_WEB_IDENTITY_TOKEN_FILE")))
	return credentials.NewCredentials(p)
}

// A v2 presign client (the EKS token of aws-sdk-go-v2).
func CaseV2Presign() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return stsv2.NewPresignClient(stsv2.NewFromConfig(cfg))
}

// A v2 credentials provider (aws.CredentialsProvider).
func CaseV2AssumeRoleProvider() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("us-east-1"))
	if err != nil {
		return err
	}
	return awsv2.NewCredentialsCache(stscredsv2.NewAssumeRoleProvider(stsv2.NewFromConfig(cfg), roleARN))
}

// The same provider with an aws-global client.
func CaseV2AssumeRoleProviderGlobal() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("aws-global")) // want "STS006"
	if err != nil {
		return err
	}
	return stscredsv2.NewAssumeRoleProvider(stsv2.NewFromConfig(cfg), roleARN)
}
