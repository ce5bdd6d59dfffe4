// Package gclplugin registers stsregional as a golangci-lint v2 module
// plugin. Blank-import it into a custom golangci-lint binary, built with
// `golangci-lint custom` from .custom-gcl.yml or with a small main package
// that calls golangci-lint's commands.Execute, and enable the linter in
// .golangci.yml:
//
//	version: "2"
//	linters:
//	  enable:
//	    - stsregional
//	  settings:
//	    custom:
//	      stsregional:
//	        type: module
//	        settings:
//	          disable: [STS004]
//
// The settings are those of analyzer.Config: enable, disable,
// assume-env-regional and include-generated, the names of the command-line
// flags. golangci-lint applies //nolint directives itself, so the plugin
// leaves them to it (analyzer.Config.DriverHandlesNolint).
package gclplugin

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/stsregional/stsregional/analyzer"
)

// Name is the key the plugin is registered under: the name used in
// linters.enable, linters.settings.custom and //nolint directives.
const Name = analyzer.Name

func init() {
	register.Plugin(Name, New)
}

// Plugin is the golangci-lint plugin: one stsregional analyzer configured
// from the linter's settings.
type Plugin struct {
	analyzer *analysis.Analyzer
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes settings (the value of
// linters.settings.custom.stsregional.settings) into an analyzer.Config and
// builds the analyzer. Unknown or mistyped keys and unknown check IDs are
// errors, so that a typo never silently changes which checks run.
func New(settings any) (register.LinterPlugin, error) {
	cfg, err := register.DecodeSettings[analyzer.Config](settings)
	if err != nil {
		return nil, settingsError(err)
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("%s: invalid settings: %w", Name, err)
	}
	// golangci-lint filters //nolint itself; dropping those findings in the
	// analyzer would make nolintlint report the directives as unused.
	cfg.DriverHandlesNolint = true
	a, err := newAnalyzer(cfg)
	if err != nil {
		return nil, err
	}
	return &Plugin{analyzer: a}, nil
}

// newAnalyzer builds the plugin's analyzer; the stsregionalnoop build
// (bench/) replaces it by one that does nothing.
var newAnalyzer = analyzer.New

// BuildAnalyzers returns the configured analyzer.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{p.analyzer}, nil
}

// GetLoadMode reports that the analyzer needs type information.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

// knownKeys lists the settings keys, the JSON names of analyzer.Config's
// fields.
const knownKeys = "enable, disable, assume-env-regional, include-generated"

// settingsError turns a DecodeSettings error (a JSON round trip with
// DisallowUnknownFields) into one that names the offending key.
func settingsError(err error) error {
	const prefix = Name + ": invalid settings"
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		key := typeErr.Field
		if key == "" {
			// The settings value itself is not a mapping.
			return fmt.Errorf("%s: want a mapping with keys %s, got %s: %w", prefix, knownKeys, typeErr.Value, err)
		}
		want := map[string]string{
			"enable":              "a list of check IDs",
			"disable":             "a list of check IDs",
			"assume-env-regional": "true or false",
			"include-generated":   "true or false",
		}[strings.SplitN(key, ".", 2)[0]]
		if want == "" {
			want = typeErr.Type.String()
		}
		return fmt.Errorf("%s: key %q: want %s, got %s: %w", prefix, key, want, typeErr.Value, err)
	}
	// encoding/json reports unknown keys as `json: unknown field "KEY"`.
	if _, after, ok := strings.Cut(err.Error(), "unknown field "); ok {
		return fmt.Errorf("%s: unknown key %s (known keys: %s): %w", prefix, after, knownKeys, err)
	}
	return fmt.Errorf("%s: %w", prefix, err)
}
