// Command wfcheck prints a YAML file (a GitHub Actions workflow) as JSON, so
// that integration/workflow_test.go can check its structure without a YAML
// parser in the stsregional module. The module also pins actionlint, the
// workflow linter the test runs (go tool actionlint).
//
//	go run . FILE.yml
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"go.yaml.in/yaml/v4"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: wfcheck FILE.yml")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var doc any
	if err := yaml.Unmarshal(data, &doc); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		// A mapping with a non-string key, which a workflow never has.
		fmt.Fprintf(os.Stderr, "%s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	fmt.Printf("%s\n", out)
}
