// Package dot dot-imports endpoints: fixes write RegionalSTSEndpoint bare.
package dot

import (
	"github.com/aws/aws-sdk-go/aws"
	. "github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

func f() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("sa-east-1")}))
	return sts.New(sess) // want `STS003`
}

func g() *aws.Config {
	return aws.NewConfig().WithSTSRegionalEndpoint(LegacySTSEndpoint) // want `STS004`
}
