package cost

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kodusbyok/studio/backend/store"
)

var day = time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)

// newKV is a real bbolt file in a temp dir.
func newKV(t *testing.T) *store.Store {
	t.Helper()
	return store.New(filepath.Join(t.TempDir(), "profiles.db"))
}

func loadBook(t *testing.T, kv KV) *Book {
	t.Helper()
	b, err := LoadBook(kv)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func importSample(t *testing.T, kv KV) *ImportReport {
	t.Helper()
	data, err := os.ReadFile("testdata/litellm-sample.json")
	if err != nil {
		t.Fatal(err)
	}
	imp, rep, err := ParseLiteLLM(data, "litellm-sample.json", "2026-11-20")
	if err != nil {
		t.Fatal(err)
	}
	if err := Import(kv, imp, rep, day); err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestLiteLLMImport(t *testing.T) {
	kv := newKV(t)
	rep := importSample(t, kv)
	// 6 priced chat entries; sample_spec, the embedding, the image model and
	// the negative price are skipped, the last with a warning.
	if rep.Entries != 6 || rep.Skipped != 4 {
		t.Errorf("entries %d skipped %d", rep.Entries, rep.Skipped)
	}
	if len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0], "broken/negative") {
		t.Errorf("warnings = %v", rep.Warnings)
	}
	if len(rep.Rounded) != 1 || rep.Rounded[0] != "together_ai/odd-price" {
		t.Errorf("rounded = %v", rep.Rounded)
	}
	if len(rep.Updated) != 1 || rep.Updated[0].Model != "kimi-k2.6" || rep.Updated[0].Was != "0.95 / 4.00, cache 0.16" || rep.Updated[0].Now != "0.90 / 3.80, cache 0.15" {
		t.Errorf("updated = %+v", rep.Updated)
	}
	if !strings.Contains(strings.Join(rep.Missing, ","), "glm-5.1") {
		t.Errorf("missing = %v", rep.Missing)
	}

	b := loadBook(t, kv)
	k, _ := b.Lookup("kimi-k2.6", "")
	if k.Origin != OriginImported || k.Input.String() != "0.90" || k.Name != "Kimi K2.6" || k.PricedAt != "2026-11-20" || !strings.Contains(k.Source, "moonshot/kimi-k2.6") {
		t.Errorf("kimi after import = %+v", k)
	}
	// Aliases follow the refreshed row.
	if a, _ := b.Lookup("kimi-k2.6-coding", ""); a.Input.String() != "0.90" {
		t.Errorf("alias after import = %s", a.Input)
	}
	g, _ := b.Lookup("gemini-3.1-pro-preview-customtools", "")
	if len(g.Tiers) != 1 || g.Tiers[0].AbovePromptTokens != 200_000 || g.Tiers[0].Output.String() != "18.00" || g.Tiers[0].CacheRead.String() != "0.40" {
		t.Errorf("gemini tiers after import = %+v", g.Tiers)
	}
	// A model the table lacks is found by its LiteLLM key's last part.
	r, ok := b.Lookup("deepseek/deepseek-r1", "")
	if !ok || r.Input.String() != "0.55" || r.Output.String() != "2.19" || r.ContextWindow != 65336 {
		t.Errorf("deepseek-r1 = %+v %v", r, ok)
	}
	// Plans billed by quota are never priced by an import.
	if p, _ := b.Lookup("glm-5.1", "coding-plan"); p.Subscription == nil {
		t.Error("the import priced the GLM Coding Plan")
	}
	if b.PricedAt() != "2026-11-27" {
		t.Errorf("book date = %s", b.PricedAt())
	}

	// Same arithmetic with the imported tier: exactly the bundled amounts.
	res, _ := Estimate(g, one(200_001, 1000), Options{Thinking: ThinkingOff})
	if res.PerPR.Total.String() != "0.818004" {
		t.Errorf("imported tier = %s", res.PerPR.Total)
	}
}

