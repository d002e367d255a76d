package keytest_test

import (
	"context"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/keytest/cloudtest"
	"github.com/kodusbyok/studio/backend/secrets"
)

func iamKey(b *cloudtest.Bedrock) secrets.Secret {
	return secrets.NewSecret(secrets.AWSCredentials{AccessKeyID: b.AccessKeyID, SecretAccessKey: b.SecretAccessKey, SessionToken: b.SessionToken}.JSON())
}

// shortTerm makes a short-term Bedrock API key for region, made at made.
func shortTerm(region string, made time.Time) string {
	u := "bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAEXAMPLE%2F" +
		made.Format("20060102") + "%2F" + region + "%2Fbedrock%2Faws4_request&X-Amz-Date=" + made.Format("20060102T150405Z") + "&X-Amz-Expires=43200&X-Amz-SignedHeaders=host&X-Amz-Signature=abc&Version=1"
	return "bedrock-api-key-" + base64.StdEncoding.EncodeToString([]byte(u))
}

// Every verdict of the read-only Bedrock test, against the stand-in: the
// credentials (bearer, IAM, temporary, expired, wrong secret, unknown
// key), the model (served, not enabled, absent) and the region.
func TestBedrockReadOnly(t *testing.T) {
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		setup  func(b *cloudtest.Bedrock)
		region string
		model  string
		key    func(b *cloudtest.Bedrock) secrets.Secret
		code   keytest.Code
		want   string
		seen   string
	}{
		{name: "bearer ok", model: "us.anthropic.claude-sonnet-4-6", key: func(b *cloudtest.Bedrock) secrets.Secret { return secrets.NewSecret(b.APIKey) },
			code: keytest.CodeOK, want: "has access", seen: "GET /foundation-model-availability/anthropic.claude-sonnet-4-6 (bearer)"},
		{name: "iam ok, bare claude id repaired", model: "anthropic.claude-sonnet-4-6", key: iamKey,
			code: keytest.CodeOK, want: "signed in as arn:aws:iam::123456789012:user/kodus-reviews", seen: "GET /inference-profiles/us.anthropic.claude-sonnet-4-6 (sigv4 bedrock)"},
		{name: "iam with a session token", setup: func(b *cloudtest.Bedrock) {
			b.AccessKeyID, b.SessionToken = "ASIAIOSFODNN7EXAMPLE", "FwoGZXIvYXdzEXAMPLETOKEN"
		},
			model: "amazon.nova-pro-v1:0", key: iamKey, code: keytest.CodeOK, seen: "POST / (sigv4 sts)"},
		{name: "expired session", setup: func(b *cloudtest.Bedrock) {
			b.AccessKeyID, b.SessionToken, b.ExpiredSession = "ASIAIOSFODNN7EXAMPLE", "FwoGZXIvYXdzEXAMPLETOKEN", true
		}, model: "amazon.nova-pro-v1:0", key: iamKey, code: keytest.CodeAuth, want: "expired"},
		{name: "wrong secret", model: "amazon.nova-pro-v1:0", key: func(b *cloudtest.Bedrock) secrets.Secret {
			return secrets.NewSecret(secrets.AWSCredentials{AccessKeyID: b.AccessKeyID, SecretAccessKey: strings.Repeat("x", 40)}.JSON())
		}, code: keytest.CodeAuth, want: "secret access key does not belong"},
		{name: "unknown access key", model: "amazon.nova-pro-v1:0", key: func(b *cloudtest.Bedrock) secrets.Secret {
			return secrets.NewSecret(secrets.AWSCredentials{AccessKeyID: "AKIAZZZZZZZZZZZZZZZZ", SecretAccessKey: b.SecretAccessKey}.JSON())
		}, code: keytest.CodeAuth, want: "does not know this access key id"},
		{name: "bad bearer", model: "amazon.nova-pro-v1:0", key: func(*cloudtest.Bedrock) secrets.Secret { return secrets.NewSecret("ABSK" + strings.Repeat("Q", 60)) },
			code: keytest.CodeAuth, want: "rejected this Bedrock API key"},
		{name: "model access not granted", model: "us.anthropic.claude-opus-4-7", key: iamKey, code: keytest.CodeModelNotEnabled, want: "not granted"},
		{name: "model absent", model: "meta.llama9-v1:0", key: iamKey, code: keytest.CodeModelNotFound, want: "has no model"},
		{name: "not in region", setup: func(b *cloudtest.Bedrock) {
			b.Models["amazon.nova-pro-v1:0"] = cloudtest.Model{OnDemand: true, NotInRegion: true}
		},
			model: "amazon.nova-pro-v1:0", key: iamKey, code: keytest.CodeModelNotFound},
		{name: "profile of another geography", region: "eu-central-1", model: "us.anthropic.claude-sonnet-4-6", key: iamKey, code: keytest.CodeWrongRegion, want: "us-*"},
		{name: "signature scoped to another region", region: "us-west-2", model: "amazon.nova-pro-v1:0", key: iamKey, code: keytest.CodeWrongRegion, want: "signed for us-west-2"},
		{name: "short-term key of another region", model: "amazon.nova-pro-v1:0", key: func(*cloudtest.Bedrock) secrets.Secret {
			return secrets.NewSecret(shortTerm("eu-west-1", now.Add(-time.Hour)))
		},
			code: keytest.CodeWrongRegion, want: "generated for eu-west-1"},
		{name: "short-term key expired", model: "amazon.nova-pro-v1:0", key: func(*cloudtest.Bedrock) secrets.Secret {
			return secrets.NewSecret(shortTerm("us-east-1", now.Add(-13*time.Hour)))
		},
			code: keytest.CodeAuth, want: "expired at"},
		{name: "catalog not readable", setup: func(b *cloudtest.Bedrock) { b.DenyControlPlane = true }, model: "amazon.nova-pro-v1:0", key: iamKey,
			code: keytest.CodeOK, want: "not checked"},
		{name: "on-demand id of a profile-only model", setup: nil, model: "anthropic.claude-sonnet-4-6", region: "us-east-1",
			key: func(b *cloudtest.Bedrock) secrets.Secret {
				delete(b.Profiles, "us.anthropic.claude-sonnet-4-6")
				return iamKey(b)
			}, code: keytest.CodeModelNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := cloudtest.NewBedrock("us-east-1")
			defer b.Close()
			if tt.setup != nil {
				tt.setup(b)
			}
			region := tt.region
			if region == "" {
				region = "us-east-1"
			}
			tr := &keytest.Tester{Now: func() time.Time { return now }}
			res := tr.Test(context.Background(), keytest.Settings{Provider: "amazon_bedrock", Model: tt.model, BaseURL: b.URL, AWSRegion: region}, tt.key(b))
			if res.Code != tt.code || !strings.Contains(res.Message, tt.want) {
				t.Fatalf("%s: %s %q (%s) requests %v", tt.name, res.Code, res.Message, res.ProviderMessage, b.Requests())
			}
			if tt.seen != "" && !contains(b.Requests(), tt.seen) {
				t.Errorf("requests %v lack %q", b.Requests(), tt.seen)
			}
			for _, s := range []string{b.SecretAccessKey, b.APIKey, b.SessionToken} {
				if s != "" && (strings.Contains(res.Message, s) || strings.Contains(res.ProviderMessage, s)) {
					t.Errorf("secret in result %+v", res)
				}
			}
		})
	}
}

