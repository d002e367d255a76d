package repocost

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	_ "embed"
)

// o200k_base.tiktoken.gz is OpenAI's o200k_base vocabulary
// (https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken,
// SHA-256 446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d,
// MIT licence, as tiktoken checks it), gzipped. It is the only vocabulary
// the counter uses: embedding it alone, compressed, keeps 5 MB of other
// vocabularies out of the program.
//
//go:embed o200k_base.tiktoken.gz
var o200kGz []byte

// vocabLoader hands tiktoken-go the embedded vocabulary, so counting never
// touches the network.
type vocabLoader struct{}

// LoadTiktokenBpe parses the vocabulary named by file (only o200k_base is
// embedded): one "base64-token rank" pair per line.
func (vocabLoader) LoadTiktokenBpe(file string) (map[string]int, error) {
	if path.Base(file) != Encoding+".tiktoken" {
		return nil, fmt.Errorf("tokenizer vocabulary %s is not embedded (only %s is)", path.Base(file), Encoding)
	}
	zr, err := gzip.NewReader(bytes.NewReader(o200kGz))
	if err != nil {
		return nil, fmt.Errorf("read the %s vocabulary: %w", Encoding, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("read the %s vocabulary: %w", Encoding, err)
	}
	ranks := make(map[string]int, 200_000)
	for line := range strings.SplitSeq(string(data), "\n") {
		if line == "" {
			continue
		}
		tok, rank, ok := strings.Cut(line, " ")
		raw, err := base64.StdEncoding.DecodeString(tok)
		if !ok || err != nil {
			return nil, fmt.Errorf("the %s vocabulary has a broken line %q", Encoding, line)
		}
		n, err := strconv.Atoi(rank)
		if err != nil {
			return nil, fmt.Errorf("the %s vocabulary has a broken rank in %q", Encoding, line)
		}
		ranks[string(raw)] = n
	}
	return ranks, nil
}
