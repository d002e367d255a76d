// Package discover finds the LLM servers already running on this machine
// (Ollama, vLLM, LM Studio, llama.cpp's llama-server, or any other
// OpenAI-compatible server at a URL the user lists): it probes them in
// parallel with a short per-probe timeout, identifies each from its own
// endpoints and lists its models. Only plain GETs are sent, and a key only
// to a server the user named it for.
package discover

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Server kinds.
const (
	Ollama   = "ollama"
	VLLM     = "vllm"
	LMStudio = "lmstudio"
	LlamaCpp = "llamacpp"
	// Generic is any other server that answers GET /v1/models.
	Generic = "openai_compatible"
)

// KindName is the display name of a kind.
func KindName(kind string) string {
	switch kind {
	case Ollama:
		return "Ollama"
	case VLLM:
		return "vLLM"
	case LMStudio:
		return "LM Studio"
	case LlamaCpp:
		return "llama.cpp server"
	}
	return "OpenAI-compatible server"
}

// Defaults are the endpoints probed when the user names none: each
// server's default port on the IPv4 loopback (Ollama listens on 127.0.0.1
// only, so "localhost" resolving to ::1 first would miss it). llama-server
// moved from 8080 to 9931 in 2026 (ggml-org/llama.cpp tools/server/README.md).
var Defaults = []string{
	"http://127.0.0.1:11434/v1", // Ollama
	"http://127.0.0.1:8000/v1",  // vLLM
	"http://127.0.0.1:1234/v1",  // LM Studio
	"http://127.0.0.1:8080/v1",  // llama.cpp llama-server before 2026
	"http://127.0.0.1:9931/v1",  // llama.cpp llama-server since 2026
}

// EnvURLs replaces Defaults: a comma- or space-separated list of base URLs,
// or "none" to probe only the URLs given each time.
const EnvURLs = "KODUS_BYOK_DISCOVER_URLS"

// DefaultTimeout bounds each probe; a port that drops packets costs this
// much, a closed port nothing.
const DefaultTimeout = 800 * time.Millisecond

// maxURLs bounds one discovery; more is a mistake, not a machine.
const maxURLs = 32

// DefaultsFromEnv returns the endpoints to probe by default, honouring
// EnvURLs.
func DefaultsFromEnv(getenv func(string) string) ([]string, error) {
	v := strings.TrimSpace(getenv(EnvURLs))
	switch strings.ToLower(v) {
	case "":
		return append([]string(nil), Defaults...), nil
	case "none":
		return nil, nil
	}
	var out []string
	for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\t' }) {
		u, err := NormalizeURL(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", EnvURLs, err)
		}
		out = append(out, u)
	}
	return out, nil
}

// Model is one model a server offers. Optional fields are what the server
// told; nothing is guessed.
type Model struct {
	ID string `json:"id"`
	// ContextLength is the context the server serves the model with (vLLM
	// max_model_len, llama.cpp n_ctx) or its maximum (LM Studio).
	ContextLength int    `json:"contextLength,omitempty"`
	ParameterSize string `json:"parameterSize,omitempty"`
	Quantization  string `json:"quantization,omitempty"`
	SizeBytes     int64  `json:"sizeBytes,omitempty"`
	// Type is LM Studio's llm, vlm or embeddings.
	Type string `json:"type,omitempty"`
	// Loaded is LM Studio's state: false models load on first use.
	Loaded *bool `json:"loaded,omitempty"`
}

// Server is one server that answered.
type Server struct {
	Kind      string  `json:"kind"`
	Name      string  `json:"name"`
	BaseURL   string  `json:"baseURL"`
	Models    []Model `json:"models"`
	LatencyMs int64   `json:"latencyMs"`
	Version   string  `json:"version,omitempty"`
	// NeedsKey: the server was started with an API key; its models are
	// listed only with it.
	NeedsKey bool `json:"needsKey,omitempty"`
	// ContainerBaseURL is the same server as seen from inside Kodus's
	// Docker containers, when BaseURL is a loopback address.
	ContainerBaseURL string   `json:"containerBaseURL,omitempty"`
	Notes            []string `json:"notes"`
}

// Miss is a probed endpoint where no LLM server answered.
type Miss struct {
	BaseURL string `json:"baseURL"`
	Reason  string `json:"reason"`
}

// Result is one discovery.
type Result struct {
	Servers     []Server `json:"servers"`
	Unreachable []Miss   `json:"unreachable"`
	ElapsedMs   int64    `json:"elapsedMs"`
}

// Request is a discovery asked for by the GUI.
type Request struct {
	// URLs are extra endpoints to probe.
	URLs []string `json:"urls"`
	// OnlyURLs skips the default endpoints (listing one server's models).
	OnlyURLs bool `json:"onlyURLs"`
	// Key is the server's key, for a server started with one: it is sent
	// only with OnlyURLs, to those URLs, as a Bearer token.
	Key string `json:"key,omitempty"`
}

