// Command stsregional reports Go code whose AWS STS calls go to the global
// endpoint sts.amazonaws.com instead of a regional one, and offers fixes.
//
// One binary serves every driver:
//
//	stsregional [flags] ./...                      # standalone
//	stsregional -fix ./...                         # apply suggested fixes
//	stsregional -fix -diff ./...                   # print the fixes as a diff
//	stsregional -format=sarif ./... > out.sarif    # one SARIF 2.1.0 log
//	go vet -vettool=$(which stsregional) ./...     # as a go vet tool
//	go fix -fixtool=$(which stsregional) ./...     # as a go fix tool (Go 1.26+)
//
// Give -vettool and -fixtool an absolute path (as $(which stsregional) does):
// an empty -vettool= silently runs the default vet suite instead.
//
// Flags:
//
//	-enable=IDS    comma-separated check IDs to run instead of the defaults
//	-disable=IDS   comma-separated check IDs not to run (wins over -enable)
//	-json          print findings as JSON on stdout
//	-c=N           show N lines of context around each finding
//	-fix, -diff    apply the suggested fixes, or print them as a unified diff
//	-test=false    do not analyze test files
//	-format=F      text (the default) or sarif: write one SARIF 2.1.0 log
//	               (GitHub code scanning) to stdout; combines with -enable,
//	               -disable, -assume-env-regional and -test, not with -json,
//	               -c, -fix or -diff
//	-version       print "stsregional VERSION" and exit
//	-help          print the full list of flags
//
// -fix applies the first suggested fix of each finding. It writes each file
// atomically: a temporary file in the same directory, then a rename. The
// file keeps its permission bits and is written only if the fixed source
// parses (after gofmt and the removal of the imports the fixes left
// unused); a fix that overlaps another is left for a re-run, with a
// warning. On load or type errors -fix writes nothing.
//
// Check IDs are STS001 to STS007. Under go vet and go fix the check flags are
// spelled either -enable/-disable or -stsregional.enable/-stsregional.disable.
//
// Exit codes of the standalone mode:
//
//	0  no findings; with -json or -fix, also when there are findings (-fix:
//	   the fixes were applied, or there was nothing to fix)
//	1  error: a pattern matches no package, packages fail to load or have
//	   syntax or type errors (also with -json), an analysis failed, no
//	   package was given (the usage is printed), or -fix could not write a
//	   file or its fixes did not give valid Go
//	2  bad command line: unknown flag, bad flag value such as an unknown
//	   check ID
//	3  findings were reported
//
// With -format=sarif the exit code is 0 whenever the log was written,
// findings or not (as staticcheck does: an upload step must not fail on
// findings); 1 when packages fail to load or have errors, or the analysis
// fails: the errors go to stderr and nothing to stdout, since a log that
// silently lacks some packages would close their open alerts; 2 for a bad
// command line, such as -format=xml. SARIF columns count UTF-16 code units
// (run.columnKind); paths are relative to the current directory, the
// %SRCROOT% base.
//
// Under go vet, findings, errors and bad flags all exit 1 (-json exits 0).
// go fix applies the fixes and exits 0; with -diff, as go vet -fix -diff, it
// exits 1 when the diff is not empty.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/stsregional/stsregional/analyzer"
)

func main() {
	args := os.Args[1:]
	if wantsVersion(args) {
		fmt.Printf("%s %s\n", analyzer.Name, version())
		os.Exit(0)
	}

	if wantsInventory(args) && !vetProtocol(args) {
		os.Exit(runInventory(args, os.Stdout, os.Stderr))
	}
	if wantsSARIF(args) {
		os.Exit(runSARIF(args, os.Stdout, os.Stderr))
	}
	// Standalone -fix writes the files itself, atomically; -fix -diff and
	// the go vet and go fix protocols stay with singlechecker.
	if wantsFix(args) {
		os.Exit(runFix("", args, os.Stdout, os.Stderr))
	}
	// -format=text is the default mode below. The flag is not offered to go
	// vet and go fix (-flags), which have no use for it.
	if !vetProtocol(args) {
		format := formatValue("text")
		flag.Var(&format, "format", formatUsage)
	}

	// go vet runs the tool on every dependency too, only to export type
	// information. The check flags do not matter there, and a bad one would
	// be reported once per dependency: accept any value.
	if factsOnly(args) {
		analyzer.Analyzer.Flags.VisitAll(func(f *flag.Flag) { f.Value = anyValue{} })
	}

	// go vet and go fix forward only the flags the tool lists with -flags;
	// singlechecker registers the analyzer's flags unprefixed (-disable), so
	// also accept the -stsregional.disable spelling of multi-analyzer tools.
	analyzer.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
		flag.Var(f.Value, analyzer.Name+"."+f.Name, "same as -"+f.Name)
	})

	// On a bad command line, print the flag package's one-line error and a
	// hint instead of the whole manual; -help still prints it all.
	flag.CommandLine.Usage = func() {
		if wantsHelp(args) {
			flag.Usage()
			return
		}
		fmt.Fprintf(os.Stderr, "Run '%s -help' for usage.\n", analyzer.Name)
	}

	singlechecker.Main(analyzer.Analyzer)
}

// wantsVersion reports whether the flags (the arguments before the first
// non-flag) include -version or --version.
func wantsVersion(args []string) bool {
	for _, a := range flagArgs(args) {
		switch a {
		case "-version", "--version", "-version=true", "--version=true":
			return true
		}
	}
	return false
}

// wantsHelp reports whether the flags ask for help, as the flag package
// understands it.
func wantsHelp(args []string) bool {
	for _, a := range flagArgs(args) {
		switch strings.TrimLeft(a, "-") {
		case "h", "help":
			return true
		}
	}
	return false
}

// flagArgs returns the leading arguments that look like flags.
func flagArgs(args []string) []string {
	for i, a := range args {
		if a == "--" || !strings.HasPrefix(a, "-") || a == "-" {
			return args[:i]
		}
	}
	return args
}

// factsOnly reports whether the tool runs under go vet or go fix (the last
// argument is a unit configuration file) on a package that is only a
// dependency of the packages to check.
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

// vetProtocol reports whether go vet or go fix runs the tool: on a unit
// configuration file, or to list its flags.
func vetProtocol(args []string) bool {
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		return true
	}
	for _, a := range flagArgs(args) {
		switch strings.TrimLeft(a, "-") {
		case "flags", "flags=true":
			return true
		}
	}
	return false
}

// anyValue is a flag.Value that accepts anything.
type anyValue struct{}

func (anyValue) String() string   { return "" }
func (anyValue) Set(string) error { return nil }

// version is the main module's version, as stamped by go install
// MODULE@VERSION, or "(devel)".
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
