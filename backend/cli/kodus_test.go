package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	if err := json.Unmarshal([]byte(show.stdout), &p); err != nil {
		t.Fatal(err)
	}
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
	if err := json.Unmarshal([]byte(r.stdout), &j); err != nil {
		t.Fatal(err)
	}
	if !j.Plan.Main.KeepsLocalKey || !j.Plan.Main.LocalKeyDiffers {
		t.Fatalf("%s", r.stdout)
	}
	if len(k.Saves()) != 0 {
		t.Fatal("pull wrote to Kodus")
	}
}
