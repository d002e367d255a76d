package repocost

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	tiktoken "github.com/pkoukk/tiktoken-go"
)

// Encoding is the tokenizer used: OpenAI's o200k_base (GPT-4o, GPT-5),
// whose vocabulary is embedded (vocab.go), so counting never touches the
// network. Other providers' tokenizers count the same code
// differently (see TokenizerNote).
const Encoding = "o200k_base"

// TokenizerNote says how far other tokenizers are from these counts.
const TokenizerNote = "Token counts use OpenAI's o200k_base tokenizer (GPT-4o, GPT-5). Other providers count the same code differently: Anthropic's Claude tokenizer gives roughly 20–30 % more tokens for code (Opus 4.7's newer one up to 35 % more), Gemini, Kimi, GLM and DeepSeek usually within about 10 %."

var encoder = sync.OnceValues(func() (*tiktoken.Tiktoken, error) {
	tiktoken.SetBpeLoader(vocabLoader{})
	enc, err := tiktoken.GetEncoding(Encoding)
	if err != nil {
		return nil, fmt.Errorf("load the %s tokenizer: %w", Encoding, err)
	}
	return enc, nil
})

// Limits that keep counting fast on any input. tiktoken's byte-pair merge
// is quadratic in the length of one pre-token, so a segment longer than
// maxSegment that has no exact split point (minified code, a data blob)
// is counted in maxSegment-byte slices: within a token per slice.
const (
	maxSegment = 2048
	memoLimit  = 1 << 16 // entries per counter before the memo is reset
	memoMaxLen = 256     // longer segments are rarely repeated
)

// Counter counts o200k_base tokens exactly as tiktoken does, faster: the
// text is cut where a token can never span (see nextCut), and the pieces,
// mostly diff lines, are memoised, since context lines recur from one
// change to the next; an ASCII line missing from the memo is split into
// pre-tokens by hand rather than by tiktoken's regular expression, and
// those are memoised too (see encode). A Counter is not safe for concurrent use; make one
// per goroutine (they share the vocabulary).
type Counter struct {
	enc  *tiktoken.Tiktoken
	memo map[string]int
	// Sliced counts segments counted in slices (approximate).
	Sliced int
}

// NewCounter loads the tokenizer once per process (about 0.25 s).
func NewCounter() (*Counter, error) {
	enc, err := encoder()
	if err != nil {
		return nil, err
	}
	return &Counter{enc: enc, memo: make(map[string]int)}, nil
}

// Count returns the number of tokens of text.
func (c *Counter) Count(text string) int {
	n := 0
	for text != "" {
		i := nextCut(text)
		n += c.segment(text[:i])
		text = text[i:]
	}
	return n
}

func (c *Counter) segment(s string) int {
	if len(s) > maxSegment {
		return c.long(s)
	}
	if n, ok := c.memo[s]; ok {
		return n
	}
	n := c.encode(s)
	c.remember(s, n)
	return n
}

func (c *Counter) remember(s string, n int) {
	if len(s) <= memoMaxLen {
		if len(c.memo) >= memoLimit {
			clear(c.memo)
		}
		c.memo[strings.Clone(s)] = n
	}
}

// encode counts s as tiktoken does. ASCII text is split into pre-tokens
// by hand (see pretoken.go); a piece counts as tiktoken counts it alone,
// since the pattern matches a piece whole when given just that piece. The
// memo holds both whole segments and pieces: either way it maps a text to
// its count.
func (c *Counter) encode(s string) int {
	if !isASCII(s) {
		return len(c.enc.EncodeOrdinary(s))
	}
	n := 0
	for i := 0; i < len(s); {
		j := asciiPiece(s, i)
		p := s[i:j]
		k, ok := c.memo[p]
		if !ok {
			k = len(c.enc.EncodeOrdinary(p))
			c.remember(p, k)
		}
		n += k
		i = j
	}
	return n
}

// long counts a segment over maxSegment: cut exactly where a word starts
// after a space, slice what is still too long.
func (c *Counter) long(s string) int {
	n := 0
	for s != "" {
		i := wordCut(s, maxSegment)
		if i == 0 {
			i = maxSegment
			for i < len(s) && !utf8.RuneStart(s[i]) {
				i++
			}
			c.Sliced++
		}
		n += c.encode(s[:i])
		s = s[i:]
	}
	return n
}

// nextCut is the length of the first segment of text: up to and including
// a line feed after which a new pre-token surely starts. o200k_base's
// pattern ends a run of line breaks at its last \r or \n, and a
// punctuation token takes the line breaks and slashes that follow it
// ([\r\n/]*). So a cut after \n is exact when the next line starts with
// spaces or tabs and then a printable ASCII character that is neither
// whitespace nor '/'; otherwise the lines stay together.
func nextCut(text string) int {
	for i := 0; i < len(text); i++ {
		if text[i] != '\n' {
			continue
		}
		p := i + 1
		if p == len(text) {
			return p
		}
		k := p
		for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
		if k < len(text) && text[k] > ' ' && text[k] < 0x7f && text[k] != '/' {
			return p
		}
	}
	return len(text)
}

// wordCut finds the last exact cut at or before limit inside a line: before
// a space that follows an ASCII letter or digit and precedes an ASCII
// letter. The letters or digits before it end their token there, and the
// space starts the next word's token. 0 when there is none.
func wordCut(s string, limit int) int {
	if len(s) <= limit {
		return len(s)
	}
	for p := limit; p > 0; p-- {
		if s[p] == ' ' && p+1 < len(s) && isASCIIAlnum(s[p-1]) && isASCIILetter(s[p+1]) {
			return p
		}
	}
	return 0
}

func isASCIILetter(b byte) bool { return (b|0x20) >= 'a' && (b|0x20) <= 'z' }
func isASCIIAlnum(b byte) bool  { return isASCIILetter(b) || (b >= '0' && b <= '9') }
