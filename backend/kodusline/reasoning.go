package kodusline

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kodusbyok/studio/backend/lazyre"
)

// Reasoning schemes: how a line turns a Thinking level into providerOptions.
const (
	// SchemeAgentLoop is mid-2026's buildProviderOptions: one preset per
	// provider and model generation; Off sends nothing.
	SchemeAgentLoop = "agent-loop"
	// SchemeProviderModules is each provider module's reasoning(), driven
	// by the model family's traits; Off can be an explicit disable.
	SchemeProviderModules = "provider-modules"
)

// Temperature policies of a model family.
const (
	TempFree        = "free"
	TempUnsupported = "unsupported"
	TempFixed       = "fixed"
	// TempOmitWhileThinking: refused while thinking is on (DeepSeek).
	TempOmitWhileThinking = "omitWhileThinking"
)

// Effort kinds of a compatible family: what a level adds to "thinking on".
const (
	EffortScale        = "scale"        // thinking on + reasoningEffort on the low/high/max scale
	EffortToggle       = "toggle"       // thinking on, the level ignored
	EffortOnly         = "effortOnly"   // reasoningEffort alone
	EffortAdaptiveOnly = "adaptiveOnly" // thinking {type: adaptive} alone
	EffortNone         = "none"         // the model takes no reasoning setting
)

// Reasoning is a line's reasoning rules.
type Reasoning struct {
	Scheme string `json:"scheme"`
	Source string `json:"source"`
	// Budgets are EFFORT_TO_BUDGET: the token budget of each level.
	Budgets         map[string]int `json:"budgets"`
	KnownNamespaces []string       `json:"knownNamespaces"`
	// CompatibleScale maps a level to GLM's and DeepSeek's effort scale.
	CompatibleScale map[string]string `json:"compatibleScale"`
	// TemperatureTransports are the providers on which a family's
	// temperature policy applies (the compatible transports).
	TemperatureTransports []string           `json:"temperatureTransports"`
	Families              []Family           `json:"families"`
	Claude                []ClaudeGeneration `json:"claude"`
	OpenAI                OpenAIRules        `json:"openai"`
	Gemini                GeminiRules        `json:"gemini"`
	// Examples are Custom JSON placeholders per provider.
	Examples map[string]string `json:"examples"`
}

// Family is a model family of the compatible transports, matched by id.
type Family struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	// Match is a case-insensitive regexp on the model id without its
	// vendor prefix ("z-ai/glm-5.2" → "glm-5.2"); "" matches anything.
	Match string `json:"match"`
	// Known is false for the catch-all "unknown model" entry.
	Known            bool     `json:"known"`
	ThinksByDefault  bool     `json:"thinksByDefault"`
	CanDisable       bool     `json:"canDisable"`
	Temperature      string   `json:"temperature"`
	FixedTemperature float64  `json:"fixedTemperature,omitempty"`
	Effort           string   `json:"effort"`
	Picker           []string `json:"picker,omitempty"`

	re *lazyre.Regexp
}

// Reasons: a recognised model that thinks (OpenRouter then pins upstreams
// that honour reasoning).
func (f Family) Reasons() bool { return f.Known && f.ThinksByDefault }

// ClaudeGeneration is one generation of Claude models and its rules.
type ClaudeGeneration struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	// Families match by name (fable, mythos); From by version ("4.7" and
	// later). The first generation that matches wins.
	Families        []string `json:"families,omitempty"`
	From            string   `json:"from,omitempty"`
	Preset          string   `json:"preset"`      // budget or adaptive
	Off             string   `json:"off"`         // none or disable
	Temperature     string   `json:"temperature"` // free or unsupported
	ThinksByDefault bool     `json:"thinksByDefault"`
	CanDisable      bool     `json:"canDisable"`
	Picker          []string `json:"picker,omitempty"`

	major, minor int
}

// Picker is the levels a model pattern offers.
type Picker struct {
	Match  string   `json:"match"`
	Levels []string `json:"levels"`
	re     *lazyre.Regexp
}

// OpenAIRules: which ids reason, and the levels Kodus's picker offers.
type OpenAIRules struct {
	ReasonerMatch string   `json:"reasonerMatch"`
	Pickers       []Picker `json:"pickers"`
	re            *lazyre.Regexp
}

// GeminiRules: levels a Gemini 3 model lacks, and the 2.5 budget ranges.
type GeminiRules struct {
	Levels       []Picker      `json:"levels"`
	BudgetMatch  string        `json:"budgetMatch"`
	BudgetRanges []BudgetRange `json:"budgetRanges"`
	// NoDefaultThinking matches the Gemini models that do not think by
	// default; CanDisable the ones whose thinking can be turned off.
	NoDefaultThinking string `json:"noDefaultThinking"`
	CanDisable        string `json:"canDisable"`
	budgetRE          *lazyre.Regexp
	quietRE, offRE    *lazyre.Regexp
}

// BudgetRange is the thinkingBudget a Gemini 2.5 model accepts.
type BudgetRange struct {
	Match string `json:"match"`
	Min   int    `json:"min"`
	Max   int    `json:"max"`
	re    *lazyre.Regexp
}

// compileRE makes a case-insensitive pattern that compiles on first use:
// a command matches a few model ids against one line's patterns, and
// compiling all of them cost every start. The embedded data's patterns
// are compiled by the package test (TestEveryPatternCompiles).
func compileRE(expr string) (*lazyre.Regexp, error) {
	if expr == "" {
		return nil, nil
	}
	return lazyre.New("(?i)" + expr), nil
}

