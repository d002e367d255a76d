package envfile

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/kodusbyok/studio/backend/lazyre"
)

// ErrUnwritable means a value cannot be written so that Docker Compose's
// env_file, Node's dotenv (what Kodus reads with) and POSIX sh all read
// back the same string.
var ErrUnwritable = errors.New("value cannot be written to a .env file")

var keyRE = lazyre.New(`^[A-Za-z_][A-Za-z0-9_]*$`)

// ValidName reports whether name is a portable variable name.
func ValidName(name string) bool { return keyRE.MatchString(name) }

// plainSafe is the set of characters every reader takes literally without
// quotes: no whitespace, no '#' (Node's dotenv cuts an unquoted value at
// '#' even without a space before it), no quotes, no '$' (Compose and sh
// interpolate), no backslash and no shell operator or tilde.
func plainSafe(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return true
	}
	return strings.ContainsRune("_-./:@+,=%", r)
}

// Quote renders a value for `NAME=<here>`. The three readers agree only on
// a small common subset, so the rules are deliberately narrow:
//   - plain when every character is in plainSafe (typical keys, URLs, ids);
//   - single quotes when the value has no single quote and does not end in
//     a backslash: literal in all three (Compose and godotenv treat \' as
//     an escaped terminator, so a trailing backslash would swallow it);
//   - double quotes when it has a single quote but none of " \ $ `: sh would
//     expand them, Node's dotenv does not unescape \" or \$, and Compose
//     interpolates $;
//   - anything else, and any line break, is refused with a reason.
func Quote(value string) (string, error) {
	if strings.ContainsAny(value, "\n\r") {
		return "", fmt.Errorf("%w: it contains a line break, which no .env reader carries the same way", ErrUnwritable)
	}
	if !utf8.ValidString(value) {
		return "", fmt.Errorf("%w: it is not valid UTF-8 text", ErrUnwritable)
	}
	if strings.ContainsRune(value, 0) {
		return "", fmt.Errorf("%w: it contains a NUL byte", ErrUnwritable)
	}
	if strings.IndexFunc(value, func(r rune) bool { return !plainSafe(r) }) < 0 {
		return value, nil
	}
	if !strings.ContainsRune(value, '\'') && !strings.HasSuffix(value, `\`) {
		return "'" + value + "'", nil
	}
	if !strings.ContainsAny(value, "\"\\$`") {
		return `"` + value + `"`, nil
	}
	return "", fmt.Errorf("%w: it has a single quote together with one of \" \\ $ `; Docker Compose, Node's dotenv and sh disagree on every way to quote that", ErrUnwritable)
}

// Line renders `NAME=value`.
func Line(name, value string) (string, error) {
	if !ValidName(name) {
		return "", fmt.Errorf("%w: %q is not a valid variable name", ErrUnwritable, name)
	}
	q, err := Quote(value)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return name + "=" + q, nil
}
