package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// relatedSrc has an STS006 finding at the Region of a v2 config whose STS
// client is built two lines further down: the finding's related location.
const relatedSrc = `package related

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

func Client(ctx context.Context) (*sts.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("aws-global"))
	if err != nil {
		return nil, err
	}
	return sts.NewFromConfig(cfg), nil
}
`

// The related location reaches every output: -v as an indented line,
// -json as "related", SARIF as relatedLocations with an id and message
// (validated by the SARIF Multitool when installed: .ci/sarif.sh).
func TestRelatedOutputs(t *testing.T) {
	t.Parallel()
	skipIfShort(t)
	dir := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "e2e", f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), data, 0o644)
	}
	os.MkdirAll(filepath.Join(dir, "related"), 0o755)
	os.WriteFile(filepath.Join(dir, "related", "related.go"), []byte(relatedSrc), 0o644)
	const msg = "sts.NewFromConfig builds the STS client here"
	rel := filepath.Join("related", "related.go")

	r := stsregional(t, dir, "-v", "./related")
	wantCode(t, r, 3, "stsregional -v")
	wantContains(t, r, "stsregional -v", rel+":11:62: STS006: ", "\n\t"+rel+":15:9: "+msg+"\n")
	r = stsregional(t, dir, "./related")
	if strings.Contains(r.out(), msg) {
		t.Errorf("without -v, related locations are printed:\n%s", r.out())
	}

	r = stsregional(t, dir, "-json", "./related")
	var tree map[string]map[string][]struct {
		Message string
		Related []struct{ Posn, End, Message string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("-json: %v\n%s", err, r.out())
	}
	d := tree["example.com/e2e/related"]["stsregional"]
	if len(d) != 1 || len(d[0].Related) != 1 || d[0].Related[0].Posn != rel+":15:9" || d[0].Related[0].Message != msg {
		t.Errorf("-json related:\n%s", r.stdout)
	}

	r = stsregional(t, dir, "-format=sarif", "./related")
	var log struct {
		Runs []struct {
			Results []struct {
				RelatedLocations []struct {
					ID               int
					Message          struct{ Text string }
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatalf("-format=sarif: %v\n%s", err, r.out())
	}
	if res := log.Runs[0].Results; len(res) != 1 || len(res[0].RelatedLocations) != 1 {
		t.Fatalf("SARIF results:\n%s", r.stdout)
	}
	l := log.Runs[0].Results[0].RelatedLocations[0]
	if l.ID != 1 || l.Message.Text != msg || l.PhysicalLocation.ArtifactLocation.URI != "related/related.go" ||
		l.PhysicalLocation.Region.StartLine != 15 || l.PhysicalLocation.Region.StartColumn != 9 {
		t.Errorf("SARIF related location %+v", l)
	}
	// A log with related locations passes the SARIF Multitool validator.
	if tool := multitool(); tool != "" {
		in := filepath.Join(dir, "related.sarif")
		os.WriteFile(in, []byte(r.stdout), 0o644)
		validateSARIF(t, tool, in, in+".report.sarif", "./related")
	}
}
