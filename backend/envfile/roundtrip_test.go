package envfile_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/joho/godotenv"

	"github.com/kodusbyok/studio/backend/envfile"
)

// nastyValues are values that break naive .env writers. Each is either
// written so that every reader gets it back exactly, or refused.
func nastyValues() []string {
	vs := []string{
		"sk-ant-api03-FAKEplain_key.123", "", "with space", " leading", "trailing ", "two  spaces",
		"hash#inside", "#start", "a #comment", "eq=als=", "==", "base64+/=",
		"single'quote", "'", "'start", "end'", "double\"quote", `"`, `"quoted"`,
		`back\slash`, `\`, `\\server\share`, `a\nb`, "dollar$HOME", "${HOME}", "$", "$$", "`backtick`", "`",
		"tab\there", "\ttab", "unicode ünïcødé ✓", "emoji 🔑", "ключ", "semi;colon & pipe | < >",
		"(paren)", "*glob?[x]", "~tilde", "!bang", "percent%20", "https://user@host:8080/p?q=1&r=2#frag",
		"\u00a0nbsp\u00a0", "line\u2028separator", "vt\x0bff\x0c", "json {\"a\": [1, 2]}", "it's fine",
		"x = y", "export", "KEY=value",
	}
	for c := byte(32); c < 127; c++ {
		vs = append(vs, string(c), "x"+string(c)+"y")
	}
	return vs
}

// refusedValues cannot be read the same by Compose, Node's dotenv and sh.
var refusedValues = []string{
	"line\nbreak", "cr\rhere", "nul\x00byte", "trailing\\", `it's "quoted"`, "it's $5", "it's `cmd`", `it's a \ backslash`,
	"bad utf8 \xff",
}

func TestQuoteRefuses(t *testing.T) {
	for _, v := range refusedValues {
		if q, err := envfile.Quote(v); !errors.Is(err, envfile.ErrUnwritable) {
			t.Errorf("Quote(%q) = %q, %v; want ErrUnwritable", v, q, err)
		}
	}
	_, err := envfile.Quote("a\nb")
	if err == nil || !strings.Contains(err.Error(), "line break") {
		t.Errorf("newline error = %v", err)
	}
}

// writeNasty writes every writable nasty value as V000… and returns the
// file and the expected values.
func writeNasty(t *testing.T) (string, map[string]string) {
	t.Helper()
	want := map[string]string{}
	var sb strings.Builder
	for i, v := range nastyValues() {
		name := fmt.Sprintf("V%03d", i)
		line, err := envfile.Line(name, v)
		if err != nil {
			if !errors.Is(err, envfile.ErrUnwritable) {
				t.Fatal(err)
			}
			continue
		}
		want[name] = v
		sb.WriteString(line + "\n")
	}
	return sb.String(), want
}

func TestRoundTripGodotenv(t *testing.T) {
	content, want := writeNasty(t)
	got, err := godotenv.Unmarshal(content)
	if err != nil {
		t.Fatal(err)
	}
	compare(t, "godotenv", want, got)
}

func TestRoundTripComposeRules(t *testing.T) {
	content, want := writeNasty(t)
	got := map[string]string{}
	for _, line := range strings.Split(strings.TrimSuffix(content, "\n"), "\n") {
		name, raw, _ := strings.Cut(line, "=")
		v, err := composeValue(raw)
		if err != nil {
			t.Errorf("%s: %v in %q", name, err, line)
			continue
		}
		got[name] = v
	}
	compare(t, "compose rules", want, got)
}

// sh is POSIX sh (dash on Debian): `set -a; . ./.env` is how many
// deployments load the file outside Compose.
func TestRoundTripSh(t *testing.T) {
	content, want := writeNasty(t)
	path := filepath.Join(t.TempDir(), ".env")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("/bin/sh", "-c", `set -a; . "$1"; set +a; env -0`, "sh", path)
	cmd.Env = []string{"PATH=/usr/bin:/bin"}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("sh: %v: %s", err, stderr.String())
	}
	got := map[string]string{}
	for _, kv := range strings.Split(string(out), "\x00") {
		if k, v, ok := strings.Cut(kv, "="); ok && strings.HasPrefix(k, "V") {
			got[k] = v
		}
	}
	compare(t, "sh", want, got)
}

