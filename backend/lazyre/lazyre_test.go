package lazyre

import (
	"regexp"
	"strings"
	"testing"
)

func TestSameAnswersAsRegexp(t *testing.T) {
	const pattern = `(?i)^claude-(opus|sonnet)-(\d+)`
	lazy, eager := New(pattern), regexp.MustCompile(pattern)
	for _, s := range []string{"claude-sonnet-4-6", "Claude-Opus-5", "gpt-5", ""} {
		if lazy.MatchString(s) != eager.MatchString(s) ||
			lazy.FindString(s) != eager.FindString(s) ||
			strings.Join(lazy.FindStringSubmatch(s), "|") != strings.Join(eager.FindStringSubmatch(s), "|") ||
			len(lazy.FindStringSubmatchIndex(s)) != len(eager.FindStringSubmatchIndex(s)) ||
			lazy.ReplaceAllStringFunc(s, strings.ToUpper) != eager.ReplaceAllStringFunc(s, strings.ToUpper) {
			t.Errorf("%q: lazy and eager answers differ", s)
		}
	}
	if lazy.String() != pattern {
		t.Errorf("String() = %q", lazy.String())
	}
}

func TestCheckFindsABrokenPattern(t *testing.T) {
	if err := Check(); err != nil {
		t.Fatalf("before: %v", err)
	}
	broken := New(`(unclosed`)
	defer func() {
		mu.Lock()
		all = all[:len(all)-1]
		mu.Unlock()
	}()
	if err := Check(); err == nil || !strings.Contains(err.Error(), "missing closing )") {
		t.Fatalf("Check() = %v, want the compile error of %s", err, broken)
	}
}
