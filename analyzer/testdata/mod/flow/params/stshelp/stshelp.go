// Package stshelp is the other-package helper of the params class (issue
// 13, class 3): an exported function of another package of the module that
// builds an aws-sdk-go v1 STS client from whatever session its caller
// passes, so the caller's session decides the endpoint.
package stshelp

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// Client builds an STS client from sess; it adds no setting of its own.
func Client(sess *session.Session) *sts.STS { // want Client:"wraps: p0 -> sts.New"
	return sts.New(sess) // want "STS002"
}

// Identity passes its own parameter on to Client. Its callers are as
// unknown as Client's, so the call decides nothing: the finding stays in
// Client, where the client is built, and is not repeated here.
func Identity(sess *session.Session) (*sts.GetCallerIdentityOutput, error) {
	return Client(sess).GetCallerIdentity(nil)
}

// v2In builds an aws-sdk-go-v2 client in region, with ep as its
// BaseEndpoint unless ep is empty: each caller below decides whether the
// endpoint replaces the resolution, so the helper is judged per caller.
func v2In(region, ep string) any {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(region))
	if err != nil {
		return err
	}
	if ep != "" {
		cfg.BaseEndpoint = aws.String(ep)
	}
	return stsv2.NewFromConfig(cfg)
}

// V2Client leaves the resolution to the SDK: its region parameter is the
// client's Region, and aws-global from a caller selects the global host.
func V2Client(region string) any { // want V2Client:"values: p0->region-v2"
	return v2In(region, "")
}

// V2ClientAt sets the regional endpoint, which replaces the resolution:
// its Region only signs.
func V2ClientAt(region string) any {
	return v2In(region, "https://sts.eu-west-1.amazonaws.com")
}
