// Package sts is a minimal stub of aws-sdk-go's sts package.
package sts

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
)

type STS struct{}

func New(p *session.Session, cfgs ...*aws.Config) *STS { return &STS{} }