// The runtime's answers to the slot's call (Converse), classified: model
// access, an id the region does not serve, throttling.
func TestBedrockConverseVerdicts(t *testing.T) {
	b := cloudtest.NewBedrock("us-east-1")
	defer b.Close()
	tr := &keytest.Tester{}
	call := func(model string) keytest.Call {
		return keytest.Call{Method: "POST", URL: b.URL + "/model/" + model + "/converse", Body: []byte(`{"messages":[{"role":"user","content":[{"text":"ping"}]}]}`)}
	}
	s := keytest.Settings{Provider: "amazon_bedrock", BaseURL: b.URL, AWSRegion: "us-east-1"}
	for model, want := range map[string]keytest.Code{
		"us.anthropic.claude-sonnet-4-6": keytest.CodeOK,
		"amazon.nova-pro-v1:0":           keytest.CodeOK,
	} {
		s.Model = model
		if ex := tr.Send(context.Background(), s, iamKey(b), call(model)); ex.Result.Code != want || !ex.Sent {
			t.Errorf("%s: %+v", model, ex.Result)
		}
	}
	// A Converse refusal after the read-only check passed: access revoked.
	s.Model = "us.anthropic.claude-sonnet-4-6"
	b.Models["anthropic.claude-sonnet-4-6"] = cloudtest.Model{NotEnabled: true}
	if ex := tr.Send(context.Background(), s, iamKey(b), call(s.Model)); ex.Result.Code != keytest.CodeModelNotEnabled {
		t.Errorf("not enabled: %+v", ex.Result)
	}
	b.Models["anthropic.claude-sonnet-4-6"] = cloudtest.Model{}
	// TestCall stops at the read-only check when it fails: nothing billed.
	s.Model = "us.anthropic.claude-opus-4-7"
	before := len(b.Requests())
	res := tr.TestCall(context.Background(), s, iamKey(b), call(s.Model))
	if res.Code != keytest.CodeModelNotEnabled || res.Probe != keytest.ProbeSlotCall {
		t.Fatalf("TestCall: %+v", res)
	}
	for _, r := range b.Requests()[before:] {
		if strings.Contains(r, "/converse") {
			t.Errorf("a call was sent after the check failed: %v", b.Requests())
		}
	}
	// A passing check is followed by the call itself.
	s.Model = "us.anthropic.claude-sonnet-4-6"
	if res := tr.TestCall(context.Background(), s, iamKey(b), call(s.Model)); res.Code != keytest.CodeOK || !strings.Contains(res.Message, "Amazon Bedrock answered the call Kodus makes") {
		t.Errorf("TestCall ok: %+v", res)
	}
	if !contains(b.Requests(), "POST /model/us.anthropic.claude-sonnet-4-6/converse (sigv4 bedrock)") {
		t.Errorf("requests %v", b.Requests())
	}
}

// The credential header a preview shows for each auth kind hides every
// secret.
func TestBedrockAuthPreview(t *testing.T) {
	tr := &keytest.Tester{}
	s := keytest.Settings{Provider: "amazon_bedrock", Model: "us.anthropic.claude-sonnet-4-6", AWSRegion: "eu-west-1", AWSAuth: "iam"}
	h := tr.AuthPreview(s, secrets.Secret{})
	if !strings.Contains(h.Get("Authorization"), "/eu-west-1/bedrock/aws4_request") || h.Get("X-Amz-Date") == "" {
		t.Errorf("iam preview %v", h)
	}
	s.AWSAuth = "apiKey"
	if h := tr.AuthPreview(s, secrets.NewSecret("ABSKsecretsecretsecretsecret")); h.Get("Authorization") != "Bearer [redacted]" {
		t.Errorf("bearer preview %v", h)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
