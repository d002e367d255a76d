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

const (
	claudeKey = "sk-ant-FAKEcli-0123456789-abcdef-xyz"
	// tokenMark is in every token the stand-in issues.
	tokenMark = "FAKE-access."
)

// kodusHarness is the CLI harness with a stand-in docker first on PATH and
// a home of its own.
func kodusHarness(t *testing.T) (*harness, *installtest.Docker) {
	h := newCurrentHarness(t)
	d := installtest.NewDocker(t)
	h.env["PATH"] = d.Dir
	h.env["HOME"] = t.TempDir()
	return h, d
}

func login(t *testing.T, h *harness, url string) result {
	t.Helper()
	return h.ok(kodustest.Password+"\n", "kodus", "login", "--url", url, "--email", kodustest.Email, "--password-stdin")
}

func noTokenLeak(t *testing.T, h *harness, outputs ...result) {
	t.Helper()
	for _, r := range outputs {
		if strings.Contains(r.stdout+r.stderr, tokenMark) {
			t.Fatalf("a token was printed:\n%s%s", r.stdout, r.stderr)
		}
	}
	db, err := os.ReadFile(filepath.Join(h.env["KODUS_BYOK_HOME"], "profiles.db"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(db), tokenMark) || strings.Contains(string(db), "FAKE-refresh") {
		t.Fatal("a token is stored in the profile database")
	}
}

func TestKodusLoginStatusLogout(t *testing.T) {
	k := kodustest.New(t, kodustest.Options{BehindWeb: true})
	k.Seed(map[string]any{"version": 2,
		"credentials": []any{map[string]any{"id": "c1", "provider": "anthropic", "apiKey": "sk-ant-FAKE-stored-0123456789-xyz"}},
		"models":      []any{map[string]any{"id": "m1", "credentialId": "c1", "model": "claude-sonnet-4-6", "reasoningEffort": "medium"}},
		"routing":     map[string]any{"defaultModelId": "m1"}})
	h, _ := kodusHarness(t)
	r1 := login(t, h, k.URL)
	if !strings.Contains(r1.stdout, "Signed in to Kodus at "+k.URL) || !strings.Contains(r1.stdout, "/api/proxy/api") {
		t.Fatalf("login said: %s", r1.stdout)
	}
	r2 := h.ok("", "kodus", "status", "--json")
	var st map[string]any
	if err := json.Unmarshal([]byte(r2.stdout), &st); err != nil {
		t.Fatalf("%v: %s", err, r2.stdout)
	}
	if st["source"] != "byok" || st["byok"].(map[string]any)["model"] != "claude-sonnet-4-6" {
		t.Fatalf("status: %s", r2.stdout)
	}
	m := st["byokConfig"].(map[string]any)["models"].([]any)[0].(map[string]any)
	if m["keyMasked"] != "sk...xyz" || m["roles"].([]any)[0] != "default" || m["resolvable"] != true {
		t.Fatalf("model view: %v", m)
	}
	r3 := h.ok("", "kodus", "status")
	if !strings.Contains(r3.stdout, "source: byok") || !strings.Contains(r3.stdout, "claude-sonnet-4-6 (Anthropic) · key sk...xyz · thinking medium · can run") {
		t.Fatalf("status:\n%s", r3.stdout)
	}
	noTokenLeak(t, h, r1, r2, r3)

	r4 := h.ok("", "kodus", "logout")
	if !strings.Contains(r4.stdout, "Signed out") {
		t.Fatal(r4.stdout)
	}
	r5 := h.run("", "kodus", "status")
	if r5.code != 1 || !strings.Contains(r5.stderr, "not signed in to Kodus: sign in first") {
		t.Fatalf("after logout: %d %s", r5.code, r5.stderr)
	}
	if got := k.Requests(); !contains(got, "POST /api/proxy/api/auth/logout") {
		t.Fatalf("Kodus was not told: %v", got)
	}
}

func TestKodusExpiredTokenIsRefreshedAndKept(t *testing.T) {
	k := kodustest.New(t, kodustest.Options{})
	h, _ := kodusHarness(t)
	login(t, h, k.URL)
	k.ExpireAccessTokens()
	r := h.ok("", "kodus", "status", "--json")
	if !strings.Contains(r.stdout, `"source": "none"`) {
		t.Fatal(r.stdout)
	}
	// The refreshed tokens were saved: the next command needs no refresh.
	before := len(k.Requests())
	h.ok("", "kodus", "status", "--json")
	for _, req := range k.Requests()[before:] {
		if req == "POST /auth/refresh" {
			t.Fatal("the refreshed session was not kept")
		}
	}
	k.ExpireSessions()
	r = h.run("", "kodus", "status")
	if r.code != 1 || !strings.Contains(r.stderr, "sign in again: kodus-byok kodus login --url "+k.URL) {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	noTokenLeak(t, h, r)
}

func TestKodusLoginRefusals(t *testing.T) {
	k := kodustest.New(t, kodustest.Options{})
	h, _ := kodusHarness(t)
	r := h.run("wrong\n", "kodus", "login", "--url", k.URL, "--email", kodustest.Email, "--password-stdin")
	if r.code != 1 || !strings.Contains(r.stderr, "Kodus refused the email or password") || !strings.Contains(r.stderr, "api.users.unauthorized") {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	r = h.run("", "kodus", "login", "--url", k.URL, "--email", kodustest.Email)
	if r.code != 2 || !strings.Contains(r.stderr, "--password-stdin") {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	r = h.run("pw\n", "kodus", "login", "--email", kodustest.Email, "--password-stdin")
	if r.code != 2 {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
}

func TestKodusFind(t *testing.T) {
	h, _ := kodusHarness(t)
	dir := installtest.Layout(t, "IMAGE_TAG=latest")
	if err := os.Rename(dir, filepath.Join(h.env["HOME"], "kodus-installer")); err != nil {
		t.Fatal(err)
	}
	r := h.ok("", "kodus", "find", "--json")
	var res struct {
		Installs []struct {
			Dir         string   `json:"dir"`
			LLMServices []string `json:"llmServices"`
			ImageTag    string   `json:"imageTag"`
		} `json:"installs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || len(res.Installs) != 1 {
		t.Fatalf("%v %s", err, r.stdout)
	}
	if in := res.Installs[0]; in.Dir != filepath.Join(h.env["HOME"], "kodus-installer") || strings.Join(in.LLMServices, ",") != "api,worker" || in.ImageTag != "latest" {
		t.Fatalf("%+v", in)
	}
}

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

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func TestKodusPull(t *testing.T) {
	k := kodustest.New(t, kodustest.Options{})
	k.Seed(map[string]any{"version": 2,
		"credentials": []any{
			map[string]any{"id": "c-ant", "provider": "anthropic", "apiKey": "sk-ant-FAKE-stored-0123456789-xyz"},
			map[string]any{"id": "c-oai", "provider": "openai", "apiKey": "sk-FAKE-openai-0123456789-abc"},
		},
		"models": []any{
			map[string]any{"id": "m-ant", "credentialId": "c-ant", "model": "claude-sonnet-4-6", "reasoningEffort": "medium", "maxOutputTokens": 16384},
			map[string]any{"id": "m-oai", "credentialId": "c-oai", "model": "gpt-5.4", "reasoningEffort": "none"},
			map[string]any{"id": "m-spare", "credentialId": "c-oai", "model": "gpt-5.2"},
		},
		"routing": map[string]any{"defaultModelId": "m-ant", "fallbackModelId": "m-oai"}})
	h, _ := kodusHarness(t)
	login(t, h, k.URL)

	// Kodus returns keys masked: without the key nothing is saved.
	r := h.run("", "kodus", "pull", "--profile", "team")
	if r.code != 2 || !strings.Contains(r.stderr, "Kodus returns keys masked (sk...xyz)") {
		t.Fatalf("%d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	r = h.ok("sk-ant-FAKE-stored-0123456789-xyz\n", "kodus", "pull", "--profile", "team", "--key-stdin")
	if !strings.Contains(r.stdout, "main ← Kodus m-ant: anthropic · claude-sonnet-4-6 · thinking medium") ||
		!strings.Contains(r.stderr, "the fallback (gpt-5.4, OpenAI) is not pulled: it needs its key") ||
		!strings.Contains(r.stderr, "1 other model(s) in Kodus") {
		t.Fatalf("stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
	show := h.ok("", "profile", "show", "team", "--json")
	var p struct {
		Main struct {
			Model, ReasoningEffort, APIKeyMasked string
			MaxOutputTokens                      int
		}
		Fallback *struct{}
	}
	json.Unmarshal([]byte(show.stdout), &p)
	if p.Main.Model != "claude-sonnet-4-6" || p.Main.ReasoningEffort != "medium" || p.Main.MaxOutputTokens != 16384 || p.Main.APIKeyMasked != "sk…xyz" || p.Fallback != nil {
		t.Fatalf("profile: %s", show.stdout)
	}

	// The profile exists: replacing it asks first; with --yes the local key
	// for the same provider is kept, and a different one is named.
	r = h.run("", "kodus", "pull", "--profile", "team")
	if r.code != 1 || !strings.Contains(r.stderr, "re-run with --yes") {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	h.ok("sk-ant-FAKE-local-other-0123456789-qrs", "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--key-stdin")
	r = h.ok("", "kodus", "pull", "--profile", "team", "--yes", "--json")
	var j struct {
		Plan struct {
			Main struct {
				KeepsLocalKey, LocalKeyDiffers bool
			}
		}
	}
	json.Unmarshal([]byte(r.stdout), &j)
	if !j.Plan.Main.KeepsLocalKey || !j.Plan.Main.LocalKeyDiffers {
		t.Fatalf("%s", r.stdout)
	}
	if len(k.Saves()) != 0 {
		t.Fatal("pull wrote to Kodus")
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
		os.Chmod(env, 0o644)
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
	os.Chmod(filepath.Join(dir, ".env"), 0o640)
	r := h.run("", "kodus", "apply-env", "team", "--dir", dir, "--json")
	var j map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &j); err != nil || j["mode"] != "0640" || !strings.Contains(fmt.Sprint(j["modeWarning"]), "the members of its group") {
		t.Errorf("json = %s (%v)", r.stdout, err)
	}
}
