package bedrock

import (
	"encoding/base64"
	"strings"
	"testing"
	"time"
)

func TestModelIDs(t *testing.T) {
	tests := []struct {
		model, region, repaired, mismatch, claude string
	}{
		{"anthropic.claude-sonnet-4-6", "us-east-1", "us.anthropic.claude-sonnet-4-6", "", "claude-sonnet-4-6"},
		{"anthropic.claude-sonnet-4-6", "eu-central-1", "eu.anthropic.claude-sonnet-4-6", "", "claude-sonnet-4-6"},
		{"anthropic.claude-haiku-4-5-20251001-v1:0", "ap-southeast-2", "apac.anthropic.claude-haiku-4-5-20251001-v1:0", "", "claude-haiku-4-5-20251001"},
		{"anthropic.claude-opus-4-7", "", "us.anthropic.claude-opus-4-7", "", "claude-opus-4-7"},
		{"global.anthropic.claude-opus-4-7", "eu-west-1", "global.anthropic.claude-opus-4-7", "", "claude-opus-4-7"},
		{"us.anthropic.claude-sonnet-4-6", "eu-west-1", "us.anthropic.claude-sonnet-4-6", "served only from us-* regions", "claude-sonnet-4-6"},
		{"eu.anthropic.claude-sonnet-4-6", "us-east-1", "eu.anthropic.claude-sonnet-4-6", "served only from eu-* regions", "claude-sonnet-4-6"},
		{"amazon.nova-pro-v1:0", "us-east-1", "amazon.nova-pro-v1:0", "", ""},
		{"arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-6", "us-east-1", "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-6", "", "claude-sonnet-4-6"},
	}
	for _, tt := range tests {
		got, _ := RepairModelID(tt.model, tt.region)
		mm := GeographyMismatch(tt.model, tt.region)
		c, isClaude := Claude(tt.model)
		if got != tt.repaired || (tt.mismatch == "") != (mm == "") || !strings.Contains(mm, tt.mismatch) || c != tt.claude || isClaude != (tt.claude != "") {
			t.Errorf("%s@%s: repaired %q, mismatch %q, claude %q", tt.model, tt.region, got, mm, c)
		}
	}
	if p := Parse("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123"); !p.ProfileARN || !p.IsProfile() {
		t.Errorf("application profile ARN: %+v", p)
	}
	for r, ok := range map[string]bool{"us-east-1": true, "us-gov-west-1": true, "ap-southeast-2": true, "US-EAST-1": false, "us-east": false, "evil.com/x": false, "": false} {
		if ValidRegion(r) != ok {
			t.Errorf("ValidRegion(%q) != %v", r, ok)
		}
	}
	if EncodeModelID("arn:aws:bedrock:us-east-1:1:inference-profile/us.x") != "arn%3Aaws%3Abedrock%3Aus-east-1%3A1%3Ainference-profile%2Fus.x" {
		t.Error(EncodeModelID("arn:aws:bedrock:us-east-1:1:inference-profile/us.x"))
	}
}

func TestShortTermKey(t *testing.T) {
	u := "bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Credential=ASIAEXAMPLE%2F20261204%2Feu-west-1%2Fbedrock%2Faws4_request&X-Amz-Date=20261204T080000Z&X-Amz-Expires=43200&Version=1"
	st, ok := ParseShortTerm(ShortTermPrefix + base64.StdEncoding.EncodeToString([]byte(u)))
	if !ok || st.Region != "eu-west-1" || !st.Expires.Equal(time.Date(2026, 12, 4, 20, 0, 0, 0, time.UTC)) {
		t.Errorf("%+v %v", st, ok)
	}
	if _, ok := ParseShortTerm("ABSKxyz"); ok {
		t.Error("a long-term key has no region")
	}
}

func TestIAMInput(t *testing.T) {
	const id, secret = "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	for name, in := range map[string]string{
		"lines":             id + "\n" + secret + "\n",
		"export-credential": `{"Version":1,"AccessKeyId":"` + id + `","SecretAccessKey":"` + secret + `"}`,
		"get-session-token": `{"Credentials":{"AccessKeyId":"ASIAIOSFODNN7EXAMPLE","SecretAccessKey":"` + secret + `","SessionToken":"tok","Expiration":"2026-12-05T00:00:00Z"}}`,
		"create-access-key": `{"AccessKey":{"UserName":"u","AccessKeyId":"` + id + `","Status":"Active","SecretAccessKey":"` + secret + `"}}`,
		"own form":          `{"awsAccessKeyId":"` + id + `","awsSecretAccessKey":"` + secret + `"}`,
	} {
		c, exp, err := ParseIAMInput(in)
		if err != nil || c.SecretAccessKey != secret || (name == "get-session-token") != !exp.IsZero() {
			t.Errorf("%s: %+v %v %v", name, c, exp, err)
		}
	}
	for name, in := range map[string]string{
		"one line":      id,
		"swapped":       secret + "\n" + id,
		"short secret":  id + "\nabc",
		"asia no token": "ASIAIOSFODNN7EXAMPLE\n" + secret,
		"json no keys":  `{"foo":1}`,
		"four lines":    "a\nb\nc\nd",
	} {
		if _, _, err := ParseIAMInput(in); err == nil {
			t.Errorf("%s accepted", name)
		}
	}
}
