package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	sjs "github.com/santhosh-tekuri/jsonschema/v6"
)

func compileSchema(t *testing.T, src string) *sjs.Schema {
	t.Helper()
	doc, err := sjs.UnmarshalJSON(strings.NewReader(src))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := sjs.NewCompiler()
	c.AssertContent()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatalf("schema does not compile: %v", err)
	}
	return s
}

func validate(t *testing.T, s *sjs.Schema, src string) error {
	t.Helper()
	v, err := sjs.UnmarshalJSON(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	return s.Validate(v)
}

// `schema` publishes the profile's schema, and the real `profile show
// --json` output (and every golden profile) conforms to it.
func TestSchemaProfile(t *testing.T) {
	h := newHarness(t)
	r := h.ok("", "schema")
	assertGolden(t, "schema-profile.json.golden", r.stdout)
	s := compileSchema(t, r.stdout)

	h.ok(key, "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--key-stdin")
	override := filepath.Join(t.TempDir(), "o.json")
	if err := os.WriteFile(override, []byte(`{"openrouter": {"reasoning": {"effort": "high"}}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	h.ok("sk-or-v1-"+"FAKE0123456789abcdef", "profile", "set", "team", "--slot", "fallback", "--provider", "open_router", "--model", "z-ai/glm-5", "--thinking-json", override, "--openrouter-order", "z-ai", "--key-stdin")
	for _, out := range []string{h.ok("", "profile", "show", "team", "--json").stdout, h.ok("", "profile", "set", "team", "--provider", "anthropic", "--model", "claude-sonnet-4-6", "--json").stdout} {
		if err := validate(t, s, out); err != nil {
			t.Errorf("profile output does not match the schema: %v\n%s", err, out)
		}
	}
	goldenShow, err := os.ReadFile(filepath.Join("testdata", "profile-show.json.golden"))
	if err != nil {
		t.Fatal(err)
	}
	if err := validate(t, s, strings.ReplaceAll(string(goldenShow), `"<time>"`, `"2026-11-27T10:00:00Z"`)); err != nil {
		t.Errorf("profile-show golden does not match the schema: %v", err)
	}

	// The schema is not a rubber stamp: it refuses what the app refuses.
	for name, bad := range map[string]string{
		"unknown provider": `"provider": "anthropic"`,
		"temperature":      `"temperature": 0`,
		"effort":           `"reasoningEffort": "medium"`,
		"custom json":      `\"effort\": \"high\"`,
	} {
		out := h.ok("", "profile", "show", "team", "--json").stdout
		broken := strings.Replace(out, bad, map[string]string{
			"unknown provider": `"provider": "bedrock"`, "temperature": `"temperature": 7`, "effort": `"reasoningEffort": "max"`,
			"custom json": `\"effort\": \"extreme\"`,
		}[name], 1)
		if broken == out {
			t.Fatalf("%s: %q not in the output", name, bad)
		}
		if validate(t, s, broken) == nil {
			t.Errorf("%s: the schema accepts %s", name, broken)
		}
	}
}

func TestSchemaProviderOptions(t *testing.T) {
	h := newHarness(t)
	out := h.ok("", "schema", "provider-options").stdout
	assertGolden(t, "schema-provider-options.json.golden", out)
	s := compileSchema(t, out)
	if err := validate(t, s, `{"anthropic": {"thinking": {"type": "adaptive"}, "effort": "high"}, "x-new": 1}`); err != nil {
		t.Errorf("valid options refused: %v", err)
	}
	if validate(t, s, `{"anthropic": {"thinking": {"type": "enabled", "budgetTokens": 100}}}`) == nil {
		t.Error("budgetTokens 100 accepted")
	}
	if r := h.run("", "schema", "env"); r.code != ExitUsage || !strings.Contains(r.stderr, "want profile or provider-options") {
		t.Errorf("unknown schema: %d %q", r.code, r.stderr)
	}
}
