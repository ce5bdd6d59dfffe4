package region

import (
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

const (
	legacyRegion = "us-west-2"
	roleARN      = "arn:aws:iam::123456789012:role/example"
)

// --- STS003: a Region is set but not the regional setting ---

func legacyRegionConst() {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	svc := sts.New(sess) // want "STS003"
	_ = svc
}

func usEast1() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("us-east-1")}))
	return sts.New(sess) // want "STS003"
}

func namedConstRegion() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String(legacyRegion)}))
	return sts.New(sess) // want "STS003"
}

func envRegion() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String(os.Getenv("R"))}))
	return sts.New(sess) // want "STS003"
}

func paramRegion(region string) *sts.STS {
	sess, err := session.NewSession(&aws.Config{Region: aws.String(region)})
	if err != nil {
		return nil
	}
	return sts.New(sess) // want "STS003"
}

func fluentRegion() *sts.STS {
	sess := session.Must(session.NewSession(aws.NewConfig().WithRegion("eu-central-1").WithMaxRetries(2)))
	return sts.New(sess) // want "STS003"
}

func configVarRegion() *sts.STS {
	cfg := &aws.Config{Region: aws.String("eu-west-2")}
	sess := session.Must(session.NewSession(cfg))
	return sts.New(sess) // want "STS003"
}

func configFieldStoreRegion() *sts.STS {
	cfg := aws.NewConfig()
	cfg.Region = aws.String("sa-east-1")
	sess := session.Must(session.NewSession(cfg))
	return sts.New(sess) // want "STS003"
}

func deprecatedNewRegion() *sts.STS {
	return sts.New(session.New(&aws.Config{Region: aws.String("ap-southeast-2")})) // want "STS003"
}

func optionsRegion() *sts.STS {
	sess := session.Must(session.NewSessionWithOptions(session.Options{
		Config: aws.Config{Region: aws.String("eu-north-1")},
	}))
	return sts.New(sess) // want "STS003"
}

func optionsVarRegion(region string) *sts.STS {
	opts := session.Options{SharedConfigState: session.SharedConfigEnable}
	opts.Config.Region = aws.String(region)
	sess := session.Must(session.NewSessionWithOptions(opts))
	return sts.New(sess) // want "STS003"
}

// Per-client Region alone does not select the regional endpoint.
func perClientRegion(sess *session.Session) *sts.STS {
	return sts.New(sess, &aws.Config{Region: aws.String("eu-west-1")}) // want "STS003"
}

func perClientRegionParam(sess *session.Session, region string) *sts.STS {
	return sts.New(sess, aws.NewConfig().WithRegion(region)) // want "STS003"
}

func emptySessionPerClientRegion() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{}))
	return sts.New(sess, &aws.Config{Region: aws.String("eu-west-1")}) // want "STS003"
}

func copiedWithRegion(sess *session.Session) *sts.STS {
	c := sess.Copy(&aws.Config{Region: aws.String("us-east-2")})
	return sts.New(c) // want "STS003"
}

func assumeRoleRegion(region string) {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String(region)}))
	creds := stscreds.NewCredentials(sess, roleARN) // want "STS003"
	_ = creds
}

func webIdentityRegion() {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("ca-central-1")}))
	creds := stscreds.NewWebIdentityCredentials(sess, roleARN, "s", "/token") // want "STS003"
	_ = creds
}

// The EKS-token style presign from a legacy session in a legacy Region.
func presign() (string, error) {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	svc := sts.New(sess) // want "STS003"
	req, _ := svc.GetCallerIdentityRequest(&sts.GetCallerIdentityInput{})
	return req.Presign(60)
}

// Region set conditionally: still a Region without the regional setting.
func conditionalRegion(region string) *sts.STS {
	cfg := aws.NewConfig()
	if region != "" {
		cfg = cfg.WithRegion(region)
	}
	sess := session.Must(session.NewSession(cfg))
	return sts.New(sess) // want "STS003"
}

// One branch sets the regional setting, the other keeps a legacy Region:
// reported where the session is built without it, for the path that skips
// the branch.
func regionalOnlySometimes(region string, fips bool) *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	if fips {
		sess = sess.Copy(&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint})
	}
	return sts.New(sess) // want `STS003: v1 STS client may use the global endpoint when fips is false \(Region "eu-west-1"\); set STSRegionalEndpoint`
}
