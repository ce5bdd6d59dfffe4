package mod

import (
	_ "github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	_ "github.com/aws/smithy-go/endpoints"
)
