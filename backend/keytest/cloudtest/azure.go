package cloudtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
)

// Azure is the Azure OpenAI stand-in: a resource whose endpoint is
// URL()+"/openai", with its key and deployments.
type Azure struct {
	*httptest.Server
	Key         string
	Deployments map[string]bool

	mu       sync.Mutex
	requests []string
	headers  []http.Header
	last     []byte
}

// NewAzure starts a resource with the deployment "gpt-5-4-review".
func NewAzure() *Azure {
	a := &Azure{Key: "9f2c7e1b4a6d48e0b3c5a7f1e2d4c6b8", Deployments: map[string]bool{"gpt-5-4-review": true}}
	a.Server = httptest.NewServer(http.HandlerFunc(a.serve))
	return a
}

// Endpoint is the resource endpoint Kodus takes as its base URL.
func (a *Azure) Endpoint() string { return a.URL + "/openai" }

// Requests lists "METHOD path?query" of every request, in order.
func (a *Azure) Requests() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]string(nil), a.requests...)
}

// Headers are the headers of every request, in order.
func (a *Azure) Headers() []http.Header {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]http.Header(nil), a.headers...)
}

// LastBody is the body of the last request.
func (a *Azure) LastBody() []byte {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.last
}

func azureErr(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"code": code, "message": msg}})
}

func (a *Azure) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	a.mu.Lock()
	a.requests = append(a.requests, r.Method+" "+r.URL.RequestURI())
	a.headers = append(a.headers, r.Header.Clone())
	a.last = body
	a.mu.Unlock()
	if r.Header.Get("api-key") != a.Key {
		azureErr(w, http.StatusUnauthorized, "401", "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.")
		return
	}
	if r.URL.Query().Get("api-version") == "" {
		azureErr(w, http.StatusNotFound, "404", "Resource not found")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/openai/models":
		fmt.Fprint(w, `{"data":[{"id":"gpt-5.4","status":"succeeded","object":"model","capabilities":{"chat_completion":true,"inference":true}}],"object":"list"}`)
	case r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/openai/deployments/") && strings.HasSuffix(r.URL.Path, "/responses"):
		d := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/openai/deployments/"), "/responses")
		if !a.Deployments[d] {
			azureErr(w, http.StatusNotFound, "DeploymentNotFound", "The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.")
			return
		}
		fmt.Fprintf(w, `{"id":"resp_1","object":"response","status":"completed","model":%q,"output":[{"type":"message","role":"assistant","content":[{"type":"output_text","text":"OK"}]}],"usage":{"input_tokens":14,"input_tokens_details":{"cached_tokens":0},"output_tokens":5,"output_tokens_details":{"reasoning_tokens":3},"total_tokens":19}}`, d)
	default:
		azureErr(w, http.StatusNotFound, "404", "Resource not found")
	}
}
