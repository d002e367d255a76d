package discover

import (
	"context"
	"strings"
	"testing"
	"time"

	fake "github.com/kodusbyok/studio/backend/discover/discovertest"
)

func TestRunIdentifiesEachServer(t *testing.T) {
	ollama, vllm, lms, llama := fake.Ollama(t), fake.VLLM(t), fake.LMStudio(t), fake.LlamaCpp(t)
	vllmKey, llamaKey, proxy := fake.VLLMWithKey(t), fake.LlamaCppWithKey(t), fake.Proxy(t)
	web, closed := fake.WebApp(t), fake.ClosedPort(t)

	// The defaults are injectable: here they are the fakes, on loopback
	// ports like the real ones; the proxy is an extra URL given without
	// /v1, as users type it.
	res, err := Run(context.Background(), Options{
		Defaults: []string{ollama + "/v1", vllm + "/v1", lms + "/v1", llama + "/v1", vllmKey + "/v1", llamaKey + "/v1", web + "/v1", closed + "/v1"},
		URLs:     []string{strings.TrimPrefix(proxy, "http://"), ollama + "/v1/"},
		Timeout:  2 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		kind, version string
		models        []string
		needsKey      bool
	}
	wants := []want{
		{Ollama, "0.12.6", []string{"llama3.1:8b", "qwen2.5-coder:7b"}, false},
		{VLLM, "0.11.0", []string{"Qwen/Qwen2.5-Coder-32B-Instruct"}, false},
		{LMStudio, "", []string{"qwen2.5-coder-14b-instruct", "text-embedding-nomic-embed-text-v1.5"}, false},
		{LlamaCpp, "b7301-4f2a9c1", []string{"../models/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf"}, false},
		{VLLM, "0.11.0", nil, true},
		{LlamaCpp, "", nil, true},
		{Generic, "", []string{"claude-sonnet-4-6"}, false},
	}
	if len(res.Servers) != len(wants) {
		t.Fatalf("found %d servers, want %d: %+v", len(res.Servers), len(wants), res)
	}
	for i, w := range wants {
		s := res.Servers[i]
		var ids []string
		for _, m := range s.Models {
			ids = append(ids, m.ID)
		}
		if s.Kind != w.kind || s.Version != w.version || strings.Join(ids, ",") != strings.Join(w.models, ",") || s.NeedsKey != w.needsKey {
			t.Errorf("server %d = %s %q %v key=%v, want %+v", i, s.Kind, s.Version, ids, s.NeedsKey, w)
		}
		if s.Name != KindName(w.kind) || s.LatencyMs < 1 || s.Models == nil || s.Notes == nil {
			t.Errorf("server %d: name %q latency %d models %v notes %v", i, s.Name, s.LatencyMs, s.Models, s.Notes)
		}
		if !strings.HasPrefix(s.ContainerBaseURL, "http://host.docker.internal:") || !strings.HasSuffix(s.ContainerBaseURL, "/v1") {
			t.Errorf("server %d: container URL %q", i, s.ContainerBaseURL)
		}
	}
	if got := res.Servers[6].BaseURL; got != proxy+"/v1" {
		t.Errorf("proxy base URL %q, want %q", got, proxy+"/v1")
	}

	// What each server adds beyond ids.
	o := res.Servers[0].Models[0]
	if o.ParameterSize != "8.0B" || o.Quantization != "Q4_K_M" || o.SizeBytes != 4920753328 {
		t.Errorf("ollama model = %+v", o)
	}
	if c := res.Servers[1].Models[0].ContextLength; c != 32768 {
		t.Errorf("vLLM max_model_len = %d", c)
	}
	l := res.Servers[2].Models
	if l[0].Type != "llm" || l[0].Loaded == nil || !*l[0].Loaded || l[1].Type != "embeddings" || *l[1].Loaded || l[0].ContextLength != 32768 {
		t.Errorf("LM Studio models = %+v %+v", l[0], l[1])
	}
	if c := res.Servers[3].Models[0].ContextLength; c != 16384 {
		t.Errorf("llama.cpp context = %d, want the served n_ctx 16384", c)
	}
	joined := func(s Server) string { return strings.Join(s.Notes, " ") }
	if n := joined(res.Servers[0]); !strings.Contains(n, "OLLAMA_CONTEXT_LENGTH") || !strings.Contains(n, "OLLAMA_HOST=0.0.0.0") {
		t.Errorf("ollama notes = %q", n)
	}
	if n := joined(res.Servers[4]); !strings.Contains(n, "API key") {
		t.Errorf("keyed vLLM notes = %q", n)
	}

	// The web app, the closed port and the duplicate Ollama URL are not servers.
	if len(res.Unreachable) != 2 {
		t.Fatalf("unreachable = %+v", res.Unreachable)
	}
	if m := res.Unreachable[0]; m.BaseURL != web+"/v1" || !strings.Contains(m.Reason, "not as an OpenAI-compatible server (GET /models: HTTP 404)") {
		t.Errorf("web app = %+v", m)
	}
	if m := res.Unreachable[1]; m.BaseURL != closed+"/v1" || m.Reason != "nothing listening (connection refused)" {
		t.Errorf("closed port = %+v", m)
	}
}

// Nothing answering costs one timeout at most: refused ports return at
// once, a silent or never-accepting port after the per-probe timeout, all
// in parallel.
func TestRunIsBoundedWhenNothingAnswers(t *testing.T) {
	const timeout = 300 * time.Millisecond
	urls := []string{fake.ClosedPort(t), fake.SilentPort(t), fake.UnacceptedPort(t), fake.ClosedPort(t), fake.SilentPort(t)}
	start := time.Now()
	res, err := Run(context.Background(), Options{Defaults: urls, Timeout: timeout})
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Servers) != 0 || len(res.Unreachable) != len(urls) {
		t.Fatalf("result = %+v", res)
	}
	for i, want := range []string{"connection refused", "no answer within 300ms", "no answer within 300ms", "connection refused", "no answer within 300ms"} {
		if !strings.Contains(res.Unreachable[i].Reason, want) {
			t.Errorf("%s: %q, want %q", res.Unreachable[i].BaseURL, res.Unreachable[i].Reason, want)
		}
	}
	// The bound is one timeout plus scheduling; serial probing would take 3.
	if bound := timeout + 700*time.Millisecond; elapsed > bound {
		t.Errorf("discovery took %s, bound %s", elapsed, bound)
	}
}

