// Package watch notices when a file changes under the app's feet: the
// profile database written by the command line while the GUI is open.
// It polls a cheap stamp (size and modification time) rather than using
// inotify, because bbolt rewrites its file in place and a poll works the
// same on every OS and file system.
package watch

import (
	"context"
	"fmt"
	"os"
	"time"
)

// Stamp is a file's size and modification time, "" when it does not
// exist (or cannot be read): any write changes it.
func Stamp(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d:%d", fi.Size(), fi.ModTime().UnixNano())
}

// Poll calls onChange each time stamp returns a value other than the one
// before, checking on every tick until ctx ends. The first stamp is the
// baseline: nothing is reported for it.
func Poll(ctx context.Context, ticks <-chan time.Time, stamp func() string, onChange func()) {
	last := stamp()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticks:
			if cur := stamp(); cur != last {
				last = cur
				onChange()
			}
		}
	}
}
