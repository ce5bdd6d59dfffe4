package forward

// Class 6, requests: a hand-built request to the global host is an endpoint
// only when it is sent. The SDK's SigV4 signers (aws-sdk-go-v2
// aws/signer/v4/v4.go SignHTTP, PresignHTTP) compute a signature and send
// nothing; a presigned URL they return is used by whoever holds it. In the
// ok twins the request only goes to a signer or a presigner fake and the
// result is compared, the way a presigner's test checks its headers; the
// bad twins send the request or return the presigned URL.

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	v4v2 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
)

var fakeCreds = awsv2.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET"}

const emptyPayload = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// fakePresigner stands in for the SDK's presigner in a test: it checks the
// request it is given and returns a fixed URL.
type fakePresigner struct{ url string }

func (p fakePresigner) PresignHTTP(ctx context.Context, creds awsv2.Credentials, r *http.Request,
	payloadHash, service, region string, t time.Time, optFns ...func(*v4v2.SignerOptions)) (string, http.Header, error) {
	if r.URL.Host != "sts.amazonaws.com" || r.Method != http.MethodPost {
		return "", nil, fmt.Errorf("unexpected request %s %s", r.Method, r.URL)
	}
	return p.url, http.Header{"X-Checked": {"yes"}}, nil
}

// A request to the global host handed to a presigner fake through the
// sts.PresignOptions interface field and only compared; the case returns a
// regional client.
func CasePresignerFakeOnly() any {
	var opts stsv2.PresignOptions
	opts.Presigner = fakePresigner{url: "https://example.invalid/presigned"}
	req, _ := http.NewRequest(http.MethodPost, "https://sts.amazonaws.com/", nil)
	u, h, err := opts.Presigner.PresignHTTP(context.Background(), fakeCreds, req, emptyPayload, "sts", "us-east-1", time.Unix(0, 0))
	if err != nil {
		return err
	}
	if u != "https://example.invalid/presigned" || h.Get("X-Checked") != "yes" {
		return fmt.Errorf("presigner returned %s", u)
	}
	return regionalV2()
}

// A request to the global host signed with the SDK's signer only to check
// that it carries a signature.
func CaseSignedV2Only() any {
	req, err := http.NewRequest(http.MethodPost, "https://sts.amazonaws.com/",
		strings.NewReader("Action=GetCallerIdentity&Version=2011-06-15"))
	if err != nil {
		return err
	}
	if err := v4v2.NewSigner().SignHTTP(context.Background(), fakeCreds, req, emptyPayload, "sts", "us-east-1", time.Unix(0, 0)); err != nil {
		return err
	}
	if !strings.HasPrefix(req.Header.Get("Authorization"), "AWS4-HMAC-SHA256") {
		return fmt.Errorf("request not signed")
	}
	return regionalV2()
}

// The same request, signed and then sent.
func CaseSignedV2Sent() any {
	req, err := http.NewRequest(http.MethodPost, "https://sts.amazonaws.com/", // want "STS001"
		strings.NewReader("Action=GetCallerIdentity&Version=2011-06-15"))
	if err != nil {
		return err
	}
	if err := v4v2.NewSigner().SignHTTP(context.Background(), fakeCreds, req, emptyPayload, "sts", "us-east-1", time.Unix(0, 0)); err != nil {
		return err
	}
	return req
}

// A request to the global host presigned with the SDK's signer: the
// presigned URL is what a verifier calls (an EKS-style token), so it is
// the endpoint.
func CasePresignedURLReturned() any {
	req, err := http.NewRequest(http.MethodGet, "https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15", nil) // want "STS001"
	if err != nil {
		return err
	}
	u, _, err := v4v2.NewSigner().PresignHTTP(context.Background(), fakeCreds, req, emptyPayload, "sts", "us-east-1", time.Unix(0, 0))
	if err != nil {
		return err
	}
	return u
}

// The presigned URL is sent with http.Get.
func CasePresignedURLSent() any {
	req, err := http.NewRequest(http.MethodGet, "https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15", nil) // want "STS001"
	if err != nil {
		return err
	}
	u, _, err := v4v2.NewSigner().PresignHTTP(context.Background(), fakeCreds, req, emptyPayload, "sts", "us-east-1", time.Unix(0, 0))
	if err != nil {
		return err
	}
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

// The signed request sent through a copy with a context
// (req.WithContext), as an HTTP client of a credential provider does.
func CaseSignedV2SentWithContext() any {
	req, err := http.NewRequest(http.MethodPost, "https://sts.amazonaws.com/", // want "STS001"
		strings.NewReader("Action=GetCallerIdentity&Version=2011-06-15"))
	if err != nil {
		return err
	}
	if err := v4v2.NewSigner().SignHTTP(context.Background(), fakeCreds, req, emptyPayload, "sts", "us-east-1", time.Unix(0, 0)); err != nil {
		return err
	}
	return req.WithContext(context.Background())
}
