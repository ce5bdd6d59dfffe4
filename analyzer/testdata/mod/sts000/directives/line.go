// Package directives tests //stsregional:ignore and
// //stsregional:file-ignore: what they suppress, and the STS000 findings
// for malformed directives and directives that suppress nothing.
//
// The functions are deliberately not ground-truth cases (each takes a
// parameter): a suppressed finding still calls the global endpoint, and an
// STS000 finding is about a comment, not an endpoint.
package directives

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// A line directive covers its own line.
func sameLine(sess *session.Session) *sts.STS {
	return sts.New(sess) //stsregional:ignore STS002 the verifier only accepts the global host
}

// A line directive covers the line below.
func lineAbove(sess *session.Session) *sts.STS {
	//stsregional:ignore STS002 the verifier only accepts the global host
	return sts.New(sess)
}

// Two lines below is out of reach: the finding stays and the directive is
// unused.
func twoLinesAbove(sess *session.Session) *sts.STS {
	//stsregional:ignore STS002 too far away // want `STS000: suppression directive for STS002 suppresses nothing on this line or the next; delete it`

	return sts.New(sess) // want `STS002`
}

// A directive for another check suppresses nothing here.
func otherCheck(sess *session.Session) *sts.STS {
	//stsregional:ignore STS003 wrong ID // want `STS000: suppression directive for STS003 suppresses nothing`
	return sts.New(sess) // want `STS002`
}

// Several IDs: the one that suppressed nothing is named.
func severalIDs(sess *session.Session) *sts.STS {
	//stsregional:ignore STS002,STS004 one of them is stale // want `STS000: .*STS004 suppresses nothing .*remove STS004 from it`
	return sts.New(sess)
}

// IDs are case-insensitive.
func lowerCase(sess *session.Session) *sts.STS {
	return sts.New(sess) //stsregional:ignore sts002 lower case works too
}

// A regional client needs no directive: this one is stale.
func stale(region string) *sts.STS {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String(region), STSRegionalEndpoint: endpoints.RegionalSTSEndpoint}))
	return sts.New(sess) //stsregional:ignore STS002 left behind after the fix // want `STS000: suppression directive for STS002 suppresses nothing`
}

// Malformed directives are reported and suppress nothing.
func malformed(sess *session.Session) []*sts.STS {
	return []*sts.STS{
		/* want `STS000: suppression directive names no check ID` */ //stsregional:ignore
		sts.New(sess),                                               // want `STS002`
		/* want `STS000: suppression directive for STS002 gives no reason` */ //stsregional:ignore STS002
		sts.New(sess),                                                        // want `STS002`
		//stsregional:ignore STS999 no such check // want `STS000: suppression directive names unknown check ID "STS999"`
		sts.New(sess), // want `STS002`
		//stsregional:ignore STS002;STS003 wrong separator // want `STS000: suppression directive names unknown check ID "STS002;STS003"`
		sts.New(sess), // want `STS002`
	}
}

// Not a directive: the prefix must be followed by a space.
func notADirective(sess *session.Session) *sts.STS {
	//stsregional:ignored STS002 this is prose, not a directive
	return sts.New(sess) // want `STS002`
}

// The file-ignore of STS003 in file.go does not reach this file.
func otherFile(sess *session.Session) *sts.STS {
	return sts.New(sess, &aws.Config{Region: aws.String("eu-west-1")}) // want `STS003`
}
