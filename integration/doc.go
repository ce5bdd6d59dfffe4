// Package integration holds the tests of stsregional's integrations with
// other tools, run with the real tools and following the README's recipes
// line for line (each test also checks that the README still holds them):
//
//   - go install from a checkout, then the binary standalone, under go vet
//     and under go fix (install_test.go);
//   - Go's tool directive: go get -tool from a checkout, go tool
//     stsregional, and the go vet recipe that fails when the tool is missing
//     (gotool_test.go);
//   - golangci-lint v2 with the gclplugin module plugin, a custom binary
//     built from a copy of testdata/gcl (golangci_test.go);
//   - pre-commit: the hooks of .pre-commit-hooks.yaml through `pre-commit
//     try-repo`, and `repo: local` and local-path configurations
//     (precommit_test.go, precommit_local_test.go);
//   - the GitHub code-scanning workflow example, linted by actionlint, run
//     step by step, its SARIF log validated by Microsoft's SARIF Multitool
//     (workflow_test.go).
//
// The tests run the go command on the fixture modules under testdata with
// GOPROXY=off, so their modules must be in the module cache first: .ci/run
// downloads them, and installs pre-commit, git, shellcheck and the SARIF
// Multitool. A missing tool skips a test unless CI is set (CI=true, as
// .ci/run sets it), where it fails the test instead. The golangci-lint tests
// are skipped under -short.
package integration
