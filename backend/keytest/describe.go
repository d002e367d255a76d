package keytest

import (
	"strings"

	"github.com/kodusbyok/studio/backend/secrets"
)

// oneToken ends the note of a provider that can only be tested by inference.
const oneToken = " has no way to check a key without inference: Test sends one request of at most 1 output token."

// Describe says what Test will send for these settings, before it is sent:
// the requests, and a note when the provider offers no check without
// inference. key decides the Vertex mode (service account or API key);
// only its shape is looked at.
func (t *Tester) Describe(s Settings, key secrets.Secret) Probe {
	s = trimSettings(s)
	base, err := t.baseURL(s)
	if err != nil {
		return Probe{Kind: ProbeMetadata, Requests: []string{}}
	}
	m := escapeModel(s.Model)
	p := Probe{Kind: ProbeMetadata}
	switch t.family(s) {
	case famOpenAI, famAnthropic:
		p.Requests = []string{"GET " + join(base, "models", m)}
	case famGemini:
		p.Requests = []string{"GET " + join(base, "models", escapeModel(strings.TrimPrefix(s.Model, "models/")))}
	case famVertex:
		p = t.describeVertex(s, key, base, m)
	case famOpenRouter:
		p.Requests = []string{"GET " + join(base, "key"), "GET " + join(base, "models") + " (public, without the key)"}
	case famZai:
		p.Kind = ProbeInference
		p.Requests = []string{"POST " + join(base, "chat", "completions")}
		p.Note = "Z.ai" + oneToken + " If it answers 1113, the other plan's endpoint is tried once the same way."
	case famKimiCode:
		p.Kind = ProbeInference
		p.Requests = []string{"POST " + join(base, "chat", "completions")}
		p.Note = "Kimi Code" + oneToken
	case famMessages:
		p = t.describeMessages(s, base)
	case famBedrock:
		p.Requests = t.PrecheckRequests(s, key)
		p.Note = "Amazon Bedrock is tested read-only: STS proves IAM keys, and the control plane says whether the model exists in the region and whether the account has access to it. Nothing is generated."
	case famAzure:
		p.Kind = ProbeInference
		p.Requests = append(t.PrecheckRequests(s, key), "POST "+AzureResponsesURL(base, s.Model))
		p.Note = "Azure OpenAI" + strings.Replace(oneToken, "1 output token", "16 output tokens (the Responses API's minimum)", 1) + " A deployment cannot be looked up with the resource key."
	case famMoonshot:
		p.Requests = []string{"GET " + join(base, "models")}
		if mv, _, ok := (&run{t: t}).kimiPlans(); ok && sameURL(base, mv.BaseURL) {
			p.Note = "If Moonshot refuses the key, Test asks the Kimi Code Plan endpoint once (one request of at most 1 output token) to tell a Code Plan key from a bad one."
		}
	default:
		p.Requests = []string{"GET " + join(base, "models")}
	}
	return p
}

// describeVertex says what Test sends to Vertex AI: the OAuth token and
// countTokens (rawPredict for Claude) with a service account, countTokens
// at the express endpoint with an API key.
func (t *Tester) describeVertex(s Settings, key secrets.Secret, base, m string) Probe {
	p := Probe{Kind: ProbeMetadata}
	p.Kind = ProbeCountTokens
	loc := s.VertexLocation
	if loc == "" {
		loc = "global"
	}
	if sa, ok := secrets.ParseServiceAccount(key.Reveal()); ok || key.Empty() {
		project := sa.ProjectID
		if project == "" {
			project = "{project}"
		}
		pub, method := "google", "countTokens"
		if strings.HasPrefix(s.Model, "claude") {
			pub, method, p.Kind = "anthropic", "rawPredict", ProbeInference
			p.Note = "Claude on Vertex AI" + oneToken
		}
		p.Requests = []string{"POST (Google OAuth token)", "POST " + join(vertexBase(base, loc, t.defaultBase(s.Provider)), "projects", project, "locations", loc, "publishers", pub, "models", m+":"+method)}
	} else {
		p.Requests = []string{"POST " + join(base, "publishers", "google", "models", m+":countTokens")}
	}
	return p
}

// describeMessages says what Test sends to an Anthropic-protocol endpoint:
// listed models first when its vendor is not known.
func (t *Tester) describeMessages(s Settings, base string) Probe {
	p := Probe{Kind: ProbeMetadata}
	r := &run{t: t, s: s, base: base}
	root := messagesRoot(base)
	p.Kind = ProbeInference
	p.Requests = []string{"POST " + join(root, "v1", "messages")}
	p.Note = r.who() + oneToken
	if r.vendor() == "" {
		p.Kind = ProbeMetadata
		p.Requests = []string{"GET " + join(root, "v1", "models"), "POST " + join(root, "v1", "messages") + " (when the model is not listed)"}
		p.Note = "An Anthropic-compatible endpoint may list its models: Test reads GET /v1/models first, and sends one request of at most 1 output token only when the model is not listed."
	} else if r.vendor() == vendorZai || r.vendor() == vendorMoonshot || r.vendor() == vendorKimiCode {
		p.Note += " If the endpoint refuses the key the way a plan mismatch does, the card's other plan is tried once the same way."
	}
	return p
}
