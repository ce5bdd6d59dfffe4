// Command golangci-lint is golangci-lint v2.15.0 with the stsregional module
// plugin compiled in: the binary `golangci-lint custom` builds from
// .custom-gcl.yml, made without cloning golangci-lint from GitHub.
//
// `golangci-lint custom` clones golangci-lint at the tag, writes a
// cmd/golangci-lint/plugins.go that blank-imports each plugin, adds the plugin
// to go.mod (go get, or a replace for a local path), runs go mod tidy and
// builds ./cmd/golangci-lint. This module does the same with golangci-lint as
// a dependency from the module proxy: the plugin import below is plugins.go,
// the replace directive in go.mod is `path: .`, and main mirrors
// cmd/golangci-lint/main.go of v2.15.0 (build information, commands.Execute,
// exit code 3 on failure).
//
// Build it from this directory:
//
//	go build -o custom-gcl .
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	// The plugin: its init registers the "stsregional" linter.
	_ "github.com/stsregional/stsregional/gclplugin"
)

// Set with -ldflags "-X main.version=… -X main.date=…", as golangci-lint
// custom does.
var (
	version = "2.15.0-custom-stsregional"
	date    = "(unknown)"
)

func main() {
	info := commands.BuildInfo{
		Version:   version,
		Commit:    "(stsregional integration build)",
		GoVersion: "unknown",
		Date:      date,
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		info.GoVersion = bi.GoVersion
	}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
