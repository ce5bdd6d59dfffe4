// Package related holds findings whose route ends elsewhere: the session
// built without the regional setting in one file, the STS clients built
// from it in another; the global host written in one file, the endpoint
// sink it reaches in another. TestRelated asserts the related locations.
package related

import (
	"flag"
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
)

// stsEndpoint's default is written here and used in clients.go.
var stsEndpoint = flag.String("sts-endpoint", "https://sts.amazonaws.com", "STS endpoint") // want `STS001`

// endpointFromEnv falls back to the global host.
func endpointFromEnv() string {
	if e := os.Getenv("APP_STS_ENDPOINT"); e != "" {
		return e
	}
	return "https://sts.amazonaws.com" // want `STS001`
}

// legacySess is built without the regional setting when APP_REGION is
// empty; its clients are in clients.go.
var legacySess *session.Session

func init() {
	if region := os.Getenv("APP_REGION"); region != "" {
		legacySess = session.Must(session.NewSession(&aws.Config{Region: aws.String(region), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	} else {
		legacySess = session.Must(session.NewSession())
	}
}

// regionSess has a Region on every path, the regional setting on one.
var regionSess *session.Session

func init() {
	cfg := aws.NewConfig().WithRegion("eu-west-1")
	if os.Getenv("APP_REGIONAL") == "true" {
		cfg = cfg.WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	}
	regionSess = session.Must(session.NewSession(cfg))
}

// bareSess is legacy on every path: its clients are the findings, and
// with the route at the finding there is no related location.
var bareSess = session.Must(session.NewSession())

// The global host in named constants, used in consts.go. stsURL and
// stsQuery serve one request each: changing the constant is the fix, so
// the findings are here and point at the uses. sharedURL serves two
// requests and StsURL is exported (other packages may read it): their
// findings stay at the uses and point back here.
const (
	stsURL    = "https://sts.amazonaws.com"                               // want `STS001: sts.amazonaws.com flows from here into a request URL`
	stsQuery  = "https://sts.amazonaws.com/?Action=%s&Version=2011-06-15" // want `STS001: sts.amazonaws.com flows from here into a request URL`
	sharedURL = "https://sts.amazonaws.com"
	StsURL    = "https://sts.amazonaws.com"
	// notGlobal is used beside them and holds no STS host.
	notGlobal = "GET"
)
