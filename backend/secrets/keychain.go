package secrets

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/99designs/keyring"
)

// Environment variables that choose the keychain.
const (
	EnvBackend    = "KODUS_BYOK_KEYRING"
	EnvPassphrase = "KODUS_BYOK_KEYRING_PASSPHRASE"
)

// ServiceName names the app's items in every backend.
const ServiceName = "kodus-byok"

// DefaultTimeout bounds every keychain call: an unlock prompt that nobody
// answers must not freeze the app.
const DefaultTimeout = 30 * time.Second

// Backends lists the backend names a user can pick, in keyring's order.
var Backends = []string{"secret-service", "kwallet", "keychain", "wincred", "pass", "keyctl", "file"}

var (
	// ErrNotFound means no key is stored under that name.
	ErrNotFound = errors.New("no key stored")
	// ErrPassphraseNeeded means the file backend has no passphrase yet.
	ErrPassphraseNeeded = errors.New("the file keychain needs a passphrase: set " + EnvPassphrase + " or unlock it in the app")
	// ErrUnavailable means the chosen backend cannot be used here.
	ErrUnavailable = errors.New("keychain backend unavailable")
	// ErrTimeout means the keychain did not answer in time.
	ErrTimeout = errors.New("the keychain did not answer in time")
	// ErrWrongPassphrase means the file backend could not decrypt an item.
	ErrWrongPassphrase = errors.New("wrong passphrase for the file keychain")
)

// Config chooses and configures the backend.
type Config struct {
	// Backend is one of Backends, or "" for the OS's native keychain.
	Backend string
	// FileDir is where the file backend keeps its encrypted items.
	FileDir string
	// Passphrase is the file backend's passphrase; PassphraseFunc is asked
	// when it is empty (a terminal prompt in the CLI).
	Passphrase     string
	PassphraseFunc func(prompt string) (string, error)
	// Timeout bounds each call; zero means DefaultTimeout.
	Timeout time.Duration
}

// ConfigFromEnv reads KODUS_BYOK_KEYRING and KODUS_BYOK_KEYRING_PASSPHRASE.
func ConfigFromEnv(getenv func(string) string, fileDir string) Config {
	return Config{
		Backend:    strings.TrimSpace(getenv(EnvBackend)),
		FileDir:    fileDir,
		Passphrase: getenv(EnvPassphrase),
	}
}

// NativeBackend is the OS keychain used when none is chosen.
func NativeBackend() string {
	switch runtime.GOOS {
	case "darwin":
		return "keychain"
	case "windows":
		return "wincred"
	default:
		return "secret-service"
	}
}

// Keychain stores keys in one explicitly chosen backend. There is no
// silent fallback to a weaker store: an unavailable backend is an error
// that names it and says how to pick another.
type Keychain struct {
	cfg     Config
	backend string

	mu         sync.Mutex
	ring       keyring.Keyring
	passphrase string
}

// New returns a keychain for cfg; the backend is opened on first use.
func New(cfg Config) (*Keychain, error) {
	b := cfg.Backend
	if b == "" {
		b = NativeBackend()
	}
	if !slices.Contains(Backends, b) {
		return nil, fmt.Errorf("%s=%q is not a keychain backend; use one of %s", EnvBackend, b, strings.Join(Backends, ", "))
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = DefaultTimeout
	}
	return &Keychain{cfg: cfg, backend: b, passphrase: cfg.Passphrase}, nil
}

// Backend is the active backend's name.
func (k *Keychain) Backend() string { return k.backend }

// Describe says in words where keys are kept.
func (k *Keychain) Describe() string {
	switch k.backend {
	case "secret-service":
		return "Secret Service (GNOME Keyring / KWallet), collection \"login\""
	case "kwallet":
		return "KDE Wallet"
	case "keychain":
		return "macOS Keychain"
	case "wincred":
		return "Windows Credential Manager"
	case "pass":
		return "pass (the standard Unix password manager)"
	case "keyctl":
		return "Linux kernel keyring (lost on reboot)"
	case "file":
		return "encrypted files in " + k.cfg.FileDir
	}
	return k.backend
}

// Available says whether the backend can be used on this machine, without
// opening it (no unlock prompt): nil, or the same explicit error a call
// would return.
func (k *Keychain) Available() error {
	if !available(k.backend) {
		return k.unavailable(nil)
	}
	return nil
}

