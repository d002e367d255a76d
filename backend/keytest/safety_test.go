package keytest

import (
	"context"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kodusbyok/studio/backend/secrets"
)

// Every provider: timeout, refused connection, redirect, huge body, key
// echo, server error and an answer the test does not recognise.
func TestEveryProviderSafetyCases(t *testing.T) {
	for _, fam := range families {
		t.Run(fam.name, func(t *testing.T) {
			t.Run("timeout", func(t *testing.T) {
				f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
					<-r.Context().Done() // held until the client gives up: only its timeout ends it
				})
				tr := testerFor(f)
				tr.Timeout = 200 * time.Millisecond
				res := check(t, tr, fam.settings(f.URL), fam.key, CodeTimeout)
				if !strings.Contains(res.Message, "200ms") {
					t.Errorf("timeout: %s", res.Message)
				}
			})
			t.Run("network", func(t *testing.T) {
				f := newFake(t, respond(200, `{}`))
				base := f.URL
				tr := testerFor(f)
				f.Close() // nothing listens there any more
				res := check(t, tr, fam.settings(base), fam.key, CodeNetwork)
				if !strings.Contains(res.Message, "connection refused") {
					t.Errorf("message = %q", res.Message)
				}
			})
			t.Run("redirect is not followed", func(t *testing.T) {
				other := newFake(t, respond(200, `{"data":[]}`))
				f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
					http.Redirect(w, r, other.URL+r.URL.Path, http.StatusFound)
				})
				res := check(t, testerFor(f), fam.settings(f.URL), fam.key, CodeNotFound)
				if res.HTTPStatus != 302 || res.Headline != "Endpoint redirected" || !strings.Contains(res.Message, other.URL) {
					t.Errorf("redirect result = %+v", res)
				}
				if n := len(other.requests()); n != 0 {
					t.Fatalf("the redirect target got %d request(s): the key went to another host", n)
				}
			})
			t.Run("huge body", func(t *testing.T) {
				var whole atomic.Bool
				f := newFake(t, func(w http.ResponseWriter, _ *http.Request) {
					w.WriteHeader(http.StatusInternalServerError)
					whole.Store(writeHuge(w))
				})
				res := check(t, testerFor(f), fam.settings(f.URL), fam.key, CodeServerError)
				f.Close() // waits for the handler
				if whole.Load() || len(res.ProviderMessage) > maxMessage+10 {
					t.Errorf("huge body: read whole %v, message of %d bytes", whole.Load(), len(res.ProviderMessage))
				}
			})
			t.Run("key echo is redacted", func(t *testing.T) {
				if fam.name == "vertex-sa" {
					t.Skip("a service account is never sent; its token is covered in TestVertex")
				}
				body := `{"error":{"message":"Incorrect API key provided: ` + fam.key + `. Truncated: ` + fam.key[:len(fam.key)-4] + `…","type":"invalid_request_error","code":"invalid_api_key"}}`
				f := newFake(t, respond(http.StatusUnauthorized, body))
				res := check(t, testerFor(f), fam.settings(f.URL), fam.key, CodeAuth)
				if !strings.Contains(res.ProviderMessage, "Incorrect API key provided: [redacted]. Truncated: [redacted]…") {
					t.Errorf("provider message = %q", res.ProviderMessage)
				}
			})
			t.Run("unrecognised answer", func(t *testing.T) {
				f := newFake(t, respond(http.StatusNoContent, ``))
				check(t, testerFor(f), fam.settings(f.URL), fam.key, CodeUnknown)
			})
		})
	}
}

// The --json interface: these eight names, never renamed.
func TestResultJSONFields(t *testing.T) {
	b, _ := json.Marshal(finish(Result{Slot: "main", Code: CodeOK}))
	var m map[string]any
	json.Unmarshal(b, &m)
	for _, k := range []string{"slot", "ok", "code", "httpStatus", "latencyMs", "modelFound", "message", "hint"} {
		if _, ok := m[k]; !ok {
			t.Errorf("result JSON lacks %q: %s", k, b)
		}
	}
	if m["modelFound"] != nil {
		t.Errorf("modelFound should be null when unknown: %s", b)
	}
}