func TestLiteLLMImportRejectsBadFiles(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"syntax", "{\n  \"gpt-5\": {\"input_cost_per_token\": 1e-06,,}\n}", "line 2, column"},
		{"not an object", `[1, 2]`, "not a LiteLLM price file"},
		{"nothing priced", `{"sample_spec": {"mode": "chat"}}`, "no entry with input_cost_per_token"},
	}
	for _, tt := range tests {
		if _, _, err := ParseLiteLLM([]byte(tt.data), "f.json", "2026-11-20"); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestManualPriceInBbolt(t *testing.T) {
	kv := newKV(t)
	// A local model has no price until the user gives one.
	if _, ok := loadBook(t, kv).Lookup("llama3.1:8b", ""); ok {
		t.Fatal("an unknown model has a price")
	}
	_, err := SetManual(kv, ManualPrice{Model: "llama3.1:8b", Input: "-1", Output: "abc", CacheRead: "0.1234567"}, day)
	for _, want := range []string{"input: must not be negative", "output: must be a decimal number", "cacheRead: has more than 6 decimal places"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("SetManual bad input = %v, want %q", err, want)
		}
	}
	if keys, _ := kv.Keys(BucketManual); len(keys) != 0 {
		t.Fatalf("bad input stored %v", keys)
	}
	if _, err := SetManual(kv, ManualPrice{Model: "llama3.1:8b", Input: "0", Output: "0"}, day); err != nil {
		t.Fatal(err)
	}
	p, ok := loadBook(t, kv).Lookup("llama3.1:8b", "")
	if !ok || p.Origin != OriginManual || p.PricedAt != "2026-11-28" || p.Source != "manual edit" {
		t.Fatalf("manual price = %+v %v", p, ok)
	}

	// A manual edit beats the bundled and the imported price…
	importSample(t, kv)
	if _, err := SetManual(kv, ManualPrice{Model: "kimi-k2.6-coding", Input: "1.00", Output: "4.50"}, day); err != nil {
		t.Fatal(err)
	}
	b := loadBook(t, kv)
	if k, _ := b.Lookup("kimi-k2.6", ""); k.Input.String() != "1.00" || k.Origin != OriginManual || k.Name != "Kimi K2.6" {
		t.Errorf("manual kimi = %+v", k)
	}
	// …but a per-token edit of glm-5.1 leaves its Coding Plan a plan.
	if _, err := SetManual(kv, ManualPrice{Model: "glm-5.1", Input: "1.00", Output: "3.00"}, day); err != nil {
		t.Fatal(err)
	}
	b = loadBook(t, kv)
	if p, _ := b.Lookup("glm-5.1", "coding-plan"); p.Subscription == nil {
		t.Error("a per-token edit replaced the Coding Plan")
	}
	if p, _ := b.Lookup("glm-5.1", "paas"); p.Input.String() != "1.00" {
		t.Errorf("glm-5.1 Developer API = %+v", p)
	}

	// Unset brings the import back; unsetting twice says there is nothing.
	if err := UnsetManual(kv, "kimi-k2.6", ""); err != nil {
		t.Fatal(err)
	}
	if k, _ := loadBook(t, kv).Lookup("kimi-k2.6", ""); k.Origin != OriginImported {
		t.Errorf("after unset = %s", k.Origin)
	}
	if err := UnsetManual(kv, "kimi-k2.6", ""); !errors.Is(err, ErrNoManualPrice) {
		t.Errorf("second unset = %v", err)
	}
}

func TestLookupPlans(t *testing.T) {
	b := loadBook(t, nil)
	for _, tt := range []struct {
		model, plan string
		quota       bool
	}{
		{"glm-5.1", "", false}, {"glm-5.1", "paas", false}, {"glm-5.1", "coding-plan", true},
		{"kimi-for-coding", "", true}, {"kimi-for-coding", "kimi-code", true}, {"kimi-k2.6", "moonshot", false},
		{"claude-haiku-4-5-20251001", "", false},
	} {
		p, ok := b.Lookup(tt.model, tt.plan)
		if !ok || (p.Subscription != nil) != tt.quota {
			t.Errorf("Lookup(%s, %s) = %+v %v", tt.model, tt.plan, p, ok)
		}
	}
}
