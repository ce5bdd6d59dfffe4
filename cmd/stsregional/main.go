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
// go vet -vettool=<itself> -json, so that each package is type-checked in
// its own process and its results kept in the go build cache, then prints
// or applies what it reported. Run stsregional -help for the flags; the
// README documents them and the exit codes.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/stsregional/stsregional/analyzer"
	"github.com/stsregional/stsregional/internal/apply"
	"github.com/stsregional/stsregional/internal/engine"
	"github.com/stsregional/stsregional/internal/render"
	"github.com/stsregional/stsregional/internal/sarif"
)

// unitAnalyzer is the analyzer run in the go vet protocol; the
// stsregionalnoop build (bench/) replaces it by one that does nothing.
var unitAnalyzer = analyzer.Analyzer

// explain returns the documentation of a check.
var explain = analyzer.Explain

func main() {
	args := os.Args[1:]
	if vetProtocol(args) {
		unitMain(args)
		return
	}
	os.Exit(standalone(args, os.Stdout, os.Stderr))
}

// Exit codes of the standalone modes.
const (
	exitOK       = 0
	exitError    = 1
	exitUsage    = 2
	exitFindings = 3
)

// standalone is main for the standalone modes; it returns the exit code.
func standalone(args []string, stdout, stderr io.Writer) int {
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
		fmt.Fprintf(w, "  -V=full, -flags, FILE.cfg\n    \tthe go vet tool protocol: run it as go vet -vettool=$(which %s)\n", analyzer.Name)
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
	for _, e := range res.Errors {
		fmt.Fprintln(stderr, e)
	}
	// Output that acts on every package, or that a reader takes for the
	// whole truth, is withheld when some packages failed.
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
		if len(res.Errors) > 0 {
			return withheld("no files changed")
		}
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
		if !ok {
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

// unitMain runs the go vet protocol (-V=full, -flags, FILE.cfg) through
// golang.org/x/tools' unitchecker, which parses its own flags.
func unitMain(args []string) {
	// go vet runs the tool on every dependency too, only for facts. The
	// check flags do not matter there, and a bad one would be reported
	// once per dependency: accept any value.
	if factsOnly(args) {
		unitAnalyzer.Flags.VisitAll(func(f *flag.Flag) { f.Value = anyValue{} })
	}
	// go vet and go fix forward only the flags the tool lists with -flags;
	// singlechecker registers the analyzer's flags unprefixed (-disable), so
	// also accept the -stsregional.disable spelling of multi-analyzer tools.
	unitAnalyzer.Flags.VisitAll(func(f *flag.Flag) {
		flag.Var(f.Value, analyzer.Name+"."+f.Name, "same as -"+f.Name)
	})
	singlechecker.Main(unitAnalyzer)
}

// vetProtocol reports whether go vet or go fix runs the tool: on a unit
// configuration file, to ask its version (-V) or its flags (-flags).
func vetProtocol(args []string) bool {
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		return true
	}
	for _, a := range args {
		if a == "--" || !strings.HasPrefix(a, "-") {
			break
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name == "V" || name == "flags" {
			return true
		}
	}
	return false
}

// factsOnly reports whether the tool runs under go vet or go fix on a
// package that is only a dependency of the packages to check.
func factsOnly(args []string) bool {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return false
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil {
		return false // unitchecker reports it
	}
	var cfg struct{ VetxOnly bool }
	return json.Unmarshal(data, &cfg) == nil && cfg.VetxOnly
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
