// Package legacy selects the legacy mode explicitly.
package legacy

import (
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
)

const mode = "legacy"

func f(cfg *aws.Config) {
	cfg.STSRegionalEndpoint = endpoints.LegacySTSEndpoint // want `STS004`
	_, _ = endpoints.GetSTSRegionalEndpoint("legacy")     // want `STS004`
	_, _ = endpoints.GetSTSRegionalEndpoint(mode)         // want `STS004`
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "legacy")     // want `STS004`
	if cfg.STSRegionalEndpoint == endpoints.LegacySTSEndpoint {
		return
	}
}
