package dryrun

import (
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/secrets"
)

func anthropicInput(base string) Input {
	return Input{Provider: "anthropic", Model: "claude-sonnet-4-6", BaseURL: base + "/v1", MaxOutputTokens: intp(1024)}
}

func run(t *testing.T, r *Runner, in Input, key string) Result {
	t.Helper()
	res, err := r.Run(context.Background(), in, secrets.NewSecret(key))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// The key test's safety rules hold for the dry run: one try, a deadline,
// no redirect, bounded bodies, the key never shown.
func TestSafety(t *testing.T) {
	t.Run("server errors are not retried", func(t *testing.T) {
		for _, status := range []int{429, 500, 503, 529} {
			f := newFake(t, respond(status, `{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`, "Retry-After", "1"))
			res := run(t, runner(f), anthropicInput(f.URL), fakeAnthropicKey)
			if n := len(f.requests()); n != 1 || res.OK || res.HTTPStatus != status {
				t.Errorf("HTTP %d: %d request(s), result %+v", status, n, res)
			}
		}
	})
	t.Run("timeout", func(t *testing.T) {
		f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done() // held until the client gives up: only its timeout ends it
		})
		r := runner(f)
		r.Tester.Timeout = 200 * time.Millisecond
		res := run(t, r, anthropicInput(f.URL), fakeAnthropicKey)
		if res.Code != keytest.CodeTimeout || !strings.Contains(res.Message, "200ms") {
			t.Errorf("timeout: %+v", res)
		}
	})
	t.Run("redirect is not followed", func(t *testing.T) {
		other := newFake(t, respond(200, `{}`))
		f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, other.URL+r.URL.Path, http.StatusTemporaryRedirect)
		})
		res := run(t, runner(f), anthropicInput(f.URL), fakeAnthropicKey)
		if res.HTTPStatus != 307 || res.OK || !strings.Contains(res.Message, other.URL) {
			t.Errorf("redirect result = %+v", res)
		}
		if n := len(other.requests()); n != 0 {
			t.Fatalf("the redirect target got %d request(s): the key went to another host", n)
		}
	})
	t.Run("huge body is cut", func(t *testing.T) {
		var whole atomic.Bool
		f := newFake(t, func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(http.StatusBadRequest)
			chunk := []byte(strings.Repeat("x", 64<<10))
			for range 1600 { // 100 MB unless the client stops reading and hangs up
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
			whole.Store(true)
		})
		res := run(t, runner(f), anthropicInput(f.URL), fakeAnthropicKey)
		f.Close() // waits for the handler
		if whole.Load() || len(res.ProviderMessage) > 500 || res.OK {
			t.Errorf("huge body: read whole %v, message of %d bytes", whole.Load(), len(res.ProviderMessage))
		}
	})
	t.Run("an echoed key is redacted", func(t *testing.T) {
		f := newFake(t, respond(401, `{"error":{"message":"Incorrect API key provided: `+fakeOpenAIKey+`. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}`))
		res := run(t, runner(f), Input{Provider: "openai", Model: "gpt-5.4", BaseURL: f.URL + "/v1"}, fakeOpenAIKey)
		if res.Code != keytest.CodeAuth || strings.Contains(mustJSON(res), fakeOpenAIKey) || !strings.Contains(res.ProviderMessage, "[redacted]") {
			t.Errorf("echo = %s", mustJSON(res))
		}
	})
	t.Run("nothing listening", func(t *testing.T) {
		f := newFake(t, respond(200, `{}`))
		base := f.URL
		r := runner(f)
		f.Close()
		res := run(t, r, anthropicInput(base), fakeAnthropicKey)
		if res.Code != keytest.CodeNetwork || res.Sent || !strings.Contains(res.Message, "connection refused") {
			t.Errorf("refused = %+v", res)
		}
	})
	t.Run("no key, nothing sent", func(t *testing.T) {
		f := newFake(t, respond(200, `{}`))
		res := run(t, runner(f), anthropicInput(f.URL), "")
		if res.Code != keytest.CodeAuth || res.Sent || len(f.requests()) != 0 {
			t.Errorf("keyless = %+v, %d requests", res, len(f.requests()))
		}
	})
	t.Run("a broken base URL is an error before sending", func(t *testing.T) {
		_, err := runner(nil).Run(context.Background(), Input{Provider: "openai_compatible", Model: "m", BaseURL: "ftp://example"}, secrets.Secret{})
		if err == nil || !strings.Contains(err.Error(), "not an http:// or https://") {
			t.Errorf("err = %v", err)
		}
	})
}

// A service account becomes an OAuth token (through the same client); the
// token reaches Vertex AI as a Bearer, and is never shown.
func TestVertexServiceAccount(t *testing.T) {
	f := newFake(t, respond(200, `{"candidates":[{"content":{"parts":[{"text":"OK"}],"role":"model"},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":14,"candidatesTokenCount":1,"totalTokenCount":15}}`))
	in := Input{Provider: "google_vertex", Model: "gemini-2.5-pro", BaseURL: f.URL + "/v1", VertexLocation: "us-central1", MaxOutputTokens: intp(2048),
		ProviderOptions: opts(`{"google":{"thinkingConfig":{"thinkingBudget":5000}}}`)}
	res := run(t, runner(f), in, serviceAccountJSON())
	if res.Code != keytest.CodeOK || res.Usage == nil || res.Usage.InputTokens != 14 || res.Usage.OutputTokens != 1 {
		t.Fatalf("result = %+v", res)
	}
	s := f.last(t)
	if s.Path != "/v1/projects/fake-project/locations/us-central1/publishers/google/models/gemini-2.5-pro:generateContent" || s.Header.Get("Authorization") != "Bearer "+fakeToken {
		t.Errorf("request = %s %v", s.Path, s.Header)
	}
	if strings.Contains(mustJSON(res), fakeToken) || strings.Contains(mustJSON(res), "PRIVATE KEY") {
		t.Error("the token or the private key reached the result")
	}
	if res.Request.Headers["Authorization"] != "Bearer [OAuth access token from the service account]" {
		t.Errorf("shown headers = %v", res.Request.Headers)
	}
}

// Claude on Vertex speaks the Anthropic protocol over rawPredict.
func TestVertexClaude(t *testing.T) {
	f := newFake(t, respond(200, `{"id":"msg_vrtx_FAKE","type":"message","role":"assistant","model":"claude-sonnet-4-6","content":[{"type":"text","text":"OK"}],"stop_reason":"end_turn","usage":{"input_tokens":20,"output_tokens":4}}`))
	in := Input{Provider: "google_vertex", Model: "claude-sonnet-4-6", BaseURL: f.URL + "/v1", MaxOutputTokens: intp(4096),
		ProviderOptions: opts(`{"google":{"thinkingConfig":{"thinkingLevel":"medium"}}}`)}
	res := run(t, runner(f), in, serviceAccountJSON())
	s := f.last(t)
	if res.Code != keytest.CodeOK || s.Path != "/v1/projects/fake-project/locations/global/publishers/anthropic/models/claude-sonnet-4-6:rawPredict" ||
		s.Body["anthropic_version"] != "vertex-2023-10-16" || s.Body["model"] != nil || s.Body["thinking"] != nil {
		t.Fatalf("result %+v\nrequest %s %s", res, s.Path, s.Raw)
	}
	if !strings.Contains(strings.Join(res.Request.Notes, " "), "to send thinking, use Custom with an anthropic block") {
		t.Errorf("notes = %q", res.Request.Notes)
	}
}
