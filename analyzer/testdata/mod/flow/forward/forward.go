// Package forward holds class 6 of issue 13: sinks decided forward. A global
// value (the host sts.amazonaws.com, endpoints.LegacySTSEndpoint, a
// ResolvedEndpoint with the global URL, a request to the global host) is an
// endpoint only when it flows forward into an SDK configuration, a
// resolver's result or a request that is sent. In each ok twin the value
// only sits in a test table, is compared, names an OIDC audience, a
// CloudTrail event source, a trust-policy condition or an allow-listed host,
// or belongs to a request built only to compare its signature; the client
// the case returns is regional. Its bad twin differs in letting the same
// value reach the client.
package forward

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	v4 "github.com/aws/aws-sdk-go/aws/signer/v4"
	"github.com/aws/aws-sdk-go/service/sts"
)

// stsHost is the global STS host as it appears in OIDC audiences, CloudTrail
// event sources and trust policies, none of which is an endpoint.
const stsHost = "sts.amazonaws.com"

// regionalV2 builds the regional v2 client every ok twin returns, so that
// the SDK confirms the case sends to a regional host.
func regionalV2() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// modeTable is a test's table of expected configurations. For
// CaseHelperTableComparedOnly its legacy row is an expectation about
// endpoints.GetSTSRegionalEndpoint; CaseHelperTableRowUsed makes the same
// row a session's configuration, so the row is a sink for that caller and
// its want comment (attributed to neither case) stays here.
func modeTable() []struct {
	in   string
	want *aws.Config
} {
	return []struct {
		in   string
		want *aws.Config
	}{
		{"legacy", &aws.Config{STSRegionalEndpoint: endpoints.LegacySTSEndpoint}}, // want "STS004"
		{"regional", &aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}},
	}
}

// A table of expected configs holding LegacySTSEndpoint, compared with
// reflect.DeepEqual and never used to build a client.
func CaseTableComparedOnly() any {
	tests := []struct {
		in   string
		want *aws.Config
	}{
		{"legacy", &aws.Config{STSRegionalEndpoint: endpoints.LegacySTSEndpoint}},
		{"regional", &aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}},
	}
	for _, tt := range tests {
		mode, err := endpoints.GetSTSRegionalEndpoint(tt.in)
		if err != nil {
			return err
		}
		if got := (&aws.Config{STSRegionalEndpoint: mode}); !reflect.DeepEqual(got, tt.want) {
			return fmt.Errorf("%s: got %v, want %v", tt.in, got.STSRegionalEndpoint, tt.want.STSRegionalEndpoint)
		}
	}
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("us-east-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	return sts.New(sess)
}

// The same table, but its first expected config becomes the session's
// configuration: the legacy setting reaches the client.
func CaseTableRowUsed() any {
	tests := []struct {
		in   string
		want *aws.Config
	}{
		{"legacy", &aws.Config{STSRegionalEndpoint: endpoints.LegacySTSEndpoint}}, // want "STS004"
		{"regional", &aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}},
	}
	sess := session.Must(session.NewSession(tests[0].want.WithRegion("us-east-1")))
	return sts.New(sess)
}

// The table comes from a helper and is only compared.
func CaseHelperTableComparedOnly() any {
	for _, tt := range modeTable() {
		mode, err := endpoints.GetSTSRegionalEndpoint(tt.in)
		if err != nil {
			return err
		}
		if !reflect.DeepEqual(&aws.Config{STSRegionalEndpoint: mode}, tt.want) {
			return fmt.Errorf("%s: mismatch", tt.in)
		}
	}
	return regionalV2()
}

// The helper's legacy row is the session's configuration.
func CaseHelperTableRowUsed() any {
	cfg := modeTable()[0].want
	cfg.Region = aws.String("us-east-1")
	sess := session.Must(session.NewSession(cfg))
	return sts.New(sess) // want "STS00[234]"
}

// A ResolvedEndpoint with the global URL is a guard value: the resolver
// refuses it and returns the regional resolution.
func CaseResolvedEndpointCompared() any {
	global := endpoints.ResolvedEndpoint{URL: "https://sts.amazonaws.com", SigningRegion: "us-east-1"}
	resolver := endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
		opts = append(opts, func(o *endpoints.Options) { o.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint })
		ep, err := endpoints.DefaultResolver().EndpointFor(service, region, opts...)
		if err == nil && ep.URL == global.URL {
			return ep, fmt.Errorf("refusing the global endpoint for %s", service)
		}
		return ep, err
	})
	sess := session.Must(session.NewSession(&aws.Config{
		Region:           aws.String("us-east-1"),
		EndpointResolver: resolver,
	}))
	return sts.New(sess)
}

