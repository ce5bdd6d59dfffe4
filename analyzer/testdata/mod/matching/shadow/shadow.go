// Package shadow shadows SDK package names with local identifiers.
package shadow

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

type fakeFactory struct{}

func (fakeFactory) New(p any, cfgs ...*aws.Config) string { return "fake" }
func (fakeFactory) NewSession(cfgs ...*aws.Config) string { return "fake" }
func (fakeFactory) EndpointFor(service, region string) string {
	return "https://" + service + "." + region + ".example.com"
}

// A local variable named sts: sts.New is the local method.
func shadowSTS() string {
	sts := fakeFactory{}
	return sts.New(nil)
}

// A local variable named session.
func shadowSession() string {
	session := fakeFactory{}
	return session.NewSession(&aws.Config{Region: aws.String("eu-west-1")})
}

// A local variable named endpoints.
func shadowEndpoints(r string) string {
	endpoints := fakeFactory{}
	return endpoints.EndpointFor("sts", r)
}

// The real packages are still used in the same file.
func realNoRegion() *sts.STS {
	s := session.Must(session.NewSession())
	return sts.New(s) // want "STS002"
}

// A parameter named sess shadowing nothing but reused for a regional copy.
func realClean(sess *session.Session) *sts.STS {
	sess = sess.Copy(&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint})
	return sts.New(sess)
}

// A variable named like the package, holding a real client.
func clientNamedSTS(sess *session.Session) {
	sts := sts.New(sess, &aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint})
	_ = sts
}

// A variable named session holding a real session.
func sessionNamedSession() *sts.STS {
	session := session.Must(session.NewSession(&aws.Config{Region: aws.String("us-west-1")}))
	return sts.New(session) // want "STS003"
}
