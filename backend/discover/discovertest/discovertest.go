// Package discovertest runs fake local LLM servers on 127.0.0.1 for tests:
// each answers exactly as its server documents (bodies from
// docs.ollama.com/api, docs.vllm.ai's OpenAI-compatible server,
// lmstudio.ai/docs REST API v0, ggml-org/llama.cpp tools/server/README.md),
// including how it answers routes it lacks. Each returns its root URL.
package discovertest

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

func routes(t testing.TB, notFound http.HandlerFunc, r map[string]string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, ok := r[req.URL.Path]
		if !ok || req.Method != http.MethodGet {
			notFound(w, req)
			return
		}
		if strings.HasPrefix(body, "{") || strings.HasPrefix(body, "[") {
			w.Header().Set("Content-Type", "application/json")
		}
		w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func status(code int, contentType, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(code)
		w.Write([]byte(body))
	}
}

// Ollama 0.12 with two models pulled.
func Ollama(t testing.TB) string {
	return routes(t, status(404, "text/plain", "404 page not found"), map[string]string{
		"/":            "Ollama is running",
		"/api/version": `{"version":"0.12.6"}`,
		"/api/tags": `{"models":[
			{"name":"llama3.1:8b","model":"llama3.1:8b","modified_at":"2026-10-02T10:15:04.123456789Z","size":4920753328,"digest":"46e0c10c039e019119339687c3c1757cc81b9da49709a3b3924863ba87ca666e","details":{"parent_model":"","format":"gguf","family":"llama","families":["llama"],"parameter_size":"8.0B","quantization_level":"Q4_K_M"}},
			{"name":"qwen2.5-coder:7b","model":"qwen2.5-coder:7b","modified_at":"2026-09-12T08:01:00Z","size":4683087332,"digest":"2b0496514337a3d5901f1d253d01726c890b721e891335a56d6e08cedf3e2cb0","details":{"parent_model":"","format":"gguf","family":"qwen2","families":["qwen2"],"parameter_size":"7.6B","quantization_level":"Q4_K_M"}}]}`,
		"/v1/models": `{"object":"list","data":[{"id":"llama3.1:8b","object":"model","created":1759400104,"owned_by":"library"},{"id":"qwen2.5-coder:7b","object":"model","created":1757664060,"owned_by":"library"}]}`,
	})
}

// vLLM is FastAPI: unknown routes are {"detail":"Not Found"}.
const vllmModels = `{"object":"list","data":[{"id":"Qwen/Qwen2.5-Coder-32B-Instruct","object":"model","created":1764230000,"owned_by":"vllm","root":"Qwen/Qwen2.5-Coder-32B-Instruct","parent":null,"max_model_len":32768,"permission":[{"id":"modelperm-0f2b7a2c","object":"model_permission","created":1764230000,"allow_create_engine":false,"allow_sampling":true,"allow_logprobs":true,"allow_search_indices":false,"allow_view":true,"allow_fine_tuning":false,"organization":"*","group":null,"is_blocking":false}]}]}`

// VLLM serves one model with its max_model_len.
func VLLM(t testing.TB) string {
	return routes(t, status(404, "application/json", `{"detail":"Not Found"}`), map[string]string{
		"/version":   `{"version":"0.11.0"}`,
		"/health":    "",
		"/v1/models": vllmModels,
	})
}

// VLLMWithKey is vLLM started with --api-key: it guards every /v1 route, not /version or /health.
func VLLMWithKey(t testing.TB) string { return vllmGuarded(t, "") }

// VLLMKey is the key VLLMKeyed was started with.
const VLLMKey = "vllm-FAKE-key-0123456789"

// VLLMKeyed is vLLM started with --api-key VLLMKey: /v1 answers with that
// key and refuses anything else.
func VLLMKeyed(t testing.TB) string { return vllmGuarded(t, VLLMKey) }