// The same ResolvedEndpoint is the resolver's result for STS.
func CaseResolvedEndpointReturned() any {
	global := endpoints.ResolvedEndpoint{URL: "https://sts.amazonaws.com", SigningRegion: "us-east-1"} // want "STS00[15]"
	resolver := endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
		if service == sts.EndpointsID {
			return global, nil
		}
		opts = append(opts, func(o *endpoints.Options) { o.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint })
		return endpoints.DefaultResolver().EndpointFor(service, region, opts...)
	})
	sess := session.Must(session.NewSession(&aws.Config{
		Region:           aws.String("us-east-1"),
		EndpointResolver: resolver,
	}))
	return sts.New(sess)
}

// sts.amazonaws.com as the OIDC audience of a token's claims.
func CaseOIDCAudience() any {
	claims := map[string]any{
		"iss": "https://token.actions.githubusercontent.com",
		"aud": stsHost,
		"sub": "repo:example/app:ref:refs/heads/main",
	}
	if _, err := json.Marshal(claims); err != nil {
		return err
	}
	return regionalV2()
}

// The audience constant reused as the v2 client's base endpoint.
func CaseOIDCAudienceAsEndpoint() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg, func(o *stsv2.Options) {
		o.BaseEndpoint = aws.String("https://" + stsHost) // want "STS00[17]"
	})
}

// cloudTrailEvent is the part of a CloudTrail record a log filter reads.
type cloudTrailEvent struct {
	EventSource string `json:"eventSource"`
	EventName   string `json:"eventName"`
}

// sts.amazonaws.com as a CloudTrail eventSource that a filter compares.
func CaseCloudTrailEventSource() any {
	var ev cloudTrailEvent
	if err := json.Unmarshal([]byte(`{"eventSource":"sts.amazonaws.com","eventName":"AssumeRole"}`), &ev); err != nil {
		return err
	}
	if ev.EventSource != stsHost {
		return fmt.Errorf("unexpected event source %q", ev.EventSource)
	}
	return regionalV2()
}

// The event source read from the record becomes the v1 Endpoint (v1 adds
// the https scheme to a bare host).
func CaseCloudTrailEventSourceAsEndpoint() any {
	var ev cloudTrailEvent
	if err := json.Unmarshal([]byte(`{"eventSource":"sts.amazonaws.com","eventName":"AssumeRole"}`), &ev); err != nil { // want "STS001"
		return err
	}
	sess := session.Must(session.NewSession(&aws.Config{
		Region:   aws.String("eu-west-1"),
		Endpoint: aws.String(ev.EventSource),
	}))
	return sts.New(sess)
}

// A trust policy whose condition names sts.amazonaws.com as the audience.
func CaseTrustPolicyCondition() any {
	policy := map[string]any{
		"Version": "2012-10-17",
		"Statement": []map[string]any{{
			"Effect":    "Allow",
			"Principal": map[string]any{"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
			"Action":    "sts:AssumeRoleWithWebIdentity",
			"Condition": map[string]any{"StringEquals": map[string]string{
				"token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
			}},
		}},
	}
	if _, err := json.Marshal(policy); err != nil {
		return err
	}
	return regionalV2()
}

// The same condition value, taken out of the policy as the endpoint host.
func CaseTrustPolicyValueAsEndpoint() any {
	cond := map[string]string{
		"token.actions.githubusercontent.com:aud": "sts.amazonaws.com", // want "STS00[17]"
	}
	cfg, err := config.LoadDefaultConfig(context.Background(),
		config.WithRegion("eu-west-1"),
		config.WithBaseEndpoint("https://"+cond["token.actions.githubusercontent.com:aud"]))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// allowedHosts is an egress allow-list; the global host is on it so that
// older clients keep working, which alone makes it no endpoint. Element 0
// reaches CaseAllowListFirstAsEndpoint's Endpoint, so it is reported where
// it is written, with that Endpoint as its related location.
var allowedHosts = []string{"sts.amazonaws.com", "sts.eu-west-1.amazonaws.com"} // want "STS001"

// The client's resolved host is checked against the allow-list.
func CaseAllowListChecked() any {
	ep, err := endpoints.DefaultResolver().EndpointFor(sts.EndpointsID, "eu-west-1",
		func(o *endpoints.Options) { o.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint })
	if err != nil {
		return err
	}
	if !slices.Contains(allowedHosts, strings.TrimPrefix(ep.URL, "https://")) {
		return fmt.Errorf("%s is not allowed", ep.URL)
	}
	return ep
}

// The allow-list's first entry becomes the endpoint.
func CaseAllowListFirstAsEndpoint() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		Endpoint:            aws.String("https://" + allowedHosts[0]),
	}))
	return sts.New(sess)
}

