// Package paths resolves where the app keeps its data.
package paths

import (
	"fmt"
	"os"
	"path/filepath"
)

// EnvHome overrides the data directory (tests and portable setups).
const EnvHome = "KODUS_BYOK_HOME"

// AppDirName is the folder under the user config dir.
const AppDirName = "kodus-byok"

// DataDir returns the data directory: $KODUS_BYOK_HOME if set, else the
// user config dir + "kodus-byok". getenv is os.Getenv outside tests.
func DataDir(getenv func(string) string) (string, error) {
	if h := getenv(EnvHome); h != "" {
		abs, err := filepath.Abs(h)
		if err != nil {
			return "", fmt.Errorf("resolve %s=%q: %w", EnvHome, h, err)
		}
		return abs, nil
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the user config dir (set %s to choose a data dir): %w", EnvHome, err)
	}
	return filepath.Join(base, AppDirName), nil
}

// Ensure creates dir with owner-only permissions if it does not exist.
func Ensure(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create data dir %s: %w", dir, err)
	}
	return nil
}

// DBFile is the profile database inside the data dir.
func DBFile(dir string) string { return filepath.Join(dir, "profiles.db") }

// KeysDir is where the `file` keychain backend keeps its encrypted items.
func KeysDir(dir string) string { return filepath.Join(dir, "keys") }