// NeedsPassphrase reports whether the file backend still lacks its passphrase.
func (k *Keychain) NeedsPassphrase() bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.backend == "file" && k.passphrase == "" && k.cfg.PassphraseFunc == nil
}

// SetPassphrase gives the file backend its passphrase (from the GUI).
func (k *Keychain) SetPassphrase(p string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.passphrase = p
	k.ring = nil // reopen with the new passphrase
}

func (k *Keychain) open() (keyring.Keyring, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.ring != nil {
		return k.ring, nil
	}
	if !available(k.backend) {
		return nil, k.unavailable(nil)
	}
	pass := k.passphrase
	cfg := keyring.Config{
		AllowedBackends:          []keyring.BackendType{keyring.BackendType(k.backend)},
		ServiceName:              ServiceName,
		KeychainName:             "login",
		KeychainTrustApplication: true,
		FileDir:                  k.cfg.FileDir,
		FilePasswordFunc: func(prompt string) (string, error) {
			if pass != "" {
				return pass, nil
			}
			if k.cfg.PassphraseFunc != nil {
				p, err := k.cfg.PassphraseFunc(prompt)
				if err != nil {
					return "", fmt.Errorf("%w (%v)", ErrPassphraseNeeded, err)
				}
				return p, nil
			}
			return "", ErrPassphraseNeeded
		},
		KeyCtlScope:             "user",
		KWalletAppID:            ServiceName,
		KWalletFolder:           ServiceName,
		LibSecretCollectionName: "login",
		PassPrefix:              ServiceName,
		WinCredPrefix:           ServiceName,
	}
	if k.backend == "file" {
		k.ring = newFileRing(k.cfg.FileDir, cfg.FilePasswordFunc)
		return k.ring, nil
	}
	ring, err := keyring.Open(cfg)
	if err != nil {
		return nil, k.unavailable(err)
	}
	k.ring = ring
	return ring, nil
}

func available(backend string) bool {
	if sessionBusProblem(backend) != nil {
		return false
	}
	for _, b := range keyring.AvailableBackends() {
		if string(b) == backend {
			return true
		}
	}
	return false
}

func (k *Keychain) unavailable(cause error) error {
	why := ""
	noBus := sessionBusProblem(k.backend)
	switch {
	case noBus != nil:
		why = fmt.Sprintf(" (%v; log in to a desktop session, or run the command inside dbus-run-session with GNOME Keyring unlocked)", noBus)
	case k.backend == "secret-service":
		why = " (no Secret Service on the session D-Bus: is GNOME Keyring or KWallet running and unlocked?)"
	case k.backend == "kwallet":
		why = " (KWallet is not running on the session D-Bus)"
	case k.backend == "keychain", k.backend == "wincred":
		why = " (not this operating system's keychain)"
	}
	hint := fmt.Sprintf("%s%s; pick another with %s=%s (file needs %s)",
		k.backend, why, EnvBackend, strings.Join(otherBackends(k.backend), "|"), EnvPassphrase)
	if cause != nil && !errors.Is(cause, keyring.ErrNoAvailImpl) && noBus == nil {
		return fmt.Errorf("%w: %s: %v", ErrUnavailable, hint, cause)
	}
	return fmt.Errorf("%w: %s", ErrUnavailable, hint)
}

// sessionBusProblem says why a D-Bus backend cannot reach a session bus
// (nil when there is one, or the backend needs none). It never connects
// and, unlike godbus, never launches a bus: an autolaunched dbus-daemon
// would outlive the command.
func sessionBusProblem(backend string) error {
	if backend != "secret-service" && backend != "kwallet" || runtime.GOOS != "linux" {
		return nil
	}
	_, err := keyring.SessionBusAddress()
	return err
}

func otherBackends(current string) []string {
	var out []string
	for _, b := range Backends {
		if b != current && available(b) {
			out = append(out, b)
		}
	}
	if len(out) == 0 {
		out = []string{"file"}
	}
	return out
}

