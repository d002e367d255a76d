package dryrun

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

	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/kodusline"
)

// Fake keys: they look fake on purpose.
const (
	fakeAnthropicKey = "sk-ant-api03-FAKEdryRUNkey0123456789-abc"
	fakeOpenAIKey    = "sk-proj-FAKEdryRUNkey0123456789abcdef"
	fakeGeminiKey    = "AIzaFAKEdryRUNkey0123456789abcdefghij"
	fakeMoonshotKey  = "sk-FAKEmoonshotDRYrun0123456789abcdef"
	fakeRouterKey    = "sk-or-v1-FAKEdryRUNkey0123456789abcdef"
	fakeZaiKey       = "FAKEzaiDRYrun0123456789abcdef.ghijklmn"
	fakeToken        = "ya29.FAKE-dry-run-access-token-0123456789"
)

// seen is a request as the fake provider received it.
type seen struct {
	Method, Path string
	Header       http.Header
	Body         map[string]any
	Raw          string
}

// fake is a provider on 127.0.0.1 that records every request.
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
		var body map[string]any
		_ = json.Unmarshal(b, &body)
		f.mu.Lock()
		f.reqs = append(f.reqs, seen{r.Method, r.URL.Path, r.Header.Clone(), body, string(b)})
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

// respond answers with a status, a body and header pairs.
func respond(status int, body string, hdr ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		for i := 0; i+1 < len(hdr); i += 2 {
			w.Header().Set(hdr[i], hdr[i+1])
		}
		if w.Header().Get("Content-Type") == "" {
			w.Header().Set("Content-Type", "application/json")
		}
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

// runner only dials loopback, so no test can ever reach a real provider.
func runner(f *fake) *Runner {
	c := keytest.NewClient()
	c.Transport.(*http.Transport).DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if host, _, _ := net.SplitHostPort(addr); host != "127.0.0.1" {
			return nil, fmt.Errorf("test tried to reach %s", addr)
		}
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}
	tr := &keytest.Tester{Client: c, Catalog: kodusline.MustGet(kodusline.Mid2026).Catalog(), Timeout: 3 * time.Second, UserAgent: "kodus-byok/test (Kodus BYOK Studio settings dry run)"}
	if f != nil {
		tr.GoogleTokenURL = f.URL + "/token"
	}
	return &Runner{Tester: tr}
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
		der, err := x509.MarshalPKCS8PrivateKey(pk)
		if err != nil {
			panic(err)
		}
		b, _ := json.Marshal(map[string]string{
			"type": "service_account", "project_id": "fake-project", "private_key_id": "fakekeyid0123456789abcdef",
			"private_key": string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})), "client_email": "kodus@fake-project.iam.gserviceaccount.com",
			"token_uri": "https://oauth2.googleapis.com/token",
		})
		saJSON = string(b)
	})
	return saJSON
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// at reads a nested value of a decoded JSON body by dotted path.
func at(m map[string]any, path string) any {
	var cur any = m
	for _, k := range strings.Split(path, ".") {
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = obj[k]
	}
	return cur
}
