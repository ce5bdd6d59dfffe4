package fields

// The MergeIn and environment-guard shapes of issue 13, class 2.
//
// (*aws.Config).MergeIn copies every set field of its arguments into its
// receiver, in order, so the last set value wins; an Unset
// STSRegionalEndpoint, a nil Region or Endpoint leaves the receiver's alone
// (aws-sdk-go v1.55.8 aws/config.go:519 MergeIn, :525 mergeInConfig, :638
// STSRegionalEndpoint). It copies values: a store into the merged config
// after the MergeIn, or a MergeIn into a copy of the session's config,
// changes nothing for the session.
//
// A program may set STSRegionalEndpoint only when the operator has not
// chosen through AWS_STS_REGIONAL_ENDPOINTS (awslabs/aws-sigv4-proxy
// cmd/aws-sigv4-proxy/main.go). The session then reads the operator's
// value (aws/session/env_config.go:367, used by mergeConfigSrcs at
// session.go:739 when the code sets nothing): the endpoint is the
// deployment's explicit choice. The deprecated session.New does not read it
// unless AWS_SDK_LOAD_CONFIG is set (session.go:84 New, :408
// deprecatedNewSession): there the unguarded path is the legacy default.
//
// The twins run with AWS_REGION=us-east-1 in code (a legacy Region); the
// guard twins run with the variable unset and with it set to regional (the
// value an operator who chose legacy gets is that operator's choice, not a
// defect of the code).

import (
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// --- MergeIn into session.Options.Config ---

// The merged-in config sets the regional mode before the MergeIn.
func CaseMergeInOptionsRegional() any {
	opts := session.Options{Config: aws.Config{Region: aws.String("us-east-1")}}
	cfg := aws.Config{}
	cfg.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
	opts.Config.MergeIn(&cfg)
	sess := session.Must(session.NewSessionWithOptions(opts))
	return sts.New(sess)
}

// The twin: the setting is stored after the MergeIn copied the config.
func CaseMergeInOptionsSetAfterGlobal() any {
	opts := session.Options{Config: aws.Config{Region: aws.String("us-east-1")}}
	cfg := aws.Config{}
	opts.Config.MergeIn(&cfg)
	cfg.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
	sess := session.Must(session.NewSessionWithOptions(opts))
	return sts.New(sess) // want "STS00[23]"
}

// A later config with the setting Unset leaves the regional one alone.
func CaseMergeInUnsetKeepsRegional() any {
	opts := session.Options{}
	regional := aws.Config{Region: aws.String("us-east-1"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}
	unset := aws.Config{STSRegionalEndpoint: endpoints.UnsetSTSEndpoint}
	opts.Config.MergeIn(&regional, &unset)
	return sts.New(session.Must(session.NewSessionWithOptions(opts)))
}

// The twin: the later config sets legacy, and the last set value wins.
func CaseMergeInLastLegacyGlobal() any {
	opts := session.Options{}
	regional := aws.Config{Region: aws.String("us-east-1"), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}
	legacy := aws.Config{STSRegionalEndpoint: endpoints.LegacySTSEndpoint} // want "STS004"
	opts.Config.MergeIn(&regional, &legacy)
	return sts.New(session.Must(session.NewSessionWithOptions(opts))) // the explicit legacy setting is STS004's
}

// Two MergeIn calls: the second Region, ap-east-1 (not a legacy Region),
// wins, so the legacy default calls sts.ap-east-1.
func CaseMergeInTwiceRegional() any {
	opts := session.Options{}
	opts.Config.MergeIn(&aws.Config{Region: aws.String("us-east-1")})
	opts.Config.MergeIn(&aws.Config{Region: aws.String("ap-east-1")})
	return sts.New(session.Must(session.NewSessionWithOptions(opts)))
}

// The twin: the same calls in the other order, the legacy Region last.
func CaseMergeInTwiceGlobal() any {
	opts := session.Options{}
	opts.Config.MergeIn(&aws.Config{Region: aws.String("ap-east-1")})
	opts.Config.MergeIn(&aws.Config{Region: aws.String("us-east-1")})
	return sts.New(session.Must(session.NewSessionWithOptions(opts))) // want "STS00[23]"
}

// The regional config is merged into another config, not the session's.
func CaseMergeInWrongConfigGlobal() any {
	opts := session.Options{Config: aws.Config{Region: aws.String("us-east-1")}}
	other := aws.Config{}
	other.MergeIn(&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint})
	return sts.New(session.Must(session.NewSessionWithOptions(opts))) // want "STS00[23]"
}

// The twin: the config MergeIn filled is the one the session gets.
func CaseMergeInRightConfigRegional() any {
	cfg := aws.NewConfig().WithRegion("us-east-1")
	cfg.MergeIn(&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint})
	return sts.New(session.Must(session.NewSession(cfg)))
}

