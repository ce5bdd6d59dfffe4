// Package stsutil is a helper package for class 5 of issue 8: its
// parameters reach a v2 Region, a v1 Region, and a request URL. What the
// callers pass decides where the calls go.
package stsutil

import (
	"context"
	"net/http"
	"strings"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	stsv1 "github.com/aws/aws-sdk-go/service/sts"
)

// NewClient loads the default configuration for region.
func NewClient(ctx context.Context, region string) (*sts.Client, error) { // want NewClient:`values: p1->region-v2`
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(region))
	if err != nil {
		return nil, err
	}
	return sts.NewFromConfig(cfg), nil
}

// NewClientWithOptions builds a client from explicit options.
func NewClientWithOptions(region string, creds awsv2.CredentialsProvider) *sts.Client { // want NewClientWithOptions:`values: p0->region-v2`
	return sts.New(sts.Options{Region: region, Credentials: creds})
}

// NewV1 builds a regional aws-sdk-go v1 client for region.
func NewV1(region string) *stsv1.STS { // want NewV1:`values: p0->region-v1`
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String(region),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	return stsv1.New(sess)
}

// NewV1WithEndpoint builds an aws-sdk-go v1 client that calls endpoint
// (a VPC endpoint, a proxy, or whatever the caller configures).
func NewV1WithEndpoint(region, endpoint string) *stsv1.STS { // want NewV1WithEndpoint:`values: p1->endpoint\(v1-endpoint\)`
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String(region),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		Endpoint:            aws.String(endpoint),
	}))
	return stsv1.New(sess)
}

// Endpoint returns the STS endpoint for region, and whether it is
// regional: the global URL is the fallback when no Region is known.
func Endpoint(region string) (string, bool) { // want Endpoint:`values: if-p0-empty r0=global\(may\)`
	if region == "" {
		return "https://sts.amazonaws.com", false
	}
	return "https://sts." + region + ".amazonaws.com", true
}

// CallerIdentityRequest builds an unsigned GetCallerIdentity request to
// endpoint.
func CallerIdentityRequest(endpoint string) (*http.Request, error) { // want CallerIdentityRequest:`values: p0->endpoint\(request\)`
	return http.NewRequest(http.MethodPost, endpoint+"/", strings.NewReader("Action=GetCallerIdentity&Version=2011-06-15"))
}
