// Package wrapper builds STS clients through an unexported helper whose
// callers choose the configuration: they are judged at each call.
package wrapper

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/client"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/service/sts"
)

func newClient(p client.ConfigProvider, cfgs ...*aws.Config) *sts.STS {
	return sts.New(p, cfgs...)
}

func regional(p client.ConfigProvider, region string) *sts.STS {
	return newClient(p, &aws.Config{Region: aws.String(region), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint})
}

func trap(p client.ConfigProvider) *sts.STS {
	return newClient(p, &aws.Config{Region: aws.String("eu-west-1")}) // want `STS003: v1 STS client \(built by newClient\) uses the global endpoint despite Region "eu-west-1"`
}

func bare(p client.ConfigProvider) *sts.STS {
	return newClient(p) // want `STS002`
}

// A wrapper nobody calls is judged where it builds the client.
func unused(p client.ConfigProvider) *stscreds.AssumeRoleProvider {
	return &stscreds.AssumeRoleProvider{Client: sts.New(p)} // want `STS002`
}

// Exported wrappers may be called from anywhere: judged inside.
func NewClient(p client.ConfigProvider, cfgs ...*aws.Config) *sts.STS { // want NewClient:"wraps: p0 -> sts.New"
	return sts.New(p, cfgs...) // want `STS002`
}

// A helper building clients in two branches is judged at its calls for
// both, never inside.
func newCreds(p client.ConfigProvider, external bool) *stscreds.AssumeRoleProvider {
	if external {
		return &stscreds.AssumeRoleProvider{Client: sts.New(p)}
	}
	return &stscreds.AssumeRoleProvider{Client: sts.New(p)}
}

func useCreds(p client.ConfigProvider) {
	_ = newCreds(p, true) // want `STS002`
}
