// Package controlflow holds the control-flow class of issue 13: the
// regional setting (or its absence) reaches the STS client through early
// returns, switch defaults, goto and labelled break, loops that build one
// session per Region, a defer that restores an environment variable before
// a returned closure builds the session, func literals that build sessions
// from the settings passed to them, and a goroutine that builds the client
// from a session handed to it.
//
// Each shape is a twin: CaseXxxGlobal, where the SDK calls
// sts.amazonaws.com, and CaseXxxRegional, which differs from it by the one
// step that makes every path regional. The want comments follow the SDK's
// host; GAPS.md lists the twins the analyzer gets wrong today.
package controlflow

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

const roleARN = "arn:aws:iam::123456789012:role/example"

// --- early return ---

// Early return with a default session when no Region is configured: the
// default session takes AWS_REGION from the environment and no setting.
//
//truth:env APP_REGION= AWS_REGION=us-east-1
//truth:env APP_REGION=eu-west-1
func CaseEarlyReturnGlobal() any {
	region := os.Getenv("APP_REGION")
	if region == "" {
		return sts.New(session.Must(session.NewSession())) // want "STS00[23]"
	}
	return sts.New(session.Must(session.NewSession(&aws.Config{
		Region:              aws.String(region),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	})))
}

// The twin: the early-return session carries the setting too.
//
//truth:env APP_REGION= AWS_REGION=us-east-1
//truth:env APP_REGION=eu-west-1
func CaseEarlyReturnRegional() any {
	region := os.Getenv("APP_REGION")
	if region == "" {
		return sts.New(session.Must(session.NewSession(&aws.Config{
			STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		})))
	}
	return sts.New(session.Must(session.NewSession(&aws.Config{
		Region:              aws.String(region),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	})))
}

// --- switch default ---

// stageConfig picks the config for a deployment stage; the default case
// forgets the setting.
func stageConfigGlobal(stage string) *aws.Config {
	switch stage {
	case "prod":
		return &aws.Config{Region: aws.String("eu-west-1"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}
	case "staging":
		return &aws.Config{Region: aws.String("eu-central-1"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}
	default:
		return &aws.Config{Region: aws.String("us-east-1")}
	}
}

// The switch's default case (any stage but prod and staging) builds a
// session in a legacy Region without the setting.
//
//truth:env APP_STAGE=prod
//truth:env APP_STAGE=dev
func CaseSwitchDefaultGlobal() any {
	sess := session.Must(session.NewSession(stageConfigGlobal(os.Getenv("APP_STAGE"))))
	return sts.New(sess) // want "STS00[23]"
}

// stageConfigRegional is stageConfigGlobal with the setting in the default
// case as well.
func stageConfigRegional(stage string) *aws.Config {
	switch stage {
	case "prod":
		return &aws.Config{Region: aws.String("eu-west-1"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}
	case "staging":
		return &aws.Config{Region: aws.String("eu-central-1"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}
	default:
		return &aws.Config{Region: aws.String("us-east-1"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}
	}
}

// The twin: every case of the switch sets the regional mode.
//
//truth:env APP_STAGE=prod
//truth:env APP_STAGE=dev
func CaseSwitchDefaultRegional() any {
	sess := session.Must(session.NewSession(stageConfigRegional(os.Getenv("APP_STAGE"))))
	return sts.New(sess)
}

// --- goto ---

// A goto jumps over the line that sets the regional mode when the caller
// asks to skip "optional" settings.
//
//truth:env APP_FAST=1
//truth:env APP_FAST=
func CaseGotoSkipsSettingGlobal() any {
	cfg := aws.NewConfig().WithRegion("us-east-1")
	if os.Getenv("APP_FAST") != "" {
		goto build
	}
	cfg.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
build:
	sess := session.Must(session.NewSession(cfg))
	return sts.New(sess) // want "STS00[23]"
}

// The twin: the setting is made before the goto, so no path skips it.
//
//truth:env APP_FAST=1
//truth:env APP_FAST=
func CaseGotoSkipsSettingRegional() any {
	cfg := aws.NewConfig().WithRegion("us-east-1")
	cfg.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
	if os.Getenv("APP_FAST") != "" {
		goto build
	}
	cfg.MaxRetries = aws.Int(5)
build:
	sess := session.Must(session.NewSession(cfg))
	return sts.New(sess)
}

// --- labelled break ---

// A labelled break leaves the search loop as soon as a configured Region is
// found; the config built after the loop has no setting, and the fallback
// Region is a legacy one.
//
//truth:env APP_REGIONS=ap-east-1,eu-south-1
//truth:env APP_REGIONS=
func CaseLabelledBreakGlobal() any {
	region := "us-east-1"
search:
	for _, candidate := range []string{"ap-east-1", "eu-south-1", "me-south-1"} {
		for _, want := range splitComma(os.Getenv("APP_REGIONS")) {
			if want == candidate {
				region = candidate
				break search
			}
		}
	}
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String(region)}))
	return sts.New(sess) // want "STS00[23]"
}

// The twin: the same loop, the config after it sets the regional mode.
//
//truth:env APP_REGIONS=ap-east-1,eu-south-1
//truth:env APP_REGIONS=
func CaseLabelledBreakRegional() any {
	region := "us-east-1"
search:
	for _, candidate := range []string{"ap-east-1", "eu-south-1", "me-south-1"} {
		for _, want := range splitComma(os.Getenv("APP_REGIONS")) {
			if want == candidate {
				region = candidate
				break search
			}
		}
	}
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String(region),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	return sts.New(sess)
}

// splitComma splits a comma-separated list without importing strings into
// the cases' reading; an empty string has no elements.
func splitComma(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			if i > start {
				out = append(out, s[start:i])
			}
			start = i + 1
		}
	}
	return out
}

