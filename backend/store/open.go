package store

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Opening the file: every way it can fail becomes one sentence that names
// the file and the cause, and nothing here writes to a file it cannot
// read as a profile database.

var (
	// ErrDamaged means the file is not a readable profile database (cut
	// short, random bytes, another program's file).
	ErrDamaged = errors.New("is not a profile database")
	// ErrEmpty means the file has 0 bytes: a crash or a full disk cut it
	// short before anything was saved in it.
	ErrEmpty = errors.New("is empty (0 bytes)")
	// ErrPermission means the file or its folder may not be read or written.
	ErrPermission = errors.New("permission denied")
)

// Lock waits: the first retry comes after firstDelay, each next one after
// twice as long (at most maxDelay), each with ±50 % jitter so that many
// waiting processes do not retry in step.
const (
	firstDelay = 2 * time.Millisecond
	maxDelay   = 100 * time.Millisecond
)

// errMissing is a read of a file that does not exist yet (no profiles).
var errMissing = errors.New("no database file yet")

func (s *Store) sleep(d time.Duration) {
	if s.Sleep != nil {
		s.Sleep(d)
		return
	}
	time.Sleep(d)
}

func (s *Store) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// open opens the file for reading (shared with other readers) or writing.
// A read of a missing file is errMissing: reading must not create it. A
// write first checks the file read-only, because bbolt opened for writing
// reads pages that a file cut short no longer has.
func (s *Store) open(write bool) (*bolt.DB, error) {
	fi, err := os.Stat(s.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if !write {
			return nil, errMissing
		}
		if err := os.MkdirAll(filepath.Dir(s.Path), 0o700); err != nil {
			return nil, s.describe(err)
		}
	case err != nil:
		return nil, s.describe(err)
	case !fi.Mode().IsRegular():
		return nil, fmt.Errorf("the profile database %s is not a regular file", s.Path)
	case fi.Size() == 0:
		empty, err := s.reallyEmpty(write)
		if err != nil {
			return nil, err
		}
		if empty && !write {
			return nil, s.emptyErr()
		}
	case write:
		db, err := s.openRetrying(false)
		if err != nil {
			return nil, err
		}
		err = s.checkSize(db)
		db.Close()
		if err != nil {
			return nil, err
		}
	}
	db, err := s.openRetrying(write)
	if err != nil {
		return nil, err
	}
	if err := s.checkSize(db); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// openRetrying tries the lock without blocking, and again after a growing,
// jittered pause until Timeout has passed: short contention (many
// processes writing at once) is waited out, a file held for long is
// ErrLocked. A file renamed away while this waited for it (an empty file
// kept aside) is let go and the path opened again.
func (s *Store) openRetrying(write bool) (*bolt.DB, error) {
	start := s.now()
	delay := firstDelay
	for {
		var f *os.File
		// A timeout of 1 ns makes bbolt try the lock once, without waiting.
		db, err := bolt.Open(s.Path, 0o600, &bolt.Options{Timeout: time.Nanosecond, ReadOnly: !write,
			OpenFile: func(name string, flag int, mode os.FileMode) (*os.File, error) {
				var err error
				f, err = os.OpenFile(name, flag, mode)
				return f, err
			}})
		if err == nil {
			if s.stillAtPath(f) {
				return db, nil
			}
			db.Close()
		} else if !errors.Is(err, bolterrors.ErrTimeout) {
			return nil, s.describe(err)
		}
		if s.now().Sub(start) >= s.Timeout {
			return nil, s.lockedErr()
		}
		s.sleep(delay/2 + rand.N(delay))
		delay = min(2*delay, maxDelay)
	}
}

func (s *Store) lockedErr() error {
	return fmt.Errorf("the profile database %s %w (waited %s); close it or try again", s.Path, ErrLocked, s.Timeout.Round(time.Millisecond))
}

func (s *Store) stillAtPath(f *os.File) bool {
	if f == nil {
		return true
	}
	a, err1 := f.Stat()
	b, err2 := os.Stat(s.Path)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}

// reallyEmpty tells an empty file from one another process is creating:
// bbolt writes a new file's first pages under its lock, so a file still
// empty under our lock, and again a moment later, is empty for good. With
// aside it is then moved out of the way while the lock is held.
func (s *Store) reallyEmpty(aside bool) (bool, error) {
	start := s.now()
	delay := firstDelay
	seen := false
	for {
		f, err := os.Open(s.Path)
		if errors.Is(err, fs.ErrNotExist) {
			return false, nil
		}
		if err != nil {
			return false, s.describe(err)
		}
		locked, err := tryLock(f, aside)
		if err != nil {
			f.Close()
			return false, s.describe(err)
		}
		if locked {
			fi, err := f.Stat()
			switch {
			case err != nil:
				f.Close()
				return false, s.describe(err)
			case fi.Size() > 0:
				f.Close()
				return false, nil
			case seen:
				if aside {
					err = s.keepEmptyAside()
				}
				f.Close()
				return true, err
			}
			seen = true
		}
		f.Close()
		if s.now().Sub(start) >= s.Timeout {
			return false, s.lockedErr()
		}
		s.sleep(delay/2 + rand.N(delay))
		delay = min(2*delay, maxDelay)
	}
}

// checkSize refuses a file cut short: its pages reach past its end, and
// reading them would crash the process.
func (s *Store) checkSize(db *bolt.DB) error {
	fi, err := os.Stat(s.Path)
	if err != nil {
		return s.describe(err)
	}
	var need int64
	if err := db.View(func(tx *bolt.Tx) error { need = tx.Size(); return nil }); err != nil {
		return s.describe(err)
	}
	if need > fi.Size() {
		return s.damaged(fmt.Errorf("cut short: %d of its %d bytes are there", fi.Size(), need))
	}
	return nil
}

// describe turns an error from the file system or bbolt into a sentence.
func (s *Store) describe(err error) error {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("cannot open the profile database %s: %w (check the owner and mode of the file and of %s)", s.Path, ErrPermission, filepath.Dir(s.Path))
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("cannot write the profile database %s: it is on a read-only file system", s.Path)
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("cannot write the profile database %s: the disk is full; nothing was saved", s.Path)
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrVersionMismatch),
		errors.Is(err, bolterrors.ErrChecksum), strings.Contains(err.Error(), "file size too small"):
		return s.damaged(err)
	}
	return fmt.Errorf("cannot open the profile database %s: %w", s.Path, err)
}

