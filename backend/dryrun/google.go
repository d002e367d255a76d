package dryrun

import (
	"net/url"
	"strings"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/secrets"
)

// geminiURL is @ai-sdk/google's `${baseURL}/${getModelPath(id)}:generateContent`:
// an id with a "/" (tunedModels/…) is a path already.
func geminiURL(base, model string) string {
	path := "models/" + url.PathEscape(strings.TrimPrefix(model, "models/"))
	if strings.Contains(model, "/") {
		path = model
	}
	return base + "/" + path + ":generateContent"
}

// gemini is the generateContent body of @ai-sdk/google 4.x (and of
// @ai-sdk/google-vertex, which reuses it): generationConfig first, with
// thinkingConfig passed through as written.
func (b *builder) gemini(namespaces ...string) *object {
	in := b.in
	if len(namespaces) == 0 {
		namespaces = []string{"google"}
	}
	var o map[string]any
	for _, ns := range namespaces {
		if m := b.opts(ns); m != nil {
			o = m
		}
	}
	b.unread(namespaces...)
	gen := newObject()
	b.maxKey = "" // nested in generationConfig
	if in.MaxOutputTokens != nil {
		gen.put("maxOutputTokens", int64(*in.MaxOutputTokens))
		n := int64(*in.MaxOutputTokens)
		b.maxNested = &n
	}
	gen.putIf("temperature", deref(in.Temperature), in.Temperature != nil)
	if tc, ok := o["thinkingConfig"].(map[string]any); ok {
		gen.put("thinkingConfig", tc)
	}
	for _, k := range sortedKeys(o) {
		if k != "thinkingConfig" {
			b.note("google.%s is not among the options this dry run maps; it is left out of the body", k)
		}
	}
	body := newObject()
	if len(gen.keys) > 0 {
		body.put("generationConfig", gen)
	}
	body.put("contents", []any{map[string]any{"role": "user", "parts": []any{map[string]any{"text": b.prompt()}}}})
	return body
}

// vertex mirrors Kodus's Vertex slot: a service account reaches Vertex AI
// (Gemini over generateContent, Claude ids over the Anthropic protocol's
// rawPredict); any other key goes to the Gemini API as an AI Studio key
// (byok-to-vercel.ts: "Falls back to AI Studio if the value isn't a valid
// SA JSON").
func (b *builder) vertex(t *keytest.Tester, base string, key secrets.Secret, target keytest.Settings) (Request, *object, keytest.Settings) {
	in := b.in
	req := Request{Method: "POST"}
	sa, isSA := secrets.ParseServiceAccount(key.Reveal())
	if !isSA && !key.Empty() {
		gemini := target
		gemini.Provider = catalog.GoogleGemini
		if strings.TrimSpace(in.BaseURL) == "" {
			gemini.BaseURL = "" // the Gemini API's own endpoint, as Kodus does
		}
		gbase, err := t.BaseURL(gemini)
		if err != nil {
			gbase = base
		}
		b.note("the key is not a service account: Kodus sends it to the Gemini API (AI Studio), not to Vertex AI")
		req.URL, req.API, req.SDK = geminiURL(gbase, in.Model), "gemini-generate-content", "@ai-sdk/google (Kodus's fallback for a Vertex API key)"
		return req, b.gemini("google", "vertex"), gemini
	}
	loc := strings.TrimSpace(in.VertexLocation)
	if loc == "" {
		loc = "global"
	}
	project := sa.ProjectID
	if project == "" {
		project = "{project}"
		b.note("the project id comes from the service account; paste it to see the real URL")
	}
	root := t.VertexBase(base, loc) + "/projects/" + url.PathEscape(project) + "/locations/" + url.PathEscape(loc) + "/publishers/"
	model := url.PathEscape(in.Model)
	if strings.HasPrefix(strings.ToLower(in.Model), "claude") {
		req.URL, req.API, req.SDK = root+"anthropic/models/"+model+":rawPredict", "vertex-anthropic-raw-predict", "@ai-sdk/google-vertex/anthropic"
		body := b.anthropic(false)
		if _, ok := in.ProviderOptions["google"]; ok {
			b.note("Claude on Vertex AI speaks the Anthropic protocol: to send thinking, use Custom with an anthropic block, e.g. {\"anthropic\": {\"thinking\": {\"type\": \"adaptive\"}, \"effort\": \"medium\"}}")
		}
		body.put("anthropic_version", "vertex-2023-10-16")
		return req, body, target
	}
	req.URL, req.API, req.SDK = root+"google/models/"+model+":generateContent", "vertex-generate-content", "@ai-sdk/google-vertex"
	return req, b.gemini("google", "vertex"), target
}
