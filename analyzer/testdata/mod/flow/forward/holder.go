package forward

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"

	"example.com/mod/flow/forward/svc"
)

// A client stored in another package's struct, whose method is handed on
// as a function value and called there: the client sends, so its
// endpoint counts.
func CaseClientInForeignStructMethodValue() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("us-east-1")}))
	s := &svc.Service{Client: sts.New(sess)} // want "STS00[23]"
	return svc.Run(s.Identity)
}

// The same with the regional setting.
func CaseClientInForeignStructMethodValueRegional() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("us-east-1"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	s := &svc.Service{Client: sts.New(sess)}
	return svc.Run(s.Identity)
}
