// Package localsts uses example.com/mod/matching/internal/sts, a local package
// named sts whose functions share names with the SDK. No findings.
package localsts

import (
	"github.com/aws/aws-sdk-go/aws"

	"example.com/mod/matching/internal/sts"
)

func localNew() *sts.Client {
	return sts.New(&sts.Session{Region: "eu-west-1"})
}

func localNewNoRegion() *sts.Client {
	return sts.New(nil)
}

func localNewConfig() *sts.Client {
	return sts.New(&sts.Session{}, &sts.Config{Region: aws.String("eu-west-1"), STSRegionalEndpoint: sts.LegacySTSEndpoint})
}

func localEndpointFor(r string) (sts.ResolvedEndpoint, error) {
	return sts.Resolver{}.EndpointFor("sts", r)
}

func localEndpointForID(r string) (sts.ResolvedEndpoint, error) {
	var res sts.Resolver
	return res.EndpointFor(sts.EndpointsID, r)
}

func localCredentials() string {
	return sts.NewCredentials(&sts.Session{}, "arn:aws:iam::123456789012:role/x")
}

func localResolved() sts.ResolvedEndpoint {
	return sts.ResolvedEndpoint{URL: "https://sts.amazonaws.com", SigningRegion: "us-east-1"}
}

func localConfigEndpoint() *sts.Config {
	return &sts.Config{Endpoint: aws.String("https://sts.amazonaws.com")}
}

func localAWSGlobal() *sts.Client {
	return sts.New(&sts.Session{Region: "aws-global"})
}
