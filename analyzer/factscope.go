package analyzer

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"github.com/stsregional/stsregional/analyzer/internal/sdk"
)

// MayExportFacts reports whether the analyzer can export facts for the
// package path, whose direct imports are the package paths imports and
// whose Go source files are goFiles, when none of those imports has facts.
// It mirrors run's cheap exit: only a package that imports an AWS SDK
// package, or whose files hold text that can become an STS endpoint or
// Region (a helper holding the global URL, perhaps built from pieces such
// as "amazon"+"aws.com", the pseudo Region aws-global, or a Region name,
// whose results and parameters facts describe), is analysed; the SDKs'
// own packages and the standard library never are. Drivers use it to answer
// other dependencies without type-checking them. A file that cannot be read
// counts as a mention: the package is then analysed, which is always safe.
func MayExportFacts(path string, imports []string, goFiles []string) bool {
	if sdk.IsAWSPath(sdk.Unvendor(path)) {
		return false
	}
	for _, imp := range imports {
		if sdk.IsAWSPath(sdk.Unvendor(imp)) {
			return true
		}
	}
	for _, name := range goFiles {
		if strings.HasPrefix(filepath.Clean(name), goroot) {
			return false // the standard library holds no STS endpoint
		}
		data, err := os.ReadFile(name)
		if err != nil || mayNameSTSValue(data) {
			return true
		}
	}
	return false
}

// mayNameSTSValue reports whether data contains "aws" where an STS value
// can hold it (awsAt) or a Region name (regionShapeAt), without copying
// the file: a superset of run's string-literal test (stsValueLiteral), so
// no package run analyses is skipped here.
func mayNameSTSValue(data []byte) bool {
	for i := 0; i < len(data); i++ {
		if awsAt(data, i) || regionShapeAt(data, i) {
			return true
		}
	}
	return false
}

// awsAt reports whether "aws", in any ASCII case, starts at data[i] as
// the start of a word or right after "amazon": every piece of the AWS DNS
// suffix a program can build the global URL from ("amazonaws.com",
// "amazon"+"aws.com") and the pseudo Region aws-global hold it so, while
// the "aws" inside words such as RawSyscall or draws is no STS value.
func awsAt(data []byte, i int) bool {
	const aws, amazon = "aws", "amazon"
	if i+len(aws) > len(data) || !bytes.EqualFold(data[i:i+len(aws)], []byte(aws)) {
		return false
	}
	if i == 0 || !isLetter(data[i-1]) {
		return true
	}
	return i >= len(amazon) && bytes.EqualFold(data[i-len(amazon):i], []byte(amazon))
}

// isLetter reports whether b is an ASCII letter.
func isLetter(b byte) bool { return 'a' <= b|0x20 && b|0x20 <= 'z' }

// regionShapeAt reports whether a Region name starts at data[i]: two
// lower-case letters, one or more dash-separated words of letters, then a
// dash and a digit (eu-west-1, us-gov-west-1, cn-north-1). The shape, not
// a list: Regions added after this release are named the same way.
func regionShapeAt(data []byte, i int) bool {
	lower := func(j int) bool { return j < len(data) && 'a' <= data[j] && data[j] <= 'z' }
	if !lower(i) || !lower(i+1) || i+2 >= len(data) || data[i+2] != '-' || i > 0 && lower(i-1) {
		return false
	}
	j := i + 3
	words := 0
	for {
		k := j
		for lower(k) {
			k++
		}
		if k == j || k >= len(data) || data[k] != '-' {
			return false
		}
		words++
		j = k + 1
		if j < len(data) && '0' <= data[j] && data[j] <= '9' {
			return words > 0
		}
	}
}
