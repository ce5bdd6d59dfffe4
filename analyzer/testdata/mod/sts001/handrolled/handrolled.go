// Package handrolled is an STS client without the SDK: the endpoint
// travels through a struct field and a parameter before the request.
package handrolled

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// DefaultEndpoint is the fallback when no Region is known.
const DefaultEndpoint = "https://sts.amazonaws.com"

// Audience is an OIDC audience: never a request URL.
const Audience = "sts.amazonaws.com"

type WebIdentity struct {
	Endpoint string
	Audience string
}

func New(region string) *WebIdentity {
	endpoint := ""
	if region != "" {
		endpoint = "https://sts." + region + ".amazonaws.com"
	} else {
		endpoint = DefaultEndpoint // want `STS001: sts.amazonaws.com may flow from here into a request URL`
	}
	return &WebIdentity{Endpoint: endpoint, Audience: Audience}
}

func (w *WebIdentity) Retrieve(ctx context.Context) (*http.Response, error) {
	ep := w.Endpoint
	return call(ctx, http.DefaultClient, ep, w.Audience)
}

func call(ctx context.Context, c *http.Client, endpoint, audience string) (*http.Response, error) {
	u, err := url.Parse(endpoint)
	if err != nil {
		return nil, err
	}
	q := u.Query()
	q.Set("audience", audience)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), strings.NewReader(q.Encode()))
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}
