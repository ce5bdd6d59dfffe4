package lastuse

import (
	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
)

func alias() *stsv2.Client {
	return stsv2.New(stsv2.Options{Region: "eu-west-1", BaseEndpoint: awsv2.String("https://sts.amazonaws.com")}) // want `STS001`
}
