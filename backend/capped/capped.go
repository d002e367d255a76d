// Package capped reads input the user points the app at (a file, standard
// input) up to a size that input can sensibly have, and stops there: a
// 100 MB file, or /dev/zero, is a clear error instead of a slow app.
package capped

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrTooLarge means the input is bigger than its kind can be.
var ErrTooLarge = errors.New("too large")

// Read reads r, at most limit bytes; more is ErrTooLarge, and the rest is
// never read.
func Read(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: more than %s", ErrTooLarge, Size(limit))
	}
	return data, nil
}

// ReadFile reads the file at path, at most limit bytes. A bigger regular
// file is refused before it is read; a device or a pipe is read up to the
// limit. Errors do not repeat the path: callers say which file it was.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > limit {
		return nil, fmt.Errorf("%w: %s, at most %s is read", ErrTooLarge, Size(fi.Size()), Size(limit))
	}
	return Read(f, limit)
}

// Size says a byte count the way people do: 64 KB, 1 MB, 3.3 GB.
func Size(n int64) string {
	const k = 1 << 10
	switch {
	case n >= k*k*k:
		return trim(float64(n)/(k*k*k)) + " GB"
	case n >= k*k:
		return trim(float64(n)/(k*k)) + " MB"
	case n >= k:
		return trim(float64(n)/k) + " KB"
	}
	return fmt.Sprintf("%d bytes", n)
}

func trim(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		return s[:len(s)-2]
	}
	return s
}