// A silent port does not hold up the servers that answer.
func TestRunReportsServersBesideASilentPort(t *testing.T) {
	res, err := Run(context.Background(), Options{Defaults: []string{fake.SilentPort(t), fake.Ollama(t)}, Timeout: 300 * time.Millisecond})
	if err != nil || len(res.Servers) != 1 || res.Servers[0].Kind != Ollama || len(res.Unreachable) != 1 {
		t.Fatalf("result = %+v, %v", res, err)
	}
}

func TestRunRefusesBadURLsBeforeProbing(t *testing.T) {
	for _, bad := range []string{"ftp://example.com", "http://", "http://user:pw@host:1/v1", "http://host:1/v1?x=1", "   "} {
		if _, err := Run(context.Background(), Options{URLs: []string{bad}}); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	many := make([]string, maxURLs+1)
	for i := range many {
		many[i] = "http://127.0.0.1:" + string(rune('0'+i%10)) + string(rune('0'+i/10)) + "1/v1"
	}
	if _, err := Run(context.Background(), Options{URLs: many}); err == nil || !strings.Contains(err.Error(), "at most") {
		t.Errorf("too many URLs: %v", err)
	}
}

func TestNormalizeURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"localhost:11434", "http://localhost:11434/v1"},
		{"http://127.0.0.1:8000", "http://127.0.0.1:8000/v1"},
		{"http://127.0.0.1:8000/", "http://127.0.0.1:8000/v1"},
		{" https://gpu-box.lan/v1/ ", "https://gpu-box.lan/v1"},
		{"http://10.0.0.5:4000/openai/v1", "http://10.0.0.5:4000/openai/v1"},
		{"[::1]:1234", "http://[::1]:1234/v1"},
	}
	for _, tt := range tests {
		if got, err := NormalizeURL(tt.in); err != nil || got != tt.want {
			t.Errorf("NormalizeURL(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestDefaultsFromEnv(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == EnvURLs {
				return v
			}
			return ""
		}
	}
	if got, _ := DefaultsFromEnv(env("")); len(got) != len(Defaults) || got[0] != "http://127.0.0.1:11434/v1" {
		t.Errorf("unset = %v", got)
	}
	if got, err := DefaultsFromEnv(env("none")); err != nil || len(got) != 0 {
		t.Errorf("none = %v %v", got, err)
	}
	got, err := DefaultsFromEnv(env("127.0.0.1:11435, http://gpu-box:8000"))
	if err != nil || strings.Join(got, " ") != "http://127.0.0.1:11435/v1 http://gpu-box:8000/v1" {
		t.Errorf("list = %v %v", got, err)
	}
	if _, err := DefaultsFromEnv(env("ftp://x")); err == nil || !strings.Contains(err.Error(), EnvURLs) {
		t.Errorf("bad entry: %v", err)
	}
}

func TestContainerURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"http://127.0.0.1:11434/v1", "http://host.docker.internal:11434/v1"},
		{"http://localhost:1234/v1", "http://host.docker.internal:1234/v1"},
		{"http://[::1]:8000/v1", "http://host.docker.internal:8000/v1"},
		{"http://192.168.1.20:8000/v1", ""},
		{"https://llm.example.com/v1", ""},
	}
	for _, tt := range tests {
		if got := ContainerURL(tt.in); got != tt.want {
			t.Errorf("ContainerURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// BenchmarkRunNothingAnswers is the common case on a machine without a
// local server: every default port refuses.
func BenchmarkRunNothingAnswers(b *testing.B) {
	urls := []string{fake.ClosedPort(b), fake.ClosedPort(b), fake.ClosedPort(b), fake.ClosedPort(b), fake.ClosedPort(b)}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Run(context.Background(), Options{Defaults: urls}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunFourServers finds Ollama, vLLM, LM Studio and llama.cpp.
func BenchmarkRunFourServers(b *testing.B) {
	urls := []string{fake.Ollama(b), fake.VLLM(b), fake.LMStudio(b), fake.LlamaCpp(b), fake.ClosedPort(b)}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Run(context.Background(), Options{Defaults: urls})
		if err != nil || len(res.Servers) != 4 {
			b.Fatal(res, err)
		}
	}
}

// A server started with a key lists its models once the user gives the
// key, and the key never goes to the default endpoints.
func TestRunListsAKeyedServerWithItsKey(t *testing.T) {
	base := fake.VLLMKeyed(t) + "/v1"
	ctx := context.Background()
	res, err := Run(ctx, Options{URLs: []string{base}})
	if err != nil || len(res.Servers) != 1 || !res.Servers[0].NeedsKey || len(res.Servers[0].Models) != 0 {
		t.Fatalf("without the key: %+v, %v", res, err)
	}
	res, err = Run(ctx, Options{URLs: []string{base}, Key: fake.VLLMKey})
	if err != nil || len(res.Servers) != 1 || res.Servers[0].NeedsKey || len(res.Servers[0].Models) != 1 || res.Servers[0].Models[0].ID != "Qwen/Qwen2.5-Coder-32B-Instruct" {
		t.Fatalf("with the key: %+v, %v", res, err)
	}
	if _, err := Run(ctx, Options{Defaults: []string{base}, Key: fake.VLLMKey}); err == nil {
		t.Error("a key went along with the default endpoints")
	}
}
