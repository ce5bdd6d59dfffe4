// Package explicit holds class 1 of issue 8: an explicit aws-sdk-go v1
// Endpoint whose value is computed at run time. The Endpoint bypasses the
// SDK's resolver (and the legacy Region mapping), so only the values that
// can reach it decide where the client calls.
package explicit

import (
	"flag"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// Settings is an application's configuration, as read from a file.
type Settings struct {
	Region      string
	STSEndpoint string
}

// A regional URL built with Sprintf from a legacy Region: the explicit
// endpoint wins over the legacy mapping, the call is regional.
func CaseSprintfRegional() any {
	region := "eu-west-1"
	sess := session.Must(session.NewSession(&aws.Config{
		Region:   aws.String(region),
		Endpoint: aws.String(fmt.Sprintf("https://sts.%s.amazonaws.com", region)),
	}))
	return sts.New(sess)
}

// A regional URL concatenated from the environment's Region.
//
//truth:env AWS_REGION=us-east-1
//truth:env AWS_REGION=ap-southeast-2
func CaseConcatEnvRegion() any {
	region := os.Getenv("AWS_REGION")
	cfg := aws.NewConfig().WithRegion(region).WithEndpoint("https://sts." + region + ".amazonaws.com")
	return sts.New(session.Must(session.NewSession(cfg)))
}

// An endpoint from the environment, guarded by != "", on a regional
// session: with or without the variable the call is regional.
//
//truth:env AWS_REGION=us-east-1 APP_STS_ENDPOINT=
//truth:env AWS_REGION=us-east-1 APP_STS_ENDPOINT=https://sts.us-east-1.amazonaws.com
func CaseGuardedEnvEndpoint() any {
	cfg := &aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}
	if ep := os.Getenv("APP_STS_ENDPOINT"); ep != "" {
		cfg.Endpoint = aws.String(ep)
	}
	return sts.New(session.Must(session.NewSession(cfg)))
}

// A configuration field guarded by != "": the regional URL reaches the
// Endpoint of a session that has no regional setting and a legacy Region;
// the explicit endpoint decides.
func CaseGuardedSettingsRegional() any {
	s := Settings{Region: "us-east-1", STSEndpoint: "https://sts.us-east-1.amazonaws.com"}
	cfg := &aws.Config{Region: aws.String(s.Region)}
	if s.STSEndpoint != "" {
		cfg.Endpoint = aws.String(s.STSEndpoint)
	}
	return sts.New(session.Must(session.NewSession(cfg)))
}

// A flag whose default is a regional URL.
func CaseFlagRegionalDefault() any {
	fs := flag.NewFlagSet("app", flag.ContinueOnError)
	endpoint := fs.String("sts-endpoint", "https://sts.eu-central-1.amazonaws.com", "STS endpoint")
	region := fs.String("region", "eu-central-1", "AWS Region")
	if err := fs.Parse(nil); err != nil {
		return err
	}
	sess := session.Must(session.NewSession(aws.NewConfig().WithRegion(*region).WithEndpoint(*endpoint)))
	return sts.New(sess)
}

// --- positives: a value that reaches the Endpoint is the global host ---

// A flag whose default is the global URL.
func CaseFlagGlobalDefault() any {
	fs := flag.NewFlagSet("app", flag.ContinueOnError)
	endpoint := fs.String("sts-endpoint", "https://sts.amazonaws.com", "STS endpoint") // want "STS001"
	if err := fs.Parse(nil); err != nil {
		return err
	}
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		Endpoint:            endpoint,
	}))
	return sts.New(sess)
}

// An environment variable with the global URL as its fallback; the
// session is regional, but the explicit endpoint wins.
//
//truth:env AWS_STS_ENDPOINT=
//truth:env AWS_STS_ENDPOINT=https://sts.eu-west-1.amazonaws.com
func CaseEnvFallbackGlobal() any {
	endpoint := os.Getenv("AWS_STS_ENDPOINT")
	if endpoint == "" {
		endpoint = "https://sts.amazonaws.com" // want "STS001"
	}
	cfg := &aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		Endpoint:            aws.String(endpoint),
	}
	return sts.New(session.Must(session.NewSession(cfg)))
}

// Settings whose default endpoint is the global host.
func CaseSettingsDefaultGlobal() any {
	s := Settings{Region: "eu-west-1", STSEndpoint: "sts.amazonaws.com"} // want "STS001"
	cfg := aws.NewConfig().WithRegion(s.Region).WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	if s.STSEndpoint != "" {
		cfg = cfg.WithEndpoint(s.STSEndpoint)
	}
	return sts.New(session.Must(session.NewSession(cfg)))
}