// --- one session per Region in a loop ---

// One client per Region, built in a loop; the list holds a legacy Region and
// the loop's config has no setting. The case returns the client of the
// Region the process runs in.
//
//truth:env APP_REGION=eu-west-1
//truth:env APP_REGION=ap-east-1
func CaseLoopPerRegionGlobal() any {
	clients := map[string]*sts.STS{}
	for _, r := range []string{"eu-west-1", "ap-east-1"} {
		sess := session.Must(session.NewSession(&aws.Config{Region: aws.String(r)}))
		clients[r] = sts.New(sess) // want "STS00[23]"
	}
	return clients[os.Getenv("APP_REGION")]
}

// The twin: the loop's config sets the regional mode.
//
//truth:env APP_REGION=eu-west-1
//truth:env APP_REGION=ap-east-1
func CaseLoopPerRegionRegional() any {
	clients := map[string]*sts.STS{}
	for _, r := range []string{"eu-west-1", "ap-east-1"} {
		sess := session.Must(session.NewSession(&aws.Config{
			Region:              aws.String(r),
			STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		}))
		clients[r] = sts.New(sess)
	}
	return clients[os.Getenv("APP_REGION")]
}

// --- defer restores the environment before a returned closure runs ---

// clientFactoryLate sets AWS_STS_REGIONAL_ENDPOINTS for its own duration and
// returns a closure; the deferred restore runs before the caller calls the
// closure, so the session it builds no longer sees the setting.
func clientFactoryLate() func() *sts.STS {
	old, had := os.LookupEnv("AWS_STS_REGIONAL_ENDPOINTS")
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	defer restoreEnv("AWS_STS_REGIONAL_ENDPOINTS", old, had)
	return func() *sts.STS {
		sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
		return sts.New(sess) // want "STS00[23]"
	}
}

// restoreEnv puts a variable back the way it was: unset when it was unset.
func restoreEnv(key, old string, had bool) {
	if had {
		os.Setenv(key, old)
		return
	}
	os.Unsetenv(key)
}

// The closure builds the session after the defer restored the environment.
//
//truth:env AWS_STS_REGIONAL_ENDPOINTS=
//truth:include clientFactoryLate
func CaseDeferRestoreClosureGlobal() any {
	build := clientFactoryLate()
	return build()
}

// clientFactoryEarly builds the session while the variable is set; the
// closure only builds the client from it.
func clientFactoryEarly() func() *sts.STS {
	old, had := os.LookupEnv("AWS_STS_REGIONAL_ENDPOINTS")
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	defer restoreEnv("AWS_STS_REGIONAL_ENDPOINTS", old, had)
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	return func() *sts.STS {
		return sts.New(sess)
	}
}

// The twin: the session is built before the defer runs.
//
//truth:env AWS_STS_REGIONAL_ENDPOINTS=
//truth:include clientFactoryEarly
func CaseDeferRestoreClosureRegional() any {
	build := clientFactoryEarly()
	return build()
}

// --- func literals that build sessions from what they are passed ---

// A func literal builds the session from the configs passed to it; the
// caller passes only a Region.
//
//truth:env AWS_REGION=
func CaseFuncLitConfigsGlobal() any {
	newCreds := func(cfgs ...*aws.Config) any {
		sess := session.Must(session.NewSession(cfgs...))
		return stscreds.NewCredentials(sess, roleARN)
	}
	return newCreds(&aws.Config{Region: aws.String("ap-northeast-1")}) // want "STS00[23]"
}

