package dryrun

import (
	"strconv"

	"github.com/kodusbyok/studio/backend/lazyre"
)

var (
	oSeriesRE = lazyre.New(`^o(\d+)(?:-|$)`)
	gptRE     = lazyre.New(`^gpt-(\d+)(?:\.(\d+))?(?:-(.+))?$`)
)

// openAICaps is @ai-sdk/openai 4.x getOpenAILanguageModelCapabilities.
type openAICaps struct {
	reasoning bool
	// nonReasoningParams: temperature is kept when the effort is none
	// (gpt-5.1 up to, not including, gpt-6).
	nonReasoningParams bool
}

func openAICapsOf(model string) openAICaps {
	if model == "codex-mini-latest" || model == "computer-use-preview" || oSeriesRE.MatchString(model) {
		return openAICaps{reasoning: true}
	}
	g := gptRE.FindStringSubmatch(model)
	if g == nil {
		return openAICaps{}
	}
	major, _ := strconv.Atoi(g[1])
	minor := -1
	if g[2] != "" {
		minor, _ = strconv.Atoi(g[2])
	}
	chat := minor < 0 && len(g[3]) >= 4 && g[3][:4] == "chat"
	return openAICaps{
		reasoning:          major >= 5 && !chat,
		nonReasoningParams: major == 5 && minor >= 1,
	}
}

// responses is the Responses API body (@ai-sdk/openai 4.x, the default
// for createOpenAI()(model) since AI SDK 5).
func (b *builder) responses(ns string) *object {
	in := b.in
	o := b.opts(ns)
	b.unread(ns)
	caps := openAICapsOf(in.Model)
	effort, hasEffort := str(o["reasoningEffort"])
	summary, hasSummary := str(o["reasoningSummary"])

	body := newObject().put("model", in.Model)
	body.put("input", []any{map[string]any{"role": "user", "content": []any{map[string]any{"type": "input_text", "text": b.prompt()}}}})
	body.putIf("temperature", deref(in.Temperature), in.Temperature != nil)
	b.maxKey = "max_output_tokens"
	if in.MaxOutputTokens != nil {
		body.put("max_output_tokens", int64(*in.MaxOutputTokens))
	}
	if v, ok := str(o["textVerbosity"]); ok {
		body.put("text", map[string]any{"verbosity": v})
	}
	copyStrings(body, o, "user", "user", "serviceTier", "service_tier")
	if caps.reasoning && (hasEffort || hasSummary) {
		r := map[string]any{}
		if hasEffort {
			r["effort"] = effort
		}
		if hasSummary {
			r["summary"] = summary
		}
		body.put("reasoning", r)
	}
	switch {
	case caps.reasoning && !(effort == "none" && caps.nonReasoningParams):
		if in.Temperature != nil {
			body.undefine("temperature")
			b.note("temperature %v is not sent: the AI SDK withholds temperature for reasoning models (gpt-5.1 and later keep it only with reasoning effort none)", *in.Temperature)
		}
	case !caps.reasoning && (hasEffort || hasSummary):
		b.note("reasoning is not sent: the AI SDK treats %s as a non-reasoning model and drops reasoningEffort and reasoningSummary", in.Model)
	}
	for _, k := range sortedKeys(o) {
		switch k {
		case "reasoningEffort", "reasoningSummary", "textVerbosity", "user", "serviceTier":
		default:
			b.note("%s.%s is not among the options this dry run maps; it is left out of the body", ns, k)
		}
	}
	return body
}
