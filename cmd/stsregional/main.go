// Command stsregional reports Go code whose AWS STS calls go to the global
// endpoint sts.amazonaws.com instead of a regional one, and offers fixes.
//
// One binary serves every driver:
//
//	stsregional [flags] ./...                      # findings as text
//	stsregional -json ./...                        # findings as JSON
//	stsregional -format=sarif ./... > out.sarif    # one SARIF 2.1.0 log
//	stsregional -fix ./...                         # apply the fixes
//	stsregional -fix -diff ./... | git apply       # print them as a diff
//	stsregional -explain STS003                    # a check's documentation
//
// and as a go vet or go fix tool (the && stops the go command from running
// without the tool when it is not installed):
//
//	tool=$(command -v stsregional) && go vet -vettool="$tool" ./...
//	tool=$(command -v stsregional) && go fix -fixtool="$tool" ./...
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
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/stsregional/stsregional/analyzer"
	"github.com/stsregional/stsregional/internal/apply"
	"github.com/stsregional/stsregional/internal/engine"
	"github.com/stsregional/stsregional/internal/progress"
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
	jsonOut := fs.Bool("json", false, "print the findings, with their fixes and documentation URLs, as JSON on stdout (exit 0 even with findings); same as -format=json")
	var contextLines contextFlag
	fs.Var(&contextLines, "c", "show `N` lines of source around each finding (none without -c)")
	verbose := fs.Bool("v", false, "show each finding's documentation URL")
	fix := fs.Bool("fix", false, "apply the first suggested fix of every finding, writing each file atomically; print the findings left unfixed (exit 3 if any)")
	diff := fs.Bool("diff", false, "with -fix, print the fixes as a unified diff for git apply instead of applying them")
	format := fs.String("format", "text", "output `format`: text, json (same as -json), or sarif for one SARIF 2.1.0 log on stdout (exit 0 even with findings); with -inventory: text, json or markdown")
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
		fmt.Fprintf(w, "\nAs a go vet or go fix tool (the && stops go vet from running without it):\n"+
			"  tool=$(command -v %s) && go vet -vettool=\"$tool\" ./...\n", analyzer.Name)
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
	// -json and -format=json are one output, spelt either way.
	if *jsonOut {
		if isSet(fs, "format") && *format != "json" {
			return bad(fmt.Errorf("-json is -format=json; it does not combine with -format=%s", *format))
		}
		*format = "json"
	}
	if *format == "json" && !wantsInventory(fs) {
		*jsonOut = true
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
			JSON: *jsonOut, Fix: *fix, Diff: *diff, Context: contextLines.lines(),
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
	case *format != "text" && *format != "json" && *format != "sarif":
		return bad(fmt.Errorf("unknown -format %q (known: text, json, sarif)", *format))
	case *format == "sarif" && (*fix || *diff || contextLines.on):
		return bad(errors.New("-format=sarif does not combine with -fix, -diff or -c"))
	case *diff && !*fix:
		return bad(errors.New("-diff needs -fix"))
	case *fix && (*jsonOut || contextLines.on):
		return bad(errors.New("-fix does not combine with -json (-format=json) or -c"))
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
	// A cold build cache makes a large module take minutes: say so on a
	// terminal.
	prog := progress.New(stderr, progress.IsTerminal(stderr))
	prog.Step("analysing " + strings.Join(opts.Patterns, " "))
	res, err := engine.Run(context.Background(), opts)
	prog.Done()
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
	// The findings are those of the packages that could be analysed.
	// Output that a reader takes for the whole truth is withheld when
	// some packages failed; -fix fixes what was found (each fix comes from
	// a package that type-checked) and says that the rest was not.
	withheld := func(what string) int {
		printErrors(stderr, res.Errors, what)
		return exitError
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
		code := runFix(diags, cwd, *tags, *diff, *verbose, stdout, stderr)
		switch {
		case len(res.Errors) > 0 && *diff:
			return withheld("the diff shows only the packages analysed")
		case len(res.Errors) > 0:
			return withheld("only the packages analysed were fixed")
		}
		return code
	case *jsonOut:
		printErrors(stderr, res.Errors, "")
		if err := render.JSON(stdout, diags, cwd); err != nil {
			return fail(err)
		}
	default:
		printErrors(stderr, res.Errors, "")
		render.Text(stdout, diags, cwd, render.TextOptions{Context: contextLines.lines(), Verbose: *verbose})
	}
	switch {
	case len(res.Errors) > 0:
		return exitError
	case len(diags) > 0 && !*jsonOut:
		return exitFindings
	}
	return exitOK
}

