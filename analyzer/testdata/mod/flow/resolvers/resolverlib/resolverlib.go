// Package resolverlib is a third-party-style library for class 7 of issue
// 13: its exported constructors return v1 resolvers, so a program that
// hands one to a session depends on code of another package. The
// analyzer summarises what each returned resolver answers for STS in a
// ResolverFact on the constructor.
package resolverlib

import (
	"github.com/aws/aws-sdk-go/aws/endpoints"
)

// RegionalSTS returns a resolver that answers STS with the regional host
// of every non-empty Region, the global host only for an empty Region, and
// hands every other service to next with the session's options.
func RegionalSTS(next endpoints.Resolver) endpoints.Resolver { // want RegionalSTS:`resolver: sts regional-when-set`
	return endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
		if service == endpoints.StsServiceID {
			host := "sts." + region + ".amazonaws.com"
			signing := region
			if region == "" {
				// The SDK itself resolves an empty Region to the
				// partition's global endpoint; this library does the same.
				host, signing = "sts.amazonaws.com", "us-east-1"
			}
			return endpoints.ResolvedEndpoint{URL: "https://" + host, SigningRegion: signing, SigningName: service}, nil
		}
		return next.EndpointFor(service, region, opts...)
	})
}

// GlobalSTS returns a resolver that answers STS with the global host
// whatever the Region.
func GlobalSTS() endpoints.ResolverFunc { // want GlobalSTS:`resolver: sts global`
	return func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
		if service == endpoints.StsServiceID {
			return endpoints.ResolvedEndpoint{URL: "https://sts.amazonaws.com", SigningRegion: "us-east-1"}, nil // want "STS005"
		}
		return endpoints.DefaultResolver().EndpointFor(service, region, opts...)
	}
}

// Delegating returns a resolver that hands every service to the SDK's
// default resolver with the session's options, so the session's STS
// setting decides.
func Delegating() endpoints.Resolver { // want Delegating:`resolver: sts delegates`
	return endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
		return endpoints.DefaultResolver().EndpointFor(service, region, opts...)
	})
}