// signedGlobalRequest builds and signs a request to the global host, the way
// a test fixes an expected signature.
func signedGlobalRequest() (*http.Request, error) {
	req, err := http.NewRequest(http.MethodPost, "https://sts.amazonaws.com/", // want "STS001"
		strings.NewReader("Action=GetCallerIdentity&Version=2011-06-15"))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	signer := v4.NewSigner(credentials.NewStaticCredentials("AKID", "SECRET", ""))
	body := strings.NewReader("Action=GetCallerIdentity&Version=2011-06-15")
	if _, err := signer.Sign(req, body, "sts", "us-east-1", time.Unix(0, 0)); err != nil {
		return nil, err
	}
	return req, nil
}

// A request to the global host built only to compare two signatures; the
// case then returns a regional client.
func CaseSignatureComparedOnly() any {
	a, err := signedGlobalRequest()
	if err != nil {
		return err
	}
	b, err := signedGlobalRequest()
	if err != nil {
		return err
	}
	if a.Header.Get("Authorization") != b.Header.Get("Authorization") {
		return fmt.Errorf("signatures differ")
	}
	return regionalV2()
}

// The same signed request is sent. The global URL is in the helper, so the
// helper counts as this case's (the ok twin calls it too, and sends nothing
// from it).
//
//truth:include signedGlobalRequest
func CaseSignedRequestSent() any {
	req, err := signedGlobalRequest()
	if err != nil {
		return err
	}
	return req
}

// A v1 request on a legacy us-east-1 session (its endpoint is
// sts.amazonaws.com), signed only to check that a signature is produced, as
// a presigning test would, and never sent.
func CaseV1RequestSignedOnly() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("us-east-1")}))
	req, _ := sts.New(sess).GetCallerIdentityRequest(&sts.GetCallerIdentityInput{})
	if err := req.Sign(); err != nil {
		return err
	}
	if req.HTTPRequest.Header.Get("Authorization") == "" {
		return fmt.Errorf("request not signed")
	}
	return regionalV2()
}

// The same signed request is sent.
func CaseV1RequestSent() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("us-east-1")}))
	req, _ := sts.New(sess).GetCallerIdentityRequest(&sts.GetCallerIdentityInput{}) // want "STS00[23]"
	if err := req.Sign(); err != nil {
		return err
	}
	return req
}

// The same delegation whose appended option leaves the STS mode alone: the
// session's legacy default still decides, so us-east-1 resolves to the
// global host.
func CaseResolvedEndpointAppendOther() any {
	resolver := endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
		opts = append(opts, func(o *endpoints.Options) { o.DisableSSL = false })
		ep, err := endpoints.DefaultResolver().EndpointFor(service, region, opts...)
		return ep, err
	})
	sess := session.Must(session.NewSession(&aws.Config{
		Region:           aws.String("us-east-1"),
		EndpointResolver: resolver,
	}))
	return sts.New(sess) // want "STS00[23]"
}

// The delegation through a variable appending the regional option of the
// endpoints package: regional.
func CaseResolvedEndpointAppendRegional() any {
	resolver := endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
		opts = append(opts, endpoints.STSRegionalEndpointOption)
		ep, err := endpoints.DefaultResolver().EndpointFor(service, region, opts...)
		return ep, err
	})
	sess := session.Must(session.NewSession(&aws.Config{
		Region:           aws.String("us-east-1"),
		EndpointResolver: resolver,
	}))
	return sts.New(sess)
}
