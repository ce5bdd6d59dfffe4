// Package findings holds code that stsregional reports, each finding with a
// suggested fix. The end-to-end tests in cmd/stsregional run the binary on it.
package findings

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// RegionOnly sets a Region but not the regional STS endpoint mode: the v1 SDK
// still sends STS calls to sts.amazonaws.com (STS003). The fix also adds the
// endpoints import.
func RegionOnly() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	svc := sts.New(sess)
	return svc
}
