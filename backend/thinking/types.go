package thinking

// The Go types below are the single source of the Custom JSON's rules: the
// tests generate the JSON Schema from them (github.com/invopop/jsonschema,
// with the rules tags cannot say in schema_gen_test.go) into
// provider-options.schema.json, which SchemaFor narrows per model
// (models.go). Field docs and values: the Vercel AI SDK's provider pages
// (https://ai-sdk.dev/providers/ai-sdk-providers).
// Fields that are not listed pass through unchecked, with a note.

// ProviderOptions is the part of the Vercel AI SDK's providerOptions that
// Kodus's adapters read.
type ProviderOptions struct {
	Anthropic        *AnthropicOptions        `json:"anthropic,omitempty" jsonschema:"description=@ai-sdk/anthropic options (providers anthropic)"`
	Google           *GoogleOptions           `json:"google,omitempty" jsonschema:"description=@ai-sdk/google options (providers google_gemini and google_vertex)"`
	OpenAI           *OpenAIOptions           `json:"openai,omitempty" jsonschema:"description=@ai-sdk/openai options (provider openai)"`
	OpenRouter       *OpenRouterOptions       `json:"openrouter,omitempty" jsonschema:"description=@openrouter/ai-sdk-provider options (provider open_router)"`
	OpenAICompatible *OpenAICompatibleOptions `json:"openaiCompatible,omitempty" jsonschema:"description=@ai-sdk/openai-compatible options (providers openai_compatible and novita)"`
	Langsmith        map[string]any           `json:"langsmith,omitempty" jsonschema:"description=LangSmith tracing options, passed through"`
}

// AnthropicOptions is providerOptions.anthropic.
type AnthropicOptions struct {
	Thinking      *AnthropicThinking `json:"thinking,omitempty"`
	Effort        string             `json:"effort,omitempty" jsonschema:"enum=low,enum=medium,enum=high,enum=xhigh,enum=max"`
	SendReasoning *bool              `json:"sendReasoning,omitempty"`
}

// AnthropicThinking is extended thinking: a token budget (enabled),
// adaptive (Claude 4.6+), or disabled.
type AnthropicThinking struct {
	Type         string `json:"type" jsonschema:"enum=enabled,enum=adaptive,enum=disabled"`
	BudgetTokens *int   `json:"budgetTokens,omitempty" jsonschema:"minimum=1024,description=thinking budget in tokens: at least 1024; counts toward max output tokens"`
	Display      string `json:"display,omitempty" jsonschema:"enum=summarized,enum=omitted"`
}

// GoogleOptions is providerOptions.google (Gemini and Vertex).
type GoogleOptions struct {
	ThinkingConfig *GoogleThinkingConfig `json:"thinkingConfig,omitempty"`
}

// GoogleThinkingConfig is a budget (Gemini 2.5) or a level (Gemini 3).
type GoogleThinkingConfig struct {
	ThinkingBudget  *int   `json:"thinkingBudget,omitempty" jsonschema:"minimum=-1,description=Gemini 2.5 token budget: -1 dynamic; 0 off where the model allows it"`
	ThinkingLevel   string `json:"thinkingLevel,omitempty" jsonschema:"enum=minimal,enum=low,enum=medium,enum=high"`
	IncludeThoughts *bool  `json:"includeThoughts,omitempty"`
}

// OpenAIOptions is providerOptions.openai.
type OpenAIOptions struct {
	ReasoningEffort  string `json:"reasoningEffort,omitempty" jsonschema:"enum=none,enum=minimal,enum=low,enum=medium,enum=high,enum=xhigh,enum=max"`
	ReasoningSummary string `json:"reasoningSummary,omitempty" jsonschema:"enum=auto,enum=concise,enum=detailed"`
	TextVerbosity    string `json:"textVerbosity,omitempty" jsonschema:"enum=low,enum=medium,enum=high"`
	ServiceTier      string `json:"serviceTier,omitempty"`
	User             string `json:"user,omitempty"`
}

