// Package wrapper fixes calls of an unexported client helper at the call.
package wrapper

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/client"
	"github.com/aws/aws-sdk-go/service/sts"
)

func newClient(p client.ConfigProvider, cfgs ...*aws.Config) *sts.STS {
	return sts.New(p, cfgs...)
}

func trap(p client.ConfigProvider) *sts.STS {
	return newClient(p, &aws.Config{Region: aws.String("eu-west-1")}) // want `STS003`
}

func bare(p client.ConfigProvider) *sts.STS {
	return newClient(p) // want `STS002`
}
