package studio

import (
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/invopop/jsonschema"

	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/thinking"
)

// ProfileSchemaID names the schema of a profile.
const ProfileSchemaID = "https://kodus-byok.dev/schemas/profile.json"

// ProfileSchema is the JSON Schema of a profile as `profile show --json`
// prints it, generated from ProfileView with the same machinery as the
// providerOptions schema. The rules come from the profile package and the
// catalog; reasoningConfigOverride is a JSON string whose content schema is
// thinking.Schema().
func ProfileSchema(line *kodusline.Line) *jsonschema.Schema {
	r := &jsonschema.Reflector{
		// Keep the Go type names ($defs/SlotView) rather than package paths.
		Namer: func(t reflect.Type) string { return t.Name() },
	}
	s := r.Reflect(&ProfileView{})
	s.ID = ProfileSchemaID
	s.Title = "Kodus BYOK Studio profile"
	s.Description = "A profile as `kodus-byok profile show --json` prints it: a Main and an optional Fallback slot, field names as in Kodus's BYOK data model. No key ever appears; apiKeyMasked is the masked form."
	slot := s.Definitions["SlotView"]
	if slot == nil {
		panic("studio: SlotView missing from the profile schema")
	}
	prop := func(name string) *jsonschema.Schema {
		p, ok := slot.Properties.Get(name)
		if !ok {
			panic(fmt.Sprintf("studio: SlotView has no %s", name))
		}
		return p
	}
	prop("provider").Enum = anys(line.Catalog().ProviderIDs())
	prop("reasoningEffort").Enum = anys(profile.Efforts)
	prop("temperature").Minimum, prop("temperature").Maximum = "0", "2"
	for _, f := range []string{"maxOutputTokens", "maxInputTokens"} {
		prop(f).Minimum, prop(f).Maximum = "0", json.Number(fmt.Sprint(profile.MaxTokensLimit))
	}
	prop("maxConcurrentRequests").Minimum, prop("maxConcurrentRequests").Maximum = "0", json.Number(fmt.Sprint(profile.MaxConcurrencyLimit))
	prop("baseURL").Format = "uri"

	override := prop("reasoningConfigOverride")
	override.Description = "Custom JSON (reasoningEffort custom): a JSON object, wrapped under the provider's namespace unless it names one"
	override.ContentMediaType = "application/json"
	content := thinking.Schema()
	content.Version, content.ID = "", ""
	override.ContentSchema = content
	return s
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, v := range ss {
		out[i] = v
	}
	return out
}
