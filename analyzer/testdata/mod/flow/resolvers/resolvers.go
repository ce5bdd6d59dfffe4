// Package resolvers holds class 7 of issue 13, resolvers as functions: the
// endpoint an STS client calls is decided by a function the program hands to
// the SDK, so the verdict depends on what that function returns for the
// service and Region the SDK passes it. Each bad/ok pair differs in one step
// of the resolver's value flow:
//
//   - v1 ResolverFunc building "https://sts."+region+".amazonaws.com" for
//     every Region makes a legacy session regional (ok), where forwarding
//     opts to the default resolver keeps the legacy mapping (bad).
//   - v1 resolver whose empty-Region fallback is the global host: a finding
//     only where the Region can be empty (no Region in code or environment),
//     not for a session with a constant Region.
//   - v1 third-party-style wrapper of endpoints.DefaultResolver().EndpointFor
//     that appends STSRegionalEndpointOption (ok) or a legacy option (bad).
//   - v1 resolver types (methods of a named type) that forward or drop the
//     options the session passes.
//   - v1 resolver closure capturing a host variable: regional built from the
//     Region (ok) or the constant global host (bad).
//   - v2 EndpointResolverV2 that overwrites params.Region with a value
//     stored in its struct: "eu-west-1" (ok) or "aws-global" (bad).
//   - deprecated v2 resolver (config.WithEndpointResolverWithOptions) whose
//     STS branch compares the service with "sts": the SDK passes the service
//     ID "STS" (service/sts endpoints.go:148-150, wrappedEndpointResolver
//     calls ResolveEndpoint(ServiceID, ...); api_client.go:36 ServiceID =
//     "STS"), so the branch is dead (ok), while comparing with
//     stsv2.ServiceID takes it (bad).
//   - v1 resolver whose STS branch compares the service with sts.ServiceID
//     ("STS"): the session passes sts.EndpointsID ("sts"), so the branch is
//     dead (ok), while comparing with sts.EndpointsID takes it (bad).
//   - v2 EndpointResolverV2 returning a URI parsed from a string built from
//     params.Region (ok) or the global URL (bad).
//   - v1 resolver built by another package's constructor (resolverlib,
//     judged by its ResolverFact): regional host for every non-empty Region
//     with a Region set in code (ok) or with no Region at all (bad); a
//     constructor whose resolver always answers the global host (bad); one
//     that delegates with the session's options on a regional (ok) or
//     legacy (bad) session.
package resolvers

import (
	"context"
	"net/url"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"example.com/mod/flow/resolvers/resolverlib"
)

// --- v1: a resolver that builds the regional host for every Region ---

// A legacy session (us-east-1, no STS setting) whose resolver builds the
// regional host itself: the legacy mapping never runs, the call is regional.
//
//truth:env AWS_REGION=us-east-1
//truth:env AWS_REGION=eu-west-1
func CaseV1ResolverBuildsRegionalHost() any {
	sess := session.Must(session.NewSession(&aws.Config{
		EndpointResolver: endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
			if service == sts.EndpointsID && region != "" {
				return endpoints.ResolvedEndpoint{URL: "https://sts." + region + ".amazonaws.com", SigningRegion: region}, nil
			}
			return endpoints.DefaultResolver().EndpointFor(service, region, opts...)
		}),
	}))
	return sts.New(sess)
}

// The same session whose resolver delegates STS to the default resolver
// with the session's options: the legacy mapping sends it global.
//
//truth:env AWS_REGION=us-east-1
//truth:env AWS_REGION=eu-west-1
func CaseV1ResolverDelegatesLegacy() any {
	sess := session.Must(session.NewSession(&aws.Config{
		EndpointResolver: endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
			if service == sts.EndpointsID && region != "" {
				return endpoints.DefaultResolver().EndpointFor(service, region, opts...)
			}
			return endpoints.DefaultResolver().EndpointFor(service, region, opts...)
		}),
	}))
	return sts.New(sess) // want "STS00[23]"
}

// --- v1: the empty-Region fallback to the global host ---

