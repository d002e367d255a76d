//go:build unix

package envfile

import (
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives the new file the old file's owner when allowed (root
// editing another user's .env); otherwise the file keeps ours.
func keepOwner(f *os.File, old fs.FileInfo) {
	if st, ok := old.Sys().(*syscall.Stat_t); ok {
		_ = f.Chown(int(st.Uid), int(st.Gid))
	}
}
