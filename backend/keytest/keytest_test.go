package keytest

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/kodusbyok/studio/backend/internal/fakeprovider"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/secrets"
)

// Fake keys: they look fake on purpose, and are written in two parts so
// that no line of the source looks like a real key.
const fakeOpenAIKey = "sk-proj-" + "FAKE-test-key-0001"

// tester only dials loopback, so no test can ever reach a real provider.
func tester() *Tester {
	c := NewClient()
	c.Transport.(*http.Transport).DialContext = fakeprovider.LoopbackOnly
	return &Tester{Client: c, Catalog: kodusline.MustGet(kodusline.Mid2026).Catalog(), Timeout: 3 * time.Second, UserAgent: "kodus-byok-test/1"}
}

// setup is one provider setup pointed at a fake server.
type setup struct {
	name     string
	settings func(base string) Settings
	key      string
}

var families = []setup{
	{"openai", func(b string) Settings { return Settings{Provider: "openai", Model: "gpt-5.4", BaseURL: b + "/v1"} }, fakeOpenAIKey},
	{"anthropic", func(b string) Settings {
		return Settings{Provider: "anthropic", Model: "claude-sonnet-4-6", BaseURL: b + "/v1"}
	}, "sk-ant-api03-FAKEtestKEY0123456789-abc"},
	{"gemini", func(b string) Settings {
		return Settings{Provider: "google_gemini", Model: "gemini-3.1-pro-preview", BaseURL: b + "/v1beta"}
	}, "AIzaFAKE-test-key-0001ghijk"},
	{"vertex-express", func(b string) Settings {
		return Settings{Provider: "google_vertex", Model: "gemini-2.5-pro", BaseURL: b + "/v1"}
	}, "AQ.FAKEtestVertexExpressKEY0123456789"},
	{"vertex-sa", func(b string) Settings {
		return Settings{Provider: "google_vertex", Model: "gemini-2.5-pro", BaseURL: b + "/v1", VertexLocation: "us-central1"}
	}, fakeprovider.ServiceAccountJSON()},
	{"openrouter", func(b string) Settings {
		return Settings{Provider: "open_router", Model: "moonshotai/kimi-k2.5", BaseURL: b + "/api/v1"}
	}, "sk-or-v1-" + "FAKE-test-key-0001"},
	{"novita", func(b string) Settings {
		return Settings{Provider: "novita", Model: "moonshotai/kimi-k2-instruct", BaseURL: b + "/openai/v1"}
	}, "sk_FAKE-test-key-0001"},
	{"moonshot", func(b string) Settings {
		return Settings{Provider: "openai_compatible", Model: "kimi-k2.6", Plan: "moonshot", BaseURL: b + "/v1"}
	}, "sk-" + "FAKE-moonshot-key-0001"},
	{"kimi-code", func(b string) Settings {
		return Settings{Provider: "openai_compatible", Model: "kimi-for-coding", Plan: "kimi-code", BaseURL: b + "/coding/v1"}
	}, "sk-kimi-" + "FAKE-test-key-0001"},
	{"zai", func(b string) Settings {
		return Settings{Provider: "openai_compatible", Model: "glm-5.1", Plan: "paas", BaseURL: b + "/api/paas/v4/"}
	}, "FAKEzaiKEY0123456789abcdef.ghijklmn"},
	{"compatible", func(b string) Settings {
		return Settings{Provider: "openai_compatible", Model: "llama3.1:8b", BaseURL: b + "/v1"}
	}, "FAKE-vllm-KEY-0123456789"},
}

// check runs one test against a fake and checks the verdict.
func check(t *testing.T, tr *Tester, s Settings, key string, want Code) Result {
	t.Helper()
	res := tr.Test(context.Background(), s, secrets.NewSecret(key))
	if res.Code != want {
		t.Fatalf("code = %s, want %s\nresult: %+v", res.Code, want, res)
	}
	if res.OK != (want == CodeOK || want == CodeRateLimit) {
		t.Errorf("ok = %v for %s", res.OK, want)
	}
	if res.Headline == "" || res.Message == "" || res.Hint == "" {
		t.Errorf("incomplete result: %+v", res)
	}
	if key != "" && len(key) >= 12 && strings.Contains(mustJSON(res), key) {
		t.Errorf("the key leaked into the result: %+v", res)
	}
	return res
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func testerFor(f *fakeprovider.Server) *Tester {
	tr := tester()
	tr.GoogleTokenURL = f.TokenURL()
	return tr
}
