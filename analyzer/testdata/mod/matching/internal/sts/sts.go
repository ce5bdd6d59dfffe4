// Package sts is a LOCAL package that shares names with the SDK's sts
// packages. Nothing using it may be reported.
package sts

import "strings"

// EndpointsID mirrors the SDK constant.
const EndpointsID = "sts"

// Config mirrors a few aws.Config fields.
type Config struct {
	Region              *string
	Endpoint            *string
	STSRegionalEndpoint int
}

// LegacySTSEndpoint mirrors the SDK constant.
const LegacySTSEndpoint = 1

// Session is a fake session.
type Session struct{ Region string }

// Client is a fake STS client.
type Client struct {
	Endpoint string
	Region   string
}

// New mirrors the v1 sts.New shape.
func New(p *Session, cfgs ...*Config) *Client {
	c := &Client{Endpoint: "https://sts.amazonaws.com"}
	if p != nil {
		c.Region = p.Region
	}
	for _, cfg := range cfgs {
		if cfg != nil && cfg.Endpoint != nil {
			c.Endpoint = *cfg.Endpoint
		}
	}
	return c
}

// ResolvedEndpoint mirrors the v1 type.
type ResolvedEndpoint struct{ URL, SigningRegion string }

// Resolver is a fake resolver.
type Resolver struct{}

// EndpointFor mirrors the v1 resolver method.
func (Resolver) EndpointFor(service, region string, opts ...func(*Config)) (ResolvedEndpoint, error) {
	return ResolvedEndpoint{URL: "https://" + strings.ToLower(service) + "." + region + ".example.com"}, nil
}

// NewCredentials mirrors stscreds.NewCredentials.
func NewCredentials(p *Session, roleARN string) string { return roleARN } // want NewCredentials:`values: p1->r0`
