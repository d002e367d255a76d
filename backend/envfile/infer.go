package envfile

import (
	"encoding/base64"
	"encoding/json"
	"strings"

	"github.com/kodusbyok/studio/backend/lazyre"
)

// Inference is what Kodus does with a set of env values: the provider it
// picks and the endpoint it calls. It mirrors describeEnvLLMConfig /
// resolveEnvProvider (https://github.com/kodustech/kodus-ai/blob/main/libs/llm/managed-slot.ts;
// the same rules in kodus-ai 2026-06-24 and mid-2026), so a .env can be checked before Kodus ever reads it.
type Inference struct {
	// Configured is Fixed Mode on: a model other than "auto" is set.
	Configured bool `json:"configured"`
	// Provider is the Kodus provider id the calls go to; "" when Kodus
	// cannot route them (every call would fail).
	Provider      string `json:"provider"`
	ProviderLabel string `json:"providerLabel"`
	Model         string `json:"model"`
	// BaseURL is the endpoint actually called.
	BaseURL             string `json:"baseURL,omitempty"`
	KeyVar              string `json:"keyVar,omitempty"`
	VertexLocation      string `json:"vertexLocation,omitempty"`
	TemperatureOverride string `json:"temperatureOverride,omitempty"`
	// Rule says in words which of Kodus's rules decided.
	Rule string `json:"rule"`
}

var (
	geminiRE = lazyre.New(`(?i)^gemini[-_]`)
	claudeRE = lazyre.New(`(?i)^claude[-_]`)
)

const (
	anthropicDefaultBaseURL = "https://api.anthropic.com/v1"
	geminiBaseURL           = "https://generativelanguage.googleapis.com/v1beta"
	vertexBaseURL           = "https://aiplatform.googleapis.com/v1"
	vertexDefaultLocation   = "us-central1"
)

// Infer runs Kodus's env-mode provider inference on the values get returns
// (a missing variable is "").
func Infer(get func(string) string) Inference {
	v := func(name string) string { return strings.TrimSpace(get(name)) }
	model := v(VarModel)
	inf := Inference{Model: model, TemperatureOverride: v(VarTemperature)}
	if model == "" || strings.EqualFold(model, "auto") {
		inf.Rule = VarModel + " is unset or auto: Fixed Mode is off and Kodus uses its managed (cloud) default"
		return inf.label()
	}
	inf.Configured = true
	base := v(VarBaseURL)
	openaiKey := v(VarOpenAIKey)
	googleVar := VarGoogleKey
	googleKey := v(VarGoogleKey)
	if googleKey == "" && v(VarGoogleKeyAlias) != "" {
		googleVar, googleKey = VarGoogleKeyAlias, v(VarGoogleKeyAlias)
	}
	vertexKey := v(VarVertexKey)
	adc := v(VarGCloudProject) != "" || v(VarGCloudProject2) != ""
	proxy := base != "" && !strings.Contains(base, "api.anthropic.com")

	vertex := func(rule string) Inference {
		inf.Provider, inf.KeyVar, inf.BaseURL, inf.Rule = RouteGoogleVertex, VarVertexKey, vertexBaseURL, rule
		inf.VertexLocation = v(VarVertexLocation)
		if inf.VertexLocation == "" {
			inf.VertexLocation = vertexDefaultLocation
		}
		return inf.label()
	}
	switch {
	case !proxy && geminiRE.MatchString(model):
		switch {
		case googleKey != "":
			inf.Provider, inf.KeyVar, inf.BaseURL = RouteGoogleGemini, googleVar, geminiBaseURL
			inf.Rule = "a gemini- model with an AI Studio key goes to Google AI Studio"
			return inf.label()
		case vertexKey != "" && IsServiceAccountBase64(vertexKey):
			return vertex("a gemini- model with a base64 service-account JSON in " + VarVertexKey + " goes to Vertex AI")
		case vertexKey != "":
			inf.Provider, inf.KeyVar, inf.BaseURL = RouteGoogleGemini, VarVertexKey, geminiBaseURL
			inf.Rule = VarVertexKey + " is not a base64 service-account JSON, so Kodus treats it as an AI Studio key"
			return inf.label()
		case adc:
			inf.KeyVar = ""
			return vertex("a gemini- model with no key but GOOGLE_CLOUD_PROJECT set uses Vertex with Application Default Credentials (Kodus mid-2026 only)")
		}
	case !proxy && claudeRE.MatchString(model):
		switch {
		case openaiKey != "":
			inf.Provider, inf.KeyVar, inf.BaseURL = RouteAnthropic, VarOpenAIKey, anthropicDefaultBaseURL
			if base != "" {
				inf.BaseURL = base
			}
			inf.Rule = "a claude- model with " + VarOpenAIKey + " set and no proxy base URL goes to Anthropic's own SDK"
			return inf.label()
		case vertexKey != "":
			return vertex("a claude- model with only " + VarVertexKey + " set runs Claude on Vertex AI")
		case adc:
			inf.KeyVar = ""
			return vertex("a claude- model with no key but GOOGLE_CLOUD_PROJECT set uses Claude on Vertex with Application Default Credentials (Kodus mid-2026 only)")
		}
	}
	if openaiKey != "" {
		inf.Provider, inf.KeyVar, inf.BaseURL = RouteOpenAICompatible, VarOpenAIKey, OpenAIDefaultBaseURL
		if base != "" {
			inf.BaseURL = base
		}
		switch {
		case proxy && (geminiRE.MatchString(model) || claudeRE.MatchString(model)):
			inf.Rule = VarBaseURL + " is set to a non-Anthropic URL, so Kodus skips Gemini/Claude name detection and uses its OpenAI-compatible client"
		case base == "":
			inf.Rule = "any other model with " + VarOpenAIKey + " set goes to Kodus's OpenAI-compatible client at " + OpenAIDefaultBaseURL + " (" + VarBaseURL + " is empty)"
		default:
			inf.Rule = "any other model with " + VarOpenAIKey + " set goes to Kodus's OpenAI-compatible client at " + VarBaseURL
		}
		return inf.label()
	}
	inf.Rule = "no key variable Kodus would use for this model is set: Kodus treats env as not configured and every call fails"
	return inf.label()
}

func (inf Inference) label() Inference {
	inf.ProviderLabel = ProviderLabel(inf.Provider)
	if inf.Configured && inf.Provider == "" {
		inf.ProviderLabel = "none (calls fail)"
	}
	if !inf.Configured {
		inf.ProviderLabel = ""
	}
	return inf
}

// IsServiceAccountBase64 reports whether v is a base64-encoded Google
// service-account JSON with a project_id, the form Kodus reads from
// API_VERTEX_AI_API_KEY.
func IsServiceAccountBase64(v string) bool {
	dec, err := base64.StdEncoding.DecodeString(strings.TrimSpace(v))
	if err != nil {
		return false
	}
	var sa struct {
		ProjectID string `json:"project_id"`
	}
	return json.Unmarshal(dec, &sa) == nil && sa.ProjectID != ""
}
