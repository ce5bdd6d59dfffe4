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
// package, or whose files mention "amazonaws" (a helper holding the global
// URL, whose results and parameters facts describe), is analysed; the SDKs'
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
		if err != nil || mentionsAny(data) {
			return true
		}
	}
	return false
}

// mentionsAny reports whether data mentions one of cheapWords.
func mentionsAny(data []byte) bool {
	for _, w := range cheapWords {
		if mentionsWordFold(data, []byte(w)) {
			return true
		}
	}
	return false
}

// amazonaws is the text mentionsFold looks for.
var amazonaws = []byte("amazonaws")

// mentionsFold reports whether data contains "amazonaws" in any ASCII case,
// without copying the file: a superset of run's string-literal test, so no
// package run analyses is skipped here.
func mentionsFold(data []byte) bool {
	return mentionsWordFold(data, amazonaws)
}

// mentionsWordFold reports whether data contains the lower-case word in
// any ASCII case; every word of cheapWords starts with 'a'.
func mentionsWordFold(data, word []byte) bool {
	for i := 0; i+len(word) <= len(data); i++ {
		if data[i]|0x20 == word[0] && bytes.EqualFold(data[i:i+len(word)], word) {
			return true
		}
	}
	return false
}
