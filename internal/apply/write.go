package apply

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// errNoWriteBit is Writable's error for a file without any write bit.
var errNoWriteBit = errors.New("no write permission bit is set")

// Writable returns an error unless the user may write the file name (a
// symbolic link's target), as gofmt -w and go fix require: WriteAtomic
// replaces a file by a rename, which needs only the directory to be
// writable, and would otherwise overwrite a file its owner made read-only.
// A file with no write bit for anyone is refused even to root, whom
// access(2) lets write anything; other files must pass access(2)'s W_OK
// check where the system has one.
func Writable(name string) error {
	target, fi, err := resolve(name)
	if err != nil {
		return err
	}
	if fi.Mode().Perm()&0o222 == 0 {
		return errNoWriteBit
	}
	return canWrite(target)
}

// resolve returns the file a name denotes, a symbolic link followed, and
// its information: what Writable checks and WriteAtomic replaces.
func resolve(name string) (string, os.FileInfo, error) {
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return "", nil, err
	}
	fi, err := os.Stat(target)
	return target, fi, err
}

// tempWrite writes the new content to the temporary file; tests replace it
// to simulate a failure mid-write (a full disk).
var tempWrite = func(f *os.File, data []byte) error {
	_, err := f.Write(data)
	return err
}

// WriteAtomic replaces the content of the file name by data, so that the
// file has either its old or its new content whatever happens: it writes a
// temporary file in the same directory, syncs it, gives it the permission
// bits of the original, then renames it over the original. The temporary
// file is removed on any error. A symbolic link is followed: its target is
// replaced, the link kept.
//
// It does not check that the user may write the file: see Writable.
func WriteAtomic(name string, data []byte) (err error) {
	target, fi, err := resolve(name)
	if err != nil {
		return err
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".stsregional-*")
	if err != nil {
		return fmt.Errorf("%s not fixed: %v", name, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			err = fmt.Errorf("%s not fixed: %v", name, err)
		}
	}()
	if err := tempWrite(tmp, data); err != nil {
		return err
	}
	if err := tmp.Chmod(fi.Mode().Perm()); err != nil && runtime.GOOS != "windows" {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename in dir durable where the system allows it.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