// A regional-host resolver whose fallback for an empty Region is the global
// host, on a session with a constant Region: the fallback never runs.
func CaseV1EmptyRegionFallbackUnreached() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region: aws.String("eu-west-1"),
		EndpointResolver: endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
			if region == "" {
				return endpoints.ResolvedEndpoint{URL: "https://sts.amazonaws.com", SigningRegion: "us-east-1"}, nil
			}
			return endpoints.ResolvedEndpoint{URL: "https://sts." + region + ".amazonaws.com", SigningRegion: region}, nil
		}),
	}))
	return sts.New(sess)
}

// The same resolver on a session whose Region comes from the environment,
// which may not set one: the fallback runs and calls the global host.
//
//truth:env AWS_REGION=
//truth:env AWS_REGION=eu-west-1
func CaseV1EmptyRegionFallbackReached() any {
	sess := session.Must(session.NewSession(&aws.Config{
		EndpointResolver: endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
			if region == "" {
				return endpoints.ResolvedEndpoint{URL: "https://sts.amazonaws.com", SigningRegion: "us-east-1"}, nil // want "STS00[56]"
			}
			return endpoints.ResolvedEndpoint{URL: "https://sts." + region + ".amazonaws.com", SigningRegion: region}, nil
		}),
	}))
	return sts.New(sess)
}

// --- v1: a third-party-style wrapper of the default resolver ---

// wrapDefault is a third-party-style resolver: the SDK's default resolver
// with one option appended after the session's, so the appended one wins.
func wrapDefault(extra func(*endpoints.Options)) endpoints.ResolverFunc {
	return func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
		return endpoints.DefaultResolver().EndpointFor(service, region, append(opts, extra)...)
	}
}

// legacyOption is an option a wrapper might add by mistake.
func legacyOption(o *endpoints.Options) {
	o.STSRegionalEndpoint = endpoints.LegacySTSEndpoint // want "STS004"
}

// A legacy session whose wrapper appends STSRegionalEndpointOption after the
// session's options: the appended option wins, the call is regional.
func CaseV1WrapperAppendsRegional() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:           aws.String("eu-west-1"),
		EndpointResolver: wrapDefault(endpoints.STSRegionalEndpointOption),
	}))
	return sts.New(sess)
}

// A regional session whose wrapper appends a legacy option: the appended
// option overrides the session's regional setting.
//
//truth:include legacyOption
func CaseV1WrapperAppendsLegacy() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		EndpointResolver:    wrapDefault(legacyOption),
	}))
	return sts.New(sess)
}

// --- v1: resolver types ---

// forwarding is a resolver type that passes the session's options on.
type forwarding struct{ next endpoints.Resolver }

// EndpointFor forwards the options, keeping the session's STS setting.
func (r forwarding) EndpointFor(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
	return r.next.EndpointFor(service, region, opts...)
}

// dropping is a resolver type that loses the session's options.
type dropping struct{ next endpoints.Resolver }

// EndpointFor drops the options, so the STS mode is unset (legacy).
func (r dropping) EndpointFor(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
	return r.next.EndpointFor(service, region) // want "STS005"
}

// A regional session with a forwarding resolver type: regional.
//
//truth:include forwarding.EndpointFor
func CaseV1ResolverTypeForwards() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		EndpointResolver:    forwarding{next: endpoints.DefaultResolver()},
	}))
	return sts.New(sess)
}

// A regional session with a resolver type that drops the options: global.
//
//truth:include dropping.EndpointFor
func CaseV1ResolverTypeDrops() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		EndpointResolver:    dropping{next: endpoints.DefaultResolver()},
	}))
	return sts.New(sess)
}

// --- v1: a closure capturing the host ---

// The resolver closure captures a host built from the Region.
func CaseV1ClosureCapturesRegionalHost() any {
	region := "eu-west-1"
	host := "sts." + region + ".amazonaws.com"
	sess := session.Must(session.NewSession(&aws.Config{
		Region: aws.String(region),
		EndpointResolver: endpoints.ResolverFunc(func(service, r string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
			return endpoints.ResolvedEndpoint{URL: "https://" + host, SigningRegion: r}, nil
		}),
	}))
	return sts.New(sess)
}

