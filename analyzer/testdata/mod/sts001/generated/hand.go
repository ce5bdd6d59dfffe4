package generated

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// The generated constant reaches an endpoint sink in a hand-written file:
// reported here.
func handWritten(cfg aws.Config) *sts.Client {
	return sts.NewFromConfig(cfg, func(o *sts.Options) {
		o.Region = "eu-west-1"
		o.BaseEndpoint = aws.String(GlobalURL) // want `STS001`
	})
}
