package apply

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

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
func WriteAtomic(name string, data []byte) (err error) {
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return err
	}
	fi, err := os.Stat(target)
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
