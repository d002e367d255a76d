package discover

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"
)

// maxBody bounds what one probe reads: a model list of a few hundred
// entries is well under it.
const maxBody = 2 << 20

// reply is one probe's answer; err is set when nothing came back.
type reply struct {
	status int
	body   []byte
	err    error
}

func (r reply) ok() bool { return r.err == nil && r.status == http.StatusOK }

// json decodes the body into v when the probe got a 200 with JSON.
func (r reply) json(v any) bool { return r.ok() && json.Unmarshal(r.body, v) == nil }

func (p *prober) get(ctx context.Context, u string) (reply, time.Duration) {
	ctx, cancel := context.WithTimeout(ctx, p.timeout)
	defer cancel()
	start := time.Now()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return reply{err: err}, 0
	}
	req.Header.Set("Accept", "application/json")
	if p.key != "" {
		req.Header.Set("Authorization", "Bearer "+p.key)
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return reply{err: err}, time.Since(start)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	return reply{status: resp.StatusCode, body: body, err: err}, time.Since(start)
}

// Native endpoints that tell the servers apart, relative to the root.
const (
	pathOllamaVersion = "/api/version"
	pathOllamaTags    = "/api/tags"
	pathLMStudio      = "/api/v0/models"
	pathLlamaProps    = "/props"
	pathHealth        = "/health"
	pathVLLMVersion   = "/version"
)

// probe asks base for its model list first; only what answers gets the
// identifying probes, so a closed port costs one refused connection and a
// silent one a single timeout.
func (p *prober) probe(ctx context.Context, base string) (*Server, *Miss) {
	models, took := p.get(ctx, base+"/models")
	if models.err != nil {
		return nil, &Miss{BaseURL: base, Reason: why(models.err, p.timeout)}
	}
	root := rootOf(base)
	paths := []string{pathOllamaVersion, pathOllamaTags, pathLMStudio, pathLlamaProps, pathHealth, pathVLLMVersion}
	native := make(map[string]reply, len(paths))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, path := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, _ := p.get(ctx, root+path)
			mu.Lock()
			native[path] = r
			mu.Unlock()
		}()
	}
	wg.Wait()
	s, ok := identify(models, native)
	if !ok {
		return nil, &Miss{BaseURL: base, Reason: fmt.Sprintf("answered, but not as an OpenAI-compatible server (GET /models: HTTP %d)", models.status)}
	}
	s.BaseURL = base
	s.Name = KindName(s.Kind)
	s.LatencyMs = int64(math.Ceil(float64(took) / float64(time.Millisecond)))
	s.ContainerBaseURL = ContainerURL(base)
	s.Notes = append([]string{}, notes(s)...)
	if s.Models == nil {
		s.Models = []Model{}
	}
	return &s, nil
}

// rootOf strips the API version segment: native endpoints live at the root.
func rootOf(base string) string {
	if strings.HasSuffix(base, "/v1") {
		return strings.TrimSuffix(base, "/v1")
	}
	u, err := url.Parse(base)
	if err != nil {
		return base
	}
	return u.Scheme + "://" + u.Host
}

func why(err error, timeout time.Duration) string {
	var nerr net.Error
	var dnsErr *net.DNSError
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return "nothing listening (connection refused)"
	case errors.As(err, &dnsErr):
		return "host not found"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &nerr) && nerr.Timeout():
		return fmt.Sprintf("no answer within %s", timeout)
	case errors.Is(err, context.Canceled):
		return "cancelled"
	}
	return err.Error()
}

// openAIList is GET /v1/models in OpenAI's shape, with the fields vLLM,
// llama.cpp, Ollama and LM Studio add.
type openAIList struct {
	Object string `json:"object"`
	Data   []struct {
		ID          string `json:"id"`
		OwnedBy     string `json:"owned_by"`
		MaxModelLen int    `json:"max_model_len"` // vLLM
		Meta        *struct {
			NCtxTrain int   `json:"n_ctx_train"`
			Size      int64 `json:"size"`
		} `json:"meta"` // llama.cpp
	} `json:"data"`
}

type ollamaTags struct {
	Models *[]struct {
		Name    string `json:"name"`
		Model   string `json:"model"`
		Size    int64  `json:"size"`
		Details struct {
			ParameterSize     string `json:"parameter_size"`
			QuantizationLevel string `json:"quantization_level"`
		} `json:"details"`
	} `json:"models"`
}

type lmStudioList struct {
	Data *[]struct {
		ID               string `json:"id"`
		Type             string `json:"type"`
		Quantization     string `json:"quantization"`
		State            string `json:"state"`
		MaxContextLength int    `json:"max_context_length"`
	} `json:"data"`
}

type llamaProps struct {
	DefaultGenerationSettings *struct {
		NCtx int `json:"n_ctx"`
	} `json:"default_generation_settings"`
	TotalSlots int    `json:"total_slots"`
	BuildInfo  string `json:"build_info"`
}

type versionReply struct {
	Version string `json:"version"`
}

