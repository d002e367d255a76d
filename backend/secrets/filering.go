package secrets

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/99designs/keyring"
	jose "github.com/dvsekhvalnov/jose2go"
	"github.com/mtibben/percent"
)

// fileRing is the `file` backend. It reads and writes exactly the format of
// 99designs/keyring's file backend (one JWE per item, PBES2-HS256+A128KW
// and A256GCM, percent-encoded file names), so items saved by earlier
// versions stay readable, and adds what that backend lacks:
//   - the passphrase is checked before anything is written with it, against
//     a check entry written at first use (or, for a folder from before the
//     check entry, against an item already in it), so a mistyped passphrase
//     cannot save a key that the real one never opens;
//   - an item is written to a temporary file and renamed into place, so a
//     full disk or a crash leaves the old item or none, never a 0-byte one.
type fileRing struct {
	dir    string
	prompt keyring.PromptFunc

	mu       sync.Mutex
	password string
	checked  bool
}

// checkEntry holds a known text encrypted with the passphrase. Its name
// starts with a dot, like the temporary files, so Keys never lists it.
const (
	checkEntry = ".passphrase-check"
	checkText  = "kodus-byok passphrase check"
)

// writeItem writes an item's bytes; tests replace it to fill the disk.
var writeItem = func(f *os.File, data []byte) error {
	_, err := f.Write(data)
	return err
}

func newFileRing(dir string, prompt keyring.PromptFunc) *fileRing {
	return &fileRing{dir: dir, prompt: prompt}
}

func (r *fileRing) path(key string) string { return filepath.Join(r.dir, percent.Encode(key, "/")) }

// unlock returns the passphrase once it is proven right.
func (r *fileRing) unlock() (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.checked {
		return r.password, nil
	}
	if err := os.MkdirAll(r.dir, 0o700); err != nil {
		return "", err
	}
	if err := r.ask(); err != nil {
		return "", err
	}
	if err := r.verify(r.password); err != nil {
		r.password = ""
		return "", err
	}
	r.checked = true
	return r.password, nil
}

// passphrase returns the passphrase, asking for it if needed, without
// proving it (a read proves it by opening the item).
func (r *fileRing) passphrase() (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.ask(); err != nil {
		return "", err
	}
	return r.password, nil
}

// ask prompts for the passphrase unless it is known; r.mu is held.
func (r *fileRing) ask() error {
	if r.password != "" {
		return nil
	}
	p, err := r.prompt(fmt.Sprintf("Enter passphrase to unlock %q", r.dir))
	if err != nil {
		return err
	}
	r.password = p
	return nil
}

// forget drops a passphrase that turned out wrong, so the next use asks
// again.
func (r *fileRing) forget(pass string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.password == pass && !r.checked {
		r.password = ""
	}
}

// verify proves pass against the check entry, or, before there is one,
// against an existing item, and then writes the check entry. Of two
// processes doing this at once, the first one's entry stays and the
// other checks its passphrase against it.
func (r *fileRing) verify(pass string) error {
	for range 2 {
		token, err := os.ReadFile(filepath.Join(r.dir, checkEntry))
		if err == nil {
			got, _, err := jose.Decode(string(token), pass)
			if err != nil {
				return r.decodeErr(checkEntry, err)
			}
			if got != checkText {
				return fmt.Errorf("the passphrase check entry %s is not this app's; move it away and try again", filepath.Join(r.dir, checkEntry))
			}
			return nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if err := r.openOne(pass); err != nil {
			return err
		}
		token2, err := encrypt(checkText, pass)
		if err != nil {
			return err
		}
		if err := r.write(checkEntry, token2, false); !errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	return nil
}

// openOne decrypts one existing item with pass, if there is any.
func (r *fileRing) openOne(pass string) error {
	keys, err := r.Keys()
	if err != nil || len(keys) == 0 {
		return err
	}
	token, err := os.ReadFile(r.path(keys[0]))
	if err != nil {
		return err
	}
	if _, _, err := jose.Decode(string(token), pass); err != nil {
		return r.decodeErr(keys[0], err)
	}
	return nil
}

// decodeErr: an AES key unwrap failure is the wrong passphrase.
func (r *fileRing) decodeErr(name string, err error) error {
	if strings.Contains(err.Error(), "KeyUnwrap") {
		return ErrWrongPassphrase
	}
	return fmt.Errorf("decrypt %s: %w", filepath.Join(r.dir, name), err)
}

func encrypt(payload, pass string) (string, error) {
	return jose.Encrypt(payload, jose.PBES2_HS256_A128KW, jose.A256GCM, pass,
		jose.Headers(map[string]interface{}{"created": time.Now().String()}))
}

// write puts data at name through a temporary file in the same folder:
// with replace a rename (the old item stays until the new one is whole),
// without it a hard link that fails with fs.ErrExist if name exists. The
// temporary file is removed whatever happens.
func (r *fileRing) write(name, data string, replace bool) error {
	tmp, err := os.CreateTemp(r.dir, ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	err = writeItem(tmp, []byte(data))
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	dst := filepath.Join(r.dir, name)
	if replace {
		return os.Rename(tmp.Name(), dst)
	}
	return os.Link(tmp.Name(), dst)
}

func (r *fileRing) Get(key string) (keyring.Item, error) {
	token, err := os.ReadFile(r.path(key))
	if errors.Is(err, fs.ErrNotExist) {
		return keyring.Item{}, keyring.ErrKeyNotFound
	}
	if err != nil {
		return keyring.Item{}, err
	}
	// Reading needs no check entry: the item opens only with the
	// passphrase it was saved with, and a wrong one fails just the same.
	// Skipping the check saves a key derivation (PBKDF2, 8192 rounds) on
	// every command that reads a key.
	pass, err := r.passphrase()
	if err != nil {
		return keyring.Item{}, err
	}
	payload, _, err := jose.Decode(string(token), pass)
	if err != nil {
		err = r.decodeErr(percent.Encode(key, "/"), err)
		if errors.Is(err, ErrWrongPassphrase) {
			r.forget(pass)
		}
		return keyring.Item{}, err
	}
	var item keyring.Item
	if err := json.Unmarshal([]byte(payload), &item); err != nil {
		return keyring.Item{}, fmt.Errorf("decode %s: %w", r.path(key), err)
	}
	return item, nil
}

func (r *fileRing) GetMetadata(key string) (keyring.Metadata, error) {
	fi, err := os.Stat(r.path(key))
	if errors.Is(err, fs.ErrNotExist) {
		return keyring.Metadata{}, keyring.ErrKeyNotFound
	}
	if err != nil {
		return keyring.Metadata{}, err
	}
	return keyring.Metadata{ModificationTime: fi.ModTime()}, nil
}

func (r *fileRing) Set(item keyring.Item) error {
	pass, err := r.unlock()
	if err != nil {
		return err
	}
	payload, err := json.Marshal(item)
	if err != nil {
		return err
	}
	token, err := encrypt(string(payload), pass)
	if err != nil {
		return err
	}
	return r.write(percent.Encode(item.Key, "/"), token, true)
}

func (r *fileRing) Remove(key string) error {
	err := os.Remove(r.path(key))
	if errors.Is(err, fs.ErrNotExist) {
		return keyring.ErrKeyNotFound
	}
	return err
}

// Keys lists the items, without the check entry and temporary files.
func (r *fileRing) Keys() ([]string, error) {
	entries, err := os.ReadDir(r.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return []string{}, nil
	}
	if err != nil {
		return nil, err
	}
	keys := []string{}
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
			keys = append(keys, percent.Decode(e.Name()))
		}
	}
	return keys, nil
}
