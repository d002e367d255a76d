package thinking

import (
	"github.com/invopop/jsonschema"
	orderedmap "github.com/pb33f/ordered-map/v2"
)

// The generator of provider-options.schema.json: the program embeds the
// document (baseDoc) and never reflects at run time, so the reflection
// library and the rules that struct tags cannot say live in the tests.
// TestEmbeddedSchemaIsCurrent compares; -update rewrites the file.

// Schema is the generic JSON Schema of providerOptions, generated from the
// Go types in types.go.
func Schema() *jsonschema.Schema {
	r := &jsonschema.Reflector{DoNotReference: true, ExpandedStruct: true, AllowAdditionalProperties: true, Anonymous: true}
	s := r.Reflect(&ProviderOptions{})
	s.Version = jsonschema.Version
	s.ID = SchemaID
	s.Title = "providerOptions"
	s.Description = "What Kodus passes to the Vercel AI SDK as providerOptions. Known fields are checked; other fields pass through."
	return s
}

// JSONSchemaExtend says type enabled needs a budget.
func (AnthropicThinking) JSONSchemaExtend(s *jsonschema.Schema) {
	s.If = &jsonschema.Schema{Properties: props("type", &jsonschema.Schema{Const: "enabled"}), Required: []string{"type"}}
	s.Then = &jsonschema.Schema{Required: []string{"budgetTokens"}, Description: `thinking type "enabled" needs budgetTokens (at least 1024)`}
}

// JSONSchemaExtend allows one of the two: Gemini answers 400 when both are sent.
func (GoogleThinkingConfig) JSONSchemaExtend(s *jsonschema.Schema) {
	s.Not = &jsonschema.Schema{Required: []string{"thinkingBudget", "thinkingLevel"},
		Description: "send thinkingBudget or thinkingLevel, not both (Gemini answers 400): thinkingLevel for Gemini 3, thinkingBudget for Gemini 2.5"}
}

// JSONSchemaExtend allows one of the two: OpenRouter takes one of the two.
func (OpenRouterReasoning) JSONSchemaExtend(s *jsonschema.Schema) {
	s.Not = &jsonschema.Schema{Required: []string{"effort", "max_tokens"}, Description: "send reasoning.effort or reasoning.max_tokens, not both"}
}

// JSONSchema describes the two forms.
func (OpenRouterSort) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{
		{Type: "string", Enum: []any{"price", "throughput", "latency"}},
		{Type: "object"},
	}}
}

func props(kv ...any) *orderedmap.OrderedMap[string, *jsonschema.Schema] {
	m := orderedmap.New[string, *jsonschema.Schema]()
	for i := 0; i+1 < len(kv); i += 2 {
		m.Set(kv[i].(string), kv[i+1].(*jsonschema.Schema))
	}
	return m
}
