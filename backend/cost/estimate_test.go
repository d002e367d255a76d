package cost

import (
	"strings"
	"testing"
)

var testReasoning = ReasoningTokens{Low: 500, Medium: 1500, High: 4000}

func one(in, out int64) Workload {
	return Workload{PRs: []PR{{Calls: []Call{{InputTokens: in, OutputTokens: out}}}}, PRsPerMonth: 1}
}

func mustPrice(t *testing.T, id, plan string) Price {
	t.Helper()
	p, ok := find(Bundled().Models, id, plan)
	if !ok {
		t.Fatalf("no bundled price for %s@%s", id, plan)
	}
	return p
}

// Every bundled row, hand-computed for one call of 100k prompt and 10k
// answer tokens at Off: 0.1 × input price + 0.01 × output price. A new row
// must add its line here.
func TestEveryBundledModelHandComputed(t *testing.T) {
	want := map[string]string{
		"claude-sonnet-4-6@":                   "0.45",
		"claude-opus-4-7@":                     "0.75",
		"gemini-3.1-pro-preview-customtools@":  "0.32",
		"gemini-3.1-pro-preview@":              "0.32",
		"gpt-5.4@":                             "0.40",
		"kimi-k2.6@":                           "0.135",
		"kimi-for-coding@kimi-code":            "plan-quota",
		"glm-5.1@":                             "0.184",
		"glm-5.1@coding-plan":                  "plan-quota",
		"glm-5.2@":                             "0.184", // GLM 5.1's price
		"glm-5.2@coding-plan":                  "plan-quota",
		"kimi-for-coding@code-plan":            "plan-quota",
		"kimi-k2.7-code@":                      "0.141", // always thinks: Off bills Medium's 1,500 reasoning tokens at 4.00
		"gemini-3-flash-preview@":              "0.08",
		"claude-sonnet-4-5@":                   "0.45",
		"gemini-2.5-pro@":                      "0.225",
		"claude-haiku-4-5@":                    "0.15",
		"moonshotai/kimi-k2.5@":                "0.09",
		"z-ai/glm-5@":                          "0.132",
		"gpt-5.2@":                             "0.315",
		"claude-opus-4-6@":                     "0.75",
		"claude-opus-4-5@":                     "0.75",
		"gpt-5.5@":                             "0.80",
		"gpt-5@":                               "0.225",
		"gpt-5.4-mini@":                        "0.12",
		"gpt-5-mini@":                          "0.045",
		"gpt-5-nano@":                          "0.009",
		"gemini-2.5-flash@":                    "0.055",
		"gemini-2.5-flash-lite@":               "0.014",
		"kimi-k2.5@":                           "0.09",
		"glm-5@":                               "0.132",
		"glm-5-turbo@":                         "0.16",
		"glm-4.7@":                             "0.082",
		"deepseek-v4-flash@":                   "0.0168",
		"deepseek-v4-pro@":                     "0.0522",
		"qwen/qwen3-coder@":                    "0.0315",
		"qwen/qwen3-coder-480b-a35b-instruct@": "0.043",
		"qwen3-coder-plus@":                    "0.27", // above 32k: 1.80 / 9.00
		// Claude on Bedrock: the global profile at Anthropic's price, the
		// geographic ones 10% above it.
		"global.anthropic.claude-sonnet-4-6@":               "0.45",
		"anthropic.claude-sonnet-4-6@":                      "0.495",
		"global.anthropic.claude-opus-4-7@":                 "0.75",
		"anthropic.claude-opus-4-7@":                        "0.825",
		"global.anthropic.claude-sonnet-4-5-20250929-v1:0@": "0.45",
		"anthropic.claude-sonnet-4-5-20250929-v1:0@":        "0.495",
		"global.anthropic.claude-haiku-4-5-20251001-v1:0@":  "0.15",
		"anthropic.claude-haiku-4-5-20251001-v1:0@":         "0.165",
		"amazon.nova-pro-v1:0@":                             "0.112",
		"azure/gpt-5.4@":                                    "0.40",
		"azure/gpt-5.2@":                                    "0.315",
		"azure/gpt-5@":                                      "0.225",
		"azure/gpt-5-mini@":                                 "0.045",
	}
	rows := Bundled().Models
	if len(rows) != len(want) {
		t.Errorf("%d bundled rows, %d expectations: add the new row's hand-computed amount", len(rows), len(want))
	}
	for _, p := range rows {
		k := p.ID + "@" + p.Plan
		res, err := Estimate(p, one(100_000, 10_000), Options{Thinking: ThinkingOff, Reasoning: testReasoning})
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		got := res.PerPR.Total.String()
		if res.Status != StatusPriced {
			got = res.Status
		}
		if got != want[k] {
			t.Errorf("%s = %s, want %s", k, got, want[k])
		}
	}
}

