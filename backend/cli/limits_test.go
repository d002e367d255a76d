package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Input the user points at is read up to what it can sensibly be, and a
// bigger one is a clear error: a Custom JSON (64 KB), a LiteLLM price
// file (32 MB; /dev/zero ends there), a Kodus .env (1 MB).
func TestOversizedInputIsRefused(t *testing.T) {
	h := glmHarness(t)
	dir := t.TempDir()
	bigJSON := filepath.Join(dir, "thinking.json")
	if err := os.WriteFile(bigJSON, []byte(`{"x":"`+strings.Repeat("a", 100<<10)+`"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	bigEnv := filepath.Join(dir, "big.env")
	if err := os.WriteFile(bigEnv, []byte("# padding\n"+strings.Repeat("A=1\n", 600<<10)), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		stdin string
		args  []string
		code  int
		want  string
	}{
		{"", []string{"profile", "set", "glm", "--provider", "openai_compatible", "--model", "glm-5.1", "--thinking-json", bigJSON}, ExitUsage, "at most 64 KB"},
		{`{"x":"` + strings.Repeat("a", 100<<10) + `"}`, []string{"profile", "set", "glm", "--provider", "openai_compatible", "--model", "glm-5.1", "--thinking-json", "-"}, ExitUsage, "more than 64 KB"},
		{"", []string{"prices", "import", "/dev/zero"}, ExitUsage, "more than 32 MB"},
		{"", []string{"env", "inspect", bigEnv}, ExitFailure, "a Kodus .env is a few KB"},
		{"", []string{"env", "glm", "--merge", bigEnv, "--force"}, ExitFailure, "a Kodus .env is a few KB"},
		{"", []string{"env", "import", bigEnv, "--profile", "imported"}, ExitFailure, "a Kodus .env is a few KB"},
	}
	for _, c := range cases {
		r := h.run(c.stdin, c.args...)
		lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
		if r.code != c.code || !strings.Contains(lines[len(lines)-1], c.want) {
			t.Errorf("%v: exit %d, want %d with %q\n%s", c.args, r.code, c.code, c.want, r.stderr)
		}
	}
	if got, _ := os.ReadFile(bigEnv); !strings.HasPrefix(string(got), "# padding\n") || len(got) != 10+4*(600<<10) {
		t.Error("the big .env was changed")
	}
}
