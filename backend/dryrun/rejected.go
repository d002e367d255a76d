package dryrun

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/lazyre"
)

// rejectedParam names the Kodus setting a refused request is about, from
// OpenAI's error.param or the words of the provider's message; "" when the
// refusal names none of them (the key test's code then stands).
func rejectedParam(s keytest.Settings, k keytest.Result, body []byte) string {
	msg := strings.ToLower(k.ProviderMessage)
	if k.HTTPStatus == 404 && s.Provider == "open_router" &&
		containsAny(msg, "no allowed providers", "no endpoints found", "provider routing", "data policy") {
		return ParamRouting
	}
	if k.HTTPStatus != 400 && k.HTTPStatus != 422 {
		return ""
	}
	if k.Code != keytest.CodeBadRequest && k.Code != keytest.CodeUnknown {
		return "" // a billing or key problem the key test already named
	}
	var e struct {
		Error struct {
			Param any `json:"param"`
		} `json:"error"`
	}
	_ = json.Unmarshal(body, &e)
	param, _ := e.Error.Param.(string)
	param = strings.ToLower(param)
	switch {
	case strings.Contains(param, "temperature"):
		return ParamTemperature
	case strings.Contains(param, "effort"):
		return ParamEffort
	case containsAny(param, "max_output_tokens", "max_tokens", "max_completion_tokens"):
		return ParamMaxTokens
	case containsAny(param, "thinking", "reasoning"):
		return ParamThinking
	}
	// Thinking before effort and max tokens: Anthropic's refusal of the
	// budget form names output_config.effort as the way out, and its
	// budget-above-max_tokens refusal names both.
	switch {
	case strings.Contains(msg, "temperature"):
		return ParamTemperature
	case containsAny(msg, "thinking", "budget_tokens"):
		return ParamThinking
	case containsAny(msg, "reasoning_effort", "reasoning.effort", "effort"):
		return ParamEffort
	case containsAny(msg, "max_tokens", "max_output_tokens", "maxoutputtokens", "max_completion_tokens", "output tokens", "max tokens", "maximum context length"):
		return ParamMaxTokens
	}
	return ""
}

func paramLabel(p string) string {
	switch p {
	case ParamEffort:
		return "reasoning effort"
	case ParamMaxTokens:
		return "max output tokens"
	case ParamRouting:
		return "OpenRouter routing"
	}
	return p
}

var (
	onlyValueRE = lazyre.New(`only ([0-9]+(?:\.[0-9]+)?) is allowed`)
	supportedRE = lazyre.New(`(?i)supported values (?:are|is):?\s*(.+?)\.?$`)
	minimumRE   = lazyre.New(`(?i)(?:>=\s*|at least |below minimum value\D*?)([0-9][0-9,]*)`)
	kimiRE      = lazyre.New(`^(moonshotai/)?kimi-(k2|for-coding)`)
	contextRE   = lazyre.New(`(?i)maximum context length is ([0-9][0-9,]*)`)
	limitREs    = []*lazyre.Regexp{
		lazyre.New(`>\s*([0-9][0-9,]*), which is the maximum`),
		lazyre.New(`<=\s*([0-9][0-9,]*)`),
		lazyre.New(`(?i)at most ([0-9][0-9,]*)`),
		lazyre.New(`(?i)maximum (?:allowed )?(?:value )?(?:is |of )?\(?([0-9][0-9,]*)`),
		lazyre.New(`(?i)(?:limit|up to)(?: is| of)? ([0-9][0-9,]*)`),
	}
)

// fixFor says how to change the named setting so the provider accepts it,
// with the value the provider's message gives when it gives one.
func fixFor(param, family string, in Input, providerMsg string) string {
	msg := strings.ToLower(providerMsg)
	model := strings.ToLower(in.Model)
	kimi := family == "moonshot" || family == "kimi-code" || kimiRE.MatchString(model)
	google := family == "gemini" || family == "vertex"
	claude := family == "anthropic" || strings.HasPrefix(model, "claude")
	switch param {
	case ParamTemperature:
		return temperatureFix(msg, kimi)
	case ParamThinking:
		return thinkingFix(msg, google, claude)
	case ParamEffort:
		return effortFix(providerMsg, claude)
	case ParamMaxTokens:
		return maxTokensFix(providerMsg, in, claude)
	case ParamRouting:
		return "Check Pin providers and Allow fallbacks: no provider you allowed serves this model now. Allow fallbacks, or pin a provider listed for the model on openrouter.ai."
	}
	return ""
}