// A prompt exactly at the threshold is base price; one token above
// bills the whole request (answer included) at the tier.
func TestTierBoundaries(t *testing.T) {
	tests := []struct {
		model  string
		prompt int64
		want   string
		tier   string
	}{
		{"gemini-3.1-pro-preview", 200_000, "0.412", "base"},                        // 0.2×2 + 0.001×12
		{"gemini-3.1-pro-preview", 200_001, "0.818004", "above 200k prompt tokens"}, // 0.200001×4 + 0.001×18
		{"gemini-3.1-pro-preview-customtools", 200_001, "0.818004", "above 200k prompt tokens"},
		{"gemini-2.5-pro", 200_000, "0.26", "base"},                            // 0.2×1.25 + 0.001×10
		{"gemini-2.5-pro", 200_001, "0.5150025", "above 200k prompt tokens"},   // 0.200001×2.5 + 0.001×15
		{"gpt-5.4", 272_000, "0.695", "base"},                                  // 0.272×2.5 + 0.001×15
		{"gpt-5.4", 272_001, "1.382505", "above 272k prompt tokens"},           // 0.272001×5 + 0.001×22.5
		{"gpt-5.5", 272_000, "1.39", "base"},                                   // 0.272×5 + 0.001×30
		{"gpt-5.5", 272_001, "2.76501", "above 272k prompt tokens"},            // 0.272001×10 + 0.001×45
		{"claude-sonnet-4-5", 200_000, "0.615", "base"},                        // 0.2×3 + 0.001×15
		{"claude-sonnet-4-5", 200_001, "1.222506", "above 200k prompt tokens"}, // 0.200001×6 + 0.001×22.5
		{"claude-sonnet-4-6", 200_001, "0.615003", "base"},                     // disputed tier not applied
		{"qwen3-coder-plus", 32_000, "0.037", "base"},                          // 0.032×1 + 0.001×5
		{"qwen3-coder-plus", 32_001, "0.0666018", "above 32k prompt tokens"},   // 0.032001×1.8 + 0.001×9
		{"qwen3-coder-plus", 128_000, "0.2394", "above 32k prompt tokens"},     // 0.128×1.8 + 0.001×9
		{"qwen3-coder-plus", 128_001, "0.399003", "above 128k prompt tokens"},  // 0.128001×3 + 0.001×15
		{"qwen3-coder-plus", 256_000, "0.783", "above 128k prompt tokens"},     // 0.256×3 + 0.001×15
		{"qwen3-coder-plus", 256_001, "1.596006", "above 256k prompt tokens"},  // 0.256001×6 + 0.001×60
	}
	for _, tt := range tests {
		res, err := Estimate(mustPrice(t, tt.model, ""), one(tt.prompt, 1000), Options{Thinking: ThinkingOff})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.PerPR.Total.String(); got != tt.want || strings.Join(res.Tiers, ",") != tt.tier {
			t.Errorf("%s at %d = %s %v, want %s %s", tt.model, tt.prompt, got, res.Tiers, tt.want, tt.tier)
		}
	}
}

