package baseline

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

const (
	globalURL  = "https://sts.amazonaws.com"
	globalHost = "sts.amazonaws.com"
	scheme     = "https://"
)

// hardcoded.v1EndpointLiteral: the explicit endpoint wins over the regional
// setting.
func CaseV1EndpointLiteral() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		Endpoint:            aws.String("https://sts.amazonaws.com"), // want "STS001"
	}))
	return sts.New(sess)
}

// hardcoded.v1EndpointNoScheme: the SDK adds https://.
func CaseV1EndpointNoScheme() any {
	cfg := aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		Endpoint:            aws.String("sts.amazonaws.com"), // want "STS001"
	}
	return sts.New(session.Must(session.NewSession(&cfg)))
}

// hardcoded.v1EndpointUpperCase: host names are case-insensitive.
func CaseV1EndpointUpperCase() any {
	return sts.New(session.Must(session.NewSession(&aws.Config{
		Region:   aws.String("eu-west-1"),
		Endpoint: aws.String("HTTPS://STS.AMAZONAWS.COM"), // want "STS001"
	})))
}

// hardcoded.v1EndpointTrailingDot: the fully qualified name is the same
// host.
func CaseV1EndpointTrailingDot() any {
	return sts.New(session.Must(session.NewSession(&aws.Config{
		Region:   aws.String("eu-west-1"),
		Endpoint: aws.String("sts.amazonaws.com."), // want "STS001"
	})))
}

// hardcoded.v1EndpointHTTP: plain HTTP, mixed case, a query.
func CaseV1EndpointHTTP() any {
	return sts.New(session.Must(session.NewSession(&aws.Config{
		Region:   aws.String("eu-west-1"),
		Endpoint: aws.String("http://Sts.Amazonaws.Com/?Action=GetCallerIdentity&Version=2011-06-15"), // want "STS001"
	})))
}

// hardcoded.v1EndpointConcat.
func CaseV1EndpointConcat() any {
	cfg := aws.NewConfig().WithRegion("eu-west-1").WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	cfg.Endpoint = aws.String(scheme + globalHost) // want "STS001"
	return sts.New(session.Must(session.NewSession(cfg)))
}

// hardcoded.v1WithEndpoint.
func CaseV1WithEndpoint() any {
	return sts.New(session.Must(session.NewSession(aws.NewConfig().
		WithRegion("eu-west-1").
		WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint).
		WithEndpoint(fmt.Sprintf("https://%s", globalHost))))) // want "STS001"
}

// hardcoded v1Negatives: a regional URL.
func CaseV1EndpointRegional() any {
	return sts.New(session.Must(session.NewSession(&aws.Config{
		Region:   aws.String("eu-west-1"),
		Endpoint: aws.String("https://sts.eu-west-1.amazonaws.com"),
	})))
}

// hardcoded.v2OptionsLiteral.
func CaseV2BaseEndpointOptions() any {
	return stsv2.New(stsv2.Options{
		Region:       "eu-west-1",
		Credentials:  awsv2.AnonymousCredentials{},
		BaseEndpoint: awsv2.String("https://sts.amazonaws.com"), // want "STS001"
	})
}

// hardcoded.v2OptFn.
func CaseV2BaseEndpointOptFn() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg, func(o *stsv2.Options) {
		o.BaseEndpoint = awsv2.String(scheme + globalHost + "/") // want "STS001"
	})
}

// hardcoded.v2WithBaseEndpoint.
func CaseV2WithBaseEndpoint() any {
	cfg, err := config.LoadDefaultConfig(context.Background(),
		config.WithRegion("eu-west-1"),
		config.WithBaseEndpoint("https://sts.amazonaws.com"), // want "STS001"
	)
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// hardcoded.v2AWSConfigAssign.
func CaseV2AWSConfigBaseEndpoint() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	cfg.BaseEndpoint = awsv2.String(globalURL) // want "STS001"
	return stsv2.NewFromConfig(cfg)
}

// hardcoded.v2ResolverFromURL.
func CaseV2ResolverFromURL() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg, stsv2.WithEndpointResolver(stsv2.EndpointResolverFromURL("https://sts.amazonaws.com"))) // want "STS001"
}

// hardcoded v2Negatives: a regional BaseEndpoint.
func CaseV2BaseEndpointRegional() any {
	return stsv2.New(stsv2.Options{
		Region:       "eu-west-1",
		Credentials:  awsv2.AnonymousCredentials{},
		BaseEndpoint: awsv2.String("https://sts.eu-west-1.amazonaws.com"),
	})
}

// hardcoded.rawNewRequest.
func CaseRawNewRequest() any {
	req, err := http.NewRequest("POST", "https://sts.amazonaws.com/", strings.NewReader("Action=GetCallerIdentity&Version=2011-06-15")) // want "STS001"
	if err != nil {
		return err
	}
	return req
}

// hardcoded.rawDefaultClientGet: the URL formatted from the host.
func CaseRawSprintfRequest() any {
	target := fmt.Sprintf("https://%s/", globalHost)
	req, err := http.NewRequest(http.MethodGet, target+"?Action=GetCallerIdentity&Version=2011-06-15", nil) // want "STS001"
	if err != nil {
		return err
	}
	return req
}

// Unexported constants with one use each: a request URL is fixed by
// changing the constant, so the findings are at the declarations and
// point at the use and the request.
const (
	dedicatedURL      = "https://sts.amazonaws.com"                                                   // want "STS001"
	dedicatedQuery    = "https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15&x=%s" // want "STS001"
	dedicatedRegional = "https://sts.eu-west-1.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15&x=%s"
)

// A hand-signed request to a constant used once.
func CaseRawDedicatedConst() any {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, dedicatedURL, nil)
	if err != nil {
		return err
	}
	return req
}

// A request URL formatted at run time from a constant used once.
func CaseRawDedicatedConstFormatted() any {
	u := fmt.Sprintf(dedicatedQuery, os.Getenv("APP_SESSION"))
	req, err := http.NewRequest(http.MethodPost, u, nil)
	if err != nil {
		return err
	}
	return req
}

// The same with a regional constant.
func CaseRawDedicatedConstRegional() any {
	u := fmt.Sprintf(dedicatedRegional, os.Getenv("APP_SESSION"))
	req, err := http.NewRequest(http.MethodPost, u, nil)
	if err != nil {
		return err
	}
	return req
}

// A regional raw request.
func CaseRawRegionalRequest() any {
	req, err := http.NewRequest("POST", "https://sts.eu-west-1.amazonaws.com/", strings.NewReader("Action=GetCallerIdentity&Version=2011-06-15"))
	if err != nil {
		return err
	}
	return req
}
