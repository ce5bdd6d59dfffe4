package unit

import (
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// PrintFlags prints, as JSON, the flags of fs that go vet and go fix may
// pass on to the tool (the -flags request): those forward accepts.
func PrintFlags(w io.Writer, fs *flag.FlagSet, forward func(name string) bool) error {
	type jsonFlag struct {
		Name  string
		Bool  bool
		Usage string
	}
	var list []jsonFlag
	fs.VisitAll(func(f *flag.Flag) {
		if forward(f.Name) {
			b, ok := f.Value.(interface{ IsBoolFlag() bool })
			list = append(list, jsonFlag{f.Name, ok && b.IsBoolFlag(), f.Usage})
		}
	})
	data, err := json.MarshalIndent(list, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// PrintVersion answers -V=full: a version line whose build ID is a hash of
// the executable, so that the go command's cache keeps the results of
// different builds of the tool apart.
func PrintVersion(w io.Writer, v string) error {
	if v != "full" {
		return fmt.Errorf("unsupported flag value: -V=%s (use -V=full)", v)
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s version devel comments-go-here buildID=%x\n", filepath.Base(exe), sha256.Sum256(data))
	return err
}
