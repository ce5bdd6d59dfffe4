// Package hardcoded holds STS001 cases: a constant global STS host flowing
// into an endpoint sink.
package hardcoded

import (
	"fmt"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
)

const (
	globalURL  = "https://sts.amazonaws.com"
	globalHost = "sts.amazonaws.com"
	scheme     = "https://"
	// Unused constant: not a finding.
	unusedGlobal = "https://sts.amazonaws.com/"
)

// --- v1 aws.Config{Endpoint: ...} ---

func v1EndpointLiteral() *aws.Config {
	return &aws.Config{
		Region:   aws.String("eu-west-1"),
		Endpoint: aws.String("https://sts.amazonaws.com"), // want "STS001"
	}
}

func v1EndpointNoScheme() aws.Config {
	return aws.Config{Endpoint: aws.String("sts.amazonaws.com")} // want "STS001"
}

func v1EndpointNamedConst() *aws.Config {
	return &aws.Config{Endpoint: aws.String(globalURL)} // want "STS001"
}

func v1EndpointConcat() *aws.Config {
	return &aws.Config{Endpoint: aws.String(scheme + globalHost)} // want "STS001"
}

func v1EndpointSprintf() *aws.Config {
	return &aws.Config{Endpoint: aws.String(fmt.Sprintf("https://%s", globalHost))} // want "STS001"
}

func v1EndpointLocalVar() *aws.Config {
	ep := "https://sts.amazonaws.com/"
	return &aws.Config{Endpoint: aws.String(ep)} // want "STS001"
}

func v1EndpointUpperCase() *aws.Config {
	return &aws.Config{Endpoint: aws.String("HTTPS://STS.AMAZONAWS.COM")} // want "STS001"
}

func v1EndpointPortPath() *aws.Config {
	return &aws.Config{Endpoint: aws.String("https://sts.amazonaws.com:443/")} // want "STS001"
}

func v1EndpointTrailingDot() *aws.Config {
	return &aws.Config{Endpoint: aws.String("sts.amazonaws.com.")} // want "STS001"
}

func v1EndpointHTTP() *aws.Config {
	return &aws.Config{Endpoint: aws.String("http://Sts.Amazonaws.Com/?Action=GetCallerIdentity&Version=2011-06-15")} // want "STS001"
}

// --- cfg.Endpoint = ... ---

func v1EndpointAssign() *aws.Config {
	cfg := aws.NewConfig().WithRegion("eu-west-1")
	cfg.Endpoint = aws.String("https://sts.amazonaws.com") // want "STS001"
	return cfg
}

func v1EndpointAssignValueConfig() aws.Config {
	var cfg aws.Config
	cfg.Endpoint = aws.String(globalHost) // want "STS001"
	return cfg
}

// --- (*aws.Config).WithEndpoint ---

func v1WithEndpoint() *aws.Config {
	return aws.NewConfig().WithRegion("eu-west-1").WithEndpoint("sts.amazonaws.com") // want "STS001"
}

func v1WithEndpointConst() *aws.Config {
	return aws.NewConfig().
		WithEndpoint(globalURL) // want "STS001"
}

func v1WithEndpointOnSession() *session.Session {
	// The config only reaches a session (not an STS client): the hard-coded
	// endpoint is still a finding.
	return session.Must(session.NewSession(aws.NewConfig().WithEndpoint(globalURL + "/"))) // want "STS001"
}

// --- endpoints.ResolvedEndpoint{URL: ...} outside a ResolverFunc ---

func v1StaticResolved() endpoints.ResolvedEndpoint {
	return endpoints.ResolvedEndpoint{
		URL:           "https://sts.amazonaws.com", // want "STS001"
		SigningRegion: "us-east-1",
	}
}

func v1StaticResolvedPtr() *endpoints.ResolvedEndpoint {
	return &endpoints.ResolvedEndpoint{URL: scheme + globalHost} // want "STS001"
}

// --- negatives: non-global hosts in the same sinks ---

func v1Negatives(region string) []*aws.Config {
	regional := "https://sts." + region + ".amazonaws.com"
	return []*aws.Config{
		{Endpoint: aws.String("https://sts.eu-west-1.amazonaws.com")},
		{Endpoint: aws.String("sts.us-east-1.amazonaws.com")},
		{Endpoint: aws.String("https://sts-fips.us-east-1.amazonaws.com")},
		{Endpoint: aws.String("https://sts.eu-west-1.api.aws")},
		{Endpoint: aws.String("https://sts-fips.us-west-2.api.aws")},
		{Endpoint: aws.String("https://vpce-0abc-xyz.sts.eu-west-1.vpce.amazonaws.com")},
		{Endpoint: aws.String("vpce-0abc-xyz.sts.eu-west-1.vpce.amazonaws.com")},
		{Endpoint: aws.String("https://sts.cn-north-1.amazonaws.com.cn")},
		{Endpoint: aws.String("https://sts.us-gov-west-1.amazonaws.com")},
		{Endpoint: aws.String("https://sts.amazonaws.com.example.org")},
		{Endpoint: aws.String("https://mysts.amazonaws.com")},
		{Endpoint: aws.String("https://sts.windows.net")},
		{Endpoint: aws.String(regional)},
		{Endpoint: aws.String(fmt.Sprintf("https://sts.%s.amazonaws.com", region))},
		{Endpoint: aws.String("http://localhost:4566")},
		{Endpoint: aws.String("https://s3.amazonaws.com")},
		aws.NewConfig().WithEndpoint("https://sts.ap-northeast-2.amazonaws.com"),
		aws.NewConfig().WithEndpoint(fmt.Sprintf("https://sts.%s/v1/token", region)),
	}
}

func v1ResolvedNegatives(region string) []endpoints.ResolvedEndpoint {
	return []endpoints.ResolvedEndpoint{
		{URL: "https://sts.eu-west-1.amazonaws.com", SigningRegion: "eu-west-1"},
		{URL: "https://sts." + region + ".amazonaws.com", SigningRegion: region},
		// Not the URL field: signing name and region only.
		{SigningName: "sts", SigningRegion: "us-east-1", PartitionID: "aws"},
	}
}

// A non-constant endpoint: the variable is assigned twice, once from a
// parameter, so the global default reaches the Endpoint on some paths:
// reported with "may" where the default is written (no fix: the
// default, not the sink, is what changes).
func v1EndpointVariable(override string) *aws.Config {
	ep := "https://sts.amazonaws.com" // want `STS001: sts.amazonaws.com may flow from here into a v1 aws.Config Endpoint; use https://sts.<region>.amazonaws.com`
	if override != "" {
		ep = override
	}
	return &aws.Config{Endpoint: aws.String(ep)}
}
