// Package suppressed holds a finding suppressed with a golangci-lint
// directive.
package suppressed

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// Known is reviewed code that keeps the global endpoint on purpose.
func Known() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return sts.New(sess) //nolint:stsregional // reviewed: this account still uses the global endpoint
}