func isDiskError(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EROFS)
}

// damaged says the file is not a profile database and keeps a copy of it
// (the file itself is left as it is): whatever is recoverable stays so.
func (s *Store) damaged(cause error) error {
	copyPath, err := s.keepCopy()
	kept := "a copy is kept as " + copyPath
	if err != nil {
		kept = "no copy could be made (" + err.Error() + ")"
	}
	return fmt.Errorf("%s %w (%v); %s; move it away (or restore a backup) and kodus-byok starts a new one; keys saved with it stay in the keychain",
		s.Path, ErrDamaged, cause, kept)
}

// keepCopy copies the file next to itself, named by its content, so that
// running the command again does not pile up copies.
func (s *Store) keepCopy() (string, error) {
	src, err := os.Open(s.Path)
	if err != nil {
		return "", err
	}
	defer src.Close()
	h := sha256.New()
	if _, err := io.Copy(h, src); err != nil {
		return "", err
	}
	dst := s.Path + ".damaged-" + hex.EncodeToString(h.Sum(nil))[:12]
	if _, err := os.Stat(dst); err == nil {
		return dst, nil
	}
	if _, err := src.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(filepath.Dir(s.Path), ".profiles-copy-*")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, src); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	return dst, os.Rename(tmp.Name(), dst)
}

// emptyError is ErrEmpty, and also ErrNotFound: an empty file holds no
// record, so a save goes ahead (and keeps the empty file aside).
type emptyError struct{ msg string }

func (e *emptyError) Error() string   { return e.msg }
func (e *emptyError) Unwrap() []error { return []error{ErrEmpty, ErrNotFound} }

func (s *Store) emptyErr() error {
	return &emptyError{fmt.Sprintf("the profile database %s %v, cut short by a crash or a full disk, so its profiles are lost; restore it from a backup, or save a profile to start a new one (the empty file is then kept as %s.empty-DATE); keys saved with it stay in the keychain",
		s.Path, ErrEmpty, filepath.Base(s.Path))}
}

// keepEmptyAside moves an empty file out of the way before a write starts
// a new database, and leaves a notice saying where it went.
func (s *Store) keepEmptyAside() error {
	aside := s.Path + ".empty-" + s.now().UTC().Format("20060102-150405")
	if err := os.Rename(s.Path, aside); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return s.describe(err)
	}
	s.notice(fmt.Sprintf("the profile database was empty (0 bytes, cut short by a crash or a full disk): it is kept as %s and a new one was started; profiles saved in the old one are lost, their keys stay in the keychain", aside))
	return nil
}

// guarded runs fn so that a damaged file cannot crash the process: a
// memory fault while reading the mapped file, or bbolt's own panic on a
// page it cannot make sense of, becomes ErrDamaged.
func (s *Store) guarded(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s %w (%v); move it away (or restore a backup) and kodus-byok starts a new one", s.Path, ErrDamaged, r)
		}
	}()
	return fn()
}
