// Package v2only is a program that uses aws-sdk-go-v2 only. It sets
// AWS_STS_REGIONAL_ENDPOINTS=legacy (left over from a v1 migration):
// aws-sdk-go-v2 never reads it (reference §4.2: the variable appears nowhere
// in the v2 core, config, credentials or sts modules), so nothing here calls
// the global endpoint. Issue 8 counts "legacy" against a package; in a
// package without aws-sdk-go v1 the SDK says it has no effect.
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
