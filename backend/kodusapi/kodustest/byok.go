package kodustest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/kodusbyok/studio/backend/envfile"
)

func (s *Server) createOrUpdate(w http.ResponseWriter, r *http.Request, _ string) {
	var body struct {
		Key         string          `json:"key"`
		ConfigValue json.RawMessage `json:"configValue"`
	}
	if json.NewDecoder(r.Body).Decode(&body) != nil {
		nestError(w, http.StatusBadRequest, "Invalid body", "Bad Request")
		return
	}
	s.mu.Lock()
	s.saves = append(s.saves, body.ConfigValue)
	s.mu.Unlock()
	if body.Key != "byok_config" {
		nestError(w, http.StatusBadRequest, "the stand-in stores only byok_config", "Bad Request")
		return
	}
	var cfg map[string]any
	if s.opts.V1 && json.Unmarshal(body.ConfigValue, &cfg) == nil && cfg != nil && !isV2(cfg) {
		s.mu.Lock()
		s.stored = encryptV1(cfg, s.stored)
		s.mu.Unlock()
		envelope(w, http.StatusCreated, true)
		return
	}
	if json.Unmarshal(body.ConfigValue, &cfg) != nil || cfg == nil || !isV2(cfg) {
		// A non-v2 blob throws a plain Error, which Nest answers as 500.
		writeJSON(w, http.StatusInternalServerError, map[string]any{"statusCode": 500, "message": "Internal server error"})
		return
	}
	if errs := refErrors(cfg); len(errs) > 0 {
		writeJSON(w, http.StatusBadRequest, map[string]any{"message": "Invalid BYOK configuration: unresolved model/routing references", "errors": errs})
		return
	}
	for _, c := range list(cfg["credentials"]) {
		st, _ := c["settings"].(map[string]any)
		if b := str(st, "baseURL"); b != "" {
			if p := baseURLProblem(b); p != "" {
				nestError(w, http.StatusBadRequest, p, "Bad Request")
				return
			}
		}
	}
	s.mu.Lock()
	s.stored = encryptConfig(cfg, s.stored)
	s.mu.Unlock()
	envelope(w, http.StatusCreated, true)
}

func (s *Server) findByKey(w http.ResponseWriter, r *http.Request, _ string) {
	if r.URL.Query().Get("key") != "byok_config" {
		envelope(w, http.StatusOK, nil)
		return
	}
	s.mu.Lock()
	stored := s.stored
	var out map[string]any
	if stored != nil {
		out = clone(stored)
	}
	s.mu.Unlock()
	if out == nil {
		envelope(w, http.StatusOK, nil)
		return
	}
	for _, slot := range []string{"main", "fallback"} {
		if m, ok := out[slot].(map[string]any); ok && str(m, "apiKey") != "" {
			m["apiKey"] = mask(decrypt(str(m, "apiKey")))
		}
	}
	for _, c := range list(out["credentials"]) {
		if c["managed"] == true {
			delete(c, "apiKey")
			continue
		}
		if k := str(c, "apiKey"); k != "" {
			c["apiKey"] = mask(decrypt(k))
		}
		if st, ok := c["settings"].(map[string]any); ok {
			for _, f := range secretSettings {
				if v := str(st, f); v != "" {
					st[f] = mask(decrypt(v))
				}
			}
		}
	}
	envelope(w, http.StatusOK, map[string]any{"uuid": s.uuid, "configKey": "byok_config", "configValue": out, "organization": map[string]any{"uuid": "org-0001"}})
}

func (s *Server) testBYOK(w http.ResponseWriter, r *http.Request, _ string) {
	var raw json.RawMessage
	if json.NewDecoder(r.Body).Decode(&raw) != nil {
		nestError(w, http.StatusBadRequest, "Invalid body", "Bad Request")
		return
	}
	s.mu.Lock()
	s.tests = append(s.tests, raw)
	s.mu.Unlock()
	var call TestCall
	_ = json.Unmarshal(raw, &call) // a body that is not an object has no provider: refused below
	provider := str(call, "provider")
	if provider == "" {
		nestError(w, http.StatusBadRequest, "Unsupported provider: "+provider, "Bad Request")
		return
	}
	bedrockAuth := str(call, "awsBearerToken") != "" || (str(call, "awsAccessKeyId") != "" && str(call, "awsSecretAccessKey") != "")
	if provider == "amazon_bedrock" && !bedrockAuth {
		nestError(w, http.StatusBadRequest, "awsBearerToken, or awsAccessKeyId and awsSecretAccessKey, are required for Amazon Bedrock", "Bad Request")
		return
	}
	if provider != "amazon_bedrock" && strings.TrimSpace(str(call, "apiKey")) == "" {
		nestError(w, http.StatusBadRequest, "apiKey is required", "Bad Request")
		return
	}
	if str(call, "model") == "" {
		envelope(w, http.StatusCreated, TestVerdict{"ok": false, "code": "bad_request", "latencyMs": 0, "message": "Pick the model first — the test sends a real request to it."})
		return
	}
	if b := str(call, "baseURL"); b != "" {
		if p := baseURLProblem(b); p != "" {
			nestError(w, http.StatusBadRequest, p, "Bad Request")
			return
		}
	}
	verdict := TestVerdict{"ok": true, "code": "ok", "latencyMs": 412, "verifiedBy": "probe"}
	if s.opts.Test != nil {
		verdict = s.opts.Test(call)
	} else if strings.Contains(str(call, "apiKey"), "REVOKED") {
		verdict = TestVerdict{"ok": false, "code": "auth", "latencyMs": 188, "httpStatus": 401, "message": "Invalid API key", "providerMessage": "invalid x-api-key"}
	}
	envelope(w, http.StatusCreated, verdict)
}

