package dryrun

import (
	"encoding/json"
	"strings"

	"github.com/kodusbyok/studio/backend/bedrock"
)

// converse is the Bedrock Converse body as @ai-sdk/amazon-bedrock's
// getArgs writes it: the options under amazonBedrock (or the legacy
// bedrock key); reasoningConfig becomes additionalModelRequestFields
// (Claude: thinking and output_config.effort, with the budget added to
// maxTokens; openai.* ids: reasoning_effort; other families:
// reasoningConfig); temperature clamped to 0–1 and withheld while a Claude
// thinks; the remaining options spread into the body.
func (b *builder) converse(base string) (string, *object) {
	in := b.in
	region := bedrock.Region(in.AWSRegion)
	model, repaired := bedrock.RepairModelID(in.Model, region)
	if repaired {
		b.note("model %s is sent as %s: Kodus gives a bare anthropic.* id the inference profile of %s's geography (AWS refuses on-demand calls of it)", in.Model, model, region)
	}
	url := strings.TrimRight(base, "/") + "/model/" + bedrock.EncodeModelID(model) + "/converse"
	ns, o := b.bedrockOptions()
	anthropic := bedrock.IsAnthropic(model)
	rc := asMap(o["reasoningConfig"])
	kind, _ := str(rc["type"])
	thinking := kind == "enabled" || kind == "adaptive"

	temperature := b.converseTemperature()
	var maxTokens *int64
	if in.MaxOutputTokens != nil {
		m := int64(*in.MaxOutputTokens)
		maxTokens = &m
	}
	extra, maxTokens := b.converseReasoning(model, o, maxTokens)
	inference := newObject()
	if maxTokens != nil {
		inference.put("maxTokens", *maxTokens)
		b.maxNested = maxTokens
	}
	if temperature != nil {
		if anthropic && thinking {
			b.note("temperature %v is not sent: the AI SDK withholds it while Claude thinks on Bedrock", *temperature)
		} else {
			inference.put("temperature", *temperature)
		}
	}

	body := newObject()
	body.put("messages", []any{map[string]any{"role": "user", "content": []any{map[string]any{"text": b.prompt()}}}})
	body.putIf("additionalModelRequestFields", extra, extra != nil)
	if anthropic {
		body.put("additionalModelResponseFieldPaths", []any{"/delta/stop_sequence"})
	}
	body.putIf("inferenceConfig", inference, len(inference.keys) > 0)
	if tier, ok := str(o["serviceTier"]); ok {
		body.put("serviceTier", map[string]any{"type": tier})
	}
	for _, k := range sortedKeys(o) {
		switch k {
		case "reasoningConfig", "additionalModelRequestFields", "serviceTier":
		default:
			body.put(k, o[k])
			if k == "anthropicBeta" {
				b.note("%s.anthropicBeta is also spread into the body as it is (the AI SDK filters only reasoningConfig, additionalModelRequestFields and serviceTier)", ns)
			}
		}
	}
	return url, body
}

// bedrockOptions are the provider options the AI SDK reads (amazonBedrock,
// else the legacy bedrock key) and their namespace; it notes the others.
func (b *builder) bedrockOptions() (string, map[string]any) {
	ns := "amazonBedrock"
	o := b.opts(ns)
	if _, ok := b.in.ProviderOptions[ns]; !ok {
		if legacy := b.opts("bedrock"); legacy != nil {
			ns, o = "bedrock", legacy
		}
	} else if _, both := b.in.ProviderOptions["bedrock"]; both {
		b.note("providerOptions.bedrock is not read: the AI SDK reads amazonBedrock first and uses the legacy bedrock key only without it")
	}
	for _, k := range sortedKeys(b.in.ProviderOptions) {
		if k != "amazonBedrock" && k != "bedrock" && k != "langsmith" {
			b.note("providerOptions.%s is not read by this client, so it is not sent", k)
		}
	}
	return ns, o
}

// converseTemperature is the temperature clamped to Bedrock's range 0–1.
func (b *builder) converseTemperature() *float64 {
	temperature := b.in.Temperature
	if t := temperature; t != nil && (*t > 1 || *t < 0) {
		v := min(max(*t, 0), 1)
		b.note("temperature %v is sent as %v: the AI SDK clamps temperatures to Bedrock's range 0–1", *t, v)
		temperature = &v
	}
	return temperature
}

