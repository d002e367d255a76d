package envfile_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/envfile"
	"github.com/kodusbyok/studio/backend/internal/golden"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
	"github.com/kodusbyok/studio/backend/studio"
)

var now = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

// Fake keys, shaped like the real ones so masking and routing are real.
var fakeKeys = map[string]string{
	catalog.Anthropic:        "sk-ant-api03-FAKE-test-key-0000-abc",
	catalog.OpenAI:           "sk-proj-FAKE-test-key-0000-def",
	catalog.GoogleGemini:     "AIzaSyFAKE-test-key-000000000ghi",
	catalog.OpenRouter:       "sk-or-v1-FAKE-test-key-0000-jkl",
	catalog.Novita:           "sk_FAKE-test-key-0000-mno",
	catalog.OpenAICompatible: "FAKE-compatible-test-key-0000-pqr",
	catalog.Moonshot:         "sk-FAKE-moonshot-test-key-0000-stu",
	catalog.Zai:              "FAKE0zai0test0key0000000000000000.vwxyzFAKE",
}

const fakeServiceAccount = `{"type":"service_account","project_id":"fake-project-123","private_key_id":"0000fakekeyid0000abc","private_key":"-----BEGIN PRIVATE KEY-----\nFAKE\n-----END PRIVATE KEY-----\n","client_email":"kodus@fake-project-123.iam.gserviceaccount.com"}`

func draft(t *testing.T, model, plan string) profile.Slot {
	t.Helper()
	s, err := studio.DraftOn(kodusline.MustGet(kodusline.Mid2026), model, plan)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func build(t *testing.T, src envfile.Source, opts envfile.Options) *envfile.Block {
	t.Helper()
	if src.Line == nil {
		src.Line = kodusline.MustGet(kodusline.Mid2026)
	}
	if src.Catalog == nil {
		src.Catalog = src.Line.Catalog()
	}
	if src.Profile == "" {
		src.Profile = "team"
	}
	b, err := envfile.Build(src, opts, now)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return b
}

// describe renders everything an export shows, for the golden files.
func describe(t *testing.T, b *envfile.Block) string {
	t.Helper()
	text, err := b.Render(false)
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	sb.WriteString("== block ==\n" + text)
	masked, _ := b.Render(true)
	sb.WriteString("== masked ==\n" + masked)
	inf := b.Inferred
	fmt.Fprintf(&sb, "== Kodus will use ==\nprovider: %s (%s)\nbase URL: %s\nrule: %s\n", inf.Provider, inf.ProviderLabel, inf.BaseURL, inf.Rule)
	sb.WriteString("== warnings ==\n")
	for _, w := range b.Warnings {
		fmt.Fprintf(&sb, "[%s] %s\n", w.Code, w.Message)
		if w.Fix != "" {
			fmt.Fprintf(&sb, "  fix: %s\n", w.Fix)
		}
	}
	sb.WriteString("== not carried ==\n")
	for _, n := range b.NotCarried {
		fmt.Fprintf(&sb, "%s (%s): %s\n", n.Setting, n.Value, n.Consequence)
	}
	return sb.String()
}

func assertGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Assert(t, filepath.Join("testdata", name), []byte(got))
}

// Every catalog model, and every plan of those with plans, has a golden
// block: the exact variables Kodus will read.
func TestGoldenCatalog(t *testing.T) {
	cat := kodusline.MustGet(kodusline.Mid2026).Catalog()
	eachCard(t, cat, func(t *testing.T, m catalog.Model, plan, name string) {
		s := draft(t, m.ID, plan)
		key := fakeKeys[s.Provider]
		b := build(t, envfile.Source{Main: s, Key: secrets.NewSecret(key)}, envfile.Options{})
		got := describe(t, b)
		assertGolden(t, "golden/"+name+".golden", got)
		if b.Inferred.Provider != envfile.ExpectedRoute(s, cat).Provider {
			t.Errorf("Kodus would route %s to %s", m.ID, b.Inferred.Provider)
		}
		for _, w := range b.Warnings {
			if w.Code == "routing" {
				t.Errorf("catalog model %s mis-routes: %s", m.ID, w.Message)
			}
		}
		masked, _ := b.Render(true)
		if strings.Contains(masked, key) {
			t.Error("masked render holds the key")
		}
	})
}

// eachCard runs f for every card of a catalog, once per plan.
func eachCard(t *testing.T, cat *catalog.Catalog, f func(t *testing.T, m catalog.Model, plan, name string)) {
	for _, m := range cat.Models {
		plans := m.VariantIDs()
		if len(plans) == 0 {
			plans = []string{""}
		}
		for _, plan := range plans {
			name := strings.ReplaceAll(m.ID, "/", "_")
			if plan != "" {
				name += "." + plan
			}
			t.Run(name, func(t *testing.T) { f(t, m, plan, name) })
		}
	}
}

