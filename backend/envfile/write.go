package envfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// ErrExists means a new file would overwrite an existing one.
var ErrExists = errors.New("file already exists")

// NewFileMode is the mode of files this package creates: they hold keys.
const NewFileMode fs.FileMode = 0o600

// WriteNew writes a new file with mode 0600. An existing file is refused
// unless force is set; then it is backed up first and replaced atomically.
// It returns the backup path ("" if there was nothing to back up).
func WriteNew(path, content string, force bool, now time.Time) (string, error) {
	target, err := resolve(path)
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(target); err == nil {
		if !force {
			return "", fmt.Errorf("%s: %w", path, ErrExists)
		}
		return replace(target, content, NewFileMode, now)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	return "", atomicWrite(target, content, NewFileMode, nil)
}

// WriteMerged replaces an existing file with merged content, keeping its
// mode and owner, after backing the old file up next to it. want is the
// content the merge was computed from: if the file changed since, nothing
// is written. private takes the group's and others' permissions away
// (0644 becomes 0600); a mode is never loosened.
func WriteMerged(path, want, content string, now time.Time, private bool) (string, error) {
	target, err := resolve(path)
	if err != nil {
		return "", err
	}
	cur, err := ReadFile(target)
	if err != nil {
		return "", err
	}
	if string(cur) != want {
		return "", fmt.Errorf("%s changed since the diff was made; nothing was written, run the merge again", path)
	}
	fi, err := os.Stat(target)
	if err != nil {
		return "", err
	}
	mode := fi.Mode().Perm()
	if private {
		mode = Private(mode)
	}
	return replace(target, content, mode, now)
}

// replace backs target up, then writes content over it atomically.
func replace(target, content string, mode fs.FileMode, now time.Time) (string, error) {
	fi, err := os.Stat(target)
	if err != nil {
		return "", err
	}
	old, err := os.ReadFile(target) // WriteNew's --force target may be any file
	if err != nil {
		return "", err
	}
	backup := target + ".bak-" + now.Format("20060102-150405")
	for i := 2; ; i++ {
		if _, err := os.Lstat(backup); errors.Is(err, fs.ErrNotExist) {
			break
		}
		backup = fmt.Sprintf("%s.bak-%s-%d", target, now.Format("20060102-150405"), i)
	}
	// The backup holds the same secrets: never more readable than 0600.
	if err := atomicWrite(backup, string(old), 0o600, fi); err != nil {
		return "", fmt.Errorf("back up %s: %w", target, err)
	}
	if err := atomicWrite(target, content, mode, fi); err != nil {
		return backup, err
	}
	return backup, nil
}

// resolve follows a symlink so that the link keeps pointing at the file
// instead of being replaced by a regular file.
func resolve(path string) (string, error) {
	if path == "" {
		return "", errors.New("no file given")
	}
	if t, err := filepath.EvalSymlinks(path); err == nil {
		return t, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	return path, nil
}

// atomicWrite writes to a temp file in the same directory, syncs it and
// renames it over path, so a crash leaves either the old or the new file.
func atomicWrite(path, content string, mode fs.FileMode, owner fs.FileInfo) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if err := tmp.Chmod(mode); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if owner != nil {
		keepOwner(tmp, owner)
	}
	if _, err := tmp.WriteString(content); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	ok = true
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}
