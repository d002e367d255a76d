package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type costJSON struct {
	PricedAt string `json:"pricedAt"`
	Rows     []struct {
		Model           string  `json:"model"`
		Plan            string  `json:"plan"`
		Status          string  `json:"status"`
		PerPR           *string `json:"perPR"`
		PerMonth        *string `json:"perMonth"`
		InputTokens     int64   `json:"inputTokens"`
		OutputTokens    int64   `json:"outputTokens"`
		ReasoningTokens int64   `json:"reasoningTokens"`
		Tier            string  `json:"tier"`
		Source          string  `json:"source"`
		Slot            string  `json:"slot"`
		BudgetPRs       *int64  `json:"budgetPRsPerMonth"`
	} `json:"rows"`
	Profile *struct {
		PerPR    *string `json:"perPR"`
		PerMonth *string `json:"perMonth"`
	} `json:"profile"`
	MissingPrices []string `json:"missingPrices"`
}

func decodeCost(t *testing.T, out string) costJSON {
	t.Helper()
	var c costJSON
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatalf("cost JSON: %v\n%s", err, out)
	}
	return c
}

func TestCostExactTokens(t *testing.T) {
	h := newHarness(t)
	r := h.ok("", "cost", "--model", "claude-sonnet-4-6", "--input-tokens", "1000000", "--output-tokens", "1000000", "--json")
	c := decodeCost(t, r.stdout)
	row := c.Rows[0]
	if len(c.Rows) != 1 || *row.PerPR != "18.00" || *row.PerMonth != "18.00" || row.InputTokens != 1_000_000 || row.OutputTokens != 1_000_000 || row.ReasoningTokens != 0 || row.Tier != "base" || row.Source == "" || c.PricedAt != "2026-07-24" {
		t.Fatalf("exact = %+v", c)
	}
	// The named fields are the public interface.
	for _, f := range []string{`"pricedAt"`, `"rows"`, `"model"`, `"perPR"`, `"perMonth"`, `"inputTokens"`, `"outputTokens"`, `"reasoningTokens"`, `"tier"`, `"source"`} {
		if !strings.Contains(r.stdout, f) {
			t.Errorf("--json lacks %s", f)
		}
	}
	// With --prs the month is that many such PRs.
	c = decodeCost(t, h.ok("", "cost", "--model", "glm-5.1", "--input-tokens", "1000000", "--output-tokens", "1000000", "--prs", "3", "--json").stdout)
	if *c.Rows[0].PerPR != "5.80" || *c.Rows[0].PerMonth != "17.40" {
		t.Errorf("glm exact ×3 = %s %s", *c.Rows[0].PerPR, *c.Rows[0].PerMonth)
	}
}

func TestCostDefaultGolden(t *testing.T) {
	h := newHarness(t)
	r := h.ok("", "cost", "--json")
	assertGolden(t, "cost.json.golden", r.stdout)
	c := decodeCost(t, r.stdout)
	var order []string
	for _, row := range c.Rows {
		order = append(order, row.Model+"@"+row.Plan)
	}
	if got := strings.Join(order, " "); got != "kimi-k2.6@ glm-5.1@ gemini-3.1-pro-preview-customtools@ gpt-5.4@ claude-sonnet-4-6@ claude-opus-4-7@ glm-5.1@coding-plan kimi-for-coding@kimi-code" {
		t.Errorf("sorted by monthly cost: %s", got)
	}
	if c.Rows[6].Status != "plan-quota" || c.Rows[6].PerMonth != nil {
		t.Errorf("coding plan row = %+v", c.Rows[6])
	}
	text := h.ok("", "cost", "--budget", "100").stdout
	for _, want := range []string{"Prices as of 2026-07-24", "plan quota", "PRS IN $100", "$124.20", "$0.6210", "161"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}

func TestCostAllAndThinking(t *testing.T) {
	h := newHarness(t)
	c := decodeCost(t, h.ok("", "cost", "--all", "--json").stdout)
	if len(c.Rows) != 44 || len(c.MissingPrices) != 0 { // 35, and 9 Amazon Bedrock rows
		t.Errorf("--all: %d rows, missing %v", len(c.Rows), c.MissingPrices)
	}
	off := decodeCost(t, h.ok("", "cost", "--model", "claude-sonnet-4-6,gpt-5.4", "--thinking", "off", "--prs", "10", "--files-per-pr", "2", "--cache-hit", "0.5", "--json").stdout)
	// 2 files (8k/800) + 4 extra calls (10k/1k), half of each prompt cached after the PR's first call.
	// Sonnet: call 1 writes 4k at 3.75 + 4k at 3.00 (0.027); the other 5 read 24k at 0.30 and pay
	// 24k at 3.00 (0.0792); 5.6k output at 15.00 (0.084): 0.1902 a PR, 1.902 for 10.
	// GPT-5.4 writes for free: 8k at 2.50 (0.02), 24k at 0.25 + 24k at 2.50 (0.066), 0.084 output: 0.17.
	want := map[string][2]string{"claude-sonnet-4-6": {"0.1902", "1.902"}, "gpt-5.4": {"0.17", "1.70"}}
	for _, row := range off.Rows {
		if row.ReasoningTokens != 0 || row.InputTokens != 56_000 || *row.PerPR != want[row.Model][0] || *row.PerMonth != want[row.Model][1] {
			t.Errorf("%s at off = %+v (per PR %s)", row.Model, row, *row.PerPR)
		}
	}
}

func TestCostProfile(t *testing.T) {
	h := newHarness(t)
	h.ok(key, "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--key-stdin")
	h.ok("zai-0123456789abcdef.ghij", "profile", "set", "team", "--slot", "fallback", "--provider", "openai_compatible", "--model", "glm-5.1", "--plan", "paas", "--key-stdin")
	c := decodeCost(t, h.ok("", "cost", "--profile", "team", "--json").stdout)
	// 124.20 × 0.95 + 45.584 × 0.05.
	if c.Profile == nil || *c.Profile.PerMonth != "120.2692" || c.Rows[0].Slot != "main" || c.Rows[1].Slot != "fallback" {
		t.Fatalf("profile = %+v", c)
	}
	text := h.ok("", "cost", "--profile", "team", "--fallback-share", "0.5").stdout
	if !strings.Contains(text, "Profile team (Fallback share 50%)") || !strings.Contains(text, "main: claude-sonnet-4-6") {
		t.Errorf("profile text:\n%s", text)
	}
	if r := h.run("", "cost", "--profile", "nobody"); r.code != ExitFailure || !strings.Contains(r.stderr, "not found") {
		t.Errorf("missing profile = %d %q", r.code, r.stderr)
	}
}

func TestCostUsageErrors(t *testing.T) {
	h := newHarness(t)
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"cost", "--model", "gpt-5.4", "--all"}, "not both"},
		{[]string{"cost", "--input-tokens", "5"}, "go together"},
		{[]string{"cost", "--input-tokens", "5", "--output-tokens", "5", "--files-per-pr", "3"}, "drop --files-per-pr"},
		{[]string{"cost", "--thinking", "max"}, "thinking: must be off, low, medium or high"},
		{[]string{"cost", "--cache-hit", "2"}, "cacheHit: must be a share from 0 to 1"},
		{[]string{"cost", "--cache-hit", "lots"}, "invalid argument"},
		{[]string{"cost", "--prs", "0", "--budget", "-5"}, "prsPerMonth: must be a whole number from 1"},
		{[]string{"cost", "--input-tokens", "-1", "--output-tokens", "5"}, "inputTokens: must be a whole number"},
		{[]string{"cost", "--plan", "coding-plan"}, "--plan needs --model"},
		{[]string{"prices"}, "needs a subcommand"},
		{[]string{"prices", "import"}, "needs a FILE"},
		{[]string{"prices", "import", "/nonexistent/prices.json"}, "read price file"},
		{[]string{"prices", "set", "m", "--input", "-1", "--output", "x"}, "input: must not be negative"},
	}
	for _, tt := range tests {
		r := h.run("", tt.args...)
		if r.code != ExitUsage || !strings.Contains(r.stderr, tt.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, r.code, r.stderr, tt.stderr)
		}
	}
}

