// Package alias uses renamed imports: fixes must use the file's names.
package alias

import (
	awsv1 "github.com/aws/aws-sdk-go/aws"
	ep "github.com/aws/aws-sdk-go/aws/endpoints"
	sess1 "github.com/aws/aws-sdk-go/aws/session"
	stsv1 "github.com/aws/aws-sdk-go/service/sts"
)

func f(s *sess1.Session) {
	_ = stsv1.New(s)                                                         // want `STS002`
	_ = &awsv1.Config{STSRegionalEndpoint: ep.LegacySTSEndpoint}             // want `STS004`
	r, _ := ep.DefaultResolver().EndpointFor(stsv1.EndpointsID, "eu-west-1") // want `STS005`
	_ = r.URL
}
