// Package integration holds the tests of stsregional's integrations with
// other tools, run with the real tools: golangci-lint v2 (a custom binary
// with the gclplugin module plugin, built from testdata/gcl) and pre-commit
// (the hooks of .pre-commit-hooks.yaml, through `pre-commit try-repo`).
//
// The tests run the go command on the fixture modules under testdata with
// GOPROXY=off, so their modules must be in the module cache first;
// .ci/integration.sh downloads them. The golangci-lint tests are skipped
// under -short.
package integration
