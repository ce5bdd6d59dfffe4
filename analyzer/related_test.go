package analyzer_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/stsregional/stsregional/analyzer"
)

// TestRelated: the findings of testdata/mod/related carry the other ends
// of their routes as related locations. analysistest's // want comments
// see only messages, so the related locations are compared here, as
// "finding file:line → related file:line: message" lines.
func TestRelated(t *testing.T) {
	res := analysistest.Run(t, mod(), analyzer.Analyzer, "./related")
	var got []string
	for _, r := range res {
		for _, d := range r.Diagnostics {
			at := r.Pass.Fset.Position(d.Pos)
			finding := fmt.Sprintf("%s %s:%d", d.Message[:6], filepath.Base(at.Filename), at.Line)
			if len(d.Related) == 0 {
				got = append(got, finding+" → none")
			}
			for _, rel := range d.Related {
				p := r.Pass.Fset.Position(rel.Pos)
				got = append(got, fmt.Sprintf("%s → %s:%d: %s", finding, filepath.Base(p.Filename), p.Line, rel.Message))
			}
		}
	}
	slices.Sort(got)
	want := []string{
		// STS001 at a constant used once (the fix): its use and the sink;
		// at the uses of a constant used twice or exported: the
		// constant's declaration, where the host is written; none for a
		// constant without it (notGlobal).
		"STS001 consts.go:21 → consts.go:23: reaches a request URL here",
		"STS001 consts.go:29 → sessions.go:62: the constant sharedURL holds the global host here",
		"STS001 consts.go:32 → sessions.go:62: the constant sharedURL holds the global host here",
		"STS001 consts.go:35 → sessions.go:63: the constant StsURL holds the global host here",
		// STS001: the flag default and the helper's fallback, written in
		// sessions.go, reach sinks in clients.go.
		"STS001 sessions.go:17 → clients.go:55: reaches a v2 BaseEndpoint here",
		"STS001 sessions.go:24 → clients.go:56: reaches a request URL here",
		"STS001 sessions.go:60 → consts.go:11: reaches a request URL here",
		"STS001 sessions.go:61 → consts.go:14: the constant stsQuery is used here",
		"STS001 sessions.go:61 → consts.go:15: reaches a request URL here",
		// STS002 at the client built over the session of sessions.go in
		// another function and file, legacy on one path: that session is
		// the other end (where the fix goes); one finding per client.
		"STS002 clients.go:20 → sessions.go:35: the session on that path is built here without STSRegionalEndpoint",
		"STS002 clients.go:20 → sessions.go:35: the session on that path is built here without STSRegionalEndpoint",
		// The same further down one function: the session above, and the
		// provider built over the client.
		"STS002 clients.go:32 → clients.go:30: the session on that path is built here without STSRegionalEndpoint",
		"STS002 clients.go:32 → clients.go:33: stscreds.NewCredentialsWithClient builds the credential provider here",
		"STS002 clients.go:39 → none", // sts.New(session.Must(session.NewSession()))
		// At the client (its session legacy on every path): the provider
		// built over it.
		"STS002 clients.go:68 → clients.go:69: stscreds.NewCredentialsWithClient builds the credential provider here",
		// At a call of a helper that builds the client from the
		// caller's session: the construction inside.
		"STS002 clients.go:86 → clients.go:81: sts.New in the helper builds it here",
		"STS003 clients.go:62 → sessions.go:47: the session on that path is built here without STSRegionalEndpoint",
		// STS006 at the Region: the clients and presign client it reaches.
		"STS006 clients.go:45 → clients.go:49: sts.NewFromConfig builds the STS client here",
		"STS006 clients.go:45 → clients.go:50: sts.NewPresignClient builds the presign client here",
		"STS006 clients.go:74 → clients.go:75: sts.New builds the STS client here",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("related locations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
