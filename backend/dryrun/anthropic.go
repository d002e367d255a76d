package dryrun

import (
	"strings"
)

// claudeCaps is @ai-sdk/anthropic 4.x getModelCapabilities: the output
// cap the SDK assumes (and enforces for known ids) and whether the model
// refuses sampling parameters.
type claudeCaps struct {
	maxOutput       int64
	rejectsSampling bool
	known           bool
}

func capsOf(model string) claudeCaps {
	has := func(s string) bool { return strings.Contains(model, s) }
	switch {
	case has("claude-opus-4-7"):
		return claudeCaps{128000, true, true}
	case has("claude-sonnet-4-6"), has("claude-opus-4-6"):
		return claudeCaps{128000, false, true}
	case has("claude-sonnet-4-5"), has("claude-opus-4-5"), has("claude-haiku-4-5"):
		return claudeCaps{64000, false, true}
	case has("claude-opus-4-1"):
		return claudeCaps{32000, false, true}
	case has("claude-sonnet-4-"):
		return claudeCaps{64000, false, true}
	case has("claude-opus-4-"):
		return claudeCaps{32000, false, true}
	case has("claude-3-haiku"):
		return claudeCaps{4096, false, true}
	}
	return claudeCaps{maxOutput: 4096}
}

// anthropic is the /messages body; withModel is false for Claude on
// Vertex, whose rawPredict takes the model in the URL.
func (b *builder) anthropic(withModel bool) *object {
	in := b.in
	o := b.opts("anthropic")
	b.unread("anthropic")
	caps := capsOf(in.Model)
	temperature := in.Temperature
	if caps.rejectsSampling && temperature != nil {
		b.note("temperature %v is not sent: the AI SDK drops sampling parameters for %s, which rejects them", *temperature, in.Model)
		temperature = nil
	}
	thinking := asMap(o["thinking"])
	kind, budget := b.anthropicThinking(thinking)
	isThinking := kind == "enabled" || kind == "adaptive"

	maxTokens := caps.maxOutput
	if in.MaxOutputTokens != nil {
		maxTokens = int64(*in.MaxOutputTokens)
	} else {
		b.note("no max output tokens is set: the AI SDK sends %d, its maximum for this model", caps.maxOutput)
	}

	body := newObject()
	if withModel {
		body.put("model", in.Model)
	}
	b.maxKey = "max_tokens"
	body.put("max_tokens", maxTokens)
	body.putIf("temperature", deref(temperature), temperature != nil)
	if isThinking {
		t := map[string]any{"type": kind}
		if kind == "enabled" {
			t["budget_tokens"] = budget
		}
		if display, ok := str(thinking["display"]); ok && kind == "adaptive" {
			t["display"] = display
		}
		body.put("thinking", t)
	}
	anthropicOptions(body, o)
	body.put("messages", []any{map[string]any{"role": "user", "content": []any{b.userText()}}})

	if isThinking {
		if temperature != nil {
			body.undefine("temperature")
			b.note("temperature %v is not sent: the AI SDK withholds temperature while thinking is on", *temperature)
		}
		body.put("max_tokens", maxTokens+budget)
		if budget > 0 {
			b.note("max_tokens is max output tokens (%d) plus the thinking budget (%d): the AI SDK adds the budget", maxTokens, budget)
		}
	}
	if v, _ := body.get("max_tokens"); caps.known && v.(int64) > caps.maxOutput {
		b.note("max_tokens %d is above the AI SDK's limit for %s: the SDK sends %d instead", v.(int64), in.Model, caps.maxOutput)
		body.put("max_tokens", caps.maxOutput)
		if budget >= caps.maxOutput {
			b.note("the thinking budget (%d) is not below max_tokens (%d): Anthropic refuses that; pick a lower Thinking level", budget, caps.maxOutput)
		}
	}
	for _, k := range sortedKeys(o) {
		switch k {
		case "thinking", "effort", "speed", "inferenceGeo", "cacheControl":
		default:
			b.note("anthropic.%s does not change the request body", k)
		}
	}
	return body
}

// anthropicThinking reads the thinking option: its type and the budget
// the AI SDK sends with type enabled.
func (b *builder) anthropicThinking(thinking map[string]any) (string, int64) {
	kind, _ := str(thinking["type"])
	var budget int64
	if kind == "enabled" {
		var ok bool
		if budget, ok = number(thinking["budgetTokens"]); !ok {
			budget = 1024
			b.note("thinking type \"enabled\" without budgetTokens: the AI SDK sends its default budget of 1024 tokens")
		}
	}
	if kind == "disabled" {
		b.note("thinking {type: \"disabled\"} is not sent: the AI SDK sends thinking only when it is enabled or adaptive, so the model's default applies")
	}
	return kind, budget
}

// anthropicOptions puts the options the AI SDK copies into the body.
func anthropicOptions(body *object, o map[string]any) {
	if effort, ok := str(o["effort"]); ok {
		body.put("output_config", map[string]any{"effort": effort})
	}
	copyStrings(body, o, "speed", "speed", "inferenceGeo", "inference_geo")
	if cc, ok := o["cacheControl"].(map[string]any); ok {
		body.put("cache_control", cc)
	}
}

// copyStrings puts each string option the client copies as it is, given
// as pairs of option name and body field, in that order.
func copyStrings(body *object, o map[string]any, pairs ...string) {
	for i := 0; i+1 < len(pairs); i += 2 {
		if v, ok := str(o[pairs[i]]); ok {
			body.put(pairs[i+1], v)
		}
	}
}

func deref(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}
