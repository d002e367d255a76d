// Package keyshape recognises who issued a pasted API key from its shape
// alone: local string matching on the cleaned key, no network call, no
// logging. Nothing of the key leaves this package but the generic prefix
// of its family ("sk-ant-…"), so a verdict is safe to show or print.
package keyshape

import (
	"strings"

	"github.com/kodusbyok/studio/backend/bedrock"
	"github.com/kodusbyok/studio/backend/lazyre"
	"github.com/kodusbyok/studio/backend/secrets"
)

// Confidence says how sure a recognition is.
type Confidence string

const (
	// High is a documented prefix that only this issuer uses.
	High Confidence = "high"
	// Medium is a shape seen on this issuer's keys but not documented by it,
	// or a prefix other (non-LLM) services use too.
	Medium Confidence = "medium"
	// Low means several providers issue keys of this shape (plain sk-).
	Low Confidence = "low"
	// None means no known shape.
	None Confidence = "none"
)

// Sure reports whether a guess is strong enough to suggest a switch.
func (c Confidence) Sure() bool { return c == High || c == Medium }

// Brand is a key family. It is narrower than a Kodus provider id: Kimi Code
// Plan, Moonshot and Z.ai keys all go to openai_compatible but are not
// interchangeable.
type Brand string

// The brands keyshape recognises.
const (
	Anthropic  Brand = "anthropic"
	Google     Brand = "google"
	Vertex     Brand = "vertex"
	OpenRouter Brand = "openrouter"
	KimiCode   Brand = "kimi-code"
	Moonshot   Brand = "moonshot"
	ZAI        Brand = "zai"
	Novita     Brand = "novita"
	OpenAI     Brand = "openai"
	DeepSeek   Brand = "deepseek"
	// Bedrock is a Bedrock API key; AWSIAM an AWS access key id or IAM
	// keys: both go to amazon_bedrock, with the matching auth.
	Bedrock Brand = "bedrock"
	AWSIAM  Brand = "aws-iam"
)

// brandInfo is what the package knows of a family: how to name it, where
// its keys go (Kodus provider id and, for OpenAI-compatible clouds, the API
// host that identifies the catalog card and plan) and the shape every one
// of its keys has, when that is certain.
type brandInfo struct {
	name     string // "Anthropic"
	phrase   string // "an Anthropic key"
	provider string // Kodus provider id
	host     string // API host, for openai_compatible brands
	// expect describes the keys the brand always issues; "" when keys of
	// this brand have no certain shape (so a stranger key proves nothing).
	expect string
}

var brands = map[Brand]brandInfo{
	Anthropic:  {"Anthropic", "an Anthropic key", "anthropic", "api.anthropic.com", "Anthropic keys start with sk-ant-"},
	Google:     {"Google Gemini", "a Google Gemini (AI Studio) key", "google_gemini", "generativelanguage.googleapis.com", "Google Gemini keys start with AIza"},
	Vertex:     {"Google Vertex AI", "a Google Vertex AI service account", "google_vertex", "", "Vertex AI takes a service-account JSON (with project_id, raw or base64) or an express-mode API key (AIza…)"},
	OpenRouter: {"OpenRouter", "an OpenRouter key", "open_router", "openrouter.ai", "OpenRouter keys start with sk-or-v1-"},
	KimiCode:   {"Kimi Code Plan", "a Kimi Code Plan key", "openai_compatible", "api.kimi.com", "Kimi Code Plan keys start with sk-kimi-"},
	Moonshot:   {"Moonshot AI", "a Moonshot AI key", "openai_compatible", "api.moonshot.ai", "Moonshot keys start with sk-"},
	ZAI:        {"Z.ai", "a Z.ai key", "openai_compatible", "api.z.ai", ""},
	Novita:     {"Novita AI", "a Novita AI key", "novita", "api.novita.ai", "Novita AI keys start with sk_"},
	OpenAI:     {"OpenAI", "an OpenAI key", "openai", "api.openai.com", "OpenAI keys start with sk-"},
	DeepSeek:   {"DeepSeek", "a DeepSeek key", "openai_compatible", "api.deepseek.com", "DeepSeek keys start with sk-"},
	Bedrock:    {"Amazon Bedrock", "an Amazon Bedrock API key", "amazon_bedrock", "", "Bedrock API keys start with ABSK (long-term) or bedrock-api-key- (short-term); IAM auth takes an access key id (AKIA…/ASIA…) and its secret"},
	AWSIAM:     {"Amazon Bedrock (IAM)", "an AWS access key id (Amazon Bedrock with IAM auth)", "amazon_bedrock", "", ""},
}

// Name is the display name of a brand.
func (b Brand) Name() string { return brands[b].name }

// Phrase names a key of the brand in a sentence: "an Anthropic key".
func (b Brand) Phrase() string { return brands[b].phrase }

// Guess is what a key looks like. It never holds any part of the key
// beyond Shape, the generic prefix of its family.
type Guess struct {
	Brand      Brand      `json:"brand,omitempty"`
	Name       string     `json:"name,omitempty"`
	Confidence Confidence `json:"confidence"`
	Shape      string     `json:"shape,omitempty"`
	Reason     string     `json:"reason"`
	// Candidates names the issuers of an ambiguous shape, likeliest first.
	Candidates []string `json:"candidates,omitempty"`
}

