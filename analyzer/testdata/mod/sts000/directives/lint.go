package directives

// staticcheck's //lint:ignore directives, honoured with staticcheck's
// scoping: the first line of the code the comment is attached to.

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// Trailing the statement.
func lintSameLine(sess *session.Session) *sts.STS {
	return sts.New(sess) //lint:ignore STS002 the verifier only accepts the global host
}

// On the line before the statement.
func lintAbove(sess *session.Session) *sts.STS {
	//lint:ignore STS002 the verifier only accepts the global host
	return sts.New(sess)
}

// Patterns, case folding, and lists mixing staticcheck's checks with ours.
func lintPatterns(sess *session.Session) []*sts.STS {
	return []*sts.STS{
		//lint:ignore STS00* every check of ours
		sts.New(sess),
		//lint:ignore SA1019,sts002 staticcheck's and ours
		sts.New(sess),
	}
}

// Only the first line of the statement is covered, as in staticcheck: the
// finding on the next line stays and the directive suppressed nothing.
func lintFirstLineOnly(sess *session.Session) []*sts.STS {
	//lint:ignore STS002 only the first line // want `STS000: lint directive for STS002 suppresses nothing on the line it applies to`
	return []*sts.STS{
		sts.New(sess), // want `STS002`
	}
}

// A directive for staticcheck's checks only is not ours: no STS000, and
// the finding stays.
func lintOtherTool(sess *session.Session) *sts.STS {
	//lint:ignore SA1019 deprecated on purpose
	return sts.New(sess) // want `STS002`
}

// Malformed and stale directives of ours are STS000, as staticcheck
// reports its own.
func lintMalformed(sess *session.Session) []*sts.STS {
	return []*sts.STS{
		/* want `STS000: lint directive for STS002 gives no reason` */ //lint:ignore STS002
		sts.New(sess),                                                 // want `STS002`
		//lint:ignore STS999 no such check // want `STS000: lint directive names unknown check ID "STS999"`
		sts.New(sess), // want `STS002`
		//lint:ignore STS004 stale // want `STS000: lint directive for STS004 suppresses nothing`
		sts.New(sess), // want `STS002`
	}
}

// Not a directive: the prefix must be followed by a space.
func lintNotADirective(sess *session.Session) *sts.STS {
	//lint:ignored STS002 prose
	return sts.New(sess) // want `STS002`
}

// A regional client needs no directive.
func lintStale(region string) *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String(region), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	return sts.New(sess) //lint:ignore STS002 left behind // want `STS000: lint directive for STS002 suppresses nothing`
}
