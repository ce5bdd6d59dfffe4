package integration_test

import (
	"strings"
	"testing"
)

// TestGoTool checks the README's recipe for projects that pin the checker
// with Go's tool directive: `go get -tool …/cmd/stsregional`, then
// `go vet -vettool="$(go tool -n stsregional)" ./...`. The module comes
// from this checkout through a replace directive (the recipe's go get would
// fetch it through the module proxy).
func TestGoTool(t *testing.T) {
	dir := fixture(t, "awsmod")
	env := offlineEnv(t, "GOFLAGS=-mod=mod")
	mustRun(t, dir, env, "go", "mod", "edit", "-replace", "github.com/stsregional/stsregional="+repoRoot(t))
	mustRun(t, dir, env, "go", "get", "-tool", "github.com/stsregional/stsregional/cmd/stsregional")
	if !strings.Contains(readFile(t, dir+"/go.mod"), "tool github.com/stsregional/stsregional/cmd/stsregional") {
		t.Fatalf("go.mod has no tool directive:\n%s", readFile(t, dir+"/go.mod"))
	}
	tool := strings.TrimSpace(mustRun(t, dir, env, "go", "tool", "-n", "stsregional").stdout)
	if tool == "" {
		t.Fatal("go tool -n stsregional printed nothing")
	}
	r := run(t, dir, env, "go", "vet", "-vettool="+tool, "./v1/...")
	if r.code == 0 || !strings.Contains(r.stderr, "STS00") {
		t.Fatalf("go vet with the tool: want findings and a non-zero exit, got %s", r)
	}
}
