// Package secrets keeps API keys in the OS keychain (github.com/99designs/keyring)
// and nowhere else. Everything that leaves this package for display is
// masked; the Secret type refuses to print, log or marshal its value.
package secrets

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kodusbyok/studio/backend/lazyre"
)

// Secret wraps a key so that it cannot leak through fmt, logs or JSON by
// accident; Reveal is the one explicit way out.
type Secret struct{ v string }

// NewSecret wraps a key.
func NewSecret(v string) Secret { return Secret{v: v} }

// Reveal returns the key itself; only code that sends it to its provider
// or into the keychain calls this.
func (s Secret) Reveal() string { return s.v }

// Empty reports whether no key is held.
func (s Secret) Empty() bool { return s.v == "" }

// Masked is the display form.
func (s Secret) Masked() string { return Mask(s.v) }

// String is "[redacted]": fmt, slog and encoding/json never see the key.
func (s Secret) String() string { return "[redacted]" }

// GoString is "[redacted]" for %#v.
func (s Secret) GoString() string { return "secrets.Secret{[redacted]}" }

// LogValue is "[redacted]" for slog.
func (s Secret) LogValue() slog.Value { return slog.StringValue("[redacted]") }

// MarshalJSON is "[redacted]" for encoding/json.
func (s Secret) MarshalJSON() ([]byte, error) { return []byte(`"[redacted]"`), nil }

// Format makes %v, %s, %q and %x print the redacted form too.
func (s Secret) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte("[redacted]")) }

// ShortMask is what a key too short to show any of it masks to.
const ShortMask = "••••"

// Mask shows the first 2 and last 3 characters of a key like Kodus does
// ("sk…xyz"). Keys shorter than 12 characters show nothing, since 5 of 10
// characters would give too much away (Kodus returns ≤6-character keys
// unmasked; we do not). A service-account JSON shows its project instead.
func Mask(key string) string {
	if key == "" {
		return ""
	}
	if c, ok := ParseAWSCredentials(key); ok {
		return maskAWS(c)
	}
	if sa, ok := ParseServiceAccount(key); ok {
		id := []rune(sa.PrivateKeyID)
		tail := ""
		if len(id) >= 12 {
			tail = " …" + string(id[len(id)-3:])
		}
		return fmt.Sprintf("service account · %s%s", sa.ProjectID, tail)
	}
	r := []rune(key)
	if len(r) < 12 {
		return ShortMask
	}
	return string(r[:2]) + "…" + string(r[len(r)-3:])
}

// ServiceAccount is the non-secret part of a Google service-account key.
type ServiceAccount struct {
	Type         string `json:"type"`
	ProjectID    string `json:"project_id"`
	PrivateKeyID string `json:"private_key_id"`
	ClientEmail  string `json:"client_email"`
}

// ParseServiceAccount recognises a service-account JSON, raw or base64
// (Kodus accepts both), by its project_id.
func ParseServiceAccount(key string) (ServiceAccount, bool) {
	raw := strings.TrimSpace(key)
	if !strings.HasPrefix(raw, "{") {
		dec, err := base64.StdEncoding.DecodeString(raw)
		if err != nil {
			return ServiceAccount{}, false
		}
		raw = strings.TrimSpace(string(dec))
	}
	var sa ServiceAccount
	if json.Unmarshal([]byte(raw), &sa) != nil || sa.ProjectID == "" {
		return ServiceAccount{}, false
	}
	return sa, true
}

// ErrEmptyKey means nothing was left of a pasted key after cleaning.
var ErrEmptyKey = errors.New("the key is empty")

var envPrefixRE = lazyre.New(`^(export\s+)?[A-Z][A-Z0-9_]*=`)

// Clean tidies a pasted key: surrounding spaces, line breaks, quotes, a
// "Bearer " prefix and a "NAME=" prefix copied from a .env file are the
// commonest cause of "Invalid API key" (Kodus troubleshooting). It returns
// the clean key and one note per thing it removed, so the user is told.
// A JSON key (Vertex service account) keeps its inner whitespace.
func Clean(raw string) (string, []string, error) {
	var notes []string
	s := raw
	trimmed := strings.TrimFunc(s, isTrimmable)
	if trimmed != s {
		what := "surrounding spaces"
		if strings.ContainsAny(s, "\r\n") && strings.TrimRight(s, " \t\r\n") != s {
			what = "a trailing line break"
		}
		notes = append(notes, "removed "+what)
		s = trimmed
	}
	if m := envPrefixRE.FindString(s); m != "" && !strings.HasPrefix(s, "{") {
		notes = append(notes, fmt.Sprintf("removed %q copied from a .env line", m))
		s = strings.TrimFunc(s[len(m):], isTrimmable)
	}
	for len(s) >= 2 && isQuote(rune(s[0])) && s[len(s)-1] == s[0] {
		notes = append(notes, "removed surrounding quotes")
		s = strings.TrimFunc(s[1:len(s)-1], isTrimmable)
	}
	if strings.HasPrefix(s, "Bearer ") || strings.HasPrefix(s, "bearer ") {
		notes = append(notes, `removed a "Bearer " prefix`)
		s = strings.TrimFunc(s[len("Bearer "):], isTrimmable)
	}
	if s == "" {
		return "", notes, ErrEmptyKey
	}
	if !utf8.ValidString(s) {
		return "", notes, errors.New("the key is not valid text; copy it again")
	}
	if strings.HasPrefix(s, "{") {
		var obj map[string]any
		if err := json.Unmarshal([]byte(s), &obj); err != nil {
			return "", notes, fmt.Errorf("the key starts with '{' but is not valid JSON (a service-account file?): %w", err)
		}
		return s, notes, nil
	}
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			return "", notes, errors.New("the key has a space or line break inside it; copy it again in one piece")
		case !unicode.IsPrint(r):
			return "", notes, errors.New("the key contains an invisible control character; copy it again")
		}
	}
	return s, dedupe(notes), nil
}

func isTrimmable(r rune) bool {
	return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\u2060'
}

func isQuote(r rune) bool { return r == '"' || r == '\'' || r == '`' }

func dedupe(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