// The resolver closure captures the constant global host.
func CaseV1ClosureCapturesGlobalHost() any {
	region := "eu-west-1"
	host := "sts.amazonaws.com" // want "STS00[15]"
	sess := session.Must(session.NewSession(&aws.Config{
		Region: aws.String(region),
		EndpointResolver: endpoints.ResolverFunc(func(service, r string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
			return endpoints.ResolvedEndpoint{URL: "https://" + host, SigningRegion: r}, nil
		}),
	}))
	return sts.New(sess)
}

// --- v2: EndpointResolverV2 that overwrites params.Region ---

// pinRegion overwrites the Region the client passes with its own.
type pinRegion struct {
	region string
	next   stsv2.EndpointResolverV2
}

// ResolveEndpoint replaces params.Region, then runs the default rules.
func (r pinRegion) ResolveEndpoint(ctx context.Context, params stsv2.EndpointParameters) (smithyendpoints.Endpoint, error) {
	params.Region = awsv2.String(r.region)
	return r.next.ResolveEndpoint(ctx, params)
}

// A client in aws-global whose resolver pins a real Region: regional.
func CaseV2ResolverPinsRealRegion() any {
	return stsv2.New(stsv2.Options{
		Region:             "aws-global",
		Credentials:        awsv2.AnonymousCredentials{},
		EndpointResolverV2: pinRegion{region: "eu-west-1", next: stsv2.NewDefaultEndpointResolverV2()},
	})
}

// A client in eu-west-1 whose resolver pins aws-global: global.
func CaseV2ResolverPinsAWSGlobal() any {
	return stsv2.New(stsv2.Options{
		Region:             "eu-west-1",
		Credentials:        awsv2.AnonymousCredentials{},
		EndpointResolverV2: pinRegion{region: "aws-global", next: stsv2.NewDefaultEndpointResolverV2()}, // want "STS00[67]"
	})
}

// --- v2: deprecated resolver comparing the service ---

// The STS branch compares with "sts", which the SDK never passes (it passes
// the service ID "STS"): the branch is dead and the rules resolve regionally.
func CaseV2ResolverComparesLowercase() any {
	resolver := awsv2.EndpointResolverWithOptionsFunc(func(service, region string, options ...interface{}) (awsv2.Endpoint, error) {
		if service == "sts" {
			return awsv2.Endpoint{URL: "https://sts.amazonaws.com", SigningRegion: "us-east-1"}, nil
		}
		return awsv2.Endpoint{}, &awsv2.EndpointNotFoundError{}
	})
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"), config.WithEndpointResolverWithOptions(resolver))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// The same branch comparing with the service ID the SDK passes: global.
func CaseV2ResolverComparesServiceID() any {
	resolver := awsv2.EndpointResolverWithOptionsFunc(func(service, region string, options ...interface{}) (awsv2.Endpoint, error) {
		if service == stsv2.ServiceID {
			return awsv2.Endpoint{URL: "https://sts.amazonaws.com", SigningRegion: "us-east-1"}, nil // want "STS007"
		}
		return awsv2.Endpoint{}, &awsv2.EndpointNotFoundError{}
	})
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"), config.WithEndpointResolverWithOptions(resolver))
	if err != nil {
		return err
	}
	return stsv2.NewFromConfig(cfg)
}

// --- v2: EndpointResolverV2 returning a parsed URI ---

// resolverV2Func lets a closure serve as an EndpointResolverV2, so that the
// deciding line of each case stays inside the case.
type resolverV2Func func(ctx context.Context, params stsv2.EndpointParameters) (smithyendpoints.Endpoint, error)

// ResolveEndpoint calls the function.
func (f resolverV2Func) ResolveEndpoint(ctx context.Context, params stsv2.EndpointParameters) (smithyendpoints.Endpoint, error) {
	return f(ctx, params)
}

// A resolver that builds the URI from params.Region: regional.
func CaseV2ResolverURIFromRegion() any {
	return stsv2.New(stsv2.Options{
		Region:      "eu-west-1",
		Credentials: awsv2.AnonymousCredentials{},
		EndpointResolverV2: resolverV2Func(func(ctx context.Context, params stsv2.EndpointParameters) (smithyendpoints.Endpoint, error) {
			u, err := url.Parse("https://sts." + *params.Region + ".amazonaws.com")
			if err != nil {
				return smithyendpoints.Endpoint{}, err
			}
			return smithyendpoints.Endpoint{URI: *u}, nil
		}),
	})
}

// A resolver that returns the global URI: global.
func CaseV2ResolverURIGlobal() any {
	return stsv2.New(stsv2.Options{
		Region:      "eu-west-1",
		Credentials: awsv2.AnonymousCredentials{},
		EndpointResolverV2: resolverV2Func(func(ctx context.Context, params stsv2.EndpointParameters) (smithyendpoints.Endpoint, error) {
			u, err := url.Parse("https://sts.amazonaws.com") // want "STS00[17]"
			if err != nil {
				return smithyendpoints.Endpoint{}, err
			}
			return smithyendpoints.Endpoint{URI: *u}, nil
		}),
	})
}

// --- v1: a resolver comparing the service with the wrong name ---

// The v1 session passes the endpoints ID "sts" (aws-sdk-go@v1.55.8
// service/sts/service.go:51 ClientConfig(EndpointsID, ...), :33 EndpointsID
// = "sts"; aws/session/session.go:915 EndpointFor(service, ...)), never the service
// ID "STS": a branch on sts.ServiceID is dead and the regional session's
// options reach the default resolver.
func CaseV1ResolverComparesServiceID() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		EndpointResolver: endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
			if service == sts.ServiceID {
				return endpoints.ResolvedEndpoint{URL: "https://sts.amazonaws.com", SigningRegion: "us-east-1"}, nil
			}
			return endpoints.DefaultResolver().EndpointFor(service, region, opts...)
		}),
	}))
	return sts.New(sess)
}

