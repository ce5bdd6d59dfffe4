// Package generics wraps sts.New in generic functions.
package generics

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/client"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// The provider is a type parameter: not provably regional, no Region.
func NewClient[P client.ConfigProvider](p P) *sts.STS {
	return sts.New(p) // want "STS002"
}

func NewCreds[P client.ConfigProvider](p P, arn string) any {
	return stscreds.NewCredentials(p, arn) // want "STS002"
}

func NewClientInRegion[P client.ConfigProvider](p P, region string) *sts.STS { // want NewClientInRegion:`values: p1->region-v1`
	return sts.New(p, aws.NewConfig().WithRegion(region)) // want "STS003"
}

// Regional per-client config: clean whatever P is.
func NewRegionalClient[P client.ConfigProvider](p P) *sts.STS {
	return sts.New(p, &aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint})
}

type Factory[T any] struct {
	build func(client.ConfigProvider) T
}

func (f Factory[T]) Make(p client.ConfigProvider) T { return f.build(p) }

func RegionalFactory() Factory[*sts.STS] {
	return Factory[*sts.STS]{build: func(p client.ConfigProvider) *sts.STS {
		return sts.New(p, aws.NewConfig().WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint))
	}}
}

func use() {
	sess := session.Must(session.NewSession(&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	_ = NewClient(sess)
	_ = NewCreds(sess, "arn:aws:iam::123456789012:role/x")
	_ = NewClientInRegion(sess, "eu-west-1")
	_ = NewRegionalClient(sess)
	_ = RegionalFactory().Make(sess)
}
