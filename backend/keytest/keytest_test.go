package keytest

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/secrets"
)

// Fake keys: they look fake on purpose.
const (
	fakeOpenAIKey = "sk-proj-FAKEtestKEY0123456789abcdef"
	fakeToken     = "ya29.FAKE-access-token-0123456789"
)

// seen is a request as the fake provider received it.
type seen struct {
	Method, Path, Query string
	Header              http.Header
	Body                string
}

// fake is a provider on 127.0.0.1 that records what it receives.
type fake struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []seen
}

func newFake(t *testing.T, h http.HandlerFunc) *fake {
	t.Helper()
	f := &fake{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		f.reqs = append(f.reqs, seen{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Clone(), string(b)})
		f.mu.Unlock()
		if r.URL.Path == "/token" {
			respond(200, `{"access_token":"`+fakeToken+`","token_type":"Bearer","expires_in":3599}`)(w, r)
			return
		}
		h(w, r)
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fake) requests() []seen {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]seen(nil), f.reqs...)
}

// last is the last request that was not the OAuth token request.
func (f *fake) last(t *testing.T) seen {
	t.Helper()
	rs := f.requests()
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i].Path != "/token" {
			return rs[i]
		}
	}
	t.Fatal("the fake provider got no request")
	return seen{}
}

// respond answers with a status, a JSON (or text) body and header pairs.
func respond(status int, body string, hdr ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		for i := 0; i+1 < len(hdr); i += 2 {
			w.Header().Set(hdr[i], hdr[i+1])
		}
		if w.Header().Get("Content-Type") == "" {
			ct := "application/json"
			if strings.HasPrefix(body, "<") {
				ct = "text/html"
			}
			w.Header().Set("Content-Type", ct)
		}
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

// byPath routes by URL path suffix; anything else is a 404.
func byPath(routes map[string]http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for suffix, h := range routes {
			if strings.HasSuffix(r.URL.Path, suffix) {
				h(w, r)
				return
			}
		}
		respond(404, `404 page not found`, "Content-Type", "text/plain")(w, r)
	}
}

// tester only dials loopback, so no test can ever reach a real provider.
func tester() *Tester {
	c := NewClient()
	c.Transport.(*http.Transport).DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if host, _, _ := net.SplitHostPort(addr); host != "127.0.0.1" {
			return nil, fmt.Errorf("test tried to reach %s", addr)
		}
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}
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
	}, "AIzaFAKEtestKEY0123456789abcdefghijk"},
	{"vertex-express", func(b string) Settings {
		return Settings{Provider: "google_vertex", Model: "gemini-2.5-pro", BaseURL: b + "/v1"}
	}, "AQ.FAKEtestVertexExpressKEY0123456789"},
	{"vertex-sa", func(b string) Settings {
		return Settings{Provider: "google_vertex", Model: "gemini-2.5-pro", BaseURL: b + "/v1", VertexLocation: "us-central1"}
	}, serviceAccountJSON()},
	{"openrouter", func(b string) Settings {
		return Settings{Provider: "open_router", Model: "moonshotai/kimi-k2.5", BaseURL: b + "/api/v1"}
	}, "sk-or-v1-FAKEtestKEY0123456789abcdef"},
	{"novita", func(b string) Settings {
		return Settings{Provider: "novita", Model: "moonshotai/kimi-k2-instruct", BaseURL: b + "/openai/v1"}
	}, "sk_FAKEtestKEY0123456789abcdef"},
	{"moonshot", func(b string) Settings {
		return Settings{Provider: "openai_compatible", Model: "kimi-k2.6", Plan: "moonshot", BaseURL: b + "/v1"}
	}, "sk-FAKEmoonshotKEY0123456789abcdef"},
	{"kimi-code", func(b string) Settings {
		return Settings{Provider: "openai_compatible", Model: "kimi-for-coding", Plan: "kimi-code", BaseURL: b + "/coding/v1"}
	}, "sk-kimi-FAKEtestKEY0123456789abcdef"},
	{"zai", func(b string) Settings {
		return Settings{Provider: "openai_compatible", Model: "glm-5.1", Plan: "paas", BaseURL: b + "/api/paas/v4/"}
	}, "FAKEzaiKEY0123456789abcdef.ghijklmn"},
	{"compatible", func(b string) Settings {
		return Settings{Provider: "openai_compatible", Model: "llama3.1:8b", BaseURL: b + "/v1"}
	}, "FAKE-vllm-KEY-0123456789"},
}

var (
	saOnce sync.Once
	saJSON string
)

// serviceAccountJSON is a service account with a freshly made RSA key, so
// the real JWT signing path runs.
func serviceAccountJSON() string {
	saOnce.Do(func() {
		pk, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic(err)
		}
		pemKey := pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: must(x509.MarshalPKCS8PrivateKey(pk))})
		b, _ := json.Marshal(map[string]string{
			"type": "service_account", "project_id": "fake-project", "private_key_id": "fakekeyid0123456789abcdef",
			"private_key": string(pemKey), "client_email": "kodus@fake-project.iam.gserviceaccount.com",
			"token_uri": "https://oauth2.googleapis.com/token",
		})
		saJSON = string(b)
	})
	return saJSON
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
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

func testerFor(f *fake) *Tester {
	tr := tester()
	tr.GoogleTokenURL = f.URL + "/token"
	return tr
}
