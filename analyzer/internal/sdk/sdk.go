// Package sdk describes the parts of the AWS SDK for Go (v1 and v2) and the
// standard library that decide which STS endpoint a program calls.
//
// The API surface is kept as data, keyed by import path and name, so the
// analyzer matches type-checked objects and never identifier text. Import
// paths are compared after removing any vendor prefix, so vendored copies of
// the SDK match too.
package sdk

import (
	"go/types"
	"strings"
)

// Import paths of the packages the analyzer knows.
const (
	V1AWS       = "github.com/aws/aws-sdk-go/aws"
	V1Endpoints = "github.com/aws/aws-sdk-go/aws/endpoints"
	V1Session   = "github.com/aws/aws-sdk-go/aws/session"
	V1Request   = "github.com/aws/aws-sdk-go/aws/request"
	V1STS       = "github.com/aws/aws-sdk-go/service/sts"
	V1STSCreds  = "github.com/aws/aws-sdk-go/aws/credentials/stscreds"

	V2AWS     = "github.com/aws/aws-sdk-go-v2/aws"
	V2Config  = "github.com/aws/aws-sdk-go-v2/config"
	V2STS     = "github.com/aws/aws-sdk-go-v2/service/sts"
	SmithyPtr = "github.com/aws/smithy-go/ptr"
	SmithyEP  = "github.com/aws/smithy-go/endpoints"

	NetHTTP = "net/http"
	NetURL  = "net/url"
	OS      = "os"
)

// SDK module path prefixes: code inside them is the SDK itself.
const (
	v1Module = "github.com/aws/aws-sdk-go"
	v2Module = "github.com/aws/aws-sdk-go-v2"
	smithy   = "github.com/aws/smithy-go"
)

// LegacyRegions are the Regions that aws-sdk-go v1 maps to the global STS
// endpoint unless STSRegionalEndpoint is RegionalSTSEndpoint
// (aws/endpoints/legacy_regions.go in v1.55.8).
var LegacyRegions = map[string]bool{
	"ap-northeast-1": true, "ap-south-1": true, "ap-southeast-1": true,
	"ap-southeast-2": true, "ca-central-1": true, "eu-central-1": true,
	"eu-north-1": true, "eu-west-1": true, "eu-west-2": true, "eu-west-3": true,
	"sa-east-1": true, "us-east-1": true, "us-east-2": true, "us-west-1": true,
	"us-west-2": true,
}

// The service identifier each SDK passes to a program's resolver for STS:
// the v1 session resolves sts.EndpointsID (aws-sdk-go@v1.55.8
// service/sts/service.go:33 and :51 ClientConfig(EndpointsID, …),
// aws/session/session.go resolveEndpoint), the v2 client's deprecated
// resolver wrapper passes ServiceID (service/sts@v1.51.8 endpoints.go
// wrappedEndpointResolver.ResolveEndpoint(ServiceID, …), api_client.go
// ServiceID = "STS").
const (
	V1ResolverService = "sts"
	V2ResolverService = "STS"
)

// GlobalRegion is the pseudo-Region that selects the global endpoint in both
// SDKs whatever the other settings.
const GlobalRegion = "aws-global"

// RegionShaped reports whether s is named like an AWS Region (two
// lower-case letters, dash-separated words, a dash and a number:
// eu-west-1, us-gov-west-1), or is the pseudo Region aws-global.
func RegionShaped(s string) bool {
	if s == GlobalRegion {
		return true
	}
	parts := strings.Split(s, "-")
	if len(parts) < 3 || len(parts[0]) != 2 {
		return false
	}
	for i, p := range parts {
		if p == "" {
			return false
		}
		for _, c := range p {
			digit := '0' <= c && c <= '9'
			letter := 'a' <= c && c <= 'z'
			if i == len(parts)-1 && !digit || i < len(parts)-1 && !letter {
				return false
			}
		}
	}
	return true
}

// Values of endpoints.STSRegionalEndpoint (aws/endpoints/endpoints.go).
const (
	STSUnset    = 0
	STSLegacy   = 1
	STSRegional = 2
)

// Environment variables that select STS endpoints.
const (
	EnvSTSRegional    = "AWS_STS_REGIONAL_ENDPOINTS"
	EnvEndpointURLSTS = "AWS_ENDPOINT_URL_STS"
	EnvEndpointURL    = "AWS_ENDPOINT_URL"
	// EnvLoadConfig makes session.New read the environment and shared
	// config (aws/session/env_config.go loadEnvConfig).
	EnvLoadConfig = "AWS_SDK_LOAD_CONFIG"
	// EnvIgnoreEndpoints set to true (case-insensitive) disables the
	// configured endpoint URLs; aws-sdk-go-v2 reads it once, in
	// config.LoadDefaultConfig (config@v1.33.15 env_config.go:419
	// setBoolPtrFromEnvVal, GetIgnoreConfiguredEndpoints :691).
	EnvIgnoreEndpoints = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"
)

// Path returns the import path of pkg with any vendor prefix removed, or ""
// for a nil package (universe objects).
func Path(pkg *types.Package) string {
	if pkg == nil {
		return ""
	}
	return Unvendor(pkg.Path())
}

// Unvendor removes everything up to and including the last "/vendor/" of an
// import path, so that "example.com/m/vendor/github.com/aws/aws-sdk-go/aws"
// and "github.com/aws/aws-sdk-go/aws" compare equal.
func Unvendor(path string) string {
	if i := strings.LastIndex(path, "/vendor/"); i >= 0 {
		return path[i+len("/vendor/"):]
	}
	return strings.TrimPrefix(path, "vendor/")
}

// IsAWSPath reports whether an (unvendored) import path belongs to one of the
// AWS SDK for Go modules or smithy-go.
func IsAWSPath(path string) bool {
	return under(path, v1Module) || under(path, v2Module) || under(path, smithy) ||
		strings.HasPrefix(path, "github.com/aws/aws-sdk-go-v2/")
}

// IsV1Path reports whether an (unvendored) import path belongs to
// aws-sdk-go v1.
func IsV1Path(path string) bool { return under(path, v1Module) }

func under(path, mod string) bool {
	return path == mod || strings.HasPrefix(path, mod+"/")
}

// IsNamed reports whether t (or the type t points to) is the named type
// pkg.name. Aliases are resolved.
func IsNamed(t types.Type, pkg, name string) bool {
	if t == nil {
		return false
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	o := n.Obj()
	return o.Name() == name && Path(o.Pkg()) == pkg
}

// IsConst reports whether obj is the package-level constant pkg.name.
func IsConst(obj types.Object, pkg, name string) bool {
	c, ok := obj.(*types.Const)
	return ok && c.Name() == name && Path(c.Pkg()) == pkg
}