// runFix applies the first fix of every diagnostic (as x/tools' drivers
// do) and prints, as the text mode does, the findings it left unfixed: those
// without a fix, and those whose fix was not applied (overlapping another,
// in a generated or read-only file). The exit code is 1 if a file could not
// be fixed, else 3 if findings are left, else 0: a pre-commit hook fails
// while findings remain. With diff, stdout is the patch alone and the
// findings go to stderr.
func runFix(diags []engine.Diagnostic, cwd, tags string, diff, verbose bool, stdout, stderr io.Writer) int {
	var fixes []apply.Fix
	var fixed []int // the diagnostic of each fix
	for i, d := range diags {
		if len(d.Fixes) > 0 {
			f := apply.Fix{Pos: engine.Rel(cwd, d.Pos.String()), Message: d.Fixes[0].Message}
			for _, e := range d.Fixes[0].Edits {
				f.Edits = append(f.Edits, apply.Edit(e))
			}
			fixes = append(fixes, f)
			fixed = append(fixed, i)
		}
	}
	ok, left := apply.Run(fixes, apply.Options{
		Diff:    diff,
		Names:   func(paths []string) map[string]string { return engine.PackageNames(paths, tags) },
		Display: func(name string) string { return engine.Rel(cwd, name) },
		DiffHeaders: func(name string) (string, string) {
			name = filepath.ToSlash(name)
			return "a/" + name, "b/" + name // git apply, patch -p1
		},
		Prefix: analyzer.Name + ": ",
		Stdout: stdout,
		Stderr: stderr,
	})
	unfixed := map[int]bool{}
	for i, d := range diags {
		unfixed[i] = len(d.Fixes) == 0
	}
	for _, f := range left {
		unfixed[fixed[f]] = true
	}
	var rest []engine.Diagnostic
	for i, d := range diags {
		if unfixed[i] {
			rest = append(rest, d)
		}
	}
	out := stdout
	if diff {
		out = stderr
	}
	render.Text(out, rest, cwd, render.TextOptions{Context: -1, Verbose: verbose})
	switch {
	case !ok:
		return exitError
	case len(rest) > 0:
		return exitFindings
	}
	return exitOK
}

// printErrors prints load and analysis errors, one line each. When output
// is withheld because of them, what says which ("no files changed"): with
// one error, on its line, so that a syntax error is one line; with more, on
// a line of its own after them.
func printErrors(w io.Writer, errs []string, what string) {
	if len(errs) == 1 && what != "" {
		fmt.Fprintf(w, "%s; %s\n", errs[0], what)
		return
	}
	for _, e := range errs {
		fmt.Fprintln(w, e)
	}
	if len(errs) > 1 && what != "" {
		fmt.Fprintf(w, "%s: %d errors loading or analysing packages; %s\n", analyzer.Name, len(errs), what)
	}
}

// isSet reports whether the flag name was given on the command line.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// contextFlag is -c=N: N lines of source around each finding, none when
// the flag is not given (x/tools' -c defaults to -1 for that, which -help
// would show as "default -1"). A negative N is none too, as in x/tools.
type contextFlag struct {
	n  int
	on bool
}

func (c *contextFlag) String() string {
	if c == nil || !c.on {
		return ""
	}
	return strconv.Itoa(c.n)
}

func (c *contextFlag) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil {
		return errors.New("parse error")
	}
	c.n, c.on = n, n >= 0
	return nil
}

// lines is the number of context lines, -1 for none.
func (c *contextFlag) lines() int {
	if !c.on {
		return -1
	}
	return c.n
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
