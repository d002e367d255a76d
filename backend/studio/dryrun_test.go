package studio

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/kodusbyok/studio/backend/dryrun"
	"github.com/kodusbyok/studio/backend/profile"
)

const fakeMoonshotKey = "sk-FAKEstudioMOONSHOT0123456789"

// moonshot answers chat completions like Moonshot: temperature must be 1.
func moonshot(t *testing.T, hits *atomic.Int32, bodies chan<- map[string]any) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		var body map[string]any
		b, _ := io.ReadAll(r.Body)
		_ = json.Unmarshal(b, &body)
		if bodies != nil {
			bodies <- body
		}
		w.Header().Set("Content-Type", "application/json")
		if r.Header.Get("Authorization") != "Bearer "+fakeMoonshotKey {
			w.WriteHeader(http.StatusUnauthorized)
			w.Write([]byte(`{"error":{"message":"Invalid Authentication","type":"invalid_authentication_error"}}`))
			return
		}
		if body["temperature"] != 1.0 {
			w.WriteHeader(http.StatusBadRequest)
			w.Write([]byte(`{"error":{"message":"invalid temperature: only 1 is allowed for this model","type":"invalid_request_error"}}`))
			return
		}
		w.Write([]byte(`{"id":"chatcmpl-FAKE","object":"chat.completion","model":"kimi-k2.6","choices":[{"index":0,"message":{"role":"assistant","content":"OK"},"finish_reason":"stop"}],"usage":{"prompt_tokens":20,"completion_tokens":85,"total_tokens":105,"completion_tokens_details":{"reasoning_tokens":80}}}`))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func kimiSlot(base string, temp float64) profile.Slot {
	return profile.Slot{
		Settings: profile.Settings{
			Provider:        "openai_compatible",
			Model:           "kimi-k2.6",
			Plan:            "moonshot",
			BaseURL:         base + "/v1",
			Temperature:     &temp,
			MaxOutputTokens: profile.Ptr(16384),
			ReasoningEffort: "medium",
		},
	}
}

// A saved slot: the key comes from the keychain, the thinking preset goes
// into the body, the usage is priced, and a preview sends nothing.
func TestDryRunSavedSlot(t *testing.T) {
	s := newStudio(t)
	ctx := context.Background()
	var hits atomic.Int32
	bodies := make(chan map[string]any, 4)
	srv := moonshot(t, &hits, bodies)
	save(t, s, "team", profile.SlotMain, kimiSlot(srv.URL, 0), fakeMoonshotKey)

	prev, err := s.DryRun(ctx, DryRunRequest{Profile: "team", Preview: true})
	if err != nil || prev.Result == nil {
		t.Fatalf("preview: %v %+v", err, prev)
	}
	if prev.Result.Code != dryrun.CodePreview || prev.Result.Sent || hits.Load() != 0 {
		t.Fatalf("preview sent something: %d request(s), %+v", hits.Load(), prev.Result)
	}
	// 60 prompt tokens × 0.95 + 16384 × 4.00 per 1M.
	if prev.WorstCase != "0.065593" || prev.WorstCaseTokens != 16384 {
		t.Errorf("worst case = %s (%d tokens)", prev.WorstCase, prev.WorstCaseTokens)
	}

	res, err := s.DryRun(ctx, DryRunRequest{Profile: "team"})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Result
	if r.Code != dryrun.CodeSettingsRejected || r.Parameter != dryrun.ParamTemperature || !strings.Contains(r.Hint, "Set Temperature to 1") || r.Slot != "main" {
		t.Fatalf("result = %+v", r)
	}
	if b := <-bodies; b["temperature"] != 0.0 || b["thinking"] == nil || string(prev.Result.Request.Body) != string(r.Request.Body) {
		t.Errorf("sent %v; preview and send differ", b)
	}

	save(t, s, "team", profile.SlotMain, kimiSlot(srv.URL, 1), "")
	res, err = s.DryRun(ctx, DryRunRequest{Profile: "team"})
	if err != nil || res.Result.Code != "ok" || res.Result.Usage == nil {
		t.Fatalf("after the fix: %v %+v", err, res.Result)
	}
	// 20 × 0.95 + 85 × 4.00 per 1M.
	if u := res.Result.Usage; u.Cost != "0.000359" || u.ReasoningTokens == nil || *u.ReasoningTokens != 80 {
		t.Errorf("usage = %+v", u)
	}
	if hits.Load() != 2 {
		t.Errorf("%d requests; each dry run sends exactly one", hits.Load())
	}

	if _, err := s.DryRun(ctx, DryRunRequest{Profile: "team", Slot: "fallback"}); err == nil || !strings.Contains(err.Error(), "no fallback slot") {
		t.Errorf("missing fallback: %v", err)
	}
	if _, err := s.DryRun(ctx, DryRunRequest{Profile: "nobody"}); err == nil {
		t.Error("a missing profile ran")
	}
}

