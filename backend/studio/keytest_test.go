package studio

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/profile"
)

const fakeOpenAIKey = "sk-proj-FAKEstudioKEY0123456789"

// Main and Fallback are tested at the same time: the main server answers
// only once the fallback's request has arrived.
func TestTestSavedRunsSlotsConcurrently(t *testing.T) {
	s := newStudio(t)
	fallbackArrived := make(chan struct{})
	main := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-fallbackArrived:
		case <-time.After(3 * time.Second):
			w.WriteHeader(http.StatusGatewayTimeout)
			return
		}
		if r.Header.Get("Authorization") != "Bearer "+fakeOpenAIKey {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Write([]byte(`{"id":"gpt-5.4","object":"model"}`))
	}))
	defer main.Close()
	local := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(fallbackArrived)
		w.Write([]byte(`{"object":"list","data":[{"id":"llama3.1:8b"}]}`))
	}))
	defer local.Close()

	save(t, s, "team", profile.SlotMain, profile.Slot{Settings: profile.Settings{Provider: "openai", Model: "gpt-5.4", BaseURL: main.URL + "/v1"}}, fakeOpenAIKey)
	save(t, s, "team", profile.SlotFallback, profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "llama3.1:8b", BaseURL: local.URL + "/v1"}}, "")

	res, err := s.TestSaved(context.Background(), "team", []string{profile.SlotMain, profile.SlotFallback}, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 || res[0].Slot != "main" || res[1].Slot != "fallback" {
		t.Fatalf("results = %+v", res)
	}
	for _, r := range res {
		if !r.OK || r.Code != keytest.CodeOK || r.ModelFound == nil || !*r.ModelFound {
			t.Errorf("%s = %+v", r.Slot, r)
		}
	}
	if _, err := s.TestSaved(context.Background(), "nobody", []string{"main"}, time.Second); err == nil {
		t.Error("a missing profile tested fine")
	}
	save(t, s, "solo", profile.SlotMain, profile.Slot{Settings: profile.Settings{Provider: "openai", Model: "gpt-5.4"}}, fakeOpenAIKey)
	if _, err := s.TestSaved(context.Background(), "solo", []string{"fallback"}, time.Second); err == nil || !strings.Contains(err.Error(), "no fallback slot") {
		t.Error("a missing slot tested fine")
	}
}

func TestTestSettingsBeforeSaving(t *testing.T) {
	s := newStudio(t)
	ctx := context.Background()
	var gotAuth []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotAuth = append(gotAuth, r.Header.Get("Authorization"))
		if r.Header.Get("Authorization") != "Bearer "+fakeOpenAIKey {
			w.WriteHeader(http.StatusUnauthorized)
			w.Write([]byte(`{"error":{"message":"Incorrect API key provided: ` + strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ") + `","type":"invalid_request_error","code":"invalid_api_key"}}`))
			return
		}
		w.Write([]byte(`{"id":"gpt-5.4","object":"model"}`))
	}))
	defer srv.Close()
	in := SlotInput{Provider: "openai", Model: "gpt-5.4", BaseURL: srv.URL + "/v1"}

	// Bad input is reported per field and nothing is sent.
	bad := in
	bad.Temperature = profile.Ptr(9.0)
	out, err := s.TestSettings(ctx, TestSlotRequest{Profile: "p", Slot: "main", Config: bad, APIKey: fakeOpenAIKey})
	if err != nil || out.Result != nil || len(out.FieldErrors) != 1 || out.FieldErrors[0].Field != "temperature" || len(gotAuth) != 0 {
		t.Fatalf("bad input = %+v, %v (requests %d)", out, err, len(gotAuth))
	}
	// No key anywhere: a field error, nothing sent.
	out, _ = s.TestSettings(ctx, TestSlotRequest{Profile: "p", Slot: "main", Config: in})
	if len(out.FieldErrors) != 1 || out.FieldErrors[0].Field != "apiKey" || len(gotAuth) != 0 {
		t.Fatalf("no key = %+v", out)
	}
	// A pasted key is cleaned first, and the wrong one is redacted from the echo.
	out, _ = s.TestSettings(ctx, TestSlotRequest{Profile: "p", Slot: "main", Config: in, APIKey: " \"sk-proj-FAKEWRONGkey0123456789\"\n", TimeoutMs: 3000})
	if out.Result == nil || out.Result.Code != keytest.CodeAuth || strings.Contains(out.Result.ProviderMessage, "WRONGkey") || len(out.Notices) == 0 {
		t.Fatalf("wrong key = %+v", out)
	}
	if gotAuth[0] != "Bearer sk-proj-FAKEWRONGkey0123456789" {
		t.Errorf("sent %q: the key was not cleaned", gotAuth[0])
	}
	// Saved, then tested without pasting: the stored key is used for the
	// same provider and host, never for another host.
	save(t, s, "p", profile.SlotMain, in.Slot(), fakeOpenAIKey)
	out, _ = s.TestSettings(ctx, TestSlotRequest{Profile: "p", Slot: "main", Config: in})
	if out.Result == nil || !out.Result.OK || out.UsedStoredKey != "sk…789" || out.Result.Slot != "main" {
		t.Fatalf("stored key = %+v", out)
	}
	moved := in
	moved.BaseURL = "http://127.0.0.1:1/v1"
	out, _ = s.TestSettings(ctx, TestSlotRequest{Profile: "p", Slot: "main", Config: moved})
	if out.Result != nil || len(out.FieldErrors) != 1 {
		t.Fatalf("stored key offered to another host: %+v", out)
	}
}

func TestDescribeTest(t *testing.T) {
	s := newStudio(t)
	p := s.DescribeTest(SlotInput{Provider: "openai_compatible", Model: "glm-5.1", Plan: "coding-plan"}, "")
	if p.Kind != keytest.ProbeInference || !strings.Contains(p.Note, "1 output token") || !strings.Contains(p.Requests[0], "/api/coding/paas/v4/chat/completions") {
		t.Errorf("describe = %+v", p)
	}
	if p := s.DescribeTest(SlotInput{Provider: "anthropic", Model: "claude-sonnet-4-6"}, ""); p.Kind != keytest.ProbeMetadata || p.Note != "" {
		t.Errorf("describe = %+v", p)
	}
}
