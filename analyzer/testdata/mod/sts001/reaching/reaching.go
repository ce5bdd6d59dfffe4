// Package reaching holds STS001 cases whose endpoint is not a constant
// where it is used: the values that reach the sink decide (flag defaults,
// fallbacks, settings fields, URLs formatted from an endpoint), and a
// finding is at the place the global host is written.
package reaching

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// --- positives ---

// A v2 BaseEndpoint from a flag whose default is the global URL.
func V2FlagDefault(cfg awsv2.Config) *stsv2.Client {
	fs := flag.NewFlagSet("app", flag.ContinueOnError)
	endpoint := fs.String("sts-endpoint", "https://sts.amazonaws.com", "STS endpoint") // want `STS001: sts.amazonaws.com may flow from here into a v2 BaseEndpoint; use https://sts.<region>.amazonaws.com`
	_ = fs.Parse(os.Args[1:])
	return stsv2.NewFromConfig(cfg, func(o *stsv2.Options) { o.BaseEndpoint = endpoint })
}

// config.WithBaseEndpoint with the global URL as the fallback of an
// environment variable.
func V2EnvFallback(ctx context.Context) (awsv2.Config, error) {
	endpoint := os.Getenv("APP_STS_ENDPOINT")
	if endpoint == "" {
		endpoint = "https://sts.amazonaws.com" // want `STS001: sts.amazonaws.com may flow from here into config.WithBaseEndpoint`
	}
	return config.LoadDefaultConfig(ctx, config.WithBaseEndpoint(endpoint))
}

// FlagSet.StringVar stores its default into the variable.
func V1FlagVar() *sts.STS {
	var endpoint string
	fs := flag.NewFlagSet("app", flag.ContinueOnError)
	fs.StringVar(&endpoint, "sts-endpoint", "sts.amazonaws.com", "STS endpoint") // want `STS001: sts.amazonaws.com may flow from here into a v1 aws.Config Endpoint`
	return sts.New(session.Must(session.NewSession(&aws.Config{Endpoint: aws.String(endpoint)})))
}

// A host concatenated into a URL after the scheme.
func ConcatHost(path string) (*http.Request, error) {
	stsHost := "sts.amazonaws.com" // want `STS001: sts.amazonaws.com flows from here into a request URL; use https://sts.<region>.amazonaws.com`
	return http.NewRequest(http.MethodGet, "https://"+stsHost+"/"+path, nil)
}

// Every value that reaches the sink is global: no "may".
func AlwaysGlobal(path string) (*http.Request, error) {
	endpoint := "https://sts.amazonaws.com" // want `STS001: sts.amazonaws.com flows from here into a request URL; use https://sts.<region>.amazonaws.com`
	return http.NewRequest(http.MethodGet, fmt.Sprintf("%s/%s", endpoint, path), nil)
}

// settings is a program's configuration; each value carries its own
// endpoint.
type settings struct{ Endpoint string }

// A local settings value is followed to its own literal: no "may" from
// the regional value of another function's settings.
func LocalSettingsGlobal() (*http.Request, error) {
	s := settings{Endpoint: "https://sts.amazonaws.com"} // want `STS001: sts.amazonaws.com flows from here into a request URL; use https://sts.<region>.amazonaws.com`
	return http.NewRequest(http.MethodGet, s.Endpoint+"/", nil)
}

// --- negatives ---

// The same field, a regional value.
func LocalSettingsRegional() (*http.Request, error) {
	s := settings{Endpoint: "https://sts.eu-west-1.amazonaws.com"}
	return http.NewRequest(http.MethodGet, s.Endpoint+"/", nil)
}

// A regional URL built at run time.
func V2RegionalSprintf(ctx context.Context, region string) (awsv2.Config, error) {
	return config.LoadDefaultConfig(ctx, config.WithBaseEndpoint(fmt.Sprintf("https://sts.%s.amazonaws.com", region)))
}

// The default is replaced before use on every path.
func Overwritten(region string) (*http.Request, error) {
	endpoint := "https://sts.amazonaws.com"
	endpoint = "https://sts." + region + ".amazonaws.com"
	return http.NewRequest(http.MethodGet, endpoint+"/", nil)
}

// The global host is only a prefix of a longer host name: the URL's host
// goes on past it.
func LongerHost(suffix string) (*http.Request, error) {
	base := "https://sts.amazonaws.com"
	return http.NewRequest(http.MethodGet, base+suffix, nil)
}

// An audience next to a regional endpoint: only the endpoint is a sink.
func Audience(region string) (*http.Request, error) {
	audience := "sts.amazonaws.com"
	req, err := http.NewRequest(http.MethodPost, "https://sts."+region+".amazonaws.com/", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("X-Audience", audience)
	return req, nil
}

// A v1 Endpoint from a flag whose default is a regional URL, on a legacy
// Region without the regional setting: the explicit endpoint bypasses the
// resolver, so neither STS001 nor STS002/STS003 applies.
func V1FlagEndpoint() *sts.STS {
	fs := flag.NewFlagSet("app", flag.ContinueOnError)
	endpoint := fs.String("sts-endpoint", "https://sts.us-east-1.amazonaws.com", "STS endpoint")
	return sts.New(session.Must(session.NewSession(&aws.Config{
		Region:   aws.String("us-east-1"),
		Endpoint: endpoint,
	})))
}
