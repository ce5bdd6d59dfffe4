// Package aws is a minimal stub of aws-sdk-go's aws package.
package aws

import "github.com/aws/aws-sdk-go/aws/endpoints"

type Config struct {
	Region              *string
	Endpoint            *string
	STSRegionalEndpoint endpoints.STSRegionalEndpoint
}

func String(s string) *string { return &s }
