package envfile

import (
	"fmt"
	"io/fs"
)

// A merge writes the real key into a file that already exists, with the
// mode it has: a .env made by hand or by an installer is often 0644, so
// everyone on the machine could read the key. The merge says so before it
// writes, and can tighten the mode; it never loosens one.

// OthersCanRead reports whether users other than the owner may read a
// file of this mode (its group or everyone).
func OthersCanRead(mode fs.FileMode) bool { return mode.Perm()&0o044 != 0 }

// Private is mode without the group's and others' permissions: 0644
// becomes 0600, 0440 becomes 0400. It is never looser than mode.
func Private(mode fs.FileMode) fs.FileMode { return mode.Perm() &^ 0o077 }

// ModeText is a mode as chmod takes it ("0644").
func ModeText(mode fs.FileMode) string { return fmt.Sprintf("%04o", mode.Perm()) }

// ModeWarning says who else can read a file the key goes into, or "".
func ModeWarning(path string, mode fs.FileMode) string {
	if !OthersCanRead(mode) {
		return ""
	}
	who := "other users on this machine"
	if mode.Perm()&0o004 == 0 {
		who = "the members of its group"
	}
	return fmt.Sprintf("%s is readable by %s (mode %s): the key written into it will be too; tighten it to %s so only its owner can read it",
		path, who, ModeText(mode), ModeText(Private(mode)))
}