func temperatureFix(msg string, kimi bool) string {
	if v := onlyValueRE.FindStringSubmatch(msg); v != nil || kimi {
		val := "1"
		if v != nil {
			val = v[1]
		}
		fix := fmt.Sprintf("Set Temperature to %s (Advanced settings): the provider accepts no other value for this model.", val)
		if kimi {
			fix += " Kimi K2.6 and later take only 1 (Kodus's own default since May 2026); in Fixed Mode set API_LLM_TEMPERATURE_OVERRIDE=1."
		}
		return fix
	}
	if containsAny(msg, "deprecated", "not supported", "does not support", "unsupported") {
		return "Clear Temperature (leave it empty): this model takes none" + orThinkingOff(msg) + "."
	}
	return "Set Temperature within the range the provider accepts (Anthropic 0–1, most others 0–2), or clear it."
}

func thinkingFix(msg string, google, claude bool) string {
	switch {
	case google && containsAny(msg, "budget") && containsAny(msg, "level"):
		return "Send thinkingBudget or thinkingLevel, not both: remove one from the Custom JSON (thinkingLevel for Gemini 3, thinkingBudget for Gemini 2.5)."
	case google && containsAny(msg, "level"):
		return "Use a thinkingLevel this model accepts (Gemini 3 Pro: low or high; 3.1 Pro: low, medium or high; Flash: minimal to high), or pick another Thinking level."
	case google:
		return "Use a thinking budget within the model's range (Gemini 2.5 Pro 128–32768, Flash 0–24576): pick a lower Thinking level, or set thinkingBudget in Custom."
	case claude && containsAny(msg, "max_tokens") && containsAny(msg, "budget"):
		return "Keep the thinking budget below max_tokens: pick a lower Thinking level, or raise Max output tokens."
	case claude:
		return `Use adaptive thinking: pick Low, Medium or High (Kodus sends {"type": "adaptive"} with an effort for Claude 4.6 and later), or in Custom {"thinking": {"type": "adaptive"}, "effort": "medium"}.`
	}
	return "Change Thinking: pick Off or another level, or fix the Custom JSON to a shape this model accepts."
}

func effortFix(providerMsg string, claude bool) string {
	fix := "Pick a reasoning effort this model supports (the Thinking level, or reasoningEffort in Custom)"
	if claude {
		fix = "Pick an effort this model accepts (xhigh only on Opus 4.7 and later; low, medium, high or max on 4.6)"
	}
	if m := supportedRE.FindStringSubmatch(providerMsg); m != nil {
		fix += ": the provider lists " + strings.TrimSpace(m[1])
	}
	return fix + "."
}

func maxTokensFix(providerMsg string, in Input, claude bool) string {
	msg := strings.ToLower(providerMsg)
	fix := "Lower Max output tokens to within the model's output limit"
	if containsAny(msg, "below minimum", "at least", "too small", ">=") {
		fix = "Raise Max output tokens: the provider refuses so small a value"
		if m := minimumRE.FindStringSubmatch(providerMsg); m != nil {
			fix = fmt.Sprintf("Raise Max output tokens to at least %s (the provider's minimum)", strings.ReplaceAll(m[1], ",", ""))
		}
		return fix + "."
	}
	if m := contextRE.FindStringSubmatch(providerMsg); m != nil {
		fix = fmt.Sprintf("Lower Max output tokens well below the server's context length (%s tokens), so a review's prompt fits beside the answer; on vLLM you can raise --max-model-len instead", strings.ReplaceAll(m[1], ",", ""))
	} else {
		for _, re := range limitREs {
			if m := re.FindStringSubmatch(providerMsg); m != nil {
				fix = fmt.Sprintf("Lower Max output tokens to %s or less, the provider's limit for this model", strings.ReplaceAll(m[1], ",", ""))
				break
			}
		}
	}
	if t, _ := str(asMap(asMap(in.ProviderOptions["anthropic"])["thinking"])["type"]); claude && t == "enabled" {
		fix += "; with budget thinking the AI SDK adds the budget to it"
	}
	return fix + "."
}

func orThinkingOff(msg string) string {
	if strings.Contains(msg, "thinking") {
		return ", or turn Thinking off"
	}
	return ""
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
