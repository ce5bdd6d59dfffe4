// Package legacy holds STS004 cases: an explicit legacy STS setting.
package legacy

import (
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

func legacyField() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.LegacySTSEndpoint, // want "STS004"
	}))
	// Built from an explicitly legacy config: only the STS004 above.
	return sts.New(sess)
}

func legacyFieldNoRegion() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{STSRegionalEndpoint: endpoints.LegacySTSEndpoint})) // want "STS004"
	return sts.New(sess)
}

func legacyFluent(region string) *sts.STS {
	cfg := aws.NewConfig().WithRegion(region).WithSTSRegionalEndpoint(endpoints.LegacySTSEndpoint) // want "STS004"
	return sts.New(session.Must(session.NewSession(cfg)))
}

func legacyAssign() *sts.STS {
	cfg := &aws.Config{Region: aws.String("us-east-1")}
	cfg.STSRegionalEndpoint = endpoints.LegacySTSEndpoint // want "STS004"
	sess := session.Must(session.NewSession(cfg))
	return sts.New(sess)
}

func legacySessionConfigAssign(sess *session.Session) *sts.STS {
	sess.Config.STSRegionalEndpoint = endpoints.LegacySTSEndpoint // want "STS004"
	return sts.New(sess)
}

// A regional session overridden per client with legacy: global.
func legacyPerClient() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	return sts.New(sess, &aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.LegacySTSEndpoint, // want "STS004"
	})
}

func legacyOptions() {
	sess := session.Must(session.NewSessionWithOptions(session.Options{
		Config: aws.Config{STSRegionalEndpoint: endpoints.LegacySTSEndpoint}, // want "STS004"
	}))
	_ = stscreds.NewCredentials(sess, "arn:aws:iam::123456789012:role/x")
}

func legacyParse() (endpoints.STSRegionalEndpoint, error) {
	return endpoints.GetSTSRegionalEndpoint("legacy") // want "STS004"
}

func legacyParseMixedCase() endpoints.STSRegionalEndpoint {
	v, _ := endpoints.GetSTSRegionalEndpoint("Legacy") // want "STS004"
	return v
}

const legacyValue = "legacy"

func legacyParseConst() endpoints.STSRegionalEndpoint {
	v, _ := endpoints.GetSTSRegionalEndpoint(legacyValue) // want "STS004"
	return v
}

func legacyEnv() {
	_ = os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "legacy") // want "STS004"
}

// A resolver option forcing legacy.
func legacyResolverOption() func(*endpoints.Options) {
	return func(o *endpoints.Options) {
		o.STSRegionalEndpoint = endpoints.LegacySTSEndpoint // want "STS004"
	}
}

func legacyResolverOptionsLiteral() endpoints.Options {
	return endpoints.Options{STSRegionalEndpoint: endpoints.LegacySTSEndpoint} // want "STS004"
}

// A bool option selecting legacy.
func legacyByFlag(useLegacy bool) *aws.Config {
	cfg := aws.NewConfig().WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	if useLegacy {
		cfg.STSRegionalEndpoint = endpoints.LegacySTSEndpoint // want "STS004"
	}
	return cfg
}

// --- negatives ---

func isLegacy(cfg *aws.Config) bool {
	return cfg.STSRegionalEndpoint == endpoints.LegacySTSEndpoint
}

func describe(v endpoints.STSRegionalEndpoint) string {
	switch v {
	case endpoints.LegacySTSEndpoint:
		return "legacy"
	case endpoints.RegionalSTSEndpoint:
		return "regional"
	}
	if v != endpoints.LegacySTSEndpoint {
		return "not legacy"
	}
	return v.String()
}

func regionalParse() endpoints.STSRegionalEndpoint {
	v, _ := endpoints.GetSTSRegionalEndpoint("regional")
	return v
}

func regionalConfig() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	return sts.New(sess, aws.NewConfig().WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint))
}

func readEnv() string {
	if os.Getenv("AWS_STS_REGIONAL_ENDPOINTS") == "legacy" {
		return "legacy"
	}
	_ = os.Setenv("SOME_MODE", "legacy")
	return ""
}
