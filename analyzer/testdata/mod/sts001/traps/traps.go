// Package traps holds uses of the global STS host that are NOT endpoint
// usage. Nothing here may be reported.
package traps

import (
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"strings"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
)

const (
	defaultTokenAudience = "sts.amazonaws.com"
	stsNamespace         = "https://sts.amazonaws.com/doc/2011-06-15/"
	stsService           = "sts.amazonaws.com"
	// Never used anywhere.
	legacySTSEndpoint = "https://sts.amazonaws.com"
)

// Token webhook flag default.
var audience = flag.String("token-audience", "sts.amazonaws.com", "default audience for projected tokens")

// Local mirrors of Kubernetes / IAM types.
type ServiceAccountTokenProjection struct {
	Audience          string
	ExpirationSeconds *int64
	Path              string
}

type TokenRequestSpec struct {
	Audiences         []string
	ExpirationSeconds *int64
}

type CreateOpenIDConnectProviderInput struct {
	ClientIDList   []string
	ThumbprintList []string
	Url            string
}

type Event struct {
	EventSource string
	EventName   string
}

type GetCallerIdentityResponse struct {
	XMLName xml.Name `xml:"https://sts.amazonaws.com/doc/2011-06-15/ GetCallerIdentityResponse"`
	Result  struct {
		Arn     string `xml:"Arn"`
		Account string `xml:"Account"`
	} `xml:"GetCallerIdentityResult"`
}

type ErrorResponse struct {
	XMLName xml.Name `xml:"ErrorResponse"`
	Xmlns   string   `xml:"xmlns,attr"`
}

func projection() ServiceAccountTokenProjection {
	return ServiceAccountTokenProjection{Audience: *audience, Path: "token"}
}

func projectionLiteral() ServiceAccountTokenProjection {
	return ServiceAccountTokenProjection{Audience: "sts.amazonaws.com", Path: "token"}
}

func tokenRequest() TokenRequestSpec {
	return TokenRequestSpec{Audiences: []string{defaultTokenAudience}}
}

func tokenRequestURLForm() TokenRequestSpec {
	return TokenRequestSpec{Audiences: []string{"https://sts.amazonaws.com"}}
}

func oidcProvider(issuer string) CreateOpenIDConnectProviderInput {
	return CreateOpenIDConnectProviderInput{
		ClientIDList:   []string{"sts.amazonaws.com"},
		ThumbprintList: []string{"9e99a48a9960b14926bb7f3b02e22da2b0ab7280"},
		Url:            issuer,
	}
}

func clientIDs() []*string {
	ids := []string{"sts.amazonaws.com", "my-app"}
	return aws.StringSlice(ids)
}

func trustPolicy(issuerHostPath, accountID string) ([]byte, error) {
	policy := map[string]any{
		"Version": "2012-10-17",
		"Statement": []map[string]any{{
			"Effect": "Allow",
			"Principal": map[string]string{
				"Federated": "arn:aws:iam::" + accountID + ":oidc-provider/" + issuerHostPath,
			},
			"Action": "sts:AssumeRoleWithWebIdentity",
			"Condition": map[string]any{
				"StringEquals": map[string]string{
					issuerHostPath + ":aud": "sts.amazonaws.com",
				},
			},
		}},
	}
	return json.Marshal(policy)
}

const githubTrustPolicy = `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}
  }]
}`

const servicePrincipalPolicy = `{"Statement":[{"Effect":"Allow","Principal":{"Service":"sts.amazonaws.com"},"Action":"sts:AssumeRole"}]}`

func policies() []string {
	return []string{githubTrustPolicy, servicePrincipalPolicy}
}

func isAssumeRole(e Event) bool {
	return e.EventSource == "sts.amazonaws.com" && strings.HasPrefix(e.EventName, "AssumeRole")
}

func isAssumeRolePtr(src *string) bool {
	if aws.StringValue(src) == stsService {
		return true
	}
	return false
}

func classify(e Event) string {
	switch e.EventSource {
	case "sts.amazonaws.com":
		return "sts"
	case "iam.amazonaws.com":
		return "iam"
	}
	return ""
}