func TestEveryCodeHasHeadlineAndHint(t *testing.T) {
	seen := map[string]Code{}
	for _, c := range Codes {
		r := finish(Result{Code: c})
		if r.Headline == "" || r.Hint == "" || r.Message == "" {
			t.Errorf("%s: %+v", c, r)
		}
		if prev, dup := seen[r.Headline]; dup {
			t.Errorf("%s and %s share the headline %q", c, prev, r.Headline)
		}
		seen[r.Headline] = c
	}
	codes := append([]Code(nil), Codes...)
	sort.Slice(codes, func(i, j int) bool { return codes[i] < codes[j] })
	if len(codes) != 14 {
		t.Errorf("codes = %v", codes)
	}
}

func TestRedact(t *testing.T) {
	key := "sk-ant-api03-FAKEsecretKEY0123456789"
	tests := []struct{ in, want string }{
		{"bad key " + key, "bad key [redacted]"},
		{`"` + key[:20] + `…"`, `"[redacted]…"`},
		{"key=" + key + ".", "key=[redacted]."},
		{"short sk-ant is fine", "short sk-ant is fine"},
		{"sk-proj-****abcd was masked by the provider", "sk-proj-****abcd was masked by the provider"},
	}
	for _, tt := range tests {
		if got := Redact(tt.in, []string{key}); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	sa := serviceAccountJSON()
	if got := Redact("service_account fakekeyid0123456789abcdef", redactions(secrets.NewSecret(sa))); got != "service_account [redacted]" {
		t.Errorf("service account redaction = %q", got)
	}
}

// A caller's client must not follow redirects either.
func TestCallerClientDoesNotFollowRedirects(t *testing.T) {
	other := newFake(t, respond(200, `{}`))
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL, http.StatusMovedPermanently)
	})
	tr := tester()
	tr.Client = &http.Client{Transport: tr.Client.Transport}
	check(t, tr, families[0].settings(f.URL), fakeOpenAIKey, CodeNotFound)
	if len(other.requests()) != 0 {
		t.Fatal("followed a redirect")
	}
}

func TestTLSIsVerified(t *testing.T) {
	srv := httptest.NewUnstartedServer(respond(200, `{"id":"gpt-5.4"}`))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	defer srv.Close()
	res := check(t, tester(), Settings{Provider: "openai", Model: "gpt-5.4", BaseURL: srv.URL + "/v1"}, fakeOpenAIKey, CodeNetwork)
	if !strings.Contains(res.Message, "not trusted") {
		t.Errorf("message = %q", res.Message)
	}
}

func TestBadInputNeedsNoNetwork(t *testing.T) {
	tr := tester()
	ctx := context.Background()
	if r := tr.Test(ctx, Settings{Provider: "openai_compatible", Model: "m"}, secrets.Secret{}); r.Code != CodeBadRequest || r.OK {
		t.Errorf("no base URL = %+v", r)
	}
	if r := tr.Test(ctx, Settings{Provider: "openai_compatible", Model: "m", BaseURL: "ftp://x/v1"}, secrets.Secret{}); r.Code != CodeBadRequest {
		t.Errorf("ftp = %+v", r)
	}
	if r := tr.Test(ctx, Settings{Provider: "openai", Model: "gpt-5.4"}, secrets.Secret{}); r.Code != CodeAuth || !strings.Contains(r.Message, "no key") {
		t.Errorf("no key = %+v", r)
	}
}

// writeHuge writes a 100 MB body and reports whether all of it went out:
// it cannot, when the client stops reading and hangs up.
func writeHuge(w http.ResponseWriter) bool {
	chunk := []byte(strings.Repeat("x", 64<<10))
	for range 1600 {
		if _, err := w.Write(chunk); err != nil {
			return false
		}
	}
	return true
}
