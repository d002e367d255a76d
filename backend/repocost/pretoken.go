package repocost

// An ASCII fast path for o200k_base's pre-tokenizer. tiktoken-go splits
// text into pre-tokens with a backtracking regular expression (regexp2),
// which costs far more than the byte-pair merge after it. On ASCII text the
// pattern's alternatives reduce to a few runs of character classes, so
// asciiPiece finds the same pieces by hand; each piece is then counted by
// tiktoken itself (and memoised), and anything that is not ASCII goes to
// tiktoken whole. pretoken_test.go checks the pieces against the pattern and
// the counts against tiktoken on many inputs.
//
// The pattern, alternative by alternative (\s is Go's unicode.IsSpace,
// which regexp2 uses: on ASCII, \t \n \v \f \r and space):
//
//	A1 [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
//	A2 [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
//	A3 \p{N}{1,3}
//	A4  ?[^\s\p{L}\p{N}]+[\r\n/]*
//	A5 \s*[\r\n]+
//	A6 \s+(?!\S)
//	A7 \s+

const (
	cUpper = 1 << iota
	cLower
	cDigit
	cSpace
)

// class holds the character classes of the ASCII bytes.
var class = func() (t [128]uint8) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c], t[c+'a'-'A'] = cUpper, cLower
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = cDigit
	}
	for _, c := range "\t\n\v\f\r " {
		t[c] = cSpace
	}
	return t
}()

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// asciiPiece returns the end of the pre-token that starts at i in s, which
// is all ASCII: what tiktoken's regular expression matches there.
func asciiPiece(s string, i int) int {
	n := len(s)
	c := s[i]
	// A1, A2: letters, after at most one character that is neither a line
	// break, a letter nor a digit. Upper-case letters then lower-case ones
	// (A1); if no lower-case letter follows the upper-case run, that run
	// alone (A2). Either may end with a contraction.
	j := i
	if class[c]&(cUpper|cLower|cDigit) == 0 && c != '\r' && c != '\n' && i+1 < n && class[s[i+1]]&(cUpper|cLower) != 0 {
		j = i + 1
	}
	if class[s[j]]&(cUpper|cLower) != 0 {
		for j < n && class[s[j]] == cUpper {
			j++
		}
		for j < n && class[s[j]] == cLower {
			j++
		}
		return contraction(s, j)
	}
	switch {
	case class[c] == cDigit: // A3
		j = i + 1
		for j < n && j < i+3 && class[s[j]] == cDigit {
			j++
		}
		return j
	case class[c] == 0 || (c == ' ' && i+1 < n && class[s[i+1]] == 0): // A4
		j = i + 1
		for j < n && class[s[j]] == 0 {
			j++
		}
		for j < n && (s[j] == '\r' || s[j] == '\n' || s[j] == '/') {
			j++
		}
		return j
	}
	return spacePiece(s, i)
}

// spacePiece is asciiPiece where s[i] is white space. A5: up to the run's
// last line break, if it has one.
func spacePiece(s string, i int) int {
	n := len(s)
	e := i + 1
	for e < n && class[s[e]] == cSpace {
		e++
	}
	for k := e - 1; k >= i; k-- {
		if s[k] == '\r' || s[k] == '\n' {
			return k + 1
		}
	}
	// A6: the run but its last character, which starts the next piece; the
	// whole run at the end of the text. A7: a single character.
	if e < n && e-i >= 2 {
		return e - 1
	}
	return e
}

// contraction extends a run of letters ending at j by 's, 't, 're, 've,
// 'm, 'll or 'd, in either case.
func contraction(s string, j int) int {
	if j+1 >= len(s) || s[j] != '\'' {
		return j
	}
	next := func(k int) byte {
		if k < len(s) {
			return s[k] | 0x20 // lower case for letters
		}
		return 0
	}
	switch next(j + 1) {
	case 's', 't', 'm', 'd':
		return j + 2
	case 'r', 'v':
		if next(j+2) == 'e' {
			return j + 3
		}
	case 'l':
		if next(j+2) == 'l' {
			return j + 3
		}
	}
	return j
}