// Options configure Run.
type Options struct {
	// Defaults are probed first (DefaultsFromEnv outside tests).
	Defaults []string
	// URLs are the extra endpoints the user listed.
	URLs []string
	// Timeout bounds each probe (DefaultTimeout when 0).
	Timeout time.Duration
	// Key, when set, goes with every probe as a Bearer token: only for the
	// URLs the user named with it, never for the defaults.
	Key string
}

// NormalizeURL turns what a user types into a base URL: http:// is added
// when no scheme is given, and /v1 when no path is.
func NormalizeURL(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", errors.New("empty URL")
	}
	if !strings.Contains(s, "://") {
		s = "http://" + s
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return "", fmt.Errorf("not an http(s) URL: %q", raw)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", fmt.Errorf("a base URL has no query, fragment or credentials: %q", raw)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	if u.Path == "" {
		u.Path = "/v1"
	}
	return u.String(), nil
}

// Run probes every endpoint in parallel and reports, in the order given,
// the servers that answered and the endpoints that did not. Bad URLs are
// refused before anything is probed.
func Run(ctx context.Context, opts Options) (Result, error) {
	start := time.Now()
	var urls []string
	seen := map[string]bool{}
	add := func(raw string) error {
		u, err := NormalizeURL(raw)
		if err != nil {
			return err
		}
		if !seen[u] {
			seen[u] = true
			urls = append(urls, u)
		}
		return nil
	}
	for _, u := range opts.Defaults {
		if err := add(u); err != nil {
			return Result{}, err
		}
	}
	for _, u := range opts.URLs {
		if err := add(u); err != nil {
			return Result{}, err
		}
	}
	if len(urls) > maxURLs {
		return Result{}, fmt.Errorf("%d URLs to probe; at most %d", len(urls), maxURLs)
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	if opts.Key != "" && len(opts.Defaults) > 0 {
		return Result{}, errors.New("a key is sent only to the server it was given for, not to the default endpoints")
	}
	p := newProber(timeout)
	p.key = opts.Key
	defer p.close()

	servers := make([]*Server, len(urls))
	misses := make([]*Miss, len(urls))
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			servers[i], misses[i] = p.probe(ctx, u)
		}()
	}
	wg.Wait()

	res := Result{Servers: []Server{}, Unreachable: []Miss{}}
	for i := range urls {
		if servers[i] != nil {
			res.Servers = append(res.Servers, *servers[i])
		} else if misses[i] != nil {
			res.Unreachable = append(res.Unreachable, *misses[i])
		}
	}
	res.ElapsedMs = time.Since(start).Milliseconds()
	return res, ctx.Err()
}

// prober sends the probes: no proxy (these are local or LAN addresses), no
// redirects (an LLM server does not redirect its API), short timeouts.
type prober struct {
	key     string
	client  *http.Client
	tr      *http.Transport
	timeout time.Duration
}

func newProber(timeout time.Duration) *prober {
	tr := &http.Transport{
		Proxy:                 nil,
		DialContext:           (&net.Dialer{Timeout: timeout}).DialContext,
		TLSHandshakeTimeout:   timeout,
		ResponseHeaderTimeout: timeout,
		MaxIdleConnsPerHost:   8,
	}
	return &prober{
		tr:      tr,
		timeout: timeout,
		client: &http.Client{
			Transport:     tr,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
	}
}

func (p *prober) close() { p.tr.CloseIdleConnections() }

// ContainerURL is base as seen from inside a Docker container on this
// machine: loopback hosts become host.docker.internal; "" when base is not
// a loopback address (a LAN address works from containers as it is).
func ContainerURL(base string) string {
	u, err := url.Parse(base)
	if err != nil {
		return ""
	}
	h := u.Hostname()
	ip := net.ParseIP(h)
	if h != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return ""
	}
	port := u.Port()
	u.Host = "host.docker.internal"
	if port != "" {
		u.Host += ":" + port
	}
	return u.String()
}

// DockerReminder is shown next to discovered servers and at export.
const DockerReminder = "Inside Kodus's Docker containers, localhost is not this machine: use host.docker.internal (on Linux add `extra_hosts: [\"host.docker.internal:host-gateway\"]` to the service) or this machine's LAN address."

// Find is Run for a request from the GUI: the default URLs (or getenv's
// KODUS_BYOK_DISCOVER_URLS) unless OnlyURLs, plus the URLs given. A key
// goes only to the server the user named it for (OnlyURLs).
func Find(ctx context.Context, req Request, getenv func(string) string) (Result, error) {
	var defaults []string
	if !req.OnlyURLs {
		var err error
		if defaults, err = DefaultsFromEnv(getenv); err != nil {
			return Result{}, err
		}
	}
	key := ""
	if req.OnlyURLs {
		key = req.Key
	}
	return Run(ctx, Options{Defaults: defaults, URLs: req.URLs, Key: key})
}
