package thinking

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/lazyre"
)

// What a model id says about the thinking API it takes. The rules come from
// the Vercel AI SDK's provider options (https://ai-sdk.dev/providers/ai-sdk-providers)
// with each provider's documented values, and the model generations Kodus
// tells apart (kodus-ai libs/llm/providers/kernel/reasoning-traits.ts).

// claude is a Claude model id read as family and version.
type claude struct {
	known        bool
	family       string // opus, sonnet, haiku, fable, mythos
	major, minor int
}

var (
	// claude-sonnet-4-6, claude-opus-4-7, claude-sonnet-4-5-20250929,
	// claude-sonnet-4-20250514 (4.0: an 8-digit date is not a minor).
	claudeNewRE = lazyre.New(`claude-(opus|sonnet|haiku|fable|mythos)-(\d+)(?:[-.](\d{1,2}))?(?:[^\d]|$)`)
	// claude-3-7-sonnet-20250219, claude-3-opus-20240229.
	claudeOldRE = lazyre.New(`claude-(\d+)(?:[-.](\d))?-(opus|sonnet|haiku)`)
)

func parseClaude(model string) claude {
	m := strings.ToLower(model)
	if g := claudeNewRE.FindStringSubmatch(m); g != nil {
		return claude{known: true, family: g[1], major: atoi(g[2]), minor: atoi(g[3])}
	}
	if g := claudeOldRE.FindStringSubmatch(m); g != nil {
		return claude{known: true, family: g[3], major: atoi(g[1]), minor: atoi(g[2])}
	}
	for _, f := range []string{"mythos", "fable"} {
		if strings.Contains(m, f) {
			return claude{known: true, family: f, major: 5}
		}
	}
	return claude{}
}

func (c claude) atLeast(major, minor int) bool {
	return c.major > major || (c.major == major && c.minor >= minor)
}

// always: Fable and Mythos think on every request and cannot turn it off.
func (c claude) always() bool { return c.family == "fable" || c.family == "mythos" }

// adaptive: Claude 4.6 and later take thinking {type: adaptive} + effort.
func (c claude) adaptive() bool { return c.known && (c.always() || c.atLeast(4, 6)) }

// rejectsBudget: Claude 4.7 and later answer thinking {type: enabled} with a 400.
func (c claude) rejectsBudget() bool { return c.known && (c.always() || c.atLeast(4, 7)) }

// xhigh: only Opus 4.7+, Claude 5 (Sonnet 5) and Fable accept effort xhigh.
func (c claude) xhigh() bool {
	return c.known && (c.always() || c.major >= 5 || (c.family == "opus" && c.atLeast(4, 7)))
}

func (c claude) String() string {
	name := "Claude " + strings.ToUpper(c.family[:1]) + c.family[1:]
	if c.always() && c.major == 5 && c.minor == 0 {
		return name
	}
	return fmt.Sprintf("%s %d.%d", name, c.major, c.minor)
}

// gemini is a Gemini model id read as version and size.
type gemini struct {
	known        bool
	major, minor int
	size         string // pro, flash, flash-lite, or ""
}

var geminiRE = lazyre.New(`gemini-?(\d+)(?:\.(\d+))?(?:-(pro|flash-lite|flash))?`)

func parseGemini(model string) gemini {
	g := geminiRE.FindStringSubmatch(strings.ToLower(model))
	if g == nil {
		return gemini{}
	}
	return gemini{known: true, major: atoi(g[1]), minor: atoi(g[2]), size: g[3]}
}

// levels: Gemini 3 and later take thinkingLevel; 2.5 takes thinkingBudget.
func (g gemini) levels() bool { return g.known && g.major >= 3 }

func (g gemini) String() string {
	v := strconv.Itoa(g.major)
	if g.minor > 0 || g.major < 3 {
		v += "." + strconv.Itoa(g.minor)
	}
	if g.size == "" {
		return "Gemini " + v
	}
	return "Gemini " + v + " " + map[string]string{"pro": "Pro", "flash": "Flash", "flash-lite": "Flash-Lite"}[g.size]
}

// gpt is an OpenAI GPT-5 family id: gpt-5, gpt-5.1-codex-max, gpt-5.4-mini.
type gpt struct {
	known  bool
	minor  int
	suffix string
}

var gptRE = lazyre.New(`^gpt-5(?:\.(\d+))?(.*)$`)

func parseGPT(model string) gpt {
	g := gptRE.FindStringSubmatch(strings.ToLower(strings.TrimPrefix(model, "openai/")))
	if g == nil {
		return gpt{}
	}
	return gpt{known: true, minor: atoi(g[1]), suffix: g[2]}
}

