package capped

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small")
	if err := os.WriteFile(small, []byte("A=1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if data, err := ReadFile(small, 10); err != nil || string(data) != "A=1\n" {
		t.Fatalf("small = %q %v", data, err)
	}
	big := filepath.Join(dir, "big")
	if err := os.WriteFile(big, make([]byte, 3<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(big, 1<<20)
	if !errors.Is(err, ErrTooLarge) || err.Error() != "too large: 3 MB, at most 1 MB is read" {
		t.Fatalf("big = %v", err)
	}
	// A device has no size: it is read up to the limit, and no further.
	_, err = ReadFile("/dev/zero", 64<<10)
	if !errors.Is(err, ErrTooLarge) || err.Error() != "too large: more than 64 KB" {
		t.Fatalf("/dev/zero = %v", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "none"), 10); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("missing = %v", err)
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{12: "12 bytes", 64 << 10: "64 KB", 1536: "1.5 KB", 100 << 20: "100 MB", 3543348019: "3.3 GB"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}
