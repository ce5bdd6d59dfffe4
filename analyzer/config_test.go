package analyzer

import (
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestGating checks that -enable and -disable (flags) and Config.Enable
// and Config.Disable (analyzer.New) select the checks that report, on a
// package with one finding of every check. A suppression directive naming
// a check that does not run is not reported as unused.
func TestGating(t *testing.T) {
	// The default configuration's // want comments are checked by
	// TestConfigFolder.
	dir := filepath.Join(analysistest.TestData(), "mod")
	roots := loadRoots(t, dir, []string{"GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off"}, "./config")
	ids := func(a *analysis.Analyzer) []string {
		var out []string
		for _, act := range analyse(t, a, roots) {
			for _, d := range act.Diagnostics {
				out = append(out, strings.SplitN(d.Message, ":", 2)[0])
			}
		}
		sort.Strings(out)
		return out
	}
	// The checks on by default: STS008 is off.
	all := []string{"STS000", "STS001", "STS002", "STS003", "STS004", "STS005", "STS006", "STS007"}
	for _, tc := range []struct {
		name  string
		cfg   Config
		flags map[string]string
		want  []string
	}{
		{name: "default", want: all},
		{name: "enable", cfg: Config{Enable: []string{"STS001", "sts004"}}, want: []string{"STS001", "STS004"}},
		{name: "disable", cfg: Config{Disable: []string{"STS002"}}, want: []string{"STS000", "STS001", "STS003", "STS004", "STS005", "STS006", "STS007"}},
		{name: "disable wins", cfg: Config{Enable: []string{"STS001", "STS002"}, Disable: []string{"STS002"}}, want: []string{"STS001"}},
		{name: "directives only", cfg: Config{Enable: []string{"STS000"}}, want: []string{"STS000"}},
		{name: "off by default", cfg: Config{Enable: []string{"STS008"}}, want: []string{"STS008"}},
		{name: "off by default flag", flags: map[string]string{"enable": "STS004,STS008"}, want: []string{"STS004", "STS008"}},
		{name: "enable flag", flags: map[string]string{"enable": "STS005,STS006"}, want: []string{"STS005", "STS006"}},
		{name: "disable flag", flags: map[string]string{"disable": "STS000,STS001,STS002,STS003"}, want: []string{"STS004", "STS005", "STS006", "STS007"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var a *analysis.Analyzer
			if tc.flags != nil {
				a = newAnalyzer(&Config{}) // a fresh flag set, as a driver has
				for k, v := range tc.flags {
					if err := a.Flags.Set(k, v); err != nil {
						t.Fatal(err)
					}
				}
			} else {
				var err error
				if a, err = New(tc.cfg); err != nil {
					t.Fatal(err)
				}
			}
			got := ids(a)
			// Every check but STS000 has exactly one finding; STS000 one
			// malformed directive.
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("reported %v, want %v", got, tc.want)
			}
		})
	}
	// An unknown ID in a flag is an error naming it.
	if err := newAnalyzer(&Config{}).Flags.Set("disable", "STS001,STS9"); err == nil || !strings.Contains(err.Error(), `"STS9"`) {
		t.Errorf("-disable=STS001,STS9: err = %v, want one naming STS9", err)
	}
}

// TestIncludeGeneratedFlag checks that -include-generated is bound to
// Config.IncludeGenerated and is off by default.
func TestIncludeGeneratedFlag(t *testing.T) {
	var cfg Config
	a := newAnalyzer(&cfg)
	f := a.Flags.Lookup("include-generated")
	if f == nil || f.DefValue != "false" {
		t.Fatalf("flag include-generated = %+v, want a bool flag defaulting to false", f)
	}
	if err := a.Flags.Set("include-generated", "true"); err != nil {
		t.Fatal(err)
	}
	if !cfg.IncludeGenerated {
		t.Error("-include-generated=true left Config.IncludeGenerated false")
	}
}
