package fix

import (
	awsv1 "github.com/aws/aws-sdk-go/aws"
	ep "github.com/aws/aws-sdk-go/aws/endpoints"
	sess1 "github.com/aws/aws-sdk-go/aws/session"
)

// Renamed imports: the fix reuses the file's qualifiers.
func aliased() *sess1.Session {
	_ = ep.UsEast1RegionID
	return sess1.Must(sess1.NewSession(awsv1.NewConfig().WithRegion("us-west-2"))) // want "STS008"
}
