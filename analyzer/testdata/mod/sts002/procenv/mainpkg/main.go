// Command mainpkg sets AWS_STS_REGIONAL_ENDPOINTS=regional in main.main
// before it calls the function that builds the session; a function it
// calls before the setting is not covered. (A package main cannot be
// imported, so these are not ground-truth Case functions.)
package main

import (
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

func main() {
	early()
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	run()
}

func run() {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	_ = sts.New(sess)
}

func early() {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	_ = sts.New(sess) // want `STS003`
}