var validSTSHosts = map[string]bool{
	"sts.amazonaws.com":                 true,
	"sts-fips.aws-global.amazonaws.com": true,
	"sts.us-east-1.amazonaws.com":       true,
}

func verifyPresigned(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	if !validSTSHosts[u.Hostname()] {
		return fmt.Errorf("invalid STS host %q", u.Hostname())
	}
	if u.Host != "sts.amazonaws.com" && !strings.HasSuffix(u.Host, ".amazonaws.com") {
		return fmt.Errorf("unexpected host")
	}
	return nil
}

var stsHostAllowList = []string{"sts.amazonaws.com", "sts.eu-west-1.amazonaws.com"}

func allowed(host string) bool {
	for _, h := range stsHostAllowList {
		if strings.EqualFold(h, host) {
			return true
		}
	}
	return false
}

func logging(region string) {
	log.Println("falling back to the global endpoint sts.amazonaws.com")
	log.Printf("using %s instead of https://sts.amazonaws.com", "https://sts."+region+".amazonaws.com")
	fmt.Println("https://sts.amazonaws.com is legacy")
	_ = fmt.Errorf("request to %s failed", "https://sts.amazonaws.com")
}

// The CI OIDC token request: the global host is the audience query value.
func githubToken(requestURL string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, requestURL, nil)
	if err != nil {
		return nil, err
	}
	q := req.URL.Query()
	q.Set("audience", "sts.amazonaws.com")
	req.URL.RawQuery = q.Encode()
	return req, nil
}

// Cloud detection from a JWT aud claim.
var audienceCases = []struct {
	name, aud, want string
}{
	{name: "AWS URL audience", aud: "https://sts.amazonaws.com", want: "aws"},
	{name: "AWS audience", aud: "sts.amazonaws.com", want: "aws"},
	{name: "Azure", aud: "api://AzureADTokenExchange", want: "azure"},
}

// A fake STS server answering in the STS XML namespace.
func fakeServer(w http.ResponseWriter, _ *http.Request) {
	resp := GetCallerIdentityResponse{}
	resp.Result.Arn = "arn:aws:sts::123456789012:assumed-role/x/y"
	_ = xml.NewEncoder(w).Encode(resp)
	_, _ = fmt.Fprintf(w, `<ErrorResponse xmlns="%s"></ErrorResponse>`, stsNamespace)
	_ = ErrorResponse{Xmlns: "https://sts.amazonaws.com/doc/2011-06-15/"}
}

// The global URL parsed only to compare hosts.
func sameHost(raw string) bool {
	g, _ := url.Parse("https://sts.amazonaws.com")
	u, _ := url.Parse(raw)
	return u != nil && g.Host == u.Host
}

// Non-AWS sts. hosts.
func otherClouds(project string) []string {
	return []string{
		fmt.Sprintf("https://sts.%s/v1/token", "googleapis.com"),
		"https://sts.windows.net/" + project + "/",
	}
}

// aws-global in partition tables and region lists.
var knownRegions = []string{"us-east-1", "eu-west-1", "aws-global"}

func isGlobal(r string) bool { return r == "aws-global" || r == endpoints.AwsPartitionID }

func use() {
	_ = projection()
	_ = projectionLiteral()
	_ = tokenRequest()
	_ = tokenRequestURLForm()
	_ = oidcProvider("https://oidc.eks.eu-west-1.amazonaws.com/id/ABC")
	_ = clientIDs()
	_, _ = trustPolicy("oidc.eks.eu-west-1.amazonaws.com/id/ABC", "123456789012")
	_ = policies()
	_ = isAssumeRole(Event{})
	_ = isAssumeRolePtr(nil)
	_ = classify(Event{})
	_ = verifyPresigned("")
	_ = allowed("")
	logging("eu-west-1")
	_, _ = githubToken("")
	_ = audienceCases
	fakeServer(nil, nil)
	_ = sameHost("")
	_ = otherClouds("")
	_ = knownRegions
	_ = isGlobal("")
}
