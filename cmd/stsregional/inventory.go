package main

// stsregional -inventory: the STS map of a code base. Dispatch only: the
// analyzer reports the routes as diagnostics (analyzer/inventory.go), the
// engine runs it through go vet, internal/inventory merges and renders.

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/stsregional/stsregional/analyzer"
	"github.com/stsregional/stsregional/internal/engine"
	"github.com/stsregional/stsregional/internal/inventory"
	"github.com/stsregional/stsregional/internal/progress"
)

// inventoryFormats are the -format values of -inventory.
var inventoryFormats = []string{"text", "json", "markdown"}

// wantsInventory reports whether the parsed flags ask for the inventory
// (the analyzer's -inventory flag, in either spelling).
func wantsInventory(fs *flag.FlagSet) bool {
	on := false
	fs.Visit(func(f *flag.Flag) {
		if strings.TrimPrefix(f.Name, analyzer.Name+".") == "inventory" {
			on = f.Value.String() == "true"
		}
	})
	return on
}

// checkInventoryFlags rejects flags -inventory does not combine with.
func checkInventoryFlags(fs *flag.FlagSet) error {
	format := fs.Lookup("format").Value.String()
	if !slices.Contains(inventoryFormats, format) {
		return fmt.Errorf("unknown -format %q for -inventory (known: %s)", format, strings.Join(inventoryFormats, ", "))
	}
	var bad []string
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "fix", "diff", "c", "v":
			bad = append(bad, "-"+f.Name)
		}
	})
	if len(bad) > 0 {
		return fmt.Errorf("-inventory does not combine with %s", strings.Join(bad, ", "))
	}
	return nil
}

// runInventory lists the STS routes of the packages opts names and returns
// the exit code: 0 when the inventory was written (findings or not: it is
// a report, not a gate), 1 when packages fail to load or the analysis
// fails (nothing is written to stdout then: an inventory silently missing
// packages would mislead).
//
// The patterns ./... in a repository of several modules (a go.work, or
// go.mod files below the working directory) are one engine run per module
// root, merged; other patterns name packages of the current module.
func runInventory(opts engine.Options, format string, tests bool, cwd string, stdout, stderr io.Writer) int {
	dirs := []string{cwd}
	if len(opts.Patterns) == 1 && opts.Patterns[0] == "./..." {
		if roots, err := inventory.ModuleRoots(cwd); err == nil {
			dirs = roots
		}
	}
	progress := progress.New(stderr, progress.IsTerminal(stderr))
	defer progress.Done()
	var rows []inventory.Row
	var errs, warnings []string
	for i, dir := range dirs {
		progress.Step(fmt.Sprintf("module %d/%d: %s", i+1, len(dirs), filepath.ToSlash(engine.Rel(cwd, dir))))
		o := opts
		o.Dir = dir
		res, err := engine.Run(context.Background(), o)
		if err != nil {
			progress.Done()
			fmt.Fprintf(stderr, "%s: %s: %s\n", analyzer.Name, engine.Rel(cwd, dir), engine.OneLine(err.Error()))
			return exitError
		}
		errs = append(errs, res.Errors...)
		warnings = append(warnings, res.Warnings...)
		for _, d := range res.Diagnostics {
			if !inventory.IsRoute(d.Category, d.Message) {
				continue // a finding: the row names its check
			}
			r, err := inventory.Decode(d.Message)
			if err != nil {
				errs = append(errs, d.Pos.String()+": "+err.Error())
				continue
			}
			if tests || !strings.HasSuffix(r.File, "_test.go") {
				rows = append(rows, r)
			}
		}
	}
	progress.Done()
	for _, w := range engine.Distinct(warnings) {
		fmt.Fprintf(stderr, "%s: warning: %s\n", analyzer.Name, w)
	}
	if len(errs) > 0 {
		errs = engine.Distinct(errs)
		for i, e := range errs {
			errs[i] = engine.OneLine(e)
		}
		printErrors(stderr, errs, "no inventory written")
		return exitError
	}

	doc := inventory.New(rows, cwd)
	var err error
	switch format {
	case "json":
		err = doc.WriteJSON(stdout)
	case "markdown":
		err = doc.WriteMarkdown(stdout)
	default:
		err = doc.WriteText(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", analyzer.Name, err)
		return exitError
	}
	return exitOK
}

var errNoPatterns = errors.New("-inventory needs package patterns, e.g. ./...")
