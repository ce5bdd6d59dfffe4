// Package stshelp is the other-package helper of the params class (issue
// 13, class 3): an exported function of another package of the module that
// builds an aws-sdk-go v1 STS client from whatever session its caller
// passes, so the caller's session decides the endpoint.
package stshelp

import (
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
