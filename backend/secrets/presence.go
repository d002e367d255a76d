package secrets

import (
	"context"
	"errors"

	"github.com/99designs/keyring"
)

// Missing reports which of refs are surely gone from the keychain (deleted
// behind the app's back), so that a profile never shows a key it no longer
// has. It asks only backends that can tell without an unlock prompt: the
// file backend looks at its files, the kernel keyring and Windows'
// Credential Manager are asked directly; the Secret Service, KWallet,
// macOS Keychain and pass may prompt, so their items count as present
// until a read finds them gone (that error names the profile and slot).
func (k *Keychain) Missing(ctx context.Context, refs []string) map[string]bool {
	if len(refs) == 0 {
		return map[string]bool{}
	}
	switch k.backend {
	case "file", "keyctl", "wincred":
	default:
		return map[string]bool{}
	}
	var missing map[string]bool
	err := k.call(ctx, "look up keys", func(r keyring.Keyring) error {
		m := map[string]bool{}
		for _, ref := range refs {
			_, err := r.GetMetadata(ref)
			if errors.Is(err, keyring.ErrMetadataNotSupported) {
				_, err = r.Get(ref)
			}
			if errors.Is(err, keyring.ErrKeyNotFound) {
				m[ref] = true
			}
		}
		missing = m // read only when call returned nil: the op finished
		return nil
	})
	if err != nil {
		return map[string]bool{}
	}
	return missing
}
