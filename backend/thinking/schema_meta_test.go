package thinking

import (
	"encoding/json"
	"strings"
	"testing"

	sjs "github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/kodusline"
)

// The program compiles its per-model schemas without checking them against
// the metaschema (checkerFor); this checks every one it can produce.
func TestSchemasPassTheMetaschema(t *testing.T) {
	type target struct{ provider, model string }
	targets := []target{
		{catalog.Anthropic, "claude-opus-4-7"}, {catalog.Anthropic, "claude-sonnet-4-5-20250929"},
		{catalog.GoogleGemini, "gemini-2.5-pro"}, {catalog.GoogleVertex, "gemini-3-flash-preview"},
		{"openai", "gpt-5.4"}, {"openai", "o3"}, {"openai", "gpt-4o"},
	}
	for _, id := range kodusline.IDs {
		for _, m := range kodusline.MustGet(id).Catalog().Models {
			targets = append(targets, target{m.Provider, m.ID})
		}
	}
	seen := map[string]bool{}
	for _, tg := range targets {
		key := tg.provider + "/" + tg.model
		if seen[key] {
			continue
		}
		seen[key] = true
		if err := compileChecked(t, SchemaFor(tg.provider, tg.model)); err != nil {
			t.Errorf("%s: the schema does not pass the metaschema: %v", key, err)
		}
	}
}

// compileChecked compiles a schema document as a JSON Schema, validating it
// against its metaschema, and returns the compile error.
func compileChecked(t *testing.T, schema any) error {
	t.Helper()
	raw, err := json.Marshal(schema)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := sjs.UnmarshalJSON(strings.NewReader(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	c := sjs.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(SchemaID, doc); err != nil {
		t.Fatal(err)
	}
	_, err = c.Compile(SchemaID)
	return err
}
