package baseline

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// v2clean: aws-sdk-go-v2 is regional in every Region, us-east-1 included.
func CaseV2Regional() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("us-east-1"))
	if err != nil {
		return err
	}
	return sts.NewFromConfig(cfg)
}

// awsglobal: the pseudo-region aws-global reaches the STS client.
func CaseV2AwsGlobal() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("aws-global")) // want "STS006"
	if err != nil {
		return err
	}
	return sts.NewFromConfig(cfg)
}

// IRSA with aws-sdk-go-v2: the config's hidden web identity client is
// built from the resolved config, regional (reference §4.5).
//
//truth:env AWS_ACCESS_KEY_ID= AWS_SECRET_ACCESS_KEY= AWS_ROLE_ARN=arn:aws:iam::123456789012:role/irsa AWS_WEB_IDENTITY_TOKEN_FILE=$HOME/token
func CaseV2WebIdentityEnv() any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	return cfg.Credentials
}
