// Package use builds STS clients from sessions made in package helpers.
package use

import (
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"

	"example.com/mod/sts002/crosspkg/helpers"
)

func regional() *sts.STS {
	return sts.New(helpers.NewRegional("eu-west-1"))
}

func wrapped() *sts.STS {
	return sts.New(helpers.Wrapped())
}

func withConfig() *sts.STS {
	return sts.New(session.Must(session.NewSession(helpers.Config())))
}

func legacy() *sts.STS {
	sess, err := helpers.NewLegacyDefault()
	if err != nil {
		return nil
	}
	return sts.New(sess) // want `STS003: v1 STS client uses the global endpoint despite a Region set at runtime; set STSRegionalEndpoint`
}

func shared() *sts.STS {
	return sts.New(helpers.Shared) // want `STS003: v1 STS client uses the global endpoint despite Region "us-west-2"; set STSRegionalEndpoint`
}

// sameFunc is judged directly, without facts.
func sameFunc() *sts.STS {
	return sts.New(local()) // want `STS002: v1 STS client may use the global endpoint; set STSRegionalEndpoint on session returned by local`
}

func local() *session.Session {
	return session.Must(session.NewSession())
}
