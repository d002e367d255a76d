package envfile

import (
	"errors"
	"fmt"

	"github.com/kodusbyok/studio/backend/capped"
)

// MaxFileBytes caps a .env this package reads (merge, inspect, import). A
// Kodus .env is a few KB; a bigger file is not one, and reading it whole
// (a 29 MB file took 400 MB to merge) is a slow app for nothing.
const MaxFileBytes = 1 << 20

// ReadFile reads a .env, at most MaxFileBytes.
func ReadFile(path string) ([]byte, error) {
	data, err := capped.ReadFile(path, MaxFileBytes)
	if errors.Is(err, capped.ErrTooLarge) {
		return nil, fmt.Errorf("%w: a Kodus .env is a few KB, so this is not one; check the path", err)
	}
	return data, err
}
