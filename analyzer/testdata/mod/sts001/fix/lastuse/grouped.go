package lastuse

import (
	_ "embed" // blank imports stay

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

func grouped() *sts.Client {
	return sts.New(sts.Options{
		Region:       "eu-west-1",
		BaseEndpoint: aws.String("https://sts.amazonaws.com"), // want `STS001`
	})
}