// MergeIn into a copy of the options' config (a value): the options keep
// their own config, without the setting.
func CaseMergeInCopyGlobal() any {
	opts := session.Options{Config: aws.Config{Region: aws.String("us-east-1")}}
	cp := opts.Config
	cp.MergeIn(&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint})
	return sts.New(session.Must(session.NewSessionWithOptions(opts))) // want "STS00[23]"
}

// The twin: the filled copy is stored back into the options.
func CaseMergeInCopyStoredRegional() any {
	opts := session.Options{Config: aws.Config{Region: aws.String("us-east-1")}}
	cp := opts.Config
	cp.MergeIn(&aws.Config{STSRegionalEndpoint: endpoints.RegionalSTSEndpoint})
	opts.Config = cp
	return sts.New(session.Must(session.NewSessionWithOptions(opts)))
}

// The merged-in Region wins over the one already set: ap-east-1 is not a
// legacy Region, so the legacy default still calls sts.ap-east-1.
func CaseMergeInRegionRegional() any {
	opts := session.Options{Config: aws.Config{Region: aws.String("us-east-1")}}
	opts.Config.MergeIn(&aws.Config{Region: aws.String("ap-east-1")})
	return sts.New(session.Must(session.NewSessionWithOptions(opts)))
}

// A nil Region merged in leaves ap-east-1, not a legacy Region.
func CaseMergeInNilRegionRegional() any {
	opts := session.Options{Config: aws.Config{Region: aws.String("ap-east-1")}}
	opts.Config.MergeIn(&aws.Config{Region: nil})
	return sts.New(session.Must(session.NewSessionWithOptions(opts)))
}

// The twin: a nil Region merged in leaves us-east-1, a legacy Region.
func CaseMergeInNilRegionGlobal() any {
	opts := session.Options{Config: aws.Config{Region: aws.String("us-east-1")}}
	opts.Config.MergeIn(&aws.Config{Region: nil})
	return sts.New(session.Must(session.NewSessionWithOptions(opts))) // want "STS00[23]"
}

// --- the setting guarded by AWS_STS_REGIONAL_ENDPOINTS ---

// The aws-sigv4-proxy shape: the regional setting unless the operator set
// the variable, merged into the options, assume-role credentials from the
// session.
//
//truth:env AWS_STS_REGIONAL_ENDPOINTS=
//truth:env AWS_STS_REGIONAL_ENDPOINTS=regional
func CaseEnvGuardLenRegional() any {
	opts := session.Options{SharedConfigState: session.SharedConfigEnable}
	cfg := aws.Config{Region: aws.String("us-east-1")}
	if v := os.Getenv("AWS_STS_REGIONAL_ENDPOINTS"); len(v) == 0 {
		cfg.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
	}
	cfg.CredentialsChainVerboseErrors = aws.Bool(true)
	opts.Config.MergeIn(&cfg)
	sess, err := session.NewSessionWithOptions(opts)
	if err != nil {
		return err
	}
	return stscreds.NewCredentials(sess, roleARN)
}

// The twin: the test is inverted, so the code sets the regional mode only
// when the operator already chose, and leaves the legacy default otherwise.
//
//truth:env AWS_STS_REGIONAL_ENDPOINTS=
//truth:env AWS_STS_REGIONAL_ENDPOINTS=regional
func CaseEnvGuardInvertedGlobal() any {
	opts := session.Options{SharedConfigState: session.SharedConfigEnable}
	cfg := aws.Config{Region: aws.String("us-east-1")}
	if v := os.Getenv("AWS_STS_REGIONAL_ENDPOINTS"); len(v) != 0 {
		cfg.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
	}
	opts.Config.MergeIn(&cfg)
	sess, err := session.NewSessionWithOptions(opts)
	if err != nil {
		return err
	}
	return stscreds.NewCredentials(sess, roleARN) // want "STS00[23]"
}

// The guard written with == "" on the call itself, the setting on a
// *aws.Config passed to NewSession.
//
//truth:env AWS_STS_REGIONAL_ENDPOINTS=
//truth:env AWS_STS_REGIONAL_ENDPOINTS=regional
func CaseEnvGuardEmptyRegional() any {
	cfg := aws.NewConfig().WithRegion("us-east-1")
	if os.Getenv("AWS_STS_REGIONAL_ENDPOINTS") == "" {
		cfg.WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	}
	return sts.New(session.Must(session.NewSession(cfg)))
}