func TestGoldenSelfHostedAndGateways(t *testing.T) {
	order := []string{"moonshotai", "together"}
	cases := []struct {
		name     string
		main     profile.Slot
		fallback *profile.Slot
		key      string
		opts     envfile.Options
	}{
		{name: "ollama", main: profile.Slot{Settings: profile.Settings{Provider: catalog.OpenAICompatible, Model: "llama3.1:8b", BaseURL: "http://localhost:11434/v1"}},
			opts: envfile.Options{LANAddresses: func() []string { return []string{"192.168.1.20"} }}},
		{name: "ollama-docker-host", main: profile.Slot{Settings: profile.Settings{Provider: catalog.OpenAICompatible, Model: "llama3.1:8b", BaseURL: "http://localhost:11434/v1"}},
			opts: envfile.Options{ReplaceLocalhost: "host.docker.internal"}},
		{name: "vllm", main: profile.Slot{Settings: profile.Settings{Provider: catalog.OpenAICompatible, Model: "Qwen/Qwen3-Coder-30B-A3B-Instruct", BaseURL: "http://vllm.internal:8000/v1", MaxConcurrentRequests: profile.Ptr(8)}},
			key: "FAKE-vllm-token-0000-stu", opts: envfile.Options{TrustJSONSchema: true}},
		{name: "openrouter", main: profile.Slot{
			Settings: profile.Settings{
				Provider:                 catalog.OpenRouter,
				Model:                    "moonshotai/kimi-k2.5",
				Temperature:              profile.Ptr(0.0),
				MaxOutputTokens:          profile.Ptr(16384),
				OpenRouterProviderOrder:  order,
				OpenRouterAllowFallbacks: profile.Ptr(false),
			},
		}, key: fakeKeys[catalog.OpenRouter]},
		{name: "vertex-gemini", main: profile.Slot{Settings: profile.Settings{Provider: catalog.GoogleVertex, Model: "gemini-2.5-pro", VertexLocation: "europe-west4"}}, key: fakeServiceAccount},
		{name: "vertex-claude", main: profile.Slot{Settings: profile.Settings{Provider: catalog.GoogleVertex, Model: "claude-sonnet-4-6", VertexLocation: "us-east5"}}, key: fakeServiceAccount},
		{name: "team-with-fallback", main: profile.Slot{Settings: profile.Settings{Provider: catalog.Anthropic, Model: "claude-sonnet-4-6", Temperature: profile.Ptr(0.0), MaxOutputTokens: profile.Ptr(16384), ReasoningEffort: "high"}},
			fallback: &profile.Slot{Settings: profile.Settings{Provider: catalog.OpenAICompatible, Model: "glm-5.1", Plan: "coding-plan", BaseURL: "https://api.z.ai/api/coding/paas/v4", MaxConcurrentRequests: profile.Ptr(1)}},
			key:      fakeKeys[catalog.Anthropic]},
		{name: "custom-temperature", main: profile.Slot{Settings: profile.Settings{Provider: catalog.OpenAI, Model: "gpt-5.4", Temperature: profile.Ptr(0.3), ReasoningEffort: "custom", ReasoningConfigOverride: `{"reasoningEffort": "low"}`}},
			key: fakeKeys[catalog.OpenAI]},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := build(t, envfile.Source{Main: c.main, Fallback: c.fallback, Key: secrets.NewSecret(c.key)}, c.opts)
			assertGolden(t, "golden/"+c.name+".golden", describe(t, b))
		})
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// Every card and plan of the current line: Kimi and GLM keep the
// OpenAI-compatible endpoints Fixed Mode can reach, and Fixed Mode's
// family-default reasoning is said.
func TestGoldenCatalogCurrent(t *testing.T) {
	l := kodusline.MustGet(kodusline.Current)
	eachCard(t, l.Catalog(), func(t *testing.T, m catalog.Model, plan, name string) {
		s, err := studio.DraftOn(l, m.ID, plan)
		if err != nil {
			t.Fatal(err)
		}
		b := build(t, envfile.Source{Main: s, Key: secrets.NewSecret(fakeKeys[s.Provider]), Line: l}, envfile.Options{})
		assertGolden(t, "golden-current/"+name+".golden", describe(t, b))
		if b.Inferred.Provider != envfile.ExpectedRoute(s, l.Catalog()).Provider {
			t.Errorf("Kodus would route %s to %s", m.ID, b.Inferred.Provider)
		}
		for _, w := range b.Warnings {
			if w.Code == "routing" {
				t.Errorf("catalog model %s mis-routes: %s", m.ID, w.Message)
			}
		}
	})
}
