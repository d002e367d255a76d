// Package envfile writes, merges, generates and reads the Kodus `.env`
// for Fixed Mode: the LLM variables Kodus reads, Kodus's own provider
// inference run on them, what Fixed Mode cannot carry, and a writer whose
// values read back the same in Docker Compose, Node's dotenv and POSIX sh.
//
// Sources: Kodus's env-mode code (https://github.com/kodustech/kodus-ai/blob/main/libs/llm/env-llm-config.ts,
// libs/llm/managed-slot.ts), the installer's layout, secrets and validation
// (https://github.com/kodustech/kodus-installer/blob/main/.env.example, scripts/), and the .env
// dialects of Docker Compose (https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/),
// Node's dotenv (https://github.com/motdotla/dotenv) and POSIX sh.
package envfile

// The Fixed Mode variables Kodus reads (libs/llm/env-llm-config.ts).
const (
	VarModel          = "API_LLM_PROVIDER_MODEL"
	VarOpenAIKey      = "API_OPEN_AI_API_KEY"
	VarBaseURL        = "API_OPENAI_FORCE_BASE_URL"
	VarTrustSchema    = "API_TRUST_JSON_SCHEMA_BASE_URLS"
	VarTemperature    = "API_LLM_TEMPERATURE_OVERRIDE"
	VarGoogleKey      = "API_GOOGLE_AI_API_KEY"
	VarGoogleKeyAlias = "GOOGLE_GENERATIVE_AI_API_KEY"
	VarVertexKey      = "API_VERTEX_AI_API_KEY"
	VarVertexLocation = "API_VERTEX_AI_LOCATION"
	VarGCloudProject  = "GOOGLE_CLOUD_PROJECT"
	VarGCloudProject2 = "GCLOUD_PROJECT"
)

// templateLLMVars are the LLM variables of the installer's LLM PROVIDERS
// section, in its order. A merge always leaves them consistent with the
// new block: a variable the block does not use is emptied, not kept, so a
// stale proxy URL or temperature override cannot survive a switch.
var templateLLMVars = []string{VarOpenAIKey, VarBaseURL, VarTrustSchema, VarModel, VarTemperature}

// googleVars are read by Kodus in env mode but are not in the template. An
// old value left behind changes routing (any API_VERTEX_AI_API_KEY value
// switches Kodus's legacy path to Vertex), so a merge comments them out
// when the new block does not use them.
var googleVars = []string{VarGoogleKey, VarGoogleKeyAlias, VarVertexKey, VarVertexLocation}

// blockOrder is the order of variables in a printed block and of variables
// added to an existing file: the template's order, then the Google ones.
var blockOrder = []string{VarOpenAIKey, VarBaseURL, VarTrustSchema, VarModel, VarTemperature, VarGoogleKey, VarVertexKey, VarVertexLocation}

// secretVars hold keys: shown masked, never in full.
var secretVars = map[string]bool{VarOpenAIKey: true, VarGoogleKey: true, VarGoogleKeyAlias: true, VarVertexKey: true}

// IsSecret reports whether a variable holds an LLM key.
func IsSecret(name string) bool { return secretVars[name] }

// Kodus's inferred provider ids (the BYOK provider enum).
const (
	RouteAnthropic        = "anthropic"
	RouteOpenAICompatible = "openai_compatible"
	RouteGoogleGemini     = "google_gemini"
	RouteGoogleVertex     = "google_vertex"
)

// ProviderLabel is the label Kodus's env banner shows for a provider id
// (apps/web/src/features/ee/byok/_components/page.client.tsx in kodus-ai),
// else the raw id or "Unknown".
func ProviderLabel(id string) string {
	switch id {
	case "openai":
		return "OpenAI"
	case RouteOpenAICompatible:
		return "OpenAI-compatible"
	case "anthropic_compatible":
		return "Anthropic-compatible"
	case RouteAnthropic:
		return "Anthropic"
	case RouteGoogleGemini:
		return "Google AI Studio (Gemini)"
	case RouteGoogleVertex:
		return "Google Vertex AI"
	case "":
		return "Unknown"
	}
	return id
}

// OpenAIDefaultBaseURL is where Kodus's OpenAI-compatible client goes when
// API_OPENAI_FORCE_BASE_URL is empty.
const OpenAIDefaultBaseURL = "https://api.openai.com/v1"

// KeylessPlaceholder is written as API_OPEN_AI_API_KEY for local servers
// that need no key: Kodus checks the variable for truthiness, so an empty
// value would leave env mode unconfigured.
const KeylessPlaceholder = "no-key-needed"

// LLMVarNames lists the LLM variables Kodus reads in Fixed Mode, in the
// order a block prints them.
func LLMVarNames() []string { return append([]string(nil), blockOrder...) }
