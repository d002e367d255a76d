package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/joho/godotenv"

	"github.com/kodusbyok/studio/backend/kodusapi/kodustest"
	"github.com/kodusbyok/studio/backend/kodusinstall/installtest"
)

// The Fixed Mode flow end to end on the installer layout: merge, recreate
// through the stand-in docker, and the proof from the container and from
// Kodus's status.
func TestKodusApplyEnvRestartsAndVerifies(t *testing.T) {
	h, d := kodusHarness(t)
	dir := installtest.Layout(t)
	before, _ := os.ReadFile(filepath.Join(dir, ".env"))
	h.ok(claudeKey, "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--key-stdin")

	r := h.ok("", "kodus", "apply-env", "team", "--dir", dir, "--restart", "--yes", "--json")
	var j struct {
		Written  bool     `json:"written"`
		Backup   string   `json:"backup"`
		Diff     string   `json:"diff"`
		Services []string `json:"services"`
		Restart  struct {
			Ran, OK  bool
			Services []string
			Command  string
		} `json:"restart"`
		Verify struct {
			Method    string
			OK        bool
			Variables []struct{ Name, Value string }
		} `json:"verify"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &j); err != nil {
		t.Fatalf("%v: %s", err, r.stdout)
	}
	if !j.Written || j.Backup == "" || !strings.Contains(j.Diff, "+API_LLM_PROVIDER_MODEL=claude-sonnet-4-6") || strings.Contains(j.Diff, claudeKey) {
		t.Fatalf("merge: %+v", j)
	}
	if !j.Restart.Ran || !j.Restart.OK || strings.Join(j.Restart.Services, " ") != "api worker" {
		t.Fatalf("restart: %+v", j.Restart)
	}
	calls := d.Calls(t)
	if len(calls) != 2 || calls[0].Dir != dir || calls[0].Args != "compose up -d api worker" || calls[1].Args != "compose exec -T api env" {
		t.Fatalf("docker calls: %+v", calls)
	}
	if j.Verify.Method != "container-env" || !j.Verify.OK {
		t.Fatalf("verify: %+v", j.Verify)
	}
	seen := map[string]string{}
	for _, v := range j.Verify.Variables {
		seen[v.Name] = v.Value
	}
	if seen["API_LLM_PROVIDER_MODEL"] != "claude-sonnet-4-6" || seen["API_OPEN_AI_API_KEY"] != "sk…xyz" {
		t.Fatalf("container sees %v", seen)
	}
	if strings.Contains(r.stdout+r.stderr, claudeKey) {
		t.Fatal("the key was printed")
	}
	after, _ := godotenv.Read(filepath.Join(dir, ".env"))
	if after["API_OPEN_AI_API_KEY"] != claudeKey || after["API_LLM_PROVIDER_MODEL"] != "claude-sonnet-4-6" {
		t.Fatalf(".env: %v", after["API_LLM_PROVIDER_MODEL"])
	}
	if backup, _ := os.ReadFile(j.Backup); string(backup) != string(before) {
		t.Fatal("the backup is not the old file")
	}
	if st, _ := os.Stat(filepath.Join(dir, ".env")); st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", st.Mode())
	}

	// Signed in, the proof is Kodus's own status: source env, the new model.
	k := kodustest.New(t, kodustest.Options{Env: func() map[string]string {
		vals, _ := godotenv.Read(d.ContainerEnvFile("api"))
		return vals
	}})
	login(t, h, k.URL)
	h.ok(claudeKey, "profile", "set", "team", "--provider", "anthropic", "--model", "claude-opus-4-7", "--key-stdin")
	r = h.ok("", "kodus", "apply-env", "team", "--dir", dir, "--restart", "--yes")
	if !strings.Contains(r.stdout, "Recreated api, worker.") || !strings.Contains(r.stdout, "  | ") ||
		!strings.Contains(r.stdout, "verified (kodus-status): Kodus now uses the .env (source env): model claude-opus-4-7.") {
		t.Fatalf("stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "takes precedence over the .env") {
		t.Fatalf("no precedence note:\n%s", r.stderr)
	}
}

func TestKodusApplyEnvWithoutDockerPrintsTheCommand(t *testing.T) {
	h, d := kodusHarness(t)
	dir := installtest.Layout(t)
	h.ok(claudeKey, "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--key-stdin")
	for mode, said := range map[string]string{"nodaemon": "the Docker daemon is not running", "denied": "this user may not use Docker"} {
		d.SetMode(t, mode)
		r := h.run("", "kodus", "apply-env", "team", "--dir", dir, "--restart", "--yes")
		if r.code != 1 || !strings.Contains(r.stdout, said) || !strings.Contains(r.stdout, "Run it yourself: cd "+dir+" && docker compose up -d api worker") {
			t.Fatalf("%s: %d\n%s\n%s", mode, r.code, r.stdout, r.stderr)
		}
	}
	// No docker at all.
	h.env["PATH"] = t.TempDir()
	r := h.run("", "kodus", "apply-env", "team", "--dir", dir, "--restart", "--yes", "--json")
	if r.code != 1 || !strings.Contains(r.stdout, `"unavailable": true`) || !strings.Contains(r.stdout, "Docker is not installed here") {
		t.Fatalf("%d\n%s", r.code, r.stdout)
	}
	vals, _ := godotenv.Read(filepath.Join(dir, ".env"))
	if vals["API_LLM_PROVIDER_MODEL"] != "claude-sonnet-4-6" {
		t.Fatal("the .env was not merged")
	}
}

func TestKodusApplyEnvAsksFirst(t *testing.T) {
	h, d := kodusHarness(t)
	dir := installtest.Layout(t)
	before, _ := os.ReadFile(filepath.Join(dir, ".env"))
	h.ok(claudeKey, "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--key-stdin")
	r := h.run("", "kodus", "apply-env", "team", "--dir", dir, "--restart")
	if r.code != 1 || !strings.Contains(r.stderr, "re-run with --yes") || !strings.Contains(r.stdout, "+API_LLM_PROVIDER_MODEL=claude-sonnet-4-6") {
		t.Fatalf("%d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, ".env")); string(after) != string(before) || len(d.Calls(t)) != 0 {
		t.Fatal("written or restarted without a yes")
	}
	r = h.run("", "kodus", "apply-env", "team", "--dir", t.TempDir(), "--yes")
	if r.code != 1 || !strings.Contains(r.stderr, "no compose file") {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
}

func TestKodusApplyEnvNamesTheInstallsLine(t *testing.T) {
	h, _ := kodusHarness(t)
	dir := installtest.Layout(t, "IMAGE_TAG=selfhosted-2.1.28")
	h.ok(claudeKey, "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--key-stdin")
	r := h.ok("", "kodus", "apply-env", "team", "--dir", dir, "--yes")
	if !strings.Contains(r.stderr, "IMAGE_TAG=selfhosted-2.1.28") || !strings.Contains(r.stderr, "kodus line set mid-2026") {
		t.Fatalf("%s", r.stderr)
	}
	r = h.ok("", "kodus", "apply-env", "team", "--dir", dir, "--kodus-line", "mid-2026", "--yes")
	if strings.Contains(r.stderr, "IMAGE_TAG=") {
		t.Fatalf("%s", r.stderr)
	}
}

// apply-env warns as env --merge does when others can read the .env that
// will hold the key, and --chmod-600 tightens it to owner-only.
func TestKodusApplyEnvIntoAReadableEnv(t *testing.T) {
	h, _ := kodusHarness(t)
	h.ok(claudeKey, "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--key-stdin")
	for _, c := range []struct {
		flags []string
		want  os.FileMode
	}{{nil, 0o644}, {[]string{"--chmod-600"}, 0o600}} {
		dir := installtest.Layout(t)
		env := filepath.Join(dir, ".env")
		if err := os.Chmod(env, 0o644); err != nil {
			t.Fatal(err)
		}
		var asked string
		askConfirm = func(_ *app, prompt string) (bool, bool, error) { asked = prompt; return true, true, nil }
		r := h.ok("", append([]string{"kodus", "apply-env", "team", "--dir", dir}, c.flags...)...)
		askConfirm = defaultAsk
		st, _ := os.Stat(env)
		if st.Mode().Perm() != c.want {
			t.Errorf("%v: mode %o, want %o", c.flags, st.Mode().Perm(), c.want)
		}
		if c.flags == nil {
			if !strings.Contains(r.stderr, "is readable by other users on this machine (mode 0644)") || !strings.Contains(r.stderr, "(add --chmod-600)") ||
				!strings.Contains(asked, "readable by others (mode 0644)") || !strings.Contains(r.stderr, "is still readable by others") {
				t.Errorf("no warning:\nasked %q\n%s", asked, r.stderr)
			}
			continue
		}
		if !strings.Contains(asked, "Its mode goes from 0644 to 0600 (--chmod-600)") || !strings.Contains(r.stderr, "its mode went from 0644 to 0600") || strings.Contains(r.stderr, "add --chmod-600") {
			t.Errorf("--chmod-600:\nasked %q\n%s", asked, r.stderr)
		}
	}
	dir := installtest.Layout(t)
	if err := os.Chmod(filepath.Join(dir, ".env"), 0o640); err != nil {
		t.Fatal(err)
	}
	r := h.run("", "kodus", "apply-env", "team", "--dir", dir, "--json")
	var j map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &j); err != nil || j["mode"] != "0640" || !strings.Contains(fmt.Sprint(j["modeWarning"]), "the members of its group") {
		t.Errorf("json = %s (%v)", r.stdout, err)
	}
}