// The same branch on the endpoints ID the session passes: global.
func CaseV1ResolverComparesEndpointsID() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		EndpointResolver: endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
			if service == sts.EndpointsID {
				return endpoints.ResolvedEndpoint{URL: "https://sts.amazonaws.com", SigningRegion: "us-east-1"}, nil // want "STS005"
			}
			return endpoints.DefaultResolver().EndpointFor(service, region, opts...)
		}),
	}))
	return sts.New(sess)
}

// --- v1: a resolver built by another package's constructor ---

// A legacy Region set in code with a library resolver that answers STS
// with the regional host of every non-empty Region: the legacy mapping
// never runs, the call is regional.
func CaseV1LibResolverRegionSet() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:           aws.String("us-east-1"),
		EndpointResolver: resolverlib.RegionalSTS(endpoints.DefaultResolver()),
	}))
	return sts.New(sess)
}

// The same library resolver on a session without a Region in code or in
// the environment: the resolver gets the empty Region and answers with
// the global host.
//
//truth:env AWS_REGION= AWS_DEFAULT_REGION=
func CaseV1LibResolverRegionEmpty() any {
	sess := session.Must(session.NewSession(&aws.Config{
		EndpointResolver: resolverlib.RegionalSTS(endpoints.DefaultResolver()),
	}))
	return sts.New(sess) // want "STS002"
}

// A library resolver that answers STS with the global host whatever the
// Region: a Region outside the legacy list does not help.
func CaseV1LibResolverGlobal() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("eu-west-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		EndpointResolver:    resolverlib.GlobalSTS(), // want "STS005"
	}))
	return sts.New(sess)
}

// A library resolver that hands STS to the default resolver with the
// session's options: the regional setting is kept.
func CaseV1LibResolverDelegatesRegional() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String("us-east-1"),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
		EndpointResolver:    resolverlib.Delegating(),
	}))
	return sts.New(sess)
}

// The same delegating library resolver on a legacy session without the
// STS setting: the default resolver's legacy mapping sends it global.
func CaseV1LibResolverDelegatesLegacy() any {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:           aws.String("us-east-1"),
		EndpointResolver: resolverlib.Delegating(),
	}))
	return sts.New(sess) // want "STS003"
}
