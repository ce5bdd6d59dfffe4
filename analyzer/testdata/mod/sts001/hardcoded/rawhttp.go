package hardcoded

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

const getCallerIdentityBody = "Action=GetCallerIdentity&Version=2011-06-15"

func rawNewRequest() (*http.Request, error) {
	return http.NewRequest("POST", "https://sts.amazonaws.com/", strings.NewReader(getCallerIdentityBody)) // want "STS001"
}

func rawNewRequestConst(body io.Reader) (*http.Request, error) {
	return http.NewRequest(http.MethodPost, globalURL, body) // want "STS001"
}

func rawNewRequestWithContext(ctx context.Context) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, http.MethodPost,
		"https://sts.amazonaws.com/?"+getCallerIdentityBody, // want "STS001"
		nil)
}

func rawGet() (*http.Response, error) {
	return http.Get("https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15") // want "STS001"
}

func rawPost(body io.Reader) (*http.Response, error) {
	return http.Post(globalURL+"/", "application/x-www-form-urlencoded", body) // want "STS001"
}

func rawClientGet(c *http.Client) (*http.Response, error) {
	return c.Get("https://sts.amazonaws.com") // want "STS001"
}

func rawDefaultClientGet() (*http.Response, error) {
	target := fmt.Sprintf("https://%s/", globalHost)
	return http.DefaultClient.Get(target) // want "STS001"
}

// --- url.Parse used as a request URL ---

func parsedIntoRequestLiteral() *http.Request {
	u, _ := url.Parse("https://sts.amazonaws.com/") // want "STS001"
	return &http.Request{Method: http.MethodPost, URL: u}
}

func parsedIntoReqURL(req *http.Request) {
	u, _ := url.Parse(globalURL) // want "STS001"
	req.URL = u
}

func parsedStringIntoNewRequest() (*http.Request, error) {
	u, err := url.Parse("https://sts.amazonaws.com") // want "STS001"
	if err != nil {
		return nil, err
	}
	return http.NewRequest(http.MethodGet, u.String(), nil)
}

// --- negatives ---

func rawNegatives(ctx context.Context, region string, c *http.Client) {
	_, _ = http.NewRequest("POST", "https://sts."+region+".amazonaws.com/", nil)
	_, _ = http.NewRequest("POST", "https://sts.eu-west-1.amazonaws.com/", nil)
	_, _ = http.NewRequestWithContext(ctx, "POST", "https://sts.us-west-2.amazonaws.com/", nil)
	_, _ = http.NewRequest("POST", fmt.Sprintf("https://sts.%s/v1/token", "googleapis.com"), nil)
	_, _ = http.Get("https://sts.windows.net/tenant/")
	_, _ = http.Get("https://sts.amazonaws.com.example.org/")
	_, _ = c.Get("https://sts.cn-north-1.amazonaws.com.cn/")
	_, _ = http.Post("https://sts-fips.us-east-1.amazonaws.com/", "text/plain", nil)
	// The global host in the body, not the URL.
	_, _ = http.Post("https://example.com/verify", "text/plain", strings.NewReader("sts.amazonaws.com"))
	// The global host in a header value, not the URL.
	req, _ := http.NewRequest("GET", "https://example.com/", nil)
	req.Header.Set("X-Forwarded-Host", "sts.amazonaws.com")
	_ = req
}

// url.Parse of the global host whose result is only compared or printed.
func parsedOnlyCompared(raw string) bool {
	g, _ := url.Parse("https://sts.amazonaws.com")
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	fmt.Println("expected host", g.Host)
	return u.Host == g.Host
}

func parsedOnlyPrinted() {
	u, _ := url.Parse(globalURL)
	fmt.Printf("legacy endpoint: %s\n", u)
	fmt.Println(u.String())
}

func rawHostVariants(body io.Reader) {
	_, _ = http.NewRequest("POST", "https://STS.amazonaws.com.:443/", body) // want "STS001"
	// Look-alikes and other partitions.
	_, _ = http.NewRequest("POST", "https://sts.amazonaws.com.cn/", body)
	_, _ = http.NewRequest("POST", "https://xsts.amazonaws.com/", body)
	_, _ = http.NewRequest("POST", "https://sts.amazonaws.co/", body)
	_, _ = http.NewRequest("POST", "https://example.com/sts.amazonaws.com", body)
	_, _ = http.NewRequest("POST", "https://example.com/?host=sts.amazonaws.com", body)
}

// Hand-rolled SigV4: the Host header and a url.URL built field by field.
func handSigned(req *http.Request) {
	req.Host = "sts.amazonaws.com"                                            // want "STS001"
	req.URL = &url.URL{Scheme: "https", Host: "sts.amazonaws.com", Path: "/"} // want "STS001"
	req.Host = "sts.eu-west-1.amazonaws.com"
}
