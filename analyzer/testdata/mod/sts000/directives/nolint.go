package directives

// golangci-lint's //nolint directives, honoured by the analyzer with
// golangci-lint's scoping so that they hold outside golangci-lint too.

import (
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// On the line of the finding, with a reason after it.
func nolintSameLine(sess *session.Session) *sts.STS {
	return sts.New(sess) //nolint:stsregional // the verifier only accepts the global host
}

// In a list of linters, in any case.
func nolintList(sess *session.Session) *sts.STS {
	return sts.New(sess) //nolint:errcheck,StsRegional
}

// Bare //nolint and //nolint:all cover every linter.
func nolintBare(sess *session.Session) []*sts.STS {
	return []*sts.STS{
		sts.New(sess), //nolint
		sts.New(sess), //nolint:all
		sts.New(sess), // nolint:stsregional // golangci-lint accepts the space
	}
}

// On its own line, it covers the whole statement that starts below it at
// the same column.
func nolintStatement(sess *session.Session) []*sts.STS {
	//nolint:stsregional // both clients serve the legacy verifier
	return []*sts.STS{
		sts.New(sess),
		sts.New(sess),
	}
}

// At the end of a doc comment it covers the whole declaration.
//
//nolint:stsregional // the whole helper is for the legacy verifier
func nolintDecl(sess *session.Session) *sts.STS {
	svc := sts.New(sess)
	return svc
}

// A blank line in between: out of reach.
func nolintTooFar(sess *session.Session) *sts.STS {
	//nolint:stsregional

	return sts.New(sess) // want `STS002`
}

// Other linters' directives suppress nothing of ours.
func nolintOther(sess *session.Session) []*sts.STS {
	return []*sts.STS{
		sts.New(sess), //nolint:errcheck // want `STS002`
		sts.New(sess), //nolint:stsregionalx // want `STS002`
		sts.New(sess), //nolintx // want `STS002`
	}
}

// An unused //nolint is not STS000's business: golangci-lint's nolintlint
// reports it, and a bare //nolint may serve other linters.
func nolintUnused(p *session.Session) *session.Session {
	return p //nolint:stsregional // left behind
}
