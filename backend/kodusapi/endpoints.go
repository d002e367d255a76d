package kodusapi

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
)

// BYOKConfigKey is the organisation parameter holding the BYOK config.
const BYOKConfigKey = "byok_config"

// Status is GET /organization-parameters/llm-config/status: which source
// Kodus's LLM calls use (BYOK takes precedence over the .env), each BYOK
// model with whether it can run, and the .env's model. It carries no
// secret. Source: libs/llm/llm-config-status.ts.
type Status struct {
	Source string        `json:"source"`
	Models []ModelStatus `json:"models"`
	BYOK   SlotStatus    `json:"byok"`
	Env    EnvStatus     `json:"env"`
}

// ModelStatus is one model of the BYOK config.
type ModelStatus struct {
	ModelID      string            `json:"modelId"`
	Model        string            `json:"model,omitempty"`
	ProviderID   string            `json:"providerId,omitempty"`
	BaseURL      string            `json:"baseUrl,omitempty"`
	Resolvable   bool              `json:"resolvable"`
	Capabilities map[string]string `json:"capabilities,omitempty"`
}

// SlotStatus is the effective BYOK default model.
type SlotStatus struct {
	Configured bool   `json:"configured"`
	Model      string `json:"model,omitempty"`
	ProviderID string `json:"providerId,omitempty"`
	BaseURL    string `json:"baseUrl,omitempty"`
}

// EnvStatus is what the API container's environment (the .env) configures.
type EnvStatus struct {
	Configured          bool     `json:"configured"`
	Model               string   `json:"model,omitempty"`
	ProviderID          string   `json:"providerId,omitempty"`
	BaseURL             string   `json:"baseUrl,omitempty"`
	VertexLocation      string   `json:"vertexLocation,omitempty"`
	TemperatureOverride *float64 `json:"temperatureOverride,omitempty"`
}

// Status reads the LLM status.
func (c *Client) Status(ctx context.Context) (Status, error) {
	var s Status
	err := c.Do(ctx, http.MethodGet, "/organization-parameters/llm-config/status", nil, &s)
	if s.Models == nil {
		s.Models = []ModelStatus{}
	}
	return s, err
}

// Parameter is a stored organisation parameter (find-by-key). For the BYOK
// config, Kodus masks every secret before it leaves the server.
type Parameter struct {
	UUID        string          `json:"uuid,omitempty"`
	ConfigKey   string          `json:"configKey,omitempty"`
	ConfigValue json.RawMessage `json:"configValue,omitempty"`
}

// FindBYOK reads the stored BYOK config; found is false when there is none.
func (c *Client) FindBYOK(ctx context.Context) (p Parameter, found bool, err error) {
	var raw json.RawMessage
	err = c.Do(ctx, http.MethodGet, "/organization-parameters/find-by-key?key="+url.QueryEscape(BYOKConfigKey), nil, &raw)
	if err != nil || len(raw) == 0 || string(raw) == "null" {
		return p, false, err
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return p, false, err
	}
	return p, len(p.ConfigValue) > 0 && string(p.ConfigValue) != "null", nil
}

// SaveBYOK stores a BYOK config (POST create-or-update). A carried-over
// credential goes with apiKey "" so that Kodus keeps its stored key.
func (c *Client) SaveBYOK(ctx context.Context, configValue any) error {
	body := map[string]any{"key": BYOKConfigKey, "configValue": configValue}
	return c.Do(ctx, http.MethodPost, "/organization-parameters/create-or-update", body, nil)
}

// TestRequest is the body of Kodus's Test (POST test-byok): the slot's
// provider, key and settings, sent as the review would send them.
type TestRequest struct {
	Provider                 string   `json:"provider"`
	APIKey                   string   `json:"apiKey,omitempty"`
	BaseURL                  string   `json:"baseURL,omitempty"`
	Model                    string   `json:"model,omitempty"`
	Temperature              *float64 `json:"temperature,omitempty"`
	ReasoningEffort          string   `json:"reasoningEffort,omitempty"`
	ReasoningConfigOverride  string   `json:"reasoningConfigOverride,omitempty"`
	MaxOutputTokens          *int     `json:"maxOutputTokens,omitempty"`
	OpenRouterProviderOrder  []string `json:"openrouterProviderOrder,omitempty"`
	OpenRouterAllowFallbacks *bool    `json:"openrouterAllowFallbacks,omitempty"`
	VertexLocation           string   `json:"vertexLocation,omitempty"`
	// Amazon Bedrock authenticates with a bearer token or an IAM pair
	// instead of apiKey.
	AWSRegion          string `json:"awsRegion,omitempty"`
	AWSBearerToken     string `json:"awsBearerToken,omitempty"`
	AWSAccessKeyID     string `json:"awsAccessKeyId,omitempty"`
	AWSSecretAccessKey string `json:"awsSecretAccessKey,omitempty"`
	AWSSessionToken    string `json:"awsSessionToken,omitempty"`
}

// TestResult is Kodus's verdict. A 429 is ok:true with code rate_limit.
// Source: test-byok-connection.use-case.ts (TestByokResult).
type TestResult struct {
	OK              bool   `json:"ok"`
	Code            string `json:"code"`
	LatencyMs       int    `json:"latencyMs"`
	Message         string `json:"message,omitempty"`
	ProviderMessage string `json:"providerMessage,omitempty"`
	HTTPStatus      int    `json:"httpStatus,omitempty"`
	VerifiedBy      string `json:"verifiedBy,omitempty"`
	Warning         string `json:"warning,omitempty"`
}

// Test runs Kodus's own Test: a real minimal call from Kodus's server to
// the provider with these settings.
func (c *Client) Test(ctx context.Context, req TestRequest) (TestResult, error) {
	var r TestResult
	err := c.Do(ctx, http.MethodPost, "/organization-parameters/test-byok", req, &r)
	return r, err
}
