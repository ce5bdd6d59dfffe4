// Package svc is another package's service type for the forward class
// (issue 13, class 6): it holds an STS client in a field and calls it
// from a method, which its callers hand on as a function value.
package svc

import (
	"github.com/aws/aws-sdk-go/service/sts"
	"github.com/aws/aws-sdk-go/service/sts/stsiface"
)

// Service holds the client its methods call.
type Service struct {
	Client stsiface.STSAPI
}

// Identity calls the held client.
func (s *Service) Identity() (any, error) {
	return s.Client.GetCallerIdentity(&sts.GetCallerIdentityInput{})
}

// Run calls f, as a framework's start function calls a handler.
func Run(f func() (any, error)) any {
	out, err := f()
	if err != nil {
		return err
	}
	return out
}