func (r *Reasoning) compile() error {
	var err error
	for i := range r.Families {
		if r.Families[i].re, err = compileRE(r.Families[i].Match); err != nil {
			return err
		}
	}
	for i := range r.Claude {
		g := &r.Claude[i]
		if g.From != "" {
			maj, min, ok := strings.Cut(g.From, ".")
			if !ok {
				return fmt.Errorf("claude generation %s: from %q is not major.minor", g.ID, g.From)
			}
			g.major, _ = strconv.Atoi(maj)
			g.minor, _ = strconv.Atoi(min)
		}
	}
	if r.OpenAI.re, err = compileRE(r.OpenAI.ReasonerMatch); err != nil {
		return err
	}
	for _, ps := range [][]Picker{r.OpenAI.Pickers, r.Gemini.Levels} {
		for i := range ps {
			if ps[i].re, err = compileRE(ps[i].Match); err != nil {
				return err
			}
		}
	}
	if r.Gemini.budgetRE, err = compileRE(r.Gemini.BudgetMatch); err != nil {
		return err
	}
	if r.Gemini.quietRE, err = compileRE(r.Gemini.NoDefaultThinking); err != nil {
		return err
	}
	if r.Gemini.offRE, err = compileRE(r.Gemini.CanDisable); err != nil {
		return err
	}
	for i := range r.Gemini.BudgetRanges {
		if r.Gemini.BudgetRanges[i].re, err = compileRE(r.Gemini.BudgetRanges[i].Match); err != nil {
			return err
		}
	}
	return nil
}

// BareID is a model id without its vendor prefix, lower-cased.
func BareID(model string) string {
	m := strings.ToLower(strings.TrimSpace(model))
	if i := strings.LastIndex(m, "/"); i >= 0 {
		m = m[i+1:]
	}
	return m
}

// Family returns the compatible family of a model id; the last entry is
// the catch-all for unknown ids.
func (r *Reasoning) Family(model string) Family {
	id := BareID(model)
	for _, f := range r.Families {
		if f.re == nil || f.re.MatchString(id) {
			return f
		}
	}
	return Family{ID: "unknown", Label: "an unknown model", CanDisable: true, Temperature: TempFree, Effort: EffortNone}
}

// ClaudeGeneration returns the generation of a parsed Claude id.
func (r *Reasoning) ClaudeGeneration(family string, major, minor int) (ClaudeGeneration, bool) {
	for _, g := range r.Claude {
		for _, f := range g.Families {
			if f == family {
				return g, true
			}
		}
		if g.From != "" && len(g.Families) == 0 && (major > g.major || (major == g.major && minor >= g.minor)) {
			return g, true
		}
	}
	return ClaudeGeneration{}, false
}

// IsOpenAIReasoner: an OpenAI reasoning model (o-series, GPT-5) by id.
func (r *Reasoning) IsOpenAIReasoner(model string) bool {
	return r.OpenAI.re != nil && r.OpenAI.re.MatchString(BareID(model))
}

// OpenAIPicker is the levels Kodus's picker offers for an OpenAI model
// (nil: no restriction known).
func (r *Reasoning) OpenAIPicker(model string) []string {
	return pick(r.OpenAI.Pickers, BareID(model))
}

// GeminiLevels is the thinking levels a Gemini 3 model takes (nil: all).
func (r *Reasoning) GeminiLevels(model string) []string {
	return pick(r.Gemini.Levels, BareID(model))
}

// GeminiBudgetModel: a Gemini model that takes a thinking budget (2.5).
func (r *Reasoning) GeminiBudgetModel(model string) bool {
	return r.Gemini.budgetRE != nil && r.Gemini.budgetRE.MatchString(BareID(model))
}

// GeminiBudgetRange is the budget range of a Gemini 2.5 model.
func (r *Reasoning) GeminiBudgetRange(model string) (BudgetRange, bool) {
	id := BareID(model)
	for _, b := range r.Gemini.BudgetRanges {
		if b.re != nil && b.re.MatchString(id) {
			return b, true
		}
	}
	return BudgetRange{}, false
}

// GeminiTraits says whether a Gemini model thinks by default and whether
// its thinking can be turned off.
func (r *Reasoning) GeminiTraits(model string) (thinks, canDisable bool) {
	id := BareID(model)
	thinks = r.Gemini.quietRE == nil || !r.Gemini.quietRE.MatchString(id)
	canDisable = r.Gemini.offRE != nil && r.Gemini.offRE.MatchString(id)
	return thinks, canDisable
}

// Namespaced reports whether a top-level key of a Custom JSON names a
// namespace, so Kodus passes the JSON through instead of wrapping it.
func (r *Reasoning) Namespaced(key string) bool {
	for _, k := range r.KnownNamespaces {
		if k == key {
			return true
		}
	}
	return false
}

// Applies reports whether the family's temperature policy applies on a
// provider.
func (r *Reasoning) TemperatureApplies(provider string) bool {
	for _, p := range r.TemperatureTransports {
		if p == provider {
			return true
		}
	}
	return false
}

func pick(ps []Picker, id string) []string {
	for _, p := range ps {
		if p.re != nil && p.re.MatchString(id) {
			return p.Levels
		}
	}
	return nil
}
