// Package ignorefile ignores STS002 in the whole file.
//
//stsregional:file-ignore STS002 every session here comes from a regional factory
package ignorefile

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

func a(sess *session.Session) *sts.STS { return sts.New(sess) }

func b(sess *session.Session) *sts.STS { return sts.New(sess) }

func c() *aws.Config {
	return &aws.Config{STSRegionalEndpoint: endpoints.LegacySTSEndpoint} // want `STS004`
}
