package byokconfig

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
)

// Amazon Bedrock's region and secrets in both shapes: with the keys, the
// auth kind's fields; without, the same fields empty (Kodus keeps a stored
// secret for an empty one); never an apiKey, never the endpoint override.
func TestBedrockExport(t *testing.T) {
	iam := secrets.NewSecret(secrets.AWSCredentials{AccessKeyID: "AKIAIOSFODNN7EXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", SessionToken: "tok"}.JSON())
	slot := profile.Slot{Settings: profile.Settings{Provider: "amazon_bedrock", Model: "us.anthropic.claude-sonnet-4-6", AWSRegion: "eu-central-1", AWSAuth: "iam", BaseURL: "http://127.0.0.1:9", ReasoningEffort: "high"}}
	bearer := profile.Slot{Settings: profile.Settings{Provider: "amazon_bedrock", Model: "us.anthropic.claude-sonnet-4-6", AWSRegion: "us-east-1", AWSAuth: "apiKey"}}
	tests := []struct {
		name     string
		e        Export
		want     []string
		wantNot  []string
		warnings int
	}{
		{"v2 iam with keys", Build(current, "team", Slot{Role: "main", Slot: slot, Key: iam}, nil, true),
			[]string{`"settings":{"awsRegion":"eu-central-1","awsAccessKeyId":"AKIAIOSFODNN7EXAMPLE","awsSecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","awsSessionToken":"tok"}`},
			[]string{`"apiKey"`, "127.0.0.1", "awsBearerToken"}, 1},
		{"v2 iam without keys", Build(current, "team", Slot{Role: "main", Slot: slot}, nil, false),
			[]string{`"awsAccessKeyId":""`, `"awsSecretAccessKey":""`}, []string{"EXAMPLE", `"apiKey"`, "awsBearerToken"}, 1},
		{"v2 api key without keys", Build(current, "team", Slot{Role: "main", Slot: bearer}, nil, false),
			[]string{`"settings":{"awsRegion":"us-east-1","awsBearerToken":""}`}, []string{"awsAccessKeyId"}, 0},
		{"v1 api key with keys", Build(mid, "team", Slot{Role: "main", Slot: bearer, Key: secrets.NewSecret("ABSKsecretsecretsecret")}, nil, true),
			[]string{`"provider":"amazon_bedrock"`, `"awsRegion":"us-east-1","awsBearerToken":"ABSKsecretsecretsecret"`}, []string{`"apiKey"`}, 0},
	}
	for _, tt := range tests {
		b, _ := json.Marshal(tt.e)
		for _, w := range tt.want {
			if !strings.Contains(string(b), w) {
				t.Errorf("%s lacks %s: %s", tt.name, w, b)
			}
		}
		for _, w := range tt.wantNot {
			if strings.Contains(string(b), w) {
				t.Errorf("%s has %s: %s", tt.name, w, b)
			}
		}
		if len(tt.e.Warnings) != tt.warnings {
			t.Errorf("%s warnings %+v", tt.name, tt.e.Warnings)
		}
	}
	if notes := strings.Join(tests[1].e.Notes, "\n"); !strings.Contains(notes, "left empty") || !strings.Contains(notes, "API key before IAM keys") {
		t.Errorf("notes %s", notes)
	}
}