// identify tells the kind from the native endpoints (each server answers
// its own and 404s, or errors, on the others) and takes the richest model
// list. ok is false for something that is not an LLM server at all.
func identify(models reply, native map[string]reply) (Server, bool) {
	var list openAIList
	hasList := models.json(&list) && list.Data != nil
	owners := map[string]bool{}
	for _, d := range list.Data {
		owners[d.OwnedBy] = true
	}
	var tags ollamaTags
	var lms lmStudioList
	var props llamaProps
	var ver versionReply
	switch {
	case native[pathOllamaTags].json(&tags) && tags.Models != nil:
		s := Server{Kind: Ollama}
		if native[pathOllamaVersion].json(&ver) {
			s.Version = ver.Version
		}
		for _, m := range *tags.Models {
			id := m.Model
			if id == "" {
				id = m.Name
			}
			s.Models = append(s.Models, Model{ID: id, ParameterSize: m.Details.ParameterSize, Quantization: m.Details.QuantizationLevel, SizeBytes: m.Size})
		}
		if len(s.Models) == 0 {
			s.Models = fromList(list, 0)
		}
		return s, true
	case native[pathLMStudio].json(&lms) && lms.Data != nil:
		s := Server{Kind: LMStudio}
		for _, m := range *lms.Data {
			loaded := m.State == "loaded"
			s.Models = append(s.Models, Model{ID: m.ID, Type: m.Type, Quantization: m.Quantization, ContextLength: m.MaxContextLength, Loaded: &loaded})
		}
		return s, true
	case native[pathLlamaProps].json(&props) && (props.DefaultGenerationSettings != nil || props.BuildInfo != "") || owners["llamacpp"]:
		s := Server{Kind: LlamaCpp, Version: props.BuildInfo}
		nctx := 0
		if props.DefaultGenerationSettings != nil {
			nctx = props.DefaultGenerationSettings.NCtx
		}
		s.Models = fromList(list, nctx)
		s.NeedsKey = isAuthError(models)
		return s, true
	case owners["vllm"] || anyMaxModelLen(list):
		s := Server{Kind: VLLM, Models: fromList(list, 0)}
		if native[pathVLLMVersion].json(&ver) {
			s.Version = ver.Version
		}
		return s, true
	case isAuthError(models) && native[pathVLLMVersion].json(&ver) && ver.Version != "" && native[pathHealth].ok():
		// vLLM with --api-key guards /v1 but not /version and /health.
		return Server{Kind: VLLM, Version: ver.Version, NeedsKey: true}, true
	case isAuthError(models) && isLlamaHealth(native[pathHealth]):
		// llama-server with --api-key keeps /health public.
		return Server{Kind: LlamaCpp, NeedsKey: true}, true
	case hasList:
		return Server{Kind: Generic, Models: fromList(list, 0)}, true
	case isAuthError(models):
		return Server{Kind: Generic, NeedsKey: true}, true
	}
	return Server{}, false
}

func fromList(list openAIList, nctx int) []Model {
	out := make([]Model, 0, len(list.Data))
	for _, d := range list.Data {
		m := Model{ID: d.ID, ContextLength: d.MaxModelLen}
		if d.Meta != nil {
			m.SizeBytes = d.Meta.Size
			if m.ContextLength == 0 {
				m.ContextLength = d.Meta.NCtxTrain
			}
		}
		if nctx > 0 {
			m.ContextLength = nctx // what the server really allots, not the training maximum
		}
		out = append(out, m)
	}
	return out
}

func anyMaxModelLen(list openAIList) bool {
	for _, d := range list.Data {
		if d.MaxModelLen > 0 {
			return true
		}
	}
	return false
}

// isAuthError recognises a 401/403 with a JSON error body, the way
// OpenAI-compatible servers refuse a missing key (a web app's login page
// is not one).
func isAuthError(r reply) bool {
	if r.err != nil || (r.status != http.StatusUnauthorized && r.status != http.StatusForbidden) {
		return false
	}
	var body map[string]any
	if json.Unmarshal(r.body, &body) != nil {
		return false
	}
	_, ok := body["error"]
	return ok
}

func isLlamaHealth(r reply) bool {
	var h struct {
		Status string `json:"status"`
	}
	return r.json(&h) && h.Status == "ok"
}

// notes are what the user should know before pointing Kodus at a server.
func notes(s Server) []string {
	var out []string
	if s.NeedsKey {
		out = append(out, "This server was started with an API key: its models are listed only with that key, and Kodus needs it too.")
	}
	loopback := s.ContainerBaseURL != ""
	switch s.Kind {
	case Ollama:
		out = append(out, "Ollama's default context window is a few thousand tokens; code reviews send long prompts, so raise it (OLLAMA_CONTEXT_LENGTH, or num_ctx in a Modelfile).")
		if loopback {
			out = append(out, "Ollama listens only on 127.0.0.1 by default: start it with OLLAMA_HOST=0.0.0.0 so Kodus's containers can reach it.")
		}
	case LlamaCpp:
		if loopback {
			out = append(out, "llama-server listens only on 127.0.0.1 by default: start it with --host 0.0.0.0 so Kodus's containers can reach it.")
		}
	case LMStudio:
		if loopback {
			out = append(out, "Turn on “Serve on Local Network” in LM Studio's server settings so Kodus's containers can reach it (it then listens on this machine's LAN address).")
		}
	}
	return out
}