// The twin: the guard tests another variable, so with APP_MODE set the
// legacy default applies.
//
//truth:env APP_MODE=
//truth:env APP_MODE=batch
func CaseEnvGuardOtherVarGlobal() any {
	cfg := aws.NewConfig().WithRegion("us-east-1")
	if os.Getenv("APP_MODE") == "" {
		cfg.WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	}
	return sts.New(session.Must(session.NewSession(cfg))) // want "STS00[23]"
}

// The guard with LookupEnv: the setting unless the variable is defined.
//
//truth:env AWS_STS_REGIONAL_ENDPOINTS=
//truth:env AWS_STS_REGIONAL_ENDPOINTS=regional
func CaseEnvGuardLookupRegional() any {
	cfg := aws.NewConfig().WithRegion("us-east-1")
	if _, ok := os.LookupEnv("AWS_STS_REGIONAL_ENDPOINTS"); !ok {
		cfg.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
	}
	return sts.New(session.Must(session.NewSession(cfg)))
}

// The twin: the same guard in front of the deprecated session.New, which
// does not read AWS_STS_REGIONAL_ENDPOINTS (without AWS_SDK_LOAD_CONFIG):
// with the variable set to regional, the session has the legacy default.
//
//truth:env AWS_STS_REGIONAL_ENDPOINTS=
//truth:env AWS_STS_REGIONAL_ENDPOINTS=regional
func CaseEnvGuardSessionNewGlobal() any {
	cfg := aws.NewConfig().WithRegion("us-east-1")
	if _, ok := os.LookupEnv("AWS_STS_REGIONAL_ENDPOINTS"); !ok {
		cfg.STSRegionalEndpoint = endpoints.RegionalSTSEndpoint
	}
	return sts.New(session.New(cfg)) // want "STS00[23]"
}

// The guard chooses between two sessions: a regional one unless the
// operator set the variable, the environment's otherwise.
//
//truth:env AWS_STS_REGIONAL_ENDPOINTS=
//truth:env AWS_STS_REGIONAL_ENDPOINTS=regional
func CaseEnvGuardSessionsRegional() any {
	sess := session.Must(session.NewSession(aws.NewConfig().WithRegion("us-east-1")))
	if os.Getenv("AWS_STS_REGIONAL_ENDPOINTS") == "" {
		sess = session.Must(session.NewSession(&aws.Config{
			Region:              aws.String("us-east-1"),
			STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		}))
	}
	return sts.New(sess)
}

// The twin: the environment's session is the one built when the variable is
// empty.
//
//truth:env AWS_STS_REGIONAL_ENDPOINTS=
//truth:env AWS_STS_REGIONAL_ENDPOINTS=regional
func CaseEnvGuardSessionsGlobal() any {
	sess := session.Must(session.NewSession(aws.NewConfig().WithRegion("us-east-1")))
	if os.Getenv("AWS_STS_REGIONAL_ENDPOINTS") != "" {
		sess = session.Must(session.NewSession(&aws.Config{
			Region:              aws.String("us-east-1"),
			STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		}))
	}
	return sts.New(sess) // want "STS00[23]"
}

// --- guard shapes checked by analysistest only (they take a parameter) ---

// Either test skips the setting only when the variable is set.
func guardOr(force bool) *sts.STS {
	cfg := aws.NewConfig().WithRegion("us-east-1")
	if os.Getenv("AWS_STS_REGIONAL_ENDPOINTS") == "" || force {
		cfg.WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	}
	return sts.New(session.Must(session.NewSession(cfg)))
}

// With && the setting is also skipped when force is false and the
// variable is empty: the legacy default.
func guardAnd(force bool) *sts.STS {
	cfg := aws.NewConfig().WithRegion("us-east-1")
	if os.Getenv("AWS_STS_REGIONAL_ENDPOINTS") == "" && force {
		cfg.WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	}
	return sts.New(session.Must(session.NewSession(cfg))) // want "STS00[23]"
}

// A nested test skips the setting with the variable empty too.
func guardNested(force bool) *sts.STS {
	cfg := aws.NewConfig().WithRegion("us-east-1")
	if os.Getenv("AWS_STS_REGIONAL_ENDPOINTS") == "" {
		if force {
			cfg.WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
		}
	}
	return sts.New(session.Must(session.NewSession(cfg))) // want "STS00[23]"
}

// The setting in the else branch of a test that the variable is set.
func guardElse(log func(string)) *sts.STS {
	cfg := aws.NewConfig().WithRegion("us-east-1")
	if v := os.Getenv("AWS_STS_REGIONAL_ENDPOINTS"); v != "" {
		log("STS endpoint mode from the environment: " + v)
	} else {
		cfg.WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)
	}
	return sts.New(session.Must(session.NewSession(cfg)))
}