// The Node side (Kodus reads with dotenv) runs in Vitest over these files:
// frontend/src/lib/dotenvRoundtrip.test.ts. This test keeps them current.
func TestRoundTripFilesForNode(t *testing.T) {
	content, want := writeNasty(t)
	js, err := json.MarshalIndent(want, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "roundtrip.env", content)
	golden(t, "roundtrip.json", string(js)+"\n")
}

func compare(t *testing.T, reader string, want, got map[string]string) {
	t.Helper()
	names := make([]string, 0, len(want))
	for k := range want {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if g, ok := got[k]; !ok || g != want[k] {
			t.Errorf("%s read %s as %q, want %q", reader, k, g, want[k])
		}
	}
	if len(want) < 100 {
		t.Errorf("only %d values were writable", len(want))
	}
}

// composeValue reads the text after NAME= by Docker Compose's documented
// env_file rules (https://docs.docker.com/compose/env-file/):
// single quotes literal; double quotes with \n \r \t \\ \" escapes and $
// interpolation; unquoted values interpolated, an inline comment only
// after whitespace. Docker Compose itself cannot run here (no Docker
// engine), so anything that leans on undocumented behaviour, or that
// interpolation would change, is an error.
func composeValue(raw string) (string, error) {
	raw = strings.TrimLeft(raw, " \t")
	trailer := func(rest string) error {
		if r := strings.TrimLeft(rest, " \t"); r != "" && !strings.HasPrefix(r, "#") {
			return fmt.Errorf("text after the closing quote: %q", rest)
		}
		return nil
	}
	switch {
	case strings.HasPrefix(raw, "'"):
		end := strings.IndexByte(raw[1:], '\'')
		if end < 0 {
			return "", errors.New("unterminated single quote")
		}
		v := raw[1 : end+1]
		if strings.HasSuffix(v, `\`) {
			return "", errors.New(`\' before the closing quote reads as an escaped quote`)
		}
		return v, trailer(raw[end+2:])
	case strings.HasPrefix(raw, `"`):
		var sb strings.Builder
		for i := 1; i < len(raw); i++ {
			switch c := raw[i]; c {
			case '\\':
				if i+1 >= len(raw) {
					return "", errors.New("dangling backslash")
				}
				i++
				esc, ok := map[byte]string{'n': "\n", 'r': "\r", 't': "\t", '\\': `\`, '"': `"`}[raw[i]]
				if !ok {
					return "", fmt.Errorf("undocumented escape \\%c", raw[i])
				}
				sb.WriteString(esc)
			case '"':
				return sb.String(), trailer(raw[i+1:])
			case '$':
				return "", errors.New("$ is interpolated in double quotes")
			default:
				sb.WriteByte(c)
			}
		}
		return "", errors.New("unterminated double quote")
	}
	v := raw
	for i := 1; i < len(v); i++ {
		if v[i] == '#' && (v[i-1] == ' ' || v[i-1] == '\t') {
			v = v[:i]
			break
		}
	}
	v = strings.TrimRight(v, " \t")
	if strings.Contains(v, "$") {
		return "", errors.New("$ is interpolated in unquoted values")
	}
	return v, nil
}

// FuzzQuote: whatever Quote accepts reads back exactly through godotenv
// and Compose's rules, and it refuses only what no quoting can carry.
func FuzzQuote(f *testing.F) {
	for _, v := range append(nastyValues(), refusedValues...) {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		q, err := envfile.Quote(v)
		if err != nil {
			if !errors.Is(err, envfile.ErrUnwritable) {
				t.Fatalf("Quote(%q): unexpected error kind %v", v, err)
			}
			quotable := !strings.ContainsAny(v, "\n\r\x00") && utf8Valid(v) &&
				(!strings.ContainsRune(v, '\'') && !strings.HasSuffix(v, `\`) || !strings.ContainsAny(v, "'\"\\$`") ||
					strings.ContainsRune(v, '\'') && !strings.ContainsAny(v, "\"\\$`"))
			if quotable {
				t.Fatalf("Quote(%q) refused a value it can carry: %v", v, err)
			}
			return
		}
		got, perr := godotenv.Unmarshal("K=" + q + "\n")
		if perr != nil || got["K"] != v {
			t.Fatalf("godotenv read %q back as %q (%v), want %q", q, got["K"], perr, v)
		}
		c, cerr := composeValue(q)
		if cerr != nil || c != v {
			t.Fatalf("compose rules read %q back as %q (%v), want %q", q, c, cerr, v)
		}
	})
}
