package analyzer

import "github.com/stsregional/stsregional/analyzer/internal/sdk"

// MayExportFacts reports whether the analyzer can export facts for the
// package path, whose direct imports are the package paths imports, when
// none of those imports has facts. Facts describe the aws-sdk-go v1
// sessions and configs that functions return and variables hold, so only a
// package that imports an AWS SDK package can start them, and the SDKs' own
// packages are never analysed. Drivers use it to answer such dependencies
// without type-checking them.
func MayExportFacts(path string, imports []string) bool {
	if sdk.IsAWSPath(sdk.Unvendor(path)) {
		return false
	}
	for _, imp := range imports {
		if sdk.IsAWSPath(sdk.Unvendor(imp)) {
			return true
		}
	}
	return false
}