// The twin: the caller passes the setting with the Region.
//
//truth:env AWS_REGION=
func CaseFuncLitConfigsRegional() any {
	newCreds := func(cfgs ...*aws.Config) any {
		sess := session.Must(session.NewSession(cfgs...))
		return stscreds.NewCredentials(sess, roleARN)
	}
	return newCreds(&aws.Config{
		Region:              aws.String("ap-northeast-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	})
}

// A func literal captures the base config and adds its own Region; the base
// has no setting.
func CaseFuncLitCaptureGlobal() any {
	base := aws.NewConfig().WithMaxRetries(3)
	forRegion := func(region string) *sts.STS {
		return sts.New(session.Must(session.NewSession(base.Copy().WithRegion(region)))) // want "STS00[23]"
	}
	return forRegion("sa-east-1")
}

// The twin: the captured base sets the regional mode.
func CaseFuncLitCaptureRegional() any {
	base := aws.NewConfig().WithMaxRetries(3).WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	forRegion := func(region string) *sts.STS {
		return sts.New(session.Must(session.NewSession(base.Copy().WithRegion(region))))
	}
	return forRegion("sa-east-1")
}

// --- go worker(sess) ---

// worker builds an STS client from the session handed to it and sends it
// back, the way a background refresher would.
func worker(sess *session.Session, out chan<- *sts.STS) {
	out <- sts.New(sess)
}

// The session handed to the goroutine has a legacy Region and no setting.
//
//truth:include worker
func CaseGoWorkerGlobal() any {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("us-west-2")}))
	out := make(chan *sts.STS, 1)
	go worker(sess, out) // want "STS00[23]"
	return <-out
}

// The twin: the session handed to the goroutine sets the regional mode.
//
//truth:include worker
func CaseGoWorkerRegional() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("us-west-2"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	out := make(chan *sts.STS, 1)
	go worker(sess, out)
	return <-out
}

// --- aws-sdk-go-v2: switch default ---

// The switch's default Region is the pseudo-Region aws-global, which
// aws-sdk-go-v2 resolves to the global endpoint.
//
//truth:env APP_AREA=eu
//truth:env APP_AREA=
func CaseV2SwitchDefaultGlobal() any {
	var region string
	switch os.Getenv("APP_AREA") {
	case "eu":
		region = "eu-west-1"
	case "ap":
		region = "ap-southeast-1"
	default:
		region = "aws-global" // want "STS006"
	}
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(region))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// The twin: the default is a real Region.
//
//truth:env APP_AREA=eu
//truth:env APP_AREA=
func CaseV2SwitchDefaultRegional() any {
	var region string
	switch os.Getenv("APP_AREA") {
	case "eu":
		region = "eu-west-1"
	case "ap":
		region = "ap-southeast-1"
	default:
		region = "us-east-1"
	}
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(region))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// --- aws-sdk-go-v2: early return with a fallback Region ---

// loadV2 returns early with the aws-global fallback when no Region is given.
func loadV2Global(region string) (*stsv2.Client, error) {
	if region == "" {
		cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("aws-global")) // want "STS006"
		if err != nil {
			return nil, err
		}
		return stsv2.NewFromConfig(cfg), nil
	}
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(region))
	if err != nil {
		return nil, err
	}
	return stsv2.NewFromConfig(cfg), nil
}

// The early return's fallback is aws-global.
//
//truth:env APP_REGION=
//truth:env APP_REGION=eu-west-1
//truth:include loadV2Global
func CaseV2EarlyReturnGlobal() any {
	c, err := loadV2Global(os.Getenv("APP_REGION"))
	if err != nil {
		return err
	}
	return c
}

// loadV2Regional is loadV2Global with a real fallback Region.
func loadV2Regional(region string) (*stsv2.Client, error) {
	if region == "" {
		cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("us-east-1"))
		if err != nil {
			return nil, err
		}
		return stsv2.NewFromConfig(cfg), nil
	}
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(region))
	if err != nil {
		return nil, err
	}
	return stsv2.NewFromConfig(cfg), nil
}

// The twin: the early return's fallback is a real Region.
//
//truth:env APP_REGION=
//truth:env APP_REGION=eu-west-1
//truth:include loadV2Regional
func CaseV2EarlyReturnRegional() any {
	c, err := loadV2Regional(os.Getenv("APP_REGION"))
	if err != nil {
		return err
	}
	return c
}
