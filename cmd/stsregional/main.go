// Command stsregional reports Go code whose AWS STS calls go to the global
// endpoint sts.amazonaws.com instead of a regional one, and offers fixes.
//
// One binary serves every driver:
//
//	stsregional [flags] ./...                      # findings as text
//	stsregional -json ./...                        # findings as JSON
//	stsregional -format=sarif ./... > out.sarif    # one SARIF 2.1.0 log
//	stsregional -fix ./...                         # apply the fixes
//	stsregional -fix -diff ./...                   # print them as a diff
//	stsregional -explain STS003                    # a check's documentation
//	go vet -vettool=$(which stsregional) ./...     # as a go vet tool
//	go fix -fixtool=$(which stsregional) ./...     # as a go fix tool
//
// Every mode analyses through the go command: stsregional runs
// go vet -vettool=<itself> -json, so that each package is analysed in its
// own process (internal/unit) and its results kept in the go build cache,
// then prints or applies what it reported. One flag set serves both sides.
// Run stsregional -help for the flags; the README documents them and the
// exit codes.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/stsregional/stsregional/analyzer"
	"github.com/stsregional/stsregional/internal/apply"
	"github.com/stsregional/stsregional/internal/engine"
	"github.com/stsregional/stsregional/internal/render"
	"github.com/stsregional/stsregional/internal/sarif"
	"github.com/stsregional/stsregional/internal/unit"
)

// unitAnalyzer is the analyzer run in the go vet protocol; the
// stsregionalnoop build (bench/) replaces it by one that does nothing.
var unitAnalyzer = analyzer.Analyzer

// explain returns the documentation of a check.
var explain = analyzer.Explain

