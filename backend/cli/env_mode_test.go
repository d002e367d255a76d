package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// Merging the key into a file others can read says so in the diff and in
// the question; --chmod-600 tightens the mode, and nothing ever loosens it.
func TestEnvMergeIntoAReadableFile(t *testing.T) {
	h := glmHarness(t)
	cases := []struct {
		mode, want os.FileMode
		flags      []string
		warned     bool
	}{
		{0o644, 0o644, nil, true},
		{0o644, 0o600, []string{"--chmod-600"}, true},
		{0o640, 0o600, []string{"--chmod-600"}, true},
		{0o444, 0o400, []string{"--chmod-600"}, true},
		{0o600, 0o600, []string{"--chmod-600"}, false},
		{0o400, 0o400, nil, false},
	}
	for _, c := range cases {
		p := layout(t, t.TempDir())
		if err := os.Chmod(p, c.mode); err != nil {
			t.Fatal(err)
		}
		var asked string
		askConfirm = func(_ *app, prompt string) (bool, bool, error) { asked = prompt; return true, true, nil }
		r := h.ok("", append([]string{"env", "glm", "--merge", p}, c.flags...)...)
		askConfirm = defaultAsk
		warnedDiff := strings.Contains(r.stderr, "is readable by") && strings.Contains(r.stderr, "mode "+modeText(c.mode))
		warnedAsk := strings.Contains(asked, "readable by others") || strings.Contains(asked, "mode goes from")
		tightened := c.flags != nil && c.warned
		if c.warned && !tightened && !warnedDiff {
			t.Errorf("%o: no warning with the diff:\n%s", c.mode, r.stderr)
		}
		if warnedAsk != c.warned {
			t.Errorf("%o: question %q (warned %v)", c.mode, asked, c.warned)
		}
		fi, _ := os.Stat(p)
		if fi.Mode().Perm() != c.want {
			t.Errorf("%o %v: mode after the merge = %o, want %o", c.mode, c.flags, fi.Mode().Perm(), c.want)
		}
		if tightened && !strings.Contains(r.stderr, "its mode went from") {
			t.Errorf("%o: the tightening is not reported:\n%s", c.mode, r.stderr)
		}
		if c.warned && !tightened && !strings.Contains(r.stderr, "is still readable by others") {
			t.Errorf("%o: no warning after writing:\n%s", c.mode, r.stderr)
		}
	}

	// --json carries the warning; --chmod-600 needs --merge.
	p := layout(t, t.TempDir())
	if err := os.Chmod(p, 0o644); err != nil {
		t.Fatal(err)
	}
	r := h.run("", "env", "glm", "--merge", p, "--json")
	var j map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &j); err != nil || j["mode"] != "0644" || !strings.Contains(j["modeWarning"].(string), "other users") {
		t.Errorf("json = %s (%v)", r.stdout, err)
	}
	if r := h.run("", "env", "glm", "--out", p+".new", "--chmod-600"); r.code != ExitUsage {
		t.Errorf("--chmod-600 without --merge = %d %s", r.code, r.stderr)
	}
}

func modeText(m os.FileMode) string { return fmt.Sprintf("%04o", m.Perm()) }
