package v1clients

import (
	"context"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	configv2 "github.com/aws/aws-sdk-go-v2/config"
	stscredsv2 "github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// --- clean: regional setting present ---

func cleanNewSession() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	return sts.New(sess)
}

func cleanNewSessionNoRegion() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	return sts.New(sess)
}

func cleanDeprecatedNew() *sts.STS {
	return sts.New(session.New(&aws.Config{Region: aws.String("us-east-1"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
}

func cleanOptions() *sts.STS {
	sess := session.Must(session.NewSessionWithOptions(session.Options{
		Config: aws.Config{
			Region:              aws.String("eu-west-1"),
			STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		},
		SharedConfigState: session.SharedConfigEnable,
	}))
	return sts.New(sess)
}

func cleanCopy(sess *session.Session) *sts.STS {
	regional := sess.Copy(&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint})
	return sts.New(regional)
}

func cleanPerClient(sess *session.Session) *sts.STS {
	return sts.New(sess, &aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint})
}

func cleanPerClientWithRegion(sess *session.Session, region string) *sts.STS {
	return sts.New(sess, &aws.Config{Region: aws.String(region), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint})
}

func cleanFluent(r string) *sts.STS {
	sess := session.Must(session.NewSession(aws.NewConfig().WithRegion(r).WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)))
	return sts.New(sess)
}

func cleanFluentPerClient(sess *session.Session) *sts.STS {
	return sts.New(sess, aws.NewConfig().WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint))
}

func cleanFieldStore(region string) *sts.STS {
	cfg := &aws.Config{Region: aws.String(region)}
	cfg.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
	sess := session.Must(session.NewSession(cfg))
	return sts.New(sess)
}

func cleanSessionConfigMutation(region string) *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String(region)}))
	sess.Config.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
	return sts.New(sess)
}

func cleanOptionsVar() *sts.STS {
	opts := session.Options{Config: aws.Config{Region: aws.String("eu-west-1")}}
	opts.Config.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
	sess := session.Must(session.NewSessionWithOptions(opts))
	return sts.New(sess)
}

func cleanTwoConfigs(cfg *aws.Config) *sts.STS {
	sess := session.Must(session.NewSession(cfg, &aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	return sts.New(sess)
}

// --- clean: a constant Region outside the 15 legacy Regions ---

func cleanNonLegacyRegions() []*sts.STS {
	var out []*sts.STS
	s1 := session.Must(session.NewSession(&aws.Config{Region: aws.String("ap-northeast-2")}))
	out = append(out, sts.New(s1))
	s2 := session.Must(session.NewSession(&aws.Config{Region: aws.String("ap-east-1")}))
	out = append(out, sts.New(s2))
	s3 := session.Must(session.NewSession(&aws.Config{Region: aws.String("af-south-1")}))
	out = append(out, sts.New(s3))
	s4 := session.Must(session.NewSession(&aws.Config{Region: aws.String("cn-north-1")}))
	out = append(out, sts.New(s4))
	s5 := session.Must(session.NewSession(aws.NewConfig().WithRegion("us-gov-west-1")))
	out = append(out, sts.New(s5))
	return out
}

func cleanNonLegacyPerClient(sess *session.Session) *sts.STS {
	return sts.New(sess, &aws.Config{Region: aws.String("ap-northeast-2")})
}

func cleanNonLegacyAssumeRole() {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("ap-northeast-3")}))
	_ = stscreds.NewCredentials(sess, roleARN)
}

// --- clean: FIPS / dual-stack variants skip the legacy mapping ---

func cleanFIPS() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:          aws.String("us-east-1"),
		UseFIPSEndpoint: endpoints.FIPSEndpointStateEnabled,
	}))
	return sts.New(sess)
}

func cleanDualStack() *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:               aws.String("eu-west-1"),
		UseDualStackEndpoint: endpoints.DualStackEndpointStateEnabled,
	}))
	return sts.New(sess)
}

// --- clean: stscreds from a regional session or client ---

func cleanAssumeRole(region string) {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String(region),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	_ = stscreds.NewCredentials(sess, roleARN)
	_ = stscreds.NewWebIdentityCredentials(sess, roleARN, "s", "/token")
}

func cleanWithClient(sess *session.Session) {
	regionalClient := sts.New(sess, &aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint})
	_ = stscreds.NewCredentialsWithClient(regionalClient, roleARN)
	_ = stscreds.NewWebIdentityRoleProviderWithOptions(regionalClient, roleARN, "s", stscreds.FetchTokenPath("/token"))
}

func cleanProviderLiteral(sess *session.Session) {
	svc := sts.New(sess.Copy(&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	_ = &stscreds.AssumeRoleProvider{Client: svc, RoleARN: roleARN}
}

// --- v2 is regional by default: never STS002/STS003 ---

func cleanV2(ctx context.Context) error {
	cfg, err := configv2.LoadDefaultConfig(ctx, configv2.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	client := stsv2.NewFromConfig(cfg)
	_ = stsv2.New(stsv2.Options{Region: "eu-west-1"})
	_ = stsv2.New(stsv2.Options{Region: "us-east-1", Credentials: awsv2.AnonymousCredentials{}})
	_ = stscredsv2.NewAssumeRoleProvider(client, roleARN)
	_ = stscredsv2.NewWebIdentityRoleProvider(client, roleARN, stscredsv2.IdentityTokenFile("/token"))
	noRegion, err := configv2.LoadDefaultConfig(ctx)
	if err != nil {
		return err
	}
	_ = stsv2.NewFromConfig(noRegion)
	return nil
}
