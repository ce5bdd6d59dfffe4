package main

// stsregional -inventory: the STS map of a code base. Flag parsing and
// dispatch only: the analyzer reports the routes (as diagnostics, see
// analyzer/inventory.go), internal/inventory merges and renders them.

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/stsregional/stsregional/analyzer"
	"github.com/stsregional/stsregional/internal/inventory"
)

// wantsInventory reports whether the flags ask for the inventory.
func wantsInventory(args []string) bool {
	for _, a := range flagArgs(args) {
		switch strings.TrimLeft(a, "-") {
		case "inventory", "inventory=true", "inventory=1":
			return true
		}
	}
	return false
}

// inventoryFormats are the -format values of the inventory.
var inventoryFormats = []string{"text", "json", "markdown"}

// runInventory runs stsregional -inventory and returns the exit code: 0
// when the inventory was written (findings or not: it is a report, not a
// gate), 1 when packages fail to load or the analysis fails (nothing is
// written to stdout then: an inventory silently missing packages would be
// wrong), 2 for a bad command line.
func runInventory(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(analyzer.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Bool("inventory", true, "list every STS route instead of the findings")
	format := fs.String("format", "text", "output format: "+strings.Join(inventoryFormats, ", "))
	tags := fs.String("tags", "", "comma-separated build tags")
	tests := fs.Bool("test", true, "include routes in _test.go files")
	var cfg analyzer.Config
	enable, disable := fs.String("enable", "", "check IDs whose findings the routes name (default: the default checks)"), fs.String("disable", "", "check IDs not to run")
	fs.BoolVar(&cfg.AssumeEnvRegional, "assume-env-regional", false, "treat v1 sessions that read AWS_STS_REGIONAL_ENDPOINTS as regional")
	hint := fmt.Sprintf("Run '%s -help' for usage.", analyzer.Name)
	usage := func(err error) int {
		fmt.Fprintf(stderr, "%s: %v\n%s\n", analyzer.Name, err, hint)
		return 2
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, hint)
			return 0
		}
		return usage(err)
	}
	if !contains(inventoryFormats, *format) {
		return usage(fmt.Errorf("-inventory: unknown -format %q (want %s)", *format, strings.Join(inventoryFormats, ", ")))
	}
	cfg.Enable, cfg.Disable = splitIDs(*enable), splitIDs(*disable)
	if err := cfg.Validate(); err != nil {
		return usage(err)
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		return usage(errors.New("-inventory needs package patterns, e.g. ./..."))
	}
	cwd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", analyzer.Name, err)
		return 1
	}

	// ./... in a repository of several modules (a go.work, or go.mod files
	// below the current directory) is one run per module; other patterns
	// name packages of the current module.
	type run struct{ dir string }
	runs := []run{{cwd}}
	if len(patterns) == 1 && patterns[0] == "./..." {
		if roots, err := inventory.ModuleRoots(cwd); err == nil && !(len(roots) == 1 && roots[0] == cwd) {
			runs = runs[:0]
			for _, r := range roots {
				runs = append(runs, run{r})
			}
		}
	}

	progress := inventory.NewProgress(stderr)
	defer progress.Done()
	var rows []inventory.Row
	var errs []string
	for i, r := range runs {
		rel, _ := filepath.Rel(cwd, r.dir)
		progress.Step(fmt.Sprintf("module %d/%d: %s", i+1, len(runs), filepath.ToSlash(rel)))
		res, err := routes(r.dir, patterns, *tags, *tests, cfg)
		if err != nil {
			progress.Done()
			fmt.Fprintf(stderr, "%s: %s: %s\n", analyzer.Name, filepath.ToSlash(rel), flatten(err.Error()))
			return 1
		}
		rows = append(rows, res.rows...)
		errs = append(errs, res.errs...)
	}
	progress.Done()
	if len(errs) > 0 {
		for _, e := range distinct(errs) {
			fmt.Fprintln(stderr, flatten(e))
		}
		fmt.Fprintf(stderr, "%s: %d error(s) loading or analysing packages; no inventory written\n", analyzer.Name, len(distinct(errs)))
		return 1
	}
	if !*tests {
		kept := rows[:0]
		for _, r := range rows {
			if !strings.HasSuffix(r.File, "_test.go") {
				kept = append(kept, r)
			}
		}
		rows = kept
	}

	doc := inventory.New(rows, cwd)
	switch *format {
	case "json":
		err = doc.WriteJSON(stdout)
	case "markdown":
		err = doc.WriteMarkdown(stdout)
	default:
		err = doc.WriteText(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", analyzer.Name, err)
		return 1
	}
	return 0
}

// routeResult is what one engine run gives the inventory: the rows, and
// the load or analysis errors, one line each.
type routeResult struct {
	rows []inventory.Row
	errs []string
}

// rowsOf separates the route diagnostics from the findings and decodes
// them. A route diagnostic that does not decode (another version of the
// tool under go vet's cache, say) is an error, not a silent gap.
func rowsOf(diags []routeDiag) ([]inventory.Row, []string) {
	var rows []inventory.Row
	var errs []string
	for _, d := range diags {
		if !inventory.IsRoute(d.category, d.message) {
			continue
		}
		r, err := inventory.Decode(d.message)
		if err != nil {
			errs = append(errs, d.pos+": "+err.Error())
			continue
		}
		rows = append(rows, r)
	}
	return rows, errs
}

// A routeDiag is the part of a diagnostic the inventory reads.
type routeDiag struct {
	pos, category, message string
}

// flatten joins the lines of a multi-line error (the go command's) into one.
func flatten(s string) string { return strings.Join(strings.Fields(s), " ") }

func splitIDs(s string) []string {
	var ids []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			ids = append(ids, f)
		}
	}
	return ids
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// distinct returns list without repeated lines, in order.
func distinct(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