// call runs op with the timeout; an unanswered unlock prompt returns
// ErrTimeout instead of blocking (the goroutine ends when the backend does).
func (k *Keychain) call(ctx context.Context, what string, op func(keyring.Keyring) error) error {
	ctx, cancel := context.WithTimeout(ctx, k.cfg.Timeout)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		ring, err := k.open()
		if err == nil {
			err = op(ring)
		}
		done <- err
	}()
	select {
	case err := <-done:
		return k.translate(what, err)
	case <-ctx.Done():
		return k.timedOut(what)
	}
}

// timedOut says that the keychain did not answer within the timeout.
func (k *Keychain) timedOut(what string) error {
	return fmt.Errorf("%s: %w after %s (%s; is it waiting for an unlock prompt?)", what, ErrTimeout, k.cfg.Timeout, k.Describe())
}

func (k *Keychain) translate(what string, err error) error {
	if errors.Is(err, keyring.ErrNoSecretService) {
		err = k.unavailable(err) // found at the first call, not at opening
	}
	switch {
	case err == nil:
		return nil
	case errors.Is(err, keyring.ErrKeyNotFound), errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	case errors.Is(err, ErrWrongPassphrase):
		return fmt.Errorf("%s: %w: it does not open the keys in %s, so nothing was read or written; use the passphrase they were saved with (%s)", what, ErrWrongPassphrase, k.cfg.FileDir, EnvPassphrase)
	case errors.Is(err, ErrPassphraseNeeded), errors.Is(err, ErrUnavailable):
		return fmt.Errorf("%s: %w", what, err)
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("%s in %s: the disk is full, nothing was saved: %w", what, k.backend, err)
	case k.backend == "file" && strings.Contains(err.Error(), "aes.KeyUnwrap"):
		return fmt.Errorf("%s: %w", what, ErrWrongPassphrase)
	}
	return fmt.Errorf("%s in %s: %w", what, k.backend, err)
}

// Set stores key under ref with a human label.
func (k *Keychain) Set(ctx context.Context, ref, label string, key Secret) error {
	return k.call(ctx, "store key", func(r keyring.Keyring) error {
		return r.Set(keyring.Item{Key: ref, Data: []byte(key.Reveal()), Label: label, Description: "API key saved by Kodus BYOK Studio"})
	})
}

// Get loads the key stored under ref.
func (k *Keychain) Get(ctx context.Context, ref string) (Secret, error) {
	var s Secret
	err := k.call(ctx, "read key", func(r keyring.Keyring) error {
		item, err := r.Get(ref)
		if err != nil {
			return err
		}
		s = NewSecret(string(item.Data))
		return nil
	})
	return s, err
}

// Delete removes the key under ref; a missing key is not an error.
func (k *Keychain) Delete(ctx context.Context, ref string) error {
	err := k.call(ctx, "delete key", func(r keyring.Keyring) error { return r.Remove(ref) })
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	// Some backends report a missing item in their own words.
	if err != nil && strings.Contains(strings.ToLower(err.Error()), "not found") {
		return nil
	}
	return err
}

// Keys lists the stored item names.
func (k *Keychain) Keys(ctx context.Context) ([]string, error) {
	var keys []string
	err := k.call(ctx, "list keys", func(r keyring.Keyring) error {
		var err error
		keys, err = r.Keys()
		return err
	})
	return keys, err
}

// Check proves the backend works: it writes, reads back and removes a probe
// item, and with the file backend also decrypts an existing item so that a
// wrong passphrase shows up here rather than at the first test.
func (k *Keychain) Check(ctx context.Context) error {
	const probe = "doctor.probe"
	want := NewSecret(fmt.Sprintf("probe-%d", time.Now().UnixNano()))
	if err := k.Set(ctx, probe, "Kodus BYOK Studio self-check", want); err != nil {
		return err
	}
	got, err := k.Get(ctx, probe)
	if err != nil {
		return err
	}
	if got.Reveal() != want.Reveal() {
		return fmt.Errorf("keychain %s returned a different value than was stored", k.backend)
	}
	if err := k.Delete(ctx, probe); err != nil {
		return err
	}
	if k.backend == "file" {
		keys, err := k.Keys(ctx)
		if err != nil {
			return err
		}
		for _, ref := range keys {
			if ref != probe {
				_, err := k.Get(ctx, ref)
				return err
			}
		}
	}
	return nil
}