// Ten calls of 50k are a 500k PR, but each call is priced on its own.
func TestTierPerRequestNotPRTotal(t *testing.T) {
	w := Workload{PRs: []PR{{Calls: []Call{{InputTokens: 50_000, Count: 10}}}}, PRsPerMonth: 1}
	res, _ := Estimate(mustPrice(t, "gemini-3.1-pro-preview", ""), w, Options{Thinking: ThinkingOff})
	if got := res.PerPR.Total.String(); got != "1.00" || res.Tiers[0] != "base" {
		t.Errorf("10 × 50k on Gemini 3.1 Pro = %s %v, want 1.00 at base", got, res.Tiers)
	}
	// A total as on a bill: base tier even when it is above the threshold.
	res, _ = Estimate(mustPrice(t, "gemini-3.1-pro-preview", ""), one(1_000_000, 1_000_000), Options{Thinking: ThinkingOff, BaseTier: true})
	if got := res.PerPR.Total.String(); got != "14.00" {
		t.Errorf("1M + 1M total on Gemini 3.1 Pro = %s, want 14.00", got)
	}
}

func TestSonnetOneMillionEachIsExactly18(t *testing.T) {
	res, err := Estimate(mustPrice(t, "claude-sonnet-4-6", ""), one(1_000_000, 1_000_000), Options{Thinking: ThinkingOff, BaseTier: true})
	if err != nil || res.PerPR.Total.String() != "18.00" || res.PerPR.Input.String() != "3.00" || res.PerPR.Output.String() != "15.00" {
		t.Fatalf("1M in + 1M out on Sonnet 4.6 = %+v, %v; want exactly 18.00", res.PerPR, err)
	}
}

func TestThinkingLevels(t *testing.T) {
	w := one(10_000, 1_000)
	tests := []struct {
		model, provider string
		want            map[string]string // level → reasoning cost per PR
	}{
		// 500 / 1,500 / 4,000 reasoning tokens at 15.00 per 1M; Off adds none.
		{"claude-sonnet-4-6", "", map[string]string{"off": "0.00", "low": "0.0075", "medium": "0.0225", "high": "0.06"}},
		// Kodus sends one switch to OpenAI-compatible endpoints: Low = Medium = High (1,500 × 4.40).
		{"glm-5.1", "", map[string]string{"off": "0.00", "low": "0.0066", "medium": "0.0066", "high": "0.0066"}},
		// The same model through OpenRouter gets real levels (reasoning.effort).
		{"glm-5", "open_router", map[string]string{"off": "0.00", "low": "0.0016", "medium": "0.0048", "high": "0.0128"}},
		// Kodus sends nothing to Novita; the model does not think anyway.
		{"qwen/qwen3-coder-480b-a35b-instruct", "", map[string]string{"off": "0.00", "low": "0.00", "high": "0.00"}},
		// Always thinking: Off is Medium (1,500 × 4.00).
		{"kimi-k2.7-code", "", map[string]string{"off": "0.006", "low": "0.006", "high": "0.006"}},
	}
	for _, tt := range tests {
		for level, want := range tt.want {
			res, err := Estimate(mustPrice(t, tt.model, ""), w, Options{Thinking: level, Provider: tt.provider, Reasoning: testReasoning})
			if err != nil {
				t.Fatal(err)
			}
			if got := res.PerPR.Reasoning.String(); got != want {
				t.Errorf("%s via %q at %s: reasoning %s, want %s (notes %v)", tt.model, tt.provider, level, got, want, res.Notes)
			}
		}
	}
}

