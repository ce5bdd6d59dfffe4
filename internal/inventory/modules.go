package inventory

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// ModuleRoots returns the root directories of the modules to analyse under
// dir, sorted: the use directives of dir/go.work if there is one (and
// GOWORK is not "off"), else every directory under dir holding a go.mod,
// dir included, skipping vendor and testdata directories and those whose
// names start with "." or "_" (the go command ignores them too). The
// go command analyses one module at a time outside a workspace, so a
// repository with several modules is one run per root.
func ModuleRoots(dir string) ([]string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if os.Getenv("GOWORK") != "off" {
		work := filepath.Join(dir, "go.work")
		data, err := os.ReadFile(work)
		switch {
		case err == nil:
			return workRoots(work, data)
		case !os.IsNotExist(err):
			return nil, err
		}
	}
	var roots []string
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if path != dir {
			name := d.Name()
			if name == "vendor" || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
		}
		if fi, err := os.Stat(filepath.Join(path, "go.mod")); err == nil && fi.Mode().IsRegular() {
			roots = append(roots, path)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(roots) == 0 {
		return nil, fmt.Errorf("no go.mod or go.work in or under %s", dir)
	}
	return roots, nil
}

// workRoots returns the directories named by the use directives of the
// go.work file work, whose content is data: "use dir" and "use ( dir …
// )", paths relative to the file's directory or absolute, quoted or not.
func workRoots(work string, data []byte) ([]string, error) {
	base := filepath.Dir(work)
	var roots []string
	inBlock := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.Index(line, "//"); i >= 0 && !strings.Contains(line[:i], `"`) {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		var arg string
		switch {
		case line == "":
			continue
		case inBlock && line == ")":
			inBlock = false
			continue
		case inBlock:
			arg = line
		case line == "use (" || strings.HasPrefix(line, "use") && strings.TrimSpace(line[3:]) == "(":
			inBlock = true
			continue
		case strings.HasPrefix(line, "use ") || strings.HasPrefix(line, "use\t"):
			arg = strings.TrimSpace(line[4:])
		default:
			continue // go, toolchain, replace, godebug: not module roots
		}
		if strings.HasPrefix(arg, `"`) || strings.HasPrefix(arg, "`") {
			s, err := strconv.Unquote(arg)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: bad use path %s", work, n, arg)
			}
			arg = s
		}
		p := filepath.FromSlash(arg)
		if !filepath.IsAbs(p) {
			p = filepath.Join(base, p)
		}
		if _, err := os.Stat(filepath.Join(p, "go.mod")); err != nil {
			return nil, fmt.Errorf("%s:%d: %s has no go.mod", work, n, arg)
		}
		roots = append(roots, filepath.Clean(p))
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if inBlock {
		return nil, fmt.Errorf("%s: unterminated use block", work)
	}
	if len(roots) == 0 {
		return nil, fmt.Errorf("%s uses no module", work)
	}
	slices.Sort(roots)
	return slices.Compact(roots), nil
}
