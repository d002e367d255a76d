package paths

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDataDir(t *testing.T) {
	dir, err := DataDir(func(k string) string {
		if k == EnvHome {
			return "rel/home"
		}
		return ""
	})
	if err != nil || !filepath.IsAbs(dir) || filepath.Base(dir) != "home" {
		t.Fatalf("override = %q %v", dir, err)
	}
	t.Setenv("XDG_CONFIG_HOME", "/tmp/xdg-test")
	dir, err = DataDir(func(string) string { return "" })
	if err != nil || dir != filepath.Join("/tmp/xdg-test", AppDirName) {
		t.Fatalf("default = %q %v", dir, err)
	}
}

func TestEnsure(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	if err := Ensure(dir); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(dir)
	if err != nil || st.Mode().Perm() != 0o700 {
		t.Fatalf("mode = %v %v", st.Mode().Perm(), err)
	}
	if DBFile(dir) != filepath.Join(dir, "profiles.db") || KeysDir(dir) != filepath.Join(dir, "keys") {
		t.Fatal("paths")
	}
}
