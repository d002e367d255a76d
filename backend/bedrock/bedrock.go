// Package bedrock holds what the app knows of Amazon Bedrock without
// calling it: regions, model and inference-profile ids (and the repair
// Kodus applies to a bare Claude id), the shape of Bedrock API keys, and
// IAM keys as the AWS CLI prints them. No network, no AWS SDK: signing
// lives with the key test (backend/keytest).
//
// Sources: Kodus's Bedrock module and model-id repair
// (https://github.com/kodustech/kodus-ai/blob/main/libs/llm/providers/bedrock/index.ts,
// https://github.com/kodustech/kodus-ai/blob/main/libs/llm/bedrock-model-id.ts),
// AWS's inference-profile and API-key guides
// (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html,
// https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html).
package bedrock

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/kodusbyok/studio/backend/lazyre"
)

// DefaultRegion is the region Kodus uses when a slot sets none.
const DefaultRegion = "us-east-1"

// Auth kinds of a Bedrock slot. Kodus uses a Bedrock API key (bearer
// token) before IAM keys when a credential has both.
const (
	AuthAPIKey = "apiKey"
	AuthIAM    = "iam"
)

// NormalizeAuth maps accepted spellings to an auth kind; an unknown value
// is returned unchanged so validation can name it.
func NormalizeAuth(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "apikey", "api-key", "api_key", "bearer", "key":
		return AuthAPIKey
	case "iam", "sigv4", "access-key", "access-keys":
		return AuthIAM
	}
	return strings.TrimSpace(s)
}

// AuthLabel names an auth kind for people.
func AuthLabel(kind string) string {
	if kind == AuthIAM {
		return "IAM access keys (SigV4)"
	}
	return "Bedrock API key"
}

// regionRE: us-east-1, eu-central-2, ap-southeast-3, us-gov-west-1.
var regionRE = lazyre.New(`^[a-z]{2}(-[a-z]+)+-\d{1,2}$`)

// ValidRegion reports whether r is shaped like an AWS region. The region
// becomes part of a host name, so nothing else is accepted.
func ValidRegion(r string) bool { return regionRE.MatchString(r) }

// Region is the slot's region or Kodus's default.
func Region(r string) string {
	if r = strings.TrimSpace(r); r != "" {
		return r
	}
	return DefaultRegion
}

// RuntimeHost is a region's runtime host (Converse).
func RuntimeHost(region string) string { return "bedrock-runtime." + region + ".amazonaws.com" }

// ControlHost is a region's control-plane host (model and inference-profile
// look-ups).
func ControlHost(region string) string { return "bedrock." + region + ".amazonaws.com" }

// STSHost is a region's STS host.
func STSHost(region string) string { return "sts." + region + ".amazonaws.com" }

// Geography prefixes of cross-region inference profiles.
var geographies = []string{"us-gov", "global", "apac", "us", "eu", "jp", "au", "ca"}

// Profile is what a model id names.
type Profile struct {
	// Geography is the inference profile's prefix ("us", "eu", "global"…),
	// "" for a foundation model id or an ARN.
	Geography string
	// Foundation is the foundation model id without the prefix
	// ("anthropic.claude-sonnet-4-6").
	Foundation string
	// ARN is set when the id is an ARN; ProfileARN when it names an
	// (application) inference profile.
	ARN        bool
	ProfileARN bool
}

// Parse reads a Bedrock model id: a foundation model id, an inference
// profile id with a geography prefix, or an ARN.
func Parse(model string) Profile {
	id := strings.TrimSpace(model)
	if strings.HasPrefix(strings.ToLower(id), "arn:") {
		p := Profile{ARN: true}
		res := id[strings.LastIndex(id, ":")+1:]
		if kind, rest, ok := strings.Cut(res, "/"); ok {
			p.ProfileARN = strings.Contains(kind, "inference-profile")
			res = rest
		}
		inner := Parse(res)
		p.Geography, p.Foundation = inner.Geography, inner.Foundation
		return p
	}
	lower := strings.ToLower(id)
	for _, g := range geographies {
		if strings.HasPrefix(lower, g+".") && strings.Count(lower, ".") >= 2 {
			return Profile{Geography: g, Foundation: id[len(g)+1:]}
		}
	}
	return Profile{Foundation: id}
}

// IsProfile reports whether the id names an inference profile.
func (p Profile) IsProfile() bool { return p.Geography != "" || p.ProfileARN }

// GeographyPrefix is the cross-region profile prefix Kodus derives from a
// region: every eu-* region shares eu., every ap-* region apac., and
// anything else (us-* included) gets us.
func GeographyPrefix(region string) string {
	r := strings.ToLower(strings.TrimSpace(region))
	switch {
	case strings.HasPrefix(r, "eu-"):
		return "eu"
	case strings.HasPrefix(r, "ap-"):
		return "apac"
	}
	return "us"
}

// RepairModelID is the id Kodus sends: a bare anthropic.* id (Claude has
// no on-demand throughput on Bedrock) gets the region's geography prefix;
// prefixed ids and ARNs pass unchanged. repaired reports a change.
func RepairModelID(model, region string) (id string, repaired bool) {
	m := strings.TrimSpace(model)
	if m == "" || Parse(m).IsProfile() || strings.HasPrefix(strings.ToLower(m), "arn:") || !strings.HasPrefix(strings.ToLower(m), "anthropic.") {
		return model, false
	}
	return GeographyPrefix(Region(region)) + "." + m, true
}

// GeographyMismatch says why an inference profile cannot be called from
// region, or "": a profile is served only from the source regions of its
// geography (us. from us-*, eu. from eu-*, apac. from ap-*).
func GeographyMismatch(model, region string) string {
	p := Parse(model)
	r := strings.ToLower(Region(region))
	want := map[string]string{"us": "us-", "eu": "eu-", "apac": "ap-", "jp": "ap-northeast-", "au": "ap-southeast-", "ca": "ca-", "us-gov": "us-gov-"}[p.Geography]
	if want == "" || strings.HasPrefix(r, want) {
		return ""
	}
	if p.Geography == "us" && strings.HasPrefix(r, "us-gov-") {
		return fmt.Sprintf("the inference profile %s is for the commercial US regions, not %s", model, r)
	}
	return fmt.Sprintf("the inference profile %s is served only from %s* regions, and the slot's region is %s", model, want, r)
}

// Claude is a Claude id on Bedrock reduced to the native id the Claude
// rules read ("us.anthropic.claude-sonnet-4-6-v1:0" →
// "claude-sonnet-4-6"), or false for another family.
func Claude(model string) (string, bool) {
	f := strings.ToLower(Parse(model).Foundation)
	f = strings.TrimPrefix(f, "anthropic.")
	if !strings.HasPrefix(f, "claude") {
		return "", false
	}
	if i := strings.LastIndex(f, "-v"); i > 0 && versionSuffixRE.MatchString(f[i:]) {
		f = f[:i]
	}
	return f, true
}

var versionSuffixRE = lazyre.New(`^-v\d+(:\d+)?$`)

// IsAnthropic is the AI SDK's test for a Claude model on Bedrock (the id
// contains "anthropic"): it decides the thinking and temperature rules.
func IsAnthropic(model string) bool {
	return strings.Contains(strings.ToLower(model), "anthropic")
}

// EncodeModelID escapes a model id for the runtime path, as the AI SDK
// does (encodeURIComponent: ":" and "/" of an ARN are escaped).
func EncodeModelID(model string) string {
	return strings.ReplaceAll(url.QueryEscape(model), "+", "%20")
}