// efforts lists the reasoningEffort values the model accepts (OpenAI's
// reasoning guide, https://platform.openai.com/docs/guides/reasoning;
// anything else is a 400 unsupported_value), or nil when unknown.
func (g gpt) efforts() []string {
	switch {
	case !g.known:
		return nil
	case g.minor == 0 && strings.HasPrefix(g.suffix, "-pro"):
		return []string{"high"}
	case g.minor == 0:
		return []string{"minimal", "low", "medium", "high"}
	case g.minor == 1 && strings.Contains(g.suffix, "codex-max"):
		return []string{"none", "low", "medium", "high", "xhigh"}
	case g.minor == 1:
		return []string{"none", "low", "medium", "high"}
	case g.minor <= 5:
		return []string{"none", "low", "medium", "high", "xhigh"}
	case g.minor == 6:
		return []string{"none", "low", "medium", "high", "xhigh", "max"}
	}
	return nil
}

// notReasoning: GPT-4-era chat models reject reasoningEffort outright.
var notReasoningRE = lazyre.New(`^(gpt-4|gpt-3\.5|chatgpt-4o)`)

// edit narrows one property of the providerOptions schema for a model.
type edit struct {
	path []string // property names from the root
	set  map[string]any
}

// modelEdits returns how the chosen model narrows the generic schema: the
// values its provider documents for that model. Only the active provider's
// namespace is narrowed; blocks for other namespaces keep the generic rules.
func modelEdits(provider, model string) []edit {
	var out []edit
	switch provider {
	case catalog.Anthropic:
		c := parseClaude(model)
		if !c.known {
			return nil
		}
		efforts := []any{"low", "medium", "high", "max"}
		if c.xhigh() {
			efforts = []any{"low", "medium", "high", "xhigh", "max"}
		}
		out = append(out, edit{[]string{"anthropic", "effort"}, map[string]any{
			"enum": efforts, "description": fmt.Sprintf("%s accepts effort %s", c, joinAny(efforts)),
		}})
		types := []any{"enabled", "adaptive", "disabled"}
		switch {
		case c.always():
			types = []any{"adaptive"}
		case c.rejectsBudget():
			types = []any{"adaptive", "disabled"}
		}
		if len(types) < 3 {
			out = append(out, edit{[]string{"anthropic", "thinking", "type"}, map[string]any{
				"enum": types, "description": fmt.Sprintf("%s takes thinking type %s (the budget form is rejected with a 400)", c, joinAny(types)),
			}})
		}
	case catalog.GoogleGemini, catalog.GoogleVertex:
		g := parseGemini(model)
		var levels []any
		switch {
		case g.levels() && g.major == 3 && g.minor == 0 && g.size == "pro":
			levels = []any{"low", "high"}
		case g.levels() && g.size == "pro":
			levels = []any{"low", "medium", "high"}
		case g.levels() && (g.size == "flash" || g.size == "flash-lite"):
			levels = []any{"minimal", "low", "medium", "high"}
		}
		if levels != nil {
			out = append(out, edit{[]string{"google", "thinkingConfig", "thinkingLevel"}, map[string]any{
				"enum": levels, "description": fmt.Sprintf("%s accepts thinkingLevel %s", g, joinAny(levels)),
			}})
		}
		if g.known && g.major == 2 && g.minor == 5 {
			var ranges []any
			var text string
			switch g.size {
			case "pro":
				ranges, text = []any{rng(128, 32768)}, "128 to 32768"
			case "flash-lite":
				ranges, text = []any{map[string]any{"const": 0}, rng(512, 24576)}, "0 (off) or 512 to 24576"
			case "flash":
				ranges, text = []any{rng(0, 24576)}, "0 (off) to 24576"
			}
			if ranges != nil {
				out = append(out, edit{[]string{"google", "thinkingConfig", "thinkingBudget"}, map[string]any{
					"anyOf":       append([]any{map[string]any{"const": -1}}, ranges...),
					"description": fmt.Sprintf("%s accepts thinkingBudget %s, or -1 (dynamic)", g, text),
				}})
			}
		}
	case catalog.OpenAI:
		id := strings.ToLower(model)
		if notReasoningRE.MatchString(id) {
			return []edit{{[]string{"openai", "reasoningEffort"}, map[string]any{
				"not": map[string]any{}, "description": model + " is not a reasoning model: OpenAI rejects reasoningEffort",
			}}}
		}
		if efforts := parseGPT(model).efforts(); efforts != nil {
			out = append(out, edit{[]string{"openai", "reasoningEffort"}, map[string]any{
				"enum": toAny(efforts), "description": fmt.Sprintf("%s accepts reasoningEffort %s", model, strings.Join(efforts, ", ")),
			}})
		}
	}
	return out
}

func rng(lo, hi int) map[string]any {
	return map[string]any{"type": "integer", "minimum": lo, "maximum": hi}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func joinAny(vs []any) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = fmt.Sprint(v)
	}
	return strings.Join(parts, ", ")
}
