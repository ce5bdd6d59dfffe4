package gclplugin

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"

	"github.com/stsregional/stsregional/analyzer"
)

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("stsregional")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatalf("New(nil): %v", err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Name != analyzer.Name {
		t.Fatalf("BuildAnalyzers() = %v, want one analyzer named %q", as, analyzer.Name)
	}
	// golangci-lint prefixes messages with the analyzer name when it differs
	// from the plugin key; they must agree.
	if as[0].Name != Name {
		t.Errorf("analyzer name %q != plugin name %q", as[0].Name, Name)
	}
}

// Settings as golangci-lint hands them over: YAML decoded into maps.
func TestNewSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
		wantErr  []string // substrings of the error; nil means no error
	}{
		{"nil", nil, nil},
		{"empty", map[string]any{}, nil},
		{"all keys", map[string]any{
			"enable":              []any{"STS001", "sts003"},
			"disable":             []any{"STS003"},
			"assume-env-regional": true,
			"include-generated":   true,
		}, nil},
		{"unknown key", map[string]any{"disabel": []any{"STS004"}},
			[]string{"stsregional: invalid settings", `unknown key "disabel"`, "assume-env-regional", "include-generated"}},
		{"list as string", map[string]any{"disable": "STS004"},
			[]string{"stsregional: invalid settings", `key "disable"`, "list of check IDs"}},
		{"bool as string", map[string]any{"assume-env-regional": "yes"},
			[]string{"stsregional: invalid settings", `key "assume-env-regional"`, "true or false"}},
		{"include-generated as string", map[string]any{"include-generated": "yes"},
			[]string{"stsregional: invalid settings", `key "include-generated"`, "true or false"}},
		{"number in list", map[string]any{"enable": []any{4}},
			[]string{"stsregional: invalid settings", `key "enable`}},
		{"unknown ID", map[string]any{"disable": []any{"STS999"}},
			[]string{"stsregional: invalid settings", `"STS999"`}},
		{"not a mapping", []any{"STS001"},
			[]string{"stsregional: invalid settings", "mapping"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := New(tc.settings)
			if tc.wantErr == nil {
				if err != nil {
					t.Fatalf("New(%v): %v", tc.settings, err)
				}
				if _, err := p.BuildAnalyzers(); err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil {
				t.Fatalf("New(%v) succeeded, want an error", tc.settings)
			}
			for _, want := range tc.wantErr {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("New(%v) error %q does not contain %q", tc.settings, err, want)
				}
			}
		})
	}
}
