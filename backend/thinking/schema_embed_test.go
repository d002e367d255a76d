package thinking

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/kodusbyok/studio/backend/kodusline"
)

// The embedded schema document is Schema() as generated from the Go types
// (-update, the flag of the golden files, rewrites it).
func TestEmbeddedSchemaIsCurrent(t *testing.T) {
	raw, err := json.Marshal(Schema())
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := json.Indent(&want, raw, "", "  "); err != nil {
		t.Fatal(err)
	}
	want.WriteByte('\n')
	if *update {
		if err := os.WriteFile("provider-options.schema.json", want.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(baseDoc, want.Bytes()) && !*update {
		t.Fatal("provider-options.schema.json is not Schema(): run go test ./backend/thinking -run TestEmbeddedSchemaIsCurrent -update")
	}
}

// The stored preset checks are what the checker says for every preset of
// every catalog model (its id, aliases and plan model ids) of every line.
func TestPresetChecksAreCurrent(t *testing.T) {
	saved, savedHook := presetChecks, onPresetCheck
	defer func() { presetChecks, onPresetCheck = saved, savedHook }()
	presetChecks = func() map[string][]Problem { return nil }
	got := map[string][]Problem{}
	onPresetCheck = func(key string, p []Problem) { got[key] = p }
	for _, id := range kodusline.IDs {
		l := kodusline.MustGet(id)
		for _, m := range l.Catalog().Models {
			models := append([]string{m.ID}, m.Aliases...)
			for _, v := range m.Variants {
				if v.Model != "" {
					models = append(models, v.Model)
				}
			}
			for _, model := range models {
				for _, level := range []string{"", LevelLow, LevelMedium, LevelHigh} {
					_, _ = Build(Input{Line: l, Provider: m.Provider, Model: model, Effort: level})
				}
			}
		}
	}
	if len(got) == 0 {
		t.Fatal("no preset was checked")
	}
	raw, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	raw = append(raw, '\n')
	if *update {
		if err := os.WriteFile("preset-checks.json", raw, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(presetChecksJSON, raw) {
		t.Fatal("preset-checks.json is not what the checker says: run go test ./backend/thinking -run TestPresetChecksAreCurrent -update")
	}
}