func main() {
	os.Exit(realMain(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit codes of the standalone modes.
const (
	exitOK       = 0
	exitError    = 1
	exitUsage    = 2
	exitFindings = 3
)

// realMain is main; it returns the exit code.
func realMain(args []string, stdout, stderr io.Writer) int {
	// The go vet protocol's last argument is a unit configuration file.
	var unitCfg *unit.Config
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		cfg, err := unit.ReadConfig(args[len(args)-1])
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", analyzer.Name, err)
			return exitError
		}
		unitCfg, args = cfg, args[:len(args)-1]
		// go vet runs the tool on every dependency too, only for facts.
		// The check flags do not matter there, and a bad one would be
		// reported once per dependency: accept any value.
		if cfg.VetxOnly {
			analyzer.Analyzer.Flags.VisitAll(func(f *flag.Flag) { f.Value = anyValue{} })
		}
	}
	fs := flag.NewFlagSet(analyzer.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	jsonOut := fs.Bool("json", false, "print the findings, with their fixes and documentation URLs, as JSON on stdout (exit 0 even with findings)")
	contextLines := fs.Int("c", -1, "show `N` lines of source around each finding")
	verbose := fs.Bool("v", false, "show each finding's documentation URL")
	fix := fs.Bool("fix", false, "apply the first suggested fix of every finding, writing each file atomically")
	diff := fs.Bool("diff", false, "with -fix, print the fixes as a unified diff instead of applying them")
	format := fs.String("format", "text", "output `format`: text, or sarif for one SARIF 2.1.0 log on stdout (exit 0 even with findings); with -inventory: text, json or markdown")
	tests := fs.Bool("test", true, "report findings in _test.go files")
	tags := fs.String("tags", "", "comma-separated build `tags`, as for go build (GOFLAGS=-tags=... works too)")
	explainID := fs.String("explain", "", "print the documentation of the check `ID` (such as STS003) and exit")
	version := fs.Bool("version", false, "print \""+analyzer.Name+" VERSION\" and exit")
	toolVersion := fs.String("V", "", "with `full`, print the version and build ID (the go vet protocol)")
	listFlags := fs.Bool("flags", false, "print the flags that go vet may pass on, as JSON (the go vet protocol)")
	// The analyzer's own flags, in both spellings: -disable, and the
	// -stsregional.disable that go vet uses.
	analyzer.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
		fs.Var(f.Value, f.Name, f.Usage)
		fs.Var(f.Value, analyzer.Name+"."+f.Name, "same as -"+f.Name)
	})
	usage := func(w io.Writer) {
		fmt.Fprintf(w, "Usage: %s [flags] packages\n\nFlags:\n", analyzer.Name)
		fs.SetOutput(w)
		fs.PrintDefaults()
		fmt.Fprintf(w, "\nAs a go vet or go fix tool: go vet -vettool=$(which %s) ./...\n", analyzer.Name)
	}
	bad := func(err error) int {
		fmt.Fprintln(stderr, err)
		fmt.Fprintf(stderr, "Run '%s -help' for usage.\n", analyzer.Name)
		return exitUsage
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout)
			return exitOK
		}
		return bad(err)
	}
	switch {
	case *listFlags:
		if err := unit.PrintFlags(stdout, fs, unitFlag); err != nil {
			return bad(err)
		}
		return exitOK
	case *toolVersion != "":
		if err := unit.PrintVersion(stdout, *toolVersion); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", analyzer.Name, err)
			return exitError
		}
		return exitOK
	case unitCfg != nil:
		return unit.Run(unitCfg, unitAnalyzer, unit.Options{
			JSON: *jsonOut, Fix: *fix, Diff: *diff, Context: *contextLines,
			MayExport: analyzer.MayExportFacts,
		}, stderr)
	case *version:
		fmt.Fprintf(stdout, "%s %s\n", analyzer.Name, buildVersion())
		return exitOK
	case *explainID != "":
		text, err := explain(*explainID)
		if err != nil {
			return bad(err)
		}
		fmt.Fprintln(stdout, strings.TrimRight(text, "\n"))
		return exitOK
	case wantsInventory(fs):
		if err := checkInventoryFlags(fs); err != nil {
			return bad(err)
		}
		if fs.NArg() == 0 {
			return bad(errNoPatterns)
		}
	case *format != "text" && *format != "sarif":
		return bad(fmt.Errorf("unknown -format %q (known: text, sarif)", *format))
	case *format == "sarif" && (*jsonOut || *fix || *diff || *contextLines >= 0):
		return bad(errors.New("-format=sarif does not combine with -json, -fix, -diff or -c"))
	case *diff && !*fix:
		return bad(errors.New("-diff needs -fix"))
	case *fix && (*jsonOut || *contextLines >= 0):
		return bad(errors.New("-fix does not combine with -json or -c"))
	case fs.NArg() == 0:
		fmt.Fprintf(stderr, "Usage: %s [flags] packages (such as ./...); run '%s -help' for the flags\n", analyzer.Name, analyzer.Name)
		return exitError
	}

	fail := func(err error) int {
		fmt.Fprintf(stderr, "%s: %v\n", analyzer.Name, err)
		return exitError
	}
	cwd, err := os.Getwd()
	if err != nil {
		return fail(err)
	}
	tool, err := engine.Executable()
	if err != nil {
		return fail(err)
	}
	opts := engine.Options{Tool: tool, Patterns: fs.Args(), Tags: *tags}
	fs.Visit(func(f *flag.Flag) {
		name := strings.TrimPrefix(f.Name, analyzer.Name+".")
		if analyzer.Analyzer.Flags.Lookup(name) != nil {
			opts.ToolFlags = append(opts.ToolFlags, "-"+analyzer.Name+"."+name+"="+f.Value.String())
		}
	})
	if wantsInventory(fs) {
		return runInventory(opts, *format, *tests, cwd, stdout, stderr)
	}
	res, err := engine.Run(context.Background(), opts)
	if err != nil {
		return fail(err)
	}
	diags := res.Diagnostics
	if !*tests {
		diags = diags[:0:0]
		for _, d := range res.Diagnostics {
			if !strings.HasSuffix(d.Pos.Filename, "_test.go") {
				diags = append(diags, d)
			}
		}
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "%s: warning: %s\n", analyzer.Name, w)
	}
	for _, e := range res.Errors {
		fmt.Fprintln(stderr, e)
	}
	// The findings are those of the packages that could be analysed.
	// Output that a reader takes for the whole truth is withheld when
	// some packages failed; -fix fixes what was found (each fix comes from
	// a package that type-checked) and says that the rest was not.
	withheld := func(what string) int {
		return fail(fmt.Errorf("%d error(s) loading or analysing packages; %s", len(res.Errors), what))
	}

	switch {
	case *format == "sarif":
		// A log that lacks some packages would close their open alerts.
		if len(res.Errors) > 0 {
			return withheld("no SARIF written")
		}
		if err := sarif.Write(stdout, sarif.Convert(diags, cwd, buildVersion())); err != nil {
			return fail(err)
		}
		return exitOK
	case *fix:
		var fixes []apply.Fix
		for _, d := range diags {
			if len(d.Fixes) > 0 { // the first fix, as x/tools' drivers apply
				f := apply.Fix{Pos: engine.Rel(cwd, d.Pos.String()), Message: d.Fixes[0].Message}
				for _, e := range d.Fixes[0].Edits {
					f.Edits = append(f.Edits, apply.Edit(e))
				}
				fixes = append(fixes, f)
			}
		}
		ok := apply.Run(fixes, apply.Options{
			Diff:    *diff,
			Names:   func(paths []string) map[string]string { return engine.PackageNames(paths, *tags) },
			Display: func(name string) string { return engine.Rel(cwd, name) },
			Prefix:  analyzer.Name + ": ",
			Stdout:  stdout,
			Stderr:  stderr,
		})
		switch {
		case len(res.Errors) > 0 && *diff:
			return withheld("the diff shows only the packages analysed")
		case len(res.Errors) > 0:
			return withheld("only the packages analysed were fixed")
		case !ok:
			return exitError
		}
		return exitOK
	case *jsonOut:
		if err := render.JSON(stdout, diags, cwd); err != nil {
			return fail(err)
		}
	default:
		render.Text(stderr, diags, cwd, render.TextOptions{Context: *contextLines, Verbose: *verbose})
	}
	switch {
	case len(res.Errors) > 0:
		return exitError
	case len(diags) > 0 && !*jsonOut:
		return exitFindings
	}
	return exitOK
}

// unitFlag reports whether go vet and go fix may pass the flag on to the
// tool (-flags): the output flags of the protocol and the analyzer's.
func unitFlag(name string) bool {
	switch name {
	case "json", "c", "fix", "diff":
		return true
	}
	return analyzer.Analyzer.Flags.Lookup(strings.TrimPrefix(name, analyzer.Name+".")) != nil
}

// anyValue is a flag.Value that accepts anything.
type anyValue struct{}

func (anyValue) String() string   { return "" }
func (anyValue) Set(string) error { return nil }

// buildVersion is the main module's version, as stamped by go install
// MODULE@VERSION, or "(devel)".
func buildVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