// OpenRouterOptions is providerOptions.openrouter.
type OpenRouterOptions struct {
	Reasoning *OpenRouterReasoning `json:"reasoning,omitempty"`
	Provider  *OpenRouterProvider  `json:"provider,omitempty" jsonschema:"description=provider routing (openrouter.ai/docs/features/provider-routing)"`
	Usage     *OpenRouterUsage     `json:"usage,omitempty"`
}

// OpenRouterReasoning is an effort or a token budget.
type OpenRouterReasoning struct {
	Effort    string `json:"effort,omitempty" jsonschema:"enum=xhigh,enum=high,enum=medium,enum=low,enum=minimal,enum=none"`
	MaxTokens *int   `json:"max_tokens,omitempty" jsonschema:"minimum=0"`
	Exclude   *bool  `json:"exclude,omitempty"`
	Enabled   *bool  `json:"enabled,omitempty"`
}

// OpenRouterProvider is the routing block: Pin providers and Allow
// fallbacks fill order and allow_fallbacks; the rest comes from Custom.
type OpenRouterProvider struct {
	Order                  []string            `json:"order,omitempty" jsonschema:"description=upstream providers to try first, in order"`
	AllowFallbacks         *bool               `json:"allow_fallbacks,omitempty"`
	RequireParameters      *bool               `json:"require_parameters,omitempty"`
	DataCollection         string              `json:"data_collection,omitempty" jsonschema:"enum=allow,enum=deny"`
	ZDR                    *bool               `json:"zdr,omitempty"`
	EnforceDistillableText *bool               `json:"enforce_distillable_text,omitempty"`
	Only                   []string            `json:"only,omitempty"`
	Ignore                 []string            `json:"ignore,omitempty"`
	Quantizations          []string            `json:"quantizations,omitempty" jsonschema:"enum=int4,enum=int8,enum=fp4,enum=fp6,enum=fp8,enum=fp16,enum=bf16,enum=fp32,enum=unknown"`
	Sort                   OpenRouterSort      `json:"sort,omitempty" jsonschema:"description=sort is price or throughput or latency"`
	MaxPrice               *OpenRouterMaxPrice `json:"max_price,omitempty"`
}

// OpenRouterSort is "price", "throughput" or "latency"; newer docs also
// show an object form, which passes unchecked.
type OpenRouterSort struct{}

// OpenRouterMaxPrice caps prices in USD per 1M tokens (per request for request).
type OpenRouterMaxPrice struct {
	Prompt     *float64 `json:"prompt,omitempty" jsonschema:"minimum=0"`
	Completion *float64 `json:"completion,omitempty" jsonschema:"minimum=0"`
	Image      *float64 `json:"image,omitempty" jsonschema:"minimum=0"`
	Audio      *float64 `json:"audio,omitempty" jsonschema:"minimum=0"`
	Request    *float64 `json:"request,omitempty" jsonschema:"minimum=0"`
}

// OpenRouterUsage asks for the cost in the response.
type OpenRouterUsage struct {
	Include *bool `json:"include,omitempty"`
}

// OpenAICompatibleOptions is providerOptions.openaiCompatible.
type OpenAICompatibleOptions struct {
	Thinking         *OpenAICompatibleThinking `json:"thinking,omitempty" jsonschema:"description=Z.ai GLM and Kimi thinking switch"`
	ReasoningEffort  string                    `json:"reasoningEffort,omitempty"`
	TextVerbosity    string                    `json:"textVerbosity,omitempty" jsonschema:"enum=low,enum=medium,enum=high"`
	StrictJSONSchema *bool                     `json:"strictJsonSchema,omitempty"`
	User             string                    `json:"user,omitempty"`
}

// OpenAICompatibleThinking is on or off: neither Z.ai nor Kimi takes a
// budget on the OpenAI-compatible endpoint.
type OpenAICompatibleThinking struct {
	Type string `json:"type" jsonschema:"enum=enabled,enum=disabled"`
}
