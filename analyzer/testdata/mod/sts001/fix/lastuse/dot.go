package lastuse

import (
	. "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

func dot() *sts.Client {
	return sts.New(sts.Options{Region: "eu-west-1", BaseEndpoint: String("https://sts.amazonaws.com")}) // want `STS001`
}
