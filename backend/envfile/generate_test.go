package envfile_test

import (
	"crypto/rand"
	"encoding/base64"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/joho/godotenv"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/envfile"
	"github.com/kodusbyok/studio/backend/secrets"
)

func TestTemplateIsTheFixture(t *testing.T) {
	a, _ := os.ReadFile("template.env")
	b, _ := os.ReadFile("testdata/kodus-env-layout.env")
	if len(a) == 0 || string(a) != string(b) {
		t.Fatal("template.env must be identical to testdata/kodus-env-layout.env (the installer layout)")
	}
}

func TestFixturePassesValidation(t *testing.T) {
	if ps := envfile.Validate(fixture(t)); len(ps) != 0 {
		t.Errorf("the installer layout fails validation: %v", ps)
	}
}

func TestValidateLikeTheInstaller(t *testing.T) {
	cases := []struct{ from, to, want string }{
		{"API_PORT=3001", "API_PORT=70000", "API_PORT: must be a port 1-65535"},
		{"API_RATE_MAX_REQUEST=100", "API_RATE_MAX_REQUEST=1e3", "must be a whole number"},
		{"API_LOG_PRETTY=true", "API_LOG_PRETTY=yes", "must be true or false"},
		{"API_FRONTEND_URL=http://localhost:3000", "API_FRONTEND_URL=localhost:3000", "must start with http://"},
		{"API_SMTP_FROM=noreply@notifications.kodus.io", "API_SMTP_FROM=noreply", "must be an email"},
		{`API_CRON_KODY_LEARNING="0 0 * * 6"`, `API_CRON_KODY_LEARNING="0 0 *"`, "5 or 6 fields"},
		{"SANDBOX_PROVIDER=local", "SANDBOX_PROVIDER=docker", "must be one of auto, e2b, local, none"},
		{"API_JWT_SECRET=FAKE+api+jwt+secret+placeholder+00000000000=", "API_JWT_SECRET=", "API_JWT_SECRET: is required"},
		{"API_CRYPTO_KEY=feedface", "API_CRYPTO_KEY=short", "64 hex characters"},
		{"WEB_NEXTAUTH_SECRET=FAKE+nextauth", "WEB_NEXTAUTH_SECRET=other", "must equal NEXTAUTH_SECRET"},
	}
	for _, c := range cases {
		src := fixture(t)
		i := strings.Index(src, c.from)
		if i < 0 {
			t.Fatalf("fixture lacks %q", c.from)
		}
		end := i + strings.IndexByte(src[i:], '\n')
		broken := src[:i] + c.to + src[end:]
		ps := envfile.Validate(broken)
		if len(ps) != 1 || !strings.Contains(ps[0].String(), c.want) {
			t.Errorf("%s: problems %v, want one with %q", c.to, ps, c.want)
		}
	}
}

func TestGenerateFullEnv(t *testing.T) {
	b := build(t, envfile.Source{Main: draft(t, "glm-5.1", "coding-plan"), Key: secrets.NewSecret(fakeKeys[catalog.OpenAICompatible])}, envfile.Options{})
	res, err := envfile.Generate(b, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) != 0 {
		t.Fatalf("generated file fails validation: %v", res.Problems)
	}
	vals, err := godotenv.Unmarshal(res.Content)
	if err != nil {
		t.Fatal(err)
	}
	hex64 := regexp.MustCompile(`^[0-9a-f]{64}$`)
	for _, n := range []string{"API_PG_DB_PASSWORD", "API_MG_DB_PASSWORD", "API_CRYPTO_KEY", "CODE_MANAGEMENT_SECRET", "API_MCP_MANAGER_ENCRYPTION_SECRET"} {
		if !hex64.MatchString(vals[n]) || res.Generated[n] != "hex32" {
			t.Errorf("%s = %q (%s), want hex32", n, vals[n], res.Generated[n])
		}
	}
	for _, n := range []string{"API_JWT_SECRET", "API_JWT_REFRESH_SECRET", "NEXTAUTH_SECRET", "API_MCP_MANAGER_JWT_SECRET"} {
		raw, err := base64.StdEncoding.DecodeString(vals[n])
		if err != nil || len(raw) != 32 || len(vals[n]) != 44 {
			t.Errorf("%s = %q, want base64 of 32 bytes", n, vals[n])
		}
	}
	tok := vals["CODE_MANAGEMENT_WEBHOOK_TOKEN"]
	if raw, err := base64.RawURLEncoding.DecodeString(tok); err != nil || len(raw) != 32 || strings.ContainsAny(tok, "=+/") {
		t.Errorf("webhook token %q is not base64url-32", tok)
	}
	if vals["WEB_NEXTAUTH_SECRET"] != vals["NEXTAUTH_SECRET"] {
		t.Error("WEB_NEXTAUTH_SECRET does not mirror NEXTAUTH_SECRET")
	}
	if strings.Contains(res.Content, "FAKE+") || strings.Contains(res.Content, "deadbeef") || strings.Contains(res.Content, "Not for deployment") {
		t.Error("a fixture placeholder survived")
	}
	if vals["API_LLM_PROVIDER_MODEL"] != "glm-5.1" || vals["API_OPENAI_FORCE_BASE_URL"] != "https://api.z.ai/api/coding/paas/v4" {
		t.Errorf("LLM block not merged: %q %q", vals["API_LLM_PROVIDER_MODEL"], vals["API_OPENAI_FORCE_BASE_URL"])
	}
	// The installer's section and variable order, untouched.
	if got, want := order(res.Content), order(fixture(t)); got != want {
		t.Errorf("section/variable order differs from the installer layout:\n%s\nwant\n%s", got, want)
	}
	for _, f := range []string{"API_GITHUB_CODE_MANAGEMENT_WEBHOOK", "WEB_HOSTNAME_API", "NEXTAUTH_URL"} {
		if !regexp.MustCompile(`# FILL IN: [^\n]+\n` + f + `=`).MatchString(res.Content) {
			t.Errorf("%s is not marked FILL IN", f)
		}
	}
	if len(res.FillIns) < 5 {
		t.Errorf("fill-ins = %v", res.FillIns)
	}
	again, _ := envfile.Generate(b, rand.Reader)
	if again.Content == res.Content {
		t.Error("two generated files share their secrets")
	}
}

// order lists the section headers and variable names (active or opt-in).
func order(content string) string {
	re := regexp.MustCompile(`(?m)^(## ----.*|# ?[A-Z][A-Z0-9_]*=|[A-Z][A-Z0-9_]*=)`)
	return strings.Join(re.FindAllString(content, -1), "\n")
}