// Unsaved settings: checked like Save, the pasted key used, nothing sent
// when a field is wrong or the key is missing.
func TestDryRunEditedSettings(t *testing.T) {
	s := newStudio(t)
	ctx := context.Background()
	var hits atomic.Int32
	srv := moonshot(t, &hits, nil)
	in := InputFromSlot(kimiSlot(srv.URL, 1))

	res, err := s.DryRun(ctx, DryRunRequest{Slot: "main", Config: &in, APIKey: "  " + fakeMoonshotKey + "\n"})
	if err != nil || res.Result == nil || res.Result.Code != "ok" || !res.Result.OK {
		t.Fatalf("dry run = %v %+v", err, res)
	}
	if len(res.Notices) == 0 || !strings.Contains(strings.Join(res.Notices, " "), "key:") {
		t.Errorf("the key cleaning was not said: %v", res.Notices)
	}

	noKey, _ := s.DryRun(ctx, DryRunRequest{Config: &in})
	if len(noKey.FieldErrors) != 1 || noKey.FieldErrors[0].Field != "apiKey" || noKey.Result != nil {
		t.Errorf("without a key = %+v", noKey)
	}
	if p, _ := s.DryRun(ctx, DryRunRequest{Config: &in, Preview: true}); p.Result == nil || p.Result.Code != dryrun.CodePreview {
		t.Errorf("a preview needs no key: %+v", p)
	}

	bad := in
	bad.ReasoningEffort, bad.ReasoningConfigOverride = "custom", `{"thinking": {"type": "enabled"},}`
	fe, _ := s.DryRun(ctx, DryRunRequest{Config: &bad, APIKey: fakeMoonshotKey})
	if len(fe.FieldErrors) == 0 || fe.FieldErrors[0].Field != "reasoningConfigOverride" || fe.Result != nil {
		t.Errorf("invalid Custom JSON = %+v", fe)
	}
	temp := 3.0
	bad = in
	bad.Temperature = &temp
	fe, _ = s.DryRun(ctx, DryRunRequest{Config: &bad, APIKey: fakeMoonshotKey})
	if len(fe.FieldErrors) == 0 || fe.FieldErrors[0].Field != "temperature" {
		t.Errorf("temperature 3 = %+v", fe)
	}
	if hits.Load() != 1 {
		t.Errorf("%d requests; only the valid dry run may send", hits.Load())
	}
	if strings.Contains(mustMarshal(res), fakeMoonshotKey) {
		t.Error("the key is in the result")
	}
}

func mustMarshal(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// A preview reads no key (but a Vertex one), yet its headers still show
// where a stored key will go; a keyless local server gets none.
func TestDryRunPreviewHeaders(t *testing.T) {
	s := newStudio(t)
	ctx := context.Background()
	local := profile.Slot{Settings: profile.Settings{Provider: "openai_compatible", Model: "llama3.1:8b", BaseURL: "http://127.0.0.1:9/v1"}}
	save(t, s, "keyed", profile.SlotMain, local, "sk-FAKElocalVLLMkey0123456789")
	save(t, s, "keyless", profile.SlotMain, local, "")
	for name, want := range map[string]string{"keyed": "Bearer [redacted]", "keyless": ""} {
		res, err := s.DryRun(ctx, DryRunRequest{Profile: name, Preview: true})
		if err != nil || res.Result == nil {
			t.Fatalf("%s: %v %+v", name, err, res)
		}
		if got := res.Result.Request.Headers["Authorization"]; got != want {
			t.Errorf("%s: Authorization = %q, want %q", name, got, want)
		}
	}
	in := InputFromSlot(local)
	res, _ := s.DryRun(ctx, DryRunRequest{Profile: "keyed", Slot: "main", Config: &in, Preview: true})
	if res.Result == nil || res.Result.Request.Headers["Authorization"] != "Bearer [redacted]" || res.UsedStoredKey == "" {
		t.Errorf("edited settings keeping the stored key: %+v", res)
	}
}
