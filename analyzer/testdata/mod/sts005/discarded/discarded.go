// Package discarded holds class 4 of issue 8: an EndpointFor call whose
// endpoint is thrown away (only its error is looked at, as a Region check)
// sends nothing anywhere and is not reported; one whose URL is used is.
package discarded

import (
	"fmt"

	"github.com/aws/aws-sdk-go/aws/endpoints"
)

// validRegion is the Region check of many CLIs.
func validRegion(region string) error {
	_, err := endpoints.DefaultResolver().EndpointFor("sts", region, endpoints.StrictMatchingOption)
	return err
}

// Only the error is used.
//
//truth:nohost the resolved endpoint is discarded; only the error is checked
func CaseErrorOnly() any {
	if _, err := endpoints.DefaultResolver().EndpointFor("sts", "eu-west-1"); err != nil {
		return fmt.Errorf("unknown Region: %w", err)
	}
	return nil
}

// Through a helper.
//
//truth:nohost the resolved endpoint is discarded inside validRegion
func CaseHelperCheck() any {
	if err := validRegion("us-east-1"); err != nil {
		return err
	}
	return nil
}

// A declaration with the blank identifier.
//
//truth:nohost the resolved endpoint is discarded
func CaseBlankDeclaration() any {
	var _, err = endpoints.AwsPartition().EndpointFor(endpoints.StsServiceID, "ap-south-1")
	return err
}

// The URL is used.
func CaseURLUsed() any {
	ep, err := endpoints.DefaultResolver().EndpointFor("sts", "us-west-2") // want `STS005`
	if err != nil {
		return err
	}
	return ep.URL
}