// The first call of a PR writes the cache; the others read it.
func TestCacheHit(t *testing.T) {
	w := Workload{PRs: []PR{{Calls: []Call{{InputTokens: 10_000, Count: 2}}}}, PRsPerMonth: 1}
	tests := []struct {
		model            string
		total, write, rd string
		notes            string
	}{
		// Anthropic: 5k written at 3.75 + 5k at 3.00, then 5k read at 0.30 + 5k at 3.00.
		{"claude-sonnet-4-6", "0.05025", "0.01875", "0.0015", ""},
		// OpenAI: no write charge: 10k at 2.50, then 5k at 0.25 + 5k at 2.50.
		{"gpt-5.4", "0.03875", "0.00", "0.00125", ""},
		// No cache price: 20k at 0.22.
		{"qwen/qwen3-coder", "0.0044", "0.00", "0.00", "no cache price"},
	}
	for _, tt := range tests {
		res, err := Estimate(mustPrice(t, tt.model, ""), w, Options{Thinking: ThinkingOff, CacheHitBP: 5000})
		if err != nil {
			t.Fatal(err)
		}
		if res.PerPR.Total.String() != tt.total || res.PerPR.CacheWrite.String() != tt.write || res.PerPR.CachedInput.String() != tt.rd {
			t.Errorf("%s with 50%% cache = %+v", tt.model, res.PerPR)
		}
		if tt.notes != "" && !strings.Contains(strings.Join(res.Notes, " "), tt.notes) {
			t.Errorf("%s notes %v lack %q", tt.model, res.Notes, tt.notes)
		}
	}
}

func TestDefaultAssumptionsHandComputed(t *testing.T) {
	a := DefaultAssumptions()
	tests := []struct{ model, perPR, perMonth string }{
		// 88k in × 3 + 8.8k out × 15 + 15k reasoning × 15 = 0.264 + 0.132 + 0.225.
		{"claude-sonnet-4-6", "0.621", "124.20"},
		// 88k × 1.40 + 8.8k × 4.40 + 15k × 4.40 = 0.1232 + 0.03872 + 0.066.
		{"glm-5.1", "0.22792", "45.584"},
	}
	for _, tt := range tests {
		res, err := Estimate(mustPrice(t, tt.model, ""), a.Workload(), a.Options(a.Thinking))
		if err != nil {
			t.Fatal(err)
		}
		if res.PerPR.Total.String() != tt.perPR || res.PerMonth.Total.String() != tt.perMonth {
			t.Errorf("%s = %s / PR, %s / month; want %s, %s", tt.model, res.PerPR.Total, res.PerMonth.Total, tt.perPR, tt.perMonth)
		}
		if res.TokensPerPR != (Tokens{Input: 88_000, Output: 8_800, Reasoning: 15_000}) {
			t.Errorf("%s tokens per PR = %+v", tt.model, res.TokensPerPR)
		}
	}
}

func TestAveragesOverRealPRs(t *testing.T) {
	// Two PRs from a history: 30k and 10k prompt tokens; the average PR is
	// 20k × 3.00 = 0.06, and 50 PRs a month cost 3.00.
	w := Workload{PRs: []PR{{Calls: []Call{{InputTokens: 30_000}}}, {Calls: []Call{{InputTokens: 10_000}}}}, PRsPerMonth: 50}
	res, err := Estimate(mustPrice(t, "claude-sonnet-4-6", ""), w, Options{Thinking: ThinkingOff})
	if err != nil || res.PerPR.Total.String() != "0.06" || res.PerMonth.Total.String() != "3.00" {
		t.Fatalf("history average = %+v %+v, %v", res.PerPR, res.PerMonth, err)
	}
}

func TestLimitsNoted(t *testing.T) {
	res, _ := Estimate(mustPrice(t, "glm-5.1", ""), one(250_000, 200_000), Options{Thinking: ThinkingOff})
	notes := strings.Join(res.Notes, " ")
	if !strings.Contains(notes, "exceeds the 200000-token context window") || !strings.Contains(notes, "output cap") {
		t.Errorf("notes = %v", res.Notes)
	}
}

func TestValidateAssumptions(t *testing.T) {
	a := DefaultAssumptions()
	a.PRsPerMonth, a.CacheHit, a.Thinking, a.BudgetUSD = 0, 1.5, "max", "lots"
	err := a.Validate()
	for _, want := range []string{"prsPerMonth", "cacheHit", "thinking", "budgetUSD"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %v, want a %s error", err, want)
		}
	}
	if err := DefaultAssumptions().Validate(); err != nil {
		t.Errorf("defaults invalid: %v", err)
	}
}
