package baseline

import (
	"context"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// awsglobal.v1Literal: aws-global is global even with the regional setting.
func CaseV1AwsGlobalRegional() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("aws-global"), // want "STS006"
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	return sts.New(sess)
}

// awsglobal.v1PerClient.
func CaseV1AwsGlobalPerClient() any {
	sess := session.Must(session.NewSession(&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	return sts.New(sess, &aws.Config{
		Region: aws.String("aws-global"), // want "STS006"
	})
}

// An explicitly empty Region: aws-sdk-go v1 resolves it as aws-global for
// STS, with the regional setting too.
func CaseV1EmptyRegion() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String(""), // want "STS006"
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	return sts.New(sess)
}

// awsglobal.v2AssignRegion.
func CaseV2AssignAwsGlobal() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	cfg.Region = "aws-global" // want "STS006"
	return stsv2.NewFromConfig(cfg)
}

// awsglobal.v2Options.
func CaseV2OptionsAwsGlobal() any {
	return stsv2.New(stsv2.Options{Region: "aws-global", Credentials: awsv2.AnonymousCredentials{}}) // want "STS006"
}

// awsglobal.v2OptFn.
func CaseV2OptFnAwsGlobal() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg, func(o *stsv2.Options) {
		o.Region = "aws-global" // want "STS006"
	})
}

// v2 with no Region fails before sending anything.
//
//truth:nohost aws-sdk-go-v2 fails with "Missing Region" instead of falling back
func CaseV2NoRegion() any {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}
