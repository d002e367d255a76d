package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/keytest/cloudtest"
)

// noSecretOnDisk fails when a secret is anywhere in the data dir in plain
// text (the bbolt file included): secrets live only in the keychain.
func noSecretOnDisk(t *testing.T, h *harness, secretsList ...string) {
	t.Helper()
	if err := filepath.WalkDir(h.env["KODUS_BYOK_HOME"], func(p string, d os.DirEntry, _ error) error {
		if d == nil || d.IsDir() {
			return nil
		}
		b, _ := os.ReadFile(p)
		for _, s := range secretsList {
			if s != "" && bytes.Contains(b, []byte(s)) {
				t.Errorf("%s holds a secret", p)
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// The acceptance of Amazon Bedrock: a Bedrock API key and IAM keys saved
// with no secret in a flag, tested against the stand-in (ok, auth, model
// not enabled, wrong region), exported with the region and auth kind and
// no secret, and refused by Fixed Mode with the reason.
func TestBedrockAcceptance(t *testing.T) {
	b := cloudtest.NewBedrock("us-east-1")
	defer b.Close()
	h := newCurrentHarness(t)

	h.ok(b.APIKey, "profile", "set", "br", "--provider", "amazon_bedrock", "--model", "us.anthropic.claude-sonnet-4-6", "--aws-region", "us-east-1", "--key-stdin", "--base-url", b.URL)
	iam := b.AccessKeyID + "\n" + b.SecretAccessKey + "\n"
	h.ok(iam, "profile", "set", "iam", "--provider", "amazon_bedrock", "--model", "us.anthropic.claude-sonnet-4-6", "--aws-region", "us-east-1", "--aws-access-key-id-stdin", "--base-url", b.URL)
	noSecretOnDisk(t, h, b.APIKey, b.SecretAccessKey, b.AccessKeyID)

	show := h.ok("", "profile", "show", "iam", "--json").stdout
	if !strings.Contains(show, `"awsAuth": "iam"`) || !strings.Contains(show, `"awsRegion": "us-east-1"`) || !strings.Contains(show, "IAM access key AK…PLE") || strings.Contains(show, b.SecretAccessKey) {
		t.Errorf("show = %s", show)
	}

	for _, name := range []string{"br", "iam"} {
		r := h.ok("", "test", name, "--json")
		objs := lines(r.stdout)
		if len(objs) != 1 || objs[0]["code"] != "ok" || objs[0]["ok"] != true {
			t.Fatalf("%s: %s\n%s", name, r.stdout, r.stderr)
		}
		if !strings.Contains(r.stderr, "read-only") {
			t.Errorf("%s: what is sent is not said first: %s", name, r.stderr)
		}
	}
	reqs := strings.Join(b.Requests(), "\n")
	for _, want := range []string{"POST / (sigv4 sts)", "GET /foundation-model-availability/anthropic.claude-sonnet-4-6 (bearer)", "POST /model/us.anthropic.claude-sonnet-4-6/converse (sigv4 bedrock)"} {
		if !strings.Contains(reqs, want) {
			t.Errorf("requests lack %q:\n%s", want, reqs)
		}
	}

	// Model access not granted, wrong region, bad credentials.
	h.ok("", "profile", "set", "iam", "--provider", "amazon_bedrock", "--model", "us.anthropic.claude-opus-4-7")
	wantCode(t, h, "iam", "model_not_enabled")
	h.ok("", "profile", "set", "iam", "--provider", "amazon_bedrock", "--model", "us.anthropic.claude-opus-4-7", "--aws-region", "us-west-2")
	wantCode(t, h, "iam", "wrong_region")
	h.ok(b.AccessKeyID+"\n"+strings.Repeat("k", 40)+"\n", "profile", "set", "iam", "--provider", "amazon_bedrock", "--model", "us.anthropic.claude-sonnet-4-6", "--aws-region", "us-east-1", "--aws-access-key-id-stdin")
	wantCode(t, h, "iam", "auth")
	if r := h.run("", "profile", "set", "x", "--provider", "amazon_bedrock", "--model", "us.anthropic.claude-sonnet-4-6", "--aws-region", "eu-central-1", "--aws-env"); r.code != ExitUsage || !strings.Contains(r.stderr, "AWS_ACCESS_KEY_ID") {
		t.Errorf("--aws-env without the variables: %d %s", r.code, r.stderr)
	}

	// The BYOK export: region and auth kind, no secret unless --with-keys.
	out := h.ok("", "byok", "br", "--json")
	var cfg struct {
		Credentials []struct {
			Provider string            `json:"provider"`
			APIKey   *string           `json:"apiKey"`
			Settings map[string]string `json:"settings"`
		} `json:"credentials"`
	}
	if err := json.Unmarshal([]byte(out.stdout), &cfg); err != nil || len(cfg.Credentials) != 1 {
		t.Fatalf("byok = %s", out.stdout)
	}
	st := cfg.Credentials[0].Settings
	if cfg.Credentials[0].Provider != "amazon_bedrock" || st["awsRegion"] != "us-east-1" || st["awsBearerToken"] != "" || cfg.Credentials[0].APIKey != nil {
		t.Errorf("settings = %v", cfg.Credentials[0])
	}
	if _, carried := st["awsBearerToken"]; !carried || strings.Contains(out.stdout, b.APIKey) || strings.Contains(out.stdout, "baseURL") {
		t.Errorf("byok without keys = %s", out.stdout)
	}
	if !strings.Contains(out.stderr, "has no base URL for Amazon Bedrock") {
		t.Errorf("the endpoint override is not explained: %s", out.stderr)
	}
	withKeys := h.ok("", "byok", "iam", "--json", "--with-keys").stdout
	if !strings.Contains(withKeys, `"awsAccessKeyId": "`+b.AccessKeyID+`"`) || !strings.Contains(withKeys, `"awsSecretAccessKey": "`+strings.Repeat("k", 40)+`"`) {
		t.Errorf("byok --with-keys = %s", withKeys)
	}

	// Fixed Mode cannot carry Bedrock, and says what can.
	r := h.run("", "env", "br")
	if r.code == 0 || !strings.Contains(r.stderr, "Fixed Mode (the .env) cannot use Amazon Bedrock") || !strings.Contains(r.stderr, "BYOK mode") || !strings.Contains(r.stderr, "OpenAI-compatible gateway") {
		t.Errorf("env = %d %s%s", r.code, r.stdout, r.stderr)
	}
}

func wantCode(t *testing.T, h *harness, name, code string) {
	t.Helper()
	r := h.run("", "test", name, "--json")
	objs := lines(r.stdout)
	if r.code != ExitFailure || len(objs) != 1 || objs[0]["code"] != code {
		t.Errorf("test %s: want %s, got %d %s %s", name, code, r.code, r.stdout, r.stderr)
	}
}

// The acceptance of Azure OpenAI: the resource endpoint, the deployment as
// the model, the key in the api-key header.
func TestAzureAcceptance(t *testing.T) {
	az := cloudtest.NewAzure()
	defer az.Close()
	h := newCurrentHarness(t)
	h.ok(az.Key, "profile", "set", "az", "--provider", "azure", "--base-url", az.Endpoint(), "--model", "gpt-5-4-review", "--key-stdin")
	r := h.ok("", "test", "az", "--json")
	if objs := lines(r.stdout); len(objs) != 1 || objs[0]["code"] != "ok" {
		t.Fatalf("test = %s %s", r.stdout, r.stderr)
	}
	reqs := az.Requests()
	if len(reqs) != 2 || !strings.HasPrefix(reqs[0], "GET /openai/models?api-version=") || reqs[1] != "POST /openai/deployments/gpt-5-4-review/responses?api-version=v1" {
		t.Errorf("requests %v", reqs)
	}
	for _, hd := range az.Headers() {
		if hd.Get("api-key") != az.Key || hd.Get("Authorization") != "" {
			t.Errorf("headers %v", hd)
		}
	}
	h.ok("", "profile", "set", "az", "--provider", "azure", "--base-url", az.Endpoint(), "--model", "missing-deployment")
	wantCode(t, h, "az", "model_not_found")
	h.ok("not-the-key-0123456789abcdef012345", "profile", "set", "az", "--provider", "azure", "--base-url", az.Endpoint(), "--model", "gpt-5-4-review", "--key-stdin")
	wantCode(t, h, "az", "auth")
	if r := h.run("", "env", "az"); r.code == 0 || !strings.Contains(r.stderr, "cannot use Azure OpenAI") {
		t.Errorf("env = %d %s", r.code, r.stderr)
	}
	if r := h.run(az.Key, "profile", "set", "bad", "--provider", "azure", "--base-url", az.URL+"/openai/deployments/x", "--model", "d", "--key-stdin"); r.code != ExitUsage || !strings.Contains(r.stderr, "without /deployments") {
		t.Errorf("a deployment URL as base URL: %d %s", r.code, r.stderr)
	}
}