func TestPricesImportSetUnset(t *testing.T) {
	h := newHarness(t)
	// A model with no price asks for one and exits 1 after printing its row.
	r := h.run("", "cost", "--model", "llama3.1:8b", "--json")
	if r.code != ExitFailure || !strings.Contains(r.stderr, "prices set llama3.1:8b --input") {
		t.Fatalf("unpriced = %d %q", r.code, r.stderr)
	}
	if c := decodeCost(t, r.stdout); c.Rows[0].Status != "no-price" || c.Rows[0].PerPR != nil {
		t.Errorf("unpriced row = %+v", c.Rows[0])
	}
	h.ok("", "prices", "set", "llama3.1:8b", "--input", "0.10", "--output", "0.20")
	c := decodeCost(t, h.ok("", "cost", "--model", "llama3.1:8b", "--input-tokens", "1000000", "--output-tokens", "1000000", "--json").stdout)
	if *c.Rows[0].PerPR != "0.30" || c.Rows[0].Source != "manual edit" {
		t.Errorf("manual = %+v", c.Rows[0])
	}

	sample, _ := filepath.Abs("../cost/testdata/litellm-sample.json")
	out := h.ok("", "prices", "import", sample, "--as-of", "2026-11-20")
	if !strings.Contains(out.stdout, "Imported 6 priced models") || !strings.Contains(out.stdout, "kimi-k2.6: 0.95 / 4.00, cache 0.16 → 0.90 / 3.80, cache 0.15") {
		t.Errorf("import output:\n%s\n%s", out.stdout, out.stderr)
	}
	c = decodeCost(t, h.ok("", "cost", "--model", "kimi-k2.6", "--input-tokens", "1000000", "--output-tokens", "0", "--json").stdout)
	if *c.Rows[0].PerPR != "0.90" || !strings.Contains(c.Rows[0].Source, "litellm-sample.json") || c.PricedAt != "2026-11-20" {
		t.Errorf("imported = %+v, pricedAt %s", c.Rows[0], c.PricedAt)
	}
	list := h.ok("", "prices", "list", "--json").stdout
	if !strings.Contains(list, `"origin": "manual"`) || !strings.Contains(list, `"origin": "imported"`) || !strings.Contains(list, `"importedFrom": "litellm-sample.json"`) {
		t.Errorf("prices list --json lacks origins")
	}
	if text := h.ok("", "prices", "list").stdout; !strings.Contains(text, "plan quota") || !strings.Contains(text, "llama3.1:8b") {
		t.Errorf("prices list:\n%s", text)
	}

	h.ok("", "prices", "unset", "llama3.1:8b")
	if r := h.run("", "prices", "unset", "llama3.1:8b"); r.code != ExitFailure || !strings.Contains(r.stderr, "no manual price") {
		t.Errorf("second unset = %d %q", r.code, r.stderr)
	}

	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte("{\n \"x\": {,}\n}"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := h.run("", "prices", "import", bad); r.code != ExitUsage || !strings.Contains(r.stderr, "line 2, column") {
		t.Errorf("bad import = %d %q", r.code, r.stderr)
	}
}
