package awsglobal

import (
	"context"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
)

func v2LoadConfig(ctx context.Context) (*stsv2.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("aws-global")) // want "STS006"
	if err != nil {
		return nil, err
	}
	return stsv2.NewFromConfig(cfg), nil
}

func v2LoadConfigConst(ctx context.Context) *stsv2.Client {
	cfg, _ := config.LoadDefaultConfig(ctx,
		config.WithRegion(globalRegion), // want "STS006"
	)
	return stsv2.NewFromConfig(cfg)
}

func v2AssignRegion(ctx context.Context) *stsv2.Client {
	cfg, _ := config.LoadDefaultConfig(ctx)
	cfg.Region = "aws-global" // want "STS006"
	return stsv2.NewFromConfig(cfg)
}

func v2Options() *stsv2.Client {
	return stsv2.New(stsv2.Options{Region: "aws-global"}) // want "STS006"
}

func v2OptionsUnused() stsv2.Options {
	return stsv2.Options{Region: globalRegion} // want "STS006"
}

func v2OptFn(cfg awsv2.Config) *stsv2.Client {
	return stsv2.NewFromConfig(cfg, func(o *stsv2.Options) {
		o.Region = "aws-global" // want "STS006"
	})
}

// A per-operation option.
func v2PerOperation(ctx context.Context, svc *stsv2.Client) error {
	_, err := svc.GetCallerIdentity(ctx, &stsv2.GetCallerIdentityInput{}, func(o *stsv2.Options) {
		o.Region = "aws-global" // want "STS006"
	})
	return err
}

// --- negatives ---

type route53Like struct{ region string }

func newRoute53Like(cfg awsv2.Config) route53Like { return route53Like{region: cfg.Region} }

// aws-global is correct for global services such as Route 53.
func v2Route53(ctx context.Context) route53Like {
	cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion("aws-global"))
	return newRoute53Like(cfg)
}

func v2JustReturned(ctx context.Context) (awsv2.Config, error) {
	return config.LoadDefaultConfig(ctx, config.WithRegion("aws-global"))
}

func v2Regional(ctx context.Context) *stsv2.Client {
	cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion("us-east-1"))
	cfg2 := cfg.Copy()
	cfg2.Region = "eu-west-1"
	_ = stsv2.New(stsv2.Options{Region: "us-east-1"})
	return stsv2.NewFromConfig(cfg2, func(o *stsv2.Options) { o.Region = "eu-central-1" })
}

func v2Compare(cfg awsv2.Config) bool {
	switch cfg.Region {
	case "aws-global":
		return true
	}
	return cfg.Region == "aws-global"
}

var v2Regions = map[string]string{"global": "aws-global", "default": "us-east-1"}

// The STS client factory is injected through a function-typed field whose
// default hands the config to sts.NewFromConfig.
type provider struct {
	newSTS func(awsv2.Config) stsAPI
}

type stsAPI interface{}

func defaultSTS(cfg awsv2.Config) stsAPI { return stsv2.NewFromConfig(cfg) }

func newProvider() *provider { return &provider{newSTS: defaultSTS} }

func (p *provider) assume(cfg awsv2.Config) stsAPI {
	stsCfg := cfg.Copy()
	stsCfg.Region = "aws-global" // want "STS006"
	return p.newSTS(stsCfg)
}

func (p *provider) route53(cfg awsv2.Config) awsv2.Config {
	r53 := cfg.Copy()
	r53.Region = "aws-global"
	return r53
}