// shape is one recognisable key form, tried in order (longest prefix first).
type shape struct {
	brand  Brand
	conf   Confidence
	label  string
	match  func(string) bool
	reason string
}

var (
	// Z.ai (and its China twin bigmodel.cn) issue "<32 hex id>.<16-char
	// secret>": their SDK splits the key on the dot to sign a JWT
	// (MetaGLM/zhipuai-sdk-python-v4). Observed, not documented: Medium.
	zaiRE = lazyre.New(`^[0-9a-f]{32}\.[0-9A-Za-z]{16}$`)
	// OpenAI embeds "T3BlbkFJ" (base64 of "OpenAI") in its keys; secret
	// scanners key on it (gitleaks rule openai-api-key).
	openAIMarkerRE = lazyre.New(`^sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{10,}T3BlbkFJ[A-Za-z0-9_-]{10,}$`)
)

func prefix(p string) func(string) bool {
	return func(k string) bool { return strings.HasPrefix(k, p) && len(k) > len(p) }
}

var shapes = []shape{
	{Anthropic, High, "sk-ant-…", prefix("sk-ant-"), "Anthropic keys start with sk-ant-"},
	{OpenRouter, High, "sk-or-v1-…", prefix("sk-or-v1-"), "OpenRouter keys start with sk-or-v1-"},
	{OpenRouter, Medium, "sk-or-…", prefix("sk-or-"), "OpenRouter keys start with sk-or- (this version is unknown)"},
	{KimiCode, High, "sk-kimi-…", prefix("sk-kimi-"), "keys from kimi.com/code start with sk-kimi-; they work only on the Kimi Code endpoint"},
	{Google, High, "AIza…", prefix("AIza"), "Google API keys start with AIza"},
	{OpenAI, Medium, "sk-…T3BlbkFJ…", openAIMarkerRE.MatchString, "OpenAI keys carry the marker T3BlbkFJ"},
	{ZAI, Medium, "<32 hex>.<16 characters>", zaiRE.MatchString, "Z.ai keys look like a 32-character hex id, a dot and a 16-character secret (observed, not documented by Z.ai)"},
	{Novita, Medium, "sk_…", prefix("sk_"), "Novita AI keys start with sk_ (other services use sk_ too)"},
	{Bedrock, High, "bedrock-api-key-…", prefix(bedrock.ShortTermPrefix), "short-term Amazon Bedrock API keys start with bedrock-api-key- (valid up to 12 hours, in one region)"},
	{Bedrock, High, "ABSK…", func(k string) bool { return strings.HasPrefix(k, bedrock.LongTermPrefix) && len(k) > 20 }, "long-term Amazon Bedrock API keys start with ABSK"},
	{AWSIAM, High, "AKIA…/ASIA…", bedrock.IsAccessKeyID, "AWS access key ids start with AKIA (long-term) or ASIA (temporary): Amazon Bedrock with IAM auth, together with the secret access key"},
}

// ambiguous lists who issues plain sk- keys, likeliest first.
var ambiguous = []Brand{OpenAI, Moonshot, DeepSeek}

// Recognize cleans a pasted key the way saving does (secrets.Clean) and
// says what it looks like.
func Recognize(raw string) Guess {
	key, _, err := secrets.Clean(raw)
	if err != nil {
		return Guess{Confidence: None, Reason: err.Error()}
	}
	return recognizeClean(key)
}

func recognizeClean(key string) Guess {
	if strings.HasPrefix(key, "{") {
		if _, _, err := bedrock.ParseIAMInput(key); err == nil {
			return Guess{Brand: AWSIAM, Name: brands[AWSIAM].name, Confidence: High, Shape: "IAM keys JSON",
				Reason: "an AWS access key id with its secret access key: Amazon Bedrock with IAM auth"}
		}
	}
	if _, ok := secrets.ParseServiceAccount(key); ok {
		return Guess{Brand: Vertex, Name: brands[Vertex].name, Confidence: High, Shape: "service-account JSON",
			Reason: "a Google service-account JSON with a project_id: Vertex AI"}
	}
	for _, s := range shapes {
		if s.match(key) {
			return Guess{Brand: s.brand, Name: brands[s.brand].name, Confidence: s.conf, Shape: s.label, Reason: s.reason}
		}
	}
	if strings.HasPrefix(key, "sk-") && len(key) > 3 {
		label := "sk-…"
		if strings.HasPrefix(key, "sk-proj-") {
			label = "sk-proj-…"
		}
		names := make([]string, 0, len(ambiguous)+1)
		for _, b := range ambiguous {
			names = append(names, brands[b].name)
		}
		names = append(names, "an OpenAI-compatible proxy")
		return Guess{Confidence: Low, Shape: label, Candidates: names,
			Reason: "several providers issue " + label + " keys (" + strings.Join(names, ", ") + ")"}
	}
	return Guess{Confidence: None, Reason: "no known key shape"}
}
