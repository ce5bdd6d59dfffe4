// Package v2only uses aws-sdk-go-v2 only and sets
// AWS_STS_REGIONAL_ENDPOINTS=legacy, left over from a migration:
// aws-sdk-go-v2 never reads the variable (no module of it mentions it), so
// the setting has no effect and is not reported.
package v2only

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

func CaseV2IgnoresLegacy() any {
	os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "legacy")
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("us-east-1"))
	if err != nil {
		return err
	}
	return sts.NewFromConfig(cfg)
}