// vllmGuarded is vLLM whose /v1 routes want key ("" accepts none).
func vllmGuarded(t testing.TB, key string) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasPrefix(r.URL.Path, "/v1/") && (key == "" || r.Header.Get("Authorization") != "Bearer "+key):
			status(401, "application/json", `{"error":"Unauthorized"}`)(w, r)
		case r.URL.Path == "/v1/models":
			status(200, "application/json", `{"object":"list","data":[{"id":"Qwen/Qwen2.5-Coder-32B-Instruct","object":"model","owned_by":"vllm","max_model_len":32768}]}`)(w, r)
		case r.URL.Path == "/version":
			status(200, "application/json", `{"version":"0.11.0"}`)(w, r)
		case r.URL.Path == "/health":
			w.WriteHeader(200)
		default:
			status(404, "application/json", `{"detail":"Not Found"}`)(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// LMStudio has an LLM loaded and an embedding model on disk. LM Studio
// answers routes it lacks with 200 and an error body ("Returning
// 200 anyway" in its log), so a 200 alone proves nothing.
func LMStudio(t testing.TB) string {
	unknown := func(w http.ResponseWriter, r *http.Request) {
		status(200, "application/json", `{"error":"Unexpected endpoint or method. (`+r.Method+` `+r.URL.Path+`)"}`)(w, r)
	}
	return routes(t, unknown, map[string]string{
		"/v1/models": `{"data":[{"id":"qwen2.5-coder-14b-instruct","object":"model","owned_by":"organization_owner"},{"id":"text-embedding-nomic-embed-text-v1.5","object":"model","owned_by":"organization_owner"}],"object":"list"}`,
		"/api/v0/models": `{"object":"list","data":[
			{"id":"qwen2.5-coder-14b-instruct","object":"model","type":"llm","publisher":"lmstudio-community","arch":"qwen2","compatibility_type":"gguf","quantization":"Q4_K_M","state":"loaded","max_context_length":32768},
			{"id":"text-embedding-nomic-embed-text-v1.5","object":"model","type":"embeddings","publisher":"nomic-ai","arch":"nomic-bert","compatibility_type":"gguf","quantization":"Q4_0","state":"not-loaded","max_context_length":2048}]}`,
	})
}

const llamaNotFound = `{"error":{"code":404,"message":"File Not Found","type":"not_found_error"}}`

// LlamaCpp is llama-server serving one GGUF with a 16K context.
func LlamaCpp(t testing.TB) string {
	return routes(t, status(404, "application/json", llamaNotFound), map[string]string{
		"/health":    `{"status":"ok"}`,
		"/props":     `{"default_generation_settings":{"id":0,"id_task":-1,"n_ctx":16384,"speculative":false,"is_processing":false,"params":{"n_predict":-1,"temperature":0.8}},"total_slots":1,"model_path":"../models/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf","chat_template":"...","chat_template_caps":{},"modalities":{"vision":false},"build_info":"b7301-4f2a9c1","is_sleeping":false}`,
		"/v1/models": `{"object":"list","data":[{"id":"../models/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf","object":"model","architecture":{"input_modalities":["text"],"output_modalities":["text"]},"created":1735142223,"owned_by":"llamacpp","meta":{"vocab_type":2,"n_vocab":128256,"n_ctx_train":131072,"n_embd":4096,"n_params":8030261312,"size":4912898304}}]}`,
	})
}

// LlamaCppWithKey is llama-server started with --api-key: everything but /health wants the key.
func LlamaCppWithKey(t testing.TB) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/health" {
			status(200, "application/json", `{"status":"ok"}`)(w, r)
			return
		}
		status(401, "application/json", `{"error":{"code":401,"message":"Invalid API Key","type":"authentication_error"}}`)(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// Proxy is an OpenAI-compatible proxy such as LiteLLM: an OpenAI list and nothing else.
func Proxy(t testing.TB) string {
	return routes(t, status(404, "application/json", `{"detail":"Not Found"}`), map[string]string{
		"/v1/models": `{"data":[{"id":"claude-sonnet-4-6","object":"model","created":1677610602,"owned_by":"openai"}],"object":"list"}`,
	})
}

// WebApp is a web app that is no LLM server.
func WebApp(t testing.TB) string {
	return routes(t, status(404, "text/html", "<!doctype html><title>Not found</title>"), map[string]string{"/": "<!doctype html><title>Dashboard</title>"})
}

// ClosedPort is a port nobody listens on: connections are refused at once.
func ClosedPort(t testing.TB) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

// SilentPort accepts connections and never answers, like a hung server.
func SilentPort(t testing.TB) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		l.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
	})
	return "http://" + l.Addr().String()
}

// UnacceptedPort listens but never accepts: the kernel queues the
// connection and nothing ever reads the request.
func UnacceptedPort(t testing.TB) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return "http://" + l.Addr().String()
}