// converseReasoning turns reasoningConfig into additionalModelRequestFields
// for the model's family and returns them with maxTokens (a Claude
// thinking budget is added to it).
func (b *builder) converseReasoning(model string, o map[string]any, maxTokens *int64) (map[string]any, *int64) {
	anthropic := bedrock.IsAnthropic(model)
	rc := asMap(o["reasoningConfig"])
	kind, _ := str(rc["type"])
	extra := cloneFields(asMap(o["additionalModelRequestFields"]))
	switch {
	case anthropic && kind == "enabled":
		if budget, ok := number(rc["budgetTokens"]); ok {
			if maxTokens != nil {
				*maxTokens += budget
			} else {
				m := budget + 4096
				maxTokens = &m
			}
			b.note("thinking with a %d-token budget: the AI SDK adds the budget to maxTokens", budget)
			extra = setField(extra, "thinking", map[string]any{"type": "enabled", "budget_tokens": budget})
		}
	case anthropic && kind == "adaptive":
		t := map[string]any{"type": "adaptive"}
		if d, ok := str(rc["display"]); ok {
			t["display"] = d
		}
		extra = setField(extra, "thinking", t)
	case !anthropic && kind == "adaptive":
		b.note("adaptive thinking applies only to Claude on Bedrock: the AI SDK ignores it for %s", model)
	case !anthropic && rc["budgetTokens"] != nil:
		b.note("budgetTokens applies only to Claude on Bedrock: the AI SDK ignores it for %s", model)
	}
	if effort, ok := str(rc["maxReasoningEffort"]); ok {
		extra = converseEffort(extra, model, rc, effort)
	}
	if beta, ok := o["anthropicBeta"].([]any); ok {
		extra = setField(extra, "anthropic_beta", beta)
	}
	return extra, maxTokens
}

// converseEffort adds a reasoning effort where the model's family reads it.
func converseEffort(extra map[string]any, model string, rc map[string]any, effort string) map[string]any {
	kind, _ := str(rc["type"])
	switch {
	case bedrock.IsAnthropic(model):
		oc := cloneFields(asMap(extra["output_config"]))
		return setField(extra, "output_config", setField(oc, "effort", effort))
	case strings.HasPrefix(model, "openai."):
		return setField(extra, "reasoning_effort", effort)
	}
	r := map[string]any{}
	if kind != "" && kind != "adaptive" {
		r["type"] = kind
	}
	if budget, ok := number(rc["budgetTokens"]); ok && kind == "enabled" {
		r["budgetTokens"] = budget
	}
	r["maxReasoningEffort"] = effort
	return setField(extra, "reasoningConfig", r)
}

func cloneFields(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func setField(m map[string]any, k string, v any) map[string]any {
	if m == nil {
		m = map[string]any{}
	}
	m[k] = v
	return m
}

// converseAnswer reads a Converse reply: output.message.content[].text,
// stopReason and usage (inputTokens excludes cache reads and writes).
func converseAnswer(body []byte) answer {
	var r struct {
		Output struct {
			Message struct {
				Content []struct {
					Text *string `json:"text"`
				} `json:"content"`
			} `json:"message"`
		} `json:"output"`
		StopReason string `json:"stopReason"`
		Usage      *struct {
			In    int64 `json:"inputTokens"`
			Out   int64 `json:"outputTokens"`
			Read  int64 `json:"cacheReadInputTokens"`
			Write int64 `json:"cacheWriteInputTokens"`
		} `json:"usage"`
	}
	if json.Unmarshal(body, &r) != nil {
		return answer{}
	}
	a := answer{finish: r.StopReason, cutOff: r.StopReason == "max_tokens"}
	for _, c := range r.Output.Message.Content {
		if c.Text != nil {
			a.text += *c.Text
		}
	}
	if r.Usage != nil {
		a.usage = &Usage{InputTokens: r.Usage.In + r.Usage.Read + r.Usage.Write, OutputTokens: r.Usage.Out, CachedInputTokens: r.Usage.Read}
	}
	return a
}
