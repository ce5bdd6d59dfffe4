// Package callers holds class 5 of issue 8: values passed from another
// package into parameters that reach sts.Options.Region, aws.Config.Region
// or a request URL (package stsutil). What flows into a parameter decides,
// so the finding is at the call that passes it.
package callers

import (
	"context"
	"os"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"

	"example.com/mod/flow/callers/stsutil"
)

// --- positives ---

func CaseGlobalPseudoRegionV2() any {
	c, err := stsutil.NewClient(context.Background(), "aws-global") // want "STS006"
	if err != nil {
		return err
	}
	return c
}

func CaseGlobalPseudoRegionOptions() any {
	return stsutil.NewClientWithOptions("aws-global", awsv2.AnonymousCredentials{}) // want "STS006"
}

// aws-global is global in v1 even with the regional setting.
func CaseGlobalPseudoRegionV1() any {
	return stsutil.NewV1("aws-global") // want "STS006"
}

// The global URL reaches the v1 Endpoint of a regional session.
func CaseGlobalEndpointArgumentV1() any {
	return stsutil.NewV1WithEndpoint("eu-west-1", "https://sts.amazonaws.com") // want "STS001"
}

// The global URL passed straight into the request helper.
func CaseGlobalURLArgument() any {
	req, err := stsutil.CallerIdentityRequest("https://sts.amazonaws.com") // want "STS001"
	if err != nil {
		return err
	}
	return req
}

// The fallback result of a function with several results flows into the
// request helper: global when APP_REGION is empty.
//
//truth:env APP_REGION=eu-west-1
//truth:env APP_REGION=
func CaseFallbackResultArgument() any {
	endpoint, _ := stsutil.Endpoint(os.Getenv("APP_REGION"))
	req, err := stsutil.CallerIdentityRequest(endpoint) // want "STS001"
	if err != nil {
		return err
	}
	return req
}

// --- negatives ---

func CaseRealRegionV2() any {
	c, err := stsutil.NewClient(context.Background(), "us-east-1")
	if err != nil {
		return err
	}
	return c
}

func CaseRealRegionOptions() any {
	return stsutil.NewClientWithOptions("eu-west-1", awsv2.AnonymousCredentials{})
}

func CaseRealRegionV1() any {
	return stsutil.NewV1("us-east-1")
}

// A regional (VPC-style) endpoint through the same parameter.
func CaseRegionalEndpointArgumentV1() any {
	return stsutil.NewV1WithEndpoint("us-east-1", "https://sts.us-east-1.amazonaws.com")
}

// The regional result of the same function.
func CaseRegionalResultArgument() any {
	endpoint, ok := stsutil.Endpoint("eu-west-1")
	if !ok {
		return nil
	}
	req, err := stsutil.CallerIdentityRequest(endpoint)
	if err != nil {
		return err
	}
	return req
}