// status is describeLLMConfigStatus over the stored config and the API
// container's environment (Kodus's env inference).
func (s *Server) status(w http.ResponseWriter, _ *http.Request, _ string) {
	s.mu.Lock()
	cfg := s.stored
	if cfg != nil {
		cfg = clone(cfg)
	}
	s.mu.Unlock()
	env := s.envStatus()
	models := []any{}
	byok := map[string]any{"configured": false}
	if cfg != nil && isV2(cfg) {
		models, byok = v2Status(cfg, env["configured"] == true)
	}
	if main, ok := cfg["main"].(map[string]any); ok && str(main, "apiKey") != "" {
		byok = map[string]any{"configured": true, "model": str(main, "model"), "providerId": str(main, "provider")}
	}
	source := "none"
	switch {
	case byok["configured"] == true:
		source = "byok"
	case env["configured"] == true:
		source = "env"
	}
	envelope(w, http.StatusOK, map[string]any{"source": source, "models": models, "byok": byok, "env": env})
}

// envStatus is Kodus's env inference over the API container's environment.
func (s *Server) envStatus() map[string]any {
	env := map[string]any{"configured": false}
	if s.opts.Env == nil {
		return env
	}
	vals := s.opts.Env()
	inf := envfile.Infer(func(k string) string { return vals[k] })
	if inf.Configured && inf.Provider != "" {
		env = map[string]any{"configured": true, "model": inf.Model, "providerId": inf.Provider}
		if inf.BaseURL != "" {
			env["baseUrl"] = inf.BaseURL
		}
		if t, err := strconv.ParseFloat(strings.TrimSpace(vals[envfile.VarTemperature]), 64); err == nil {
			env["temperatureOverride"] = t
		}
	}
	return env
}

// v2Status is each model of a v2 config with whether its credential
// resolves, and the default model when it resolves to a BYOK credential.
// envConfigured: a managed credential resolves through the environment.
func v2Status(cfg map[string]any, envConfigured bool) ([]any, map[string]any) {
	models := []any{}
	byok := map[string]any{"configured": false}
	creds := map[string]map[string]any{}
	for _, c := range list(cfg["credentials"]) {
		creds[str(c, "id")] = c
	}
	resolvable := func(m map[string]any) (bool, map[string]any) {
		c := creds[str(m, "credentialId")]
		if c == nil {
			return false, nil
		}
		if c["managed"] == true {
			return envConfigured, c
		}
		st, _ := c["settings"].(map[string]any)
		aws := str(st, "awsBearerToken") != "" || (str(st, "awsAccessKeyId") != "" && str(st, "awsSecretAccessKey") != "")
		return str(c, "provider") != "" && str(m, "model") != "" && (str(c, "apiKey") != "" || str(c, "provider") == "kodus" || aws), c
	}
	all := list(cfg["models"])
	routing, _ := cfg["routing"].(map[string]any)
	var def map[string]any
	for _, m := range all {
		ok, c := resolvable(m)
		st, _ := c["settings"].(map[string]any)
		entry := map[string]any{"modelId": str(m, "id"), "model": str(m, "model"), "providerId": str(c, "provider"), "resolvable": ok}
		if b := str(st, "baseURL"); b != "" {
			entry["baseUrl"] = b
		}
		models = append(models, entry)
		if str(m, "id") == str(routing, "defaultModelId") {
			def = m
		}
	}
	if def == nil && len(all) > 0 {
		def = all[0]
	}
	if def != nil {
		if ok, c := resolvable(def); ok && c["managed"] != true {
			st, _ := c["settings"].(map[string]any)
			byok = map[string]any{"configured": true, "model": str(def, "model"), "providerId": str(c, "provider")}
			if b := str(st, "baseURL"); b != "" {
				byok["baseUrl"] = b
			}
		}
	}
	return models, byok
}
