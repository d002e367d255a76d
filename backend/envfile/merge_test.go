package envfile_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/joho/godotenv"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/envfile"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
)

func fixture(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/kodus-env-layout.env")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var managedRE = regexp.MustCompile(`API_OPEN_AI_API_KEY|API_OPENAI_FORCE_BASE_URL|API_TRUST_JSON_SCHEMA_BASE_URLS|API_LLM_PROVIDER_MODEL|API_LLM_TEMPERATURE_OVERRIDE|API_GOOGLE_AI_API_KEY|GOOGLE_GENERATIVE_AI_API_KEY|API_VERTEX_AI_API_KEY|API_VERTEX_AI_LOCATION|^# (Added|Commented out) by Kodus BYOK Studio`)

// unrelated is every line of a file that is not an LLM variable line or a
// line the merge adds, byte for byte (line endings included).
func unrelated(content string) []string {
	var out []string
	for _, l := range strings.SplitAfter(content, "\n") {
		if !managedRE.MatchString(strings.TrimLeft(l, "# ")) && !managedRE.MatchString(l) {
			out = append(out, l)
		}
	}
	return out
}

func assertUnrelatedKept(t *testing.T, old, merged string) {
	t.Helper()
	a, b := unrelated(old), unrelated(merged)
	if len(a) != len(b) {
		t.Fatalf("unrelated lines: %d before, %d after", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("unrelated line %d changed:\n- %q\n+ %q", i+1, a[i], b[i])
		}
	}
	before, _ := godotenv.Unmarshal(old)
	after, err := godotenv.Unmarshal(merged)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range before {
		if !managedRE.MatchString(k) && after[k] != v {
			t.Errorf("%s changed from %q to %q", k, v, after[k])
		}
	}
}

func TestMergeIntoInstallerLayout(t *testing.T) {
	old := fixture(t)
	cases := []struct {
		name  string
		slot  profile.Slot
		key   string
		want  map[string]string
		added []string
	}{
		{"sonnet", draft(t, "claude-sonnet-4-6", ""), fakeKeys[catalog.Anthropic],
			map[string]string{"API_LLM_PROVIDER_MODEL": "claude-sonnet-4-6", "API_OPEN_AI_API_KEY": fakeKeys[catalog.Anthropic], "API_OPENAI_FORCE_BASE_URL": ""}, nil},
		{"glm coding plan", draft(t, "glm-5.1", "coding-plan"), fakeKeys[catalog.OpenAICompatible],
			map[string]string{"API_LLM_PROVIDER_MODEL": "glm-5.1", "API_OPENAI_FORCE_BASE_URL": "https://api.z.ai/api/coding/paas/v4"}, nil},
		{"kimi code", draft(t, "kimi-k2.6", "kimi-code"), fakeKeys[catalog.OpenAICompatible],
			map[string]string{"API_LLM_PROVIDER_MODEL": "kimi-for-coding", "API_LLM_TEMPERATURE_OVERRIDE": "1"}, nil},
		{"gemini", draft(t, "gemini-3.1-pro-preview-customtools", ""), fakeKeys[catalog.GoogleGemini],
			map[string]string{"API_GOOGLE_AI_API_KEY": fakeKeys[catalog.GoogleGemini], "API_OPEN_AI_API_KEY": ""}, []string{"API_GOOGLE_AI_API_KEY"}},
		{"vertex", profile.Slot{Settings: profile.Settings{Provider: catalog.GoogleVertex, Model: "gemini-2.5-pro", VertexLocation: "europe-west4"}}, fakeServiceAccount,
			map[string]string{"API_VERTEX_AI_LOCATION": "europe-west4"}, []string{"API_VERTEX_AI_API_KEY", "API_VERTEX_AI_LOCATION"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := build(t, envfile.Source{Main: c.slot, Key: secrets.NewSecret(c.key)}, envfile.Options{})
			res, err := envfile.Merge(old, b)
			if err != nil {
				t.Fatal(err)
			}
			assertUnrelatedKept(t, old, res.Content)
			vals, _ := godotenv.Unmarshal(res.Content)
			for k, v := range c.want {
				if vals[k] != v {
					t.Errorf("%s = %q, want %q", k, vals[k], v)
				}
			}
			if res.Inferred.Provider != b.Inferred.Provider || res.Inferred.BaseURL != b.Inferred.BaseURL {
				t.Errorf("merged file routes to %+v, block to %+v", res.Inferred, b.Inferred)
			}
			var added []string
			for _, ch := range res.Changes {
				if ch.Action == "added" {
					added = append(added, ch.Var)
					// Added lines sit in the LLM PROVIDERS section, before the opt-ins.
					lines := strings.Split(res.Content, "\n")
					if !strings.HasPrefix(lines[ch.Line-1], ch.Var+"=") {
						t.Errorf("change %+v points at %q", ch, lines[ch.Line-1])
					}
					if i := strings.Index(res.Content, ch.Var+"="); i > strings.Index(res.Content, "# API_MORPHLLM_API_KEY=") || i < strings.Index(res.Content, "## ----  LLM PROVIDERS") {
						t.Errorf("%s added outside the LLM section", ch.Var)
					}
				}
			}
			if strings.Join(added, ",") != strings.Join(c.added, ",") {
				t.Errorf("added %v, want %v", added, c.added)
			}
			again, err := envfile.Merge(res.Content, b)
			if err != nil || again.Content != res.Content || len(again.Changes) != 0 {
				t.Errorf("second merge changed the file: %v %+v", err, again.Changes)
			}
		})
	}
}

// Switching away from Vertex comments its variables out with the reason;
// a stale temperature override and proxy URL are emptied.
func TestMergeSwitchCleansUp(t *testing.T) {
	old := strings.Replace(fixture(t), "API_LLM_TEMPERATURE_OVERRIDE=\n", "API_LLM_TEMPERATURE_OVERRIDE=1\nAPI_VERTEX_AI_API_KEY=ZmFrZQ==\nAPI_VERTEX_AI_LOCATION=us-east5\n", 1)
	old = strings.Replace(old, "API_OPENAI_FORCE_BASE_URL=\n", "API_OPENAI_FORCE_BASE_URL=https://api.moonshot.ai/v1\n", 1)
	b := build(t, envfile.Source{Main: draft(t, "claude-opus-4-7", ""), Key: secrets.NewSecret(fakeKeys[catalog.Anthropic])}, envfile.Options{})
	res, err := envfile.Merge(old, b)
	if err != nil {
		t.Fatal(err)
	}
	assertUnrelatedKept(t, old, res.Content)
	vals, _ := godotenv.Unmarshal(res.Content)
	if vals["API_VERTEX_AI_API_KEY"] != "" || vals["API_LLM_TEMPERATURE_OVERRIDE"] != "" || vals["API_OPENAI_FORCE_BASE_URL"] != "" {
		t.Errorf("stale values survive: %q %q %q", vals["API_VERTEX_AI_API_KEY"], vals["API_LLM_TEMPERATURE_OVERRIDE"], vals["API_OPENAI_FORCE_BASE_URL"])
	}
	if !strings.Contains(res.Content, "legacy code path use Vertex AI whatever the model.\n# API_VERTEX_AI_API_KEY=ZmFrZQ==\n") {
		t.Errorf("vertex key not commented out with its reason:\n%s", res.Content)
	}
	actions := map[string]string{}
	for _, c := range res.Changes {
		actions[c.Var] = c.Action
	}
	want := map[string]string{"API_VERTEX_AI_API_KEY": "commented-out", "API_VERTEX_AI_LOCATION": "commented-out", "API_LLM_TEMPERATURE_OVERRIDE": "emptied",
		"API_OPENAI_FORCE_BASE_URL": "emptied", "API_OPEN_AI_API_KEY": "set", "API_LLM_PROVIDER_MODEL": "set"}
	for k, v := range want {
		if actions[k] != v {
			t.Errorf("%s: %q, want %q (all: %v)", k, actions[k], v, actions)
		}
	}
	if res.Inferred.Provider != envfile.RouteAnthropic {
		t.Errorf("merged routes to %s", res.Inferred.Provider)
	}
}

func TestMergeKeepsStyleAndLineEndings(t *testing.T) {
	b := build(t, envfile.Source{Main: draft(t, "glm-5.1", "paas"), Key: secrets.NewSecret(fakeKeys[catalog.OpenAICompatible])}, envfile.Options{})
	t.Run("export, spacing and inline comment", func(t *testing.T) {
		old := "# mine\nexport API_LLM_PROVIDER_MODEL = auto   # the mode\nOTHER='x y' # keep\n"
		res, err := envfile.Merge(old, b)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(res.Content, "export API_LLM_PROVIDER_MODEL = glm-5.1   # the mode\nOTHER='x y' # keep\n") {
			t.Errorf("style lost:\n%s", res.Content)
		}
		// No LLM PROVIDERS section: one is appended with the missing lines.
		if !strings.HasSuffix(res.Content, "## ----  LLM PROVIDERS  ----\n\n# Added by Kodus BYOK Studio on 2026-11-27 for profile team.\nAPI_OPEN_AI_API_KEY="+fakeKeys[catalog.OpenAICompatible]+"\nAPI_OPENAI_FORCE_BASE_URL=https://api.z.ai/api/paas/v4/\n") {
			t.Errorf("appended section:\n%s", res.Content)
		}
	})
	t.Run("CRLF and no final newline", func(t *testing.T) {
		old := "A=1\r\n## ----  LLM PROVIDERS  ----\r\nAPI_LLM_PROVIDER_MODEL=auto\r\n# API_EXA_KEY=\r\nZ=2"
		res, err := envfile.Merge(old, b)
		if err != nil {
			t.Fatal(err)
		}
		want := "A=1\r\n## ----  LLM PROVIDERS  ----\r\nAPI_LLM_PROVIDER_MODEL=glm-5.1\r\n# Added by Kodus BYOK Studio on 2026-11-27 for profile team.\r\nAPI_OPEN_AI_API_KEY=" + fakeKeys[catalog.OpenAICompatible] + "\r\nAPI_OPENAI_FORCE_BASE_URL=https://api.z.ai/api/paas/v4/\r\n# API_EXA_KEY=\r\nZ=2"
		if res.Content != want {
			t.Errorf("got\n%q\nwant\n%q", res.Content, want)
		}
	})
	t.Run("duplicates are all set", func(t *testing.T) {
		res, err := envfile.Merge("API_LLM_PROVIDER_MODEL=a\nAPI_LLM_PROVIDER_MODEL=b\n", b)
		if err != nil || strings.Count(res.Content, "API_LLM_PROVIDER_MODEL=glm-5.1\n") != 2 {
			t.Errorf("%v\n%s", err, res.Content)
		}
	})
	t.Run("a broken file is refused", func(t *testing.T) {
		if _, err := envfile.Merge("A=\"unterminated\nB=2\n", b); err == nil || !strings.Contains(err.Error(), "nothing was changed") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestDiffMasksSecrets(t *testing.T) {
	old := fixture(t)
	b := build(t, envfile.Source{Main: draft(t, "claude-sonnet-4-6", ""), Key: secrets.NewSecret(fakeKeys[catalog.Anthropic])}, envfile.Options{})
	res, _ := envfile.Merge(old, b)
	d := envfile.Diff(".env", old, res.Content)
	if !strings.Contains(d, "-API_LLM_PROVIDER_MODEL=auto") || !strings.Contains(d, "+API_LLM_PROVIDER_MODEL=claude-sonnet-4-6") || !strings.Contains(d, "+API_OPEN_AI_API_KEY=sk…abc") {
		t.Errorf("diff:\n%s", d)
	}
	if strings.Contains(d, "FAKE-test-key") || strings.Contains(d, "feedface") {
		t.Errorf("diff shows a secret:\n%s", d)
	}
}
