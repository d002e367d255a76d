package dryrun

import (
	"slices"
	"strings"

	"github.com/kodusbyok/studio/backend/lazyre"
)

// compatSchemaKeys are the options @ai-sdk/openai-compatible 3.x parses
// itself (openaiCompatibleLanguageModelChatOptions); they are never spread.
var compatSchemaKeys = []string{"user", "reasoningEffort", "textVerbosity", "strictJsonSchema"}

var camelRE = lazyre.New(`[_-]([a-z])`)

// camel is the SDK's toCamelCase: "openai-compatible" → "openaiCompatible".
func camel(s string) string {
	return camelRE.ReplaceAllStringFunc(s, func(m string) string { return strings.ToUpper(m[1:]) })
}

// chat is the chat-completions body of @ai-sdk/openai-compatible 3.x for a
// client created with the given name (Kodus: "openai-compatible",
// "novita", "openrouter"). The order of the literal matters: a spread field
// overwrites model, max_tokens or temperature in place, and
// reasoning_effort, verbosity and messages, written after the spread,
// overwrite (or, when unset, remove) a spread field of the same name.
func (b *builder) chat(name string) *object {
	in := b.in
	po := in.ProviderOptions
	cname := camel(name)
	read := []string{"openai-compatible", "openaiCompatible", name, cname}

	// Known options: the deprecated key, then openaiCompatible, then the
	// client's name and its camelCase, later ones winning.
	known := map[string]any{}
	for _, ns := range read {
		for k, v := range asMap(po[ns]) {
			if slices.Contains(compatSchemaKeys, k) {
				known[k] = v
			}
		}
	}
	// Spread: only the client's own name and its camelCase.
	spread := newObject()
	var dropped []string
	for _, ns := range uniq(name, cname) {
		m := asMap(po[ns])
		for _, k := range sortedKeys(m) {
			if !slices.Contains(compatSchemaKeys, k) {
				spread.put(k, m[k])
			}
		}
	}
	if name != "openai-compatible" && cname != "openaiCompatible" {
		for _, k := range sortedKeys(asMap(po["openaiCompatible"])) {
			if !slices.Contains(compatSchemaKeys, k) {
				dropped = append(dropped, k)
			}
		}
	}
	b.unread(read...)
	if len(dropped) > 0 {
		b.note("openaiCompatible.%s is not sent: Kodus names this client %q, and the AI SDK spreads extra fields only from providerOptions.%s", strings.Join(dropped, ", openaiCompatible."), name, cname)
	}

	body := newObject().put("model", in.Model)
	user, hasUser := str(known["user"])
	body.putIf("user", user, hasUser)
	b.maxKey = "max_tokens"
	if in.MaxOutputTokens != nil {
		body.put("max_tokens", int64(*in.MaxOutputTokens))
	} else {
		body.undefine("max_tokens")
	}
	body.putIf("temperature", deref(in.Temperature), in.Temperature != nil)
	for _, k := range []string{"top_p", "frequency_penalty", "presence_penalty", "response_format", "stop", "seed"} {
		body.undefine(k)
	}
	for _, k := range spread.keys {
		v, _ := spread.get(k)
		if body.has(k) {
			b.note("%s from providerOptions.%s replaces the %s Kodus sets", k, cname, k)
		}
		body.put(k, v)
	}
	effort, hasEffort := str(known["reasoningEffort"])
	verbosity, hasVerbosity := str(known["textVerbosity"])
	for _, k := range []string{"reasoning_effort", "verbosity", "messages", "tools", "tool_choice"} {
		if spread.has(k) && !(k == "reasoning_effort" && hasEffort) && !(k == "verbosity" && hasVerbosity) {
			b.note("%s from providerOptions.%s is not sent: the AI SDK writes its own %s after the spread (use reasoningEffort, in camelCase, for reasoning_effort)", k, cname, k)
		}
	}
	body.putIf("reasoning_effort", effort, hasEffort)
	body.putIf("verbosity", verbosity, hasVerbosity)
	body.put("messages", []any{map[string]any{"role": "user", "content": b.prompt()}})
	body.undefine("tools").undefine("tool_choice")
	return body
}

func uniq(a, b string) []string {
	if a == b {
		return []string{a}
	}
	return []string{a, b}
}
