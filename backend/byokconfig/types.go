// Package byokconfig builds Kodus's BYOK config from a profile, in the shape
// the user's Kodus line saves: v1 {main, fallback} (Kodus selfhosted-2.1.x)
// or v2 {version: 2, credentials, models, routing} (Kodus latest). It is
// pure: no keychain, no network, no clock. The same builder serves the
// `byok` export, and is what applying a profile to a running Kodus through
// its HTTP API merges (Merge) with the config Kodus already has.
//
// Field names are Kodus's own (libs/llm/byok-config.ts):
// https://github.com/kodustech/kodus-ai/blob/main/libs/llm/byok-config.ts
package byokconfig

// V1Slot is one slot of the v1 shape. APIKey is set only with keys.
type V1Slot struct {
	Provider                 string   `json:"provider"`
	APIKey                   string   `json:"apiKey,omitempty"`
	Model                    string   `json:"model"`
	BaseURL                  string   `json:"baseURL,omitempty"`
	ReasoningEffort          string   `json:"reasoningEffort,omitempty"`
	ReasoningConfigOverride  string   `json:"reasoningConfigOverride,omitempty"`
	Temperature              *float64 `json:"temperature,omitempty"`
	MaxInputTokens           *int     `json:"maxInputTokens,omitempty"`
	MaxOutputTokens          *int     `json:"maxOutputTokens,omitempty"`
	MaxConcurrentRequests    *int     `json:"maxConcurrentRequests,omitempty"`
	VertexLocation           string   `json:"vertexLocation,omitempty"`
	OpenRouterProviderOrder  []string `json:"openrouterProviderOrder,omitempty"`
	OpenRouterAllowFallbacks *bool    `json:"openrouterAllowFallbacks,omitempty"`
	// Amazon Bedrock's region and secrets sit on the v1 slot.
	AWSRegion string `json:"awsRegion,omitempty"`
	AWSSecrets
}

// AWSSecrets are Amazon Bedrock's secrets in Kodus's field names, on a v1
// slot and on a v2 credential's settings: plaintext on the way in (Kodus
// encrypts them), "" keeps the secret Kodus stores, nil leaves the field out.
type AWSSecrets struct {
	AWSBearerToken     *string `json:"awsBearerToken,omitempty"`
	AWSAccessKeyID     *string `json:"awsAccessKeyId,omitempty"`
	AWSSecretAccessKey *string `json:"awsSecretAccessKey,omitempty"`
	AWSSessionToken    *string `json:"awsSessionToken,omitempty"`
}

// V1 is the v1 shape: {main, fallback?}.
type V1 struct {
	Main     V1Slot  `json:"main"`
	Fallback *V1Slot `json:"fallback,omitempty"`
}

// Version2 is the version field of the v2 shape.
const Version2 = 2

// V2 is the v2 shape Kodus latest's web UI saves.
type V2 struct {
	Version     int          `json:"version"`
	Credentials []Credential `json:"credentials"`
	Models      []Model      `json:"models"`
	Routing     *Routing     `json:"routing,omitempty"`
}

// Credential is a provider key with its provider-scoped settings. APIKey is
// plaintext on the way in (Kodus encrypts it); "" on a credential Kodus
// already stores means "keep the stored key"; nil leaves the field out.
type Credential struct {
	ID       string    `json:"id"`
	Provider string    `json:"provider"`
	APIKey   *string   `json:"apiKey,omitempty"`
	Settings *Settings `json:"settings,omitempty"`
	// Managed marks Kodus's own (env) credential, hidden from its UI.
	Managed bool `json:"managed,omitempty"`
}

// Settings are a credential's provider-scoped settings: they live on the
// credential, not on the model. The aws* secrets are plaintext on the way
// in (Kodus encrypts them); "" keeps the secret Kodus stores (its
// encrypt-or-keep rule), and says which auth kind the credential uses when
// the export leaves the keys out; nil leaves the field out.
type Settings struct {
	BaseURL        string `json:"baseURL,omitempty"`
	VertexLocation string `json:"vertexLocation,omitempty"`
	AWSRegion      string `json:"awsRegion,omitempty"`
	AWSSecrets
	OpenRouterProviderOrder  []string `json:"openrouterProviderOrder,omitempty"`
	OpenRouterAllowFallbacks *bool    `json:"openrouterAllowFallbacks,omitempty"`
}

// Model is one model over a credential, with its own tuning. Off is
// ReasoningEffort "none"; an absent effort means the family default.
type Model struct {
	ID                      string   `json:"id"`
	CredentialID            string   `json:"credentialId"`
	Model                   string   `json:"model"`
	ReasoningEffort         string   `json:"reasoningEffort,omitempty"`
	ReasoningConfigOverride string   `json:"reasoningConfigOverride,omitempty"`
	Temperature             *float64 `json:"temperature,omitempty"`
	MaxInputTokens          *int     `json:"maxInputTokens,omitempty"`
	MaxOutputTokens         *int     `json:"maxOutputTokens,omitempty"`
	MaxConcurrentRequests   *int     `json:"maxConcurrentRequests,omitempty"`
	// RPM, TPM and CooldownMs are Kodus's per-model limiter (≤0 or absent
	// disables each); this app does not set them, and Merge keeps them.
	RPM        *int `json:"rpm,omitempty"`
	TPM        *int `json:"tpm,omitempty"`
	CooldownMs *int `json:"cooldownMs,omitempty"`
}

// Routing says which model serves what: DefaultModelID is Main,
// FallbackModelID the Fallback.
type Routing struct {
	Mode            string         `json:"mode,omitempty"`
	TaskOverrides   *TaskOverrides `json:"taskOverrides,omitempty"`
	DefaultModelID  string         `json:"defaultModelId,omitempty"`
	FallbackModelID string         `json:"fallbackModelId,omitempty"`
}

// TaskOverrides route one task to another model id.
type TaskOverrides struct {
	CodeReview   string `json:"codeReview,omitempty"`
	PRSummary    string `json:"prSummary,omitempty"`
	Conversation string `json:"conversation,omitempty"`
}
