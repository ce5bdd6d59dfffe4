// Command hookmod is the code the pre-commit integration test commits: an
// aws-sdk-go v1 STS client whose session sets a Region but not the regional
// STS endpoint, so its call still goes to sts.amazonaws.com (STS003).
package main

import (
	"fmt"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

func main() {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	svc := sts.New(sess)
	fmt.Println(svc.GetCallerIdentity(&sts.GetCallerIdentityInput{}))
}
