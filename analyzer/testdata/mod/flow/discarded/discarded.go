// Package discarded holds class 4 of issue 8: EndpointFor calls whose
// endpoint is thrown away (only the error is looked at, as a Region check)
// send nothing anywhere; those whose URL is used do.
package discarded

import (
	"fmt"
	"net/http"
	"os"
	"strings"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// validateRegion is the Region check of many CLIs: strict matching makes
// EndpointFor fail for a Region the partition does not know.
func validateRegion(region string) error {
	_, err := endpoints.DefaultResolver().EndpointFor("sts", region, endpoints.StrictMatchingOption)
	return err
}

// Only the error is used; the client is built separately, regionally.
//
//truth:env AWS_REGION=us-east-1
func CaseRegionCheckThenRegionalClient() any {
	region := os.Getenv("AWS_REGION")
	if _, err := endpoints.DefaultResolver().EndpointFor("sts", region); err != nil {
		return fmt.Errorf("unknown region %q: %w", region, err)
	}
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String(region),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	return sts.New(sess)
}

// The check alone, through a partition: nothing is sent.
//
//truth:nohost the resolved endpoint is discarded; only the error is checked
func CaseDiscardedPartitionLookup() any {
	if _, err := endpoints.AwsPartition().EndpointFor(endpoints.StsServiceID, "eu-west-1"); err != nil {
		return err
	}
	return nil
}

// The blank identifier, through a helper.
//
//truth:nohost the resolved endpoint is discarded inside validateRegion
func CaseDiscardedInHelper() any {
	if err := validateRegion("us-east-1"); err != nil {
		return err
	}
	return nil
}

// --- positives: the resolved URL is used ---

// The URL becomes the request URL.
func CaseResolvedURLRequested() any {
	ep, err := endpoints.DefaultResolver().EndpointFor("sts", "eu-west-1") // want "STS005"
	if err != nil {
		return err
	}
	req, err := http.NewRequest(http.MethodPost, ep.URL, strings.NewReader("Action=GetCallerIdentity&Version=2011-06-15"))
	if err != nil {
		return err
	}
	return req
}

// The URL becomes a client's Endpoint.
func CaseResolvedURLAsEndpoint() any {
	ep, err := endpoints.AwsPartition().EndpointFor(endpoints.StsServiceID, "us-east-1") // want "STS005"
	if err != nil {
		return err
	}
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("us-east-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		Endpoint:            aws.String(ep.URL),
	}))
	return sts.New(sess)
}
