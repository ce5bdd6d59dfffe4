//go:build unix

package apply

import "syscall"

// canWrite asks the system whether the user may write the file: the
// permission bits for its owner, group or others, ACLs, a read-only mount.
func canWrite(name string) error {
	const wOK = 0x2 // W_OK in <unistd.h>
	return syscall.Access(name, wOK)
}
