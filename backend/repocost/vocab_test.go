package repocost

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"
	"testing"
)

// The embedded vocabulary is byte for byte the one OpenAI publishes (the
// hash tiktoken checks), and the loader reads all of it.
func TestEmbeddedVocabulary(t *testing.T) {
	zr, err := gzip.NewReader(bytes.NewReader(o200kGz))
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d" {
		t.Fatalf("o200k_base SHA-256 = %s", got)
	}
	ranks, err := vocabLoader{}.LoadTiktokenBpe("https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken")
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Count(string(data), "\n"); len(ranks) != lines {
		t.Errorf("%d ranks from %d lines", len(ranks), lines)
	}
	if _, err := (vocabLoader{}).LoadTiktokenBpe("cl100k_base.tiktoken"); err == nil || !strings.Contains(err.Error(), "not embedded") {
		t.Errorf("cl100k_base: %v", err)
	}
}
