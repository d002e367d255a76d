// Package thinking turns a slot's Thinking setting (Off, Low, Medium, High
// or a Custom JSON override) and its OpenRouter pins into the
// providerOptions Kodus passes to the Vercel AI SDK, with a note for every
// rule that fired. It is the single source of that mapping for the GUI's
// live preview, `kodus-byok options` and profile validation.
//
// The rules are those of the selected Kodus release line
// (backend/kodusline): mid-2026's agent-loop presets per provider and model
// generation (Off sends nothing), or the current provider modules, whose
// presets follow each model family's traits (Off can be an explicit
// disable). In both, a Custom JSON is wrapped under the provider's
// namespace unless it names one, and the override replaces the preset.
// Unlike Kodus, invalid JSON is an error, not silently ignored, and known
// fields are checked against a JSON Schema.
package thinking

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kodusbyok/studio/backend/kodusline"
)

// Thinking levels, as stored in a profile's reasoningEffort.
const (
	LevelOff    = "off"
	LevelLow    = "low"
	LevelMedium = "medium"
	LevelHigh   = "high"
	Custom      = "custom"
)

// ErrLevel is an unknown Thinking level.
var ErrLevel = errors.New("thinking must be off, low, medium, high or custom")

// Input is everything that decides the providerOptions of one slot.
type Input struct {
	// Line is the Kodus release line whose rules apply (nil: the default).
	Line     *kodusline.Line
	Provider string
	Model    string
	// Effort is off, low, medium, high or custom ("none" is off; "" is
	// off on the mid-2026 line and "not set" on the current one).
	Effort string
	// Override is the Custom JSON; it is used only when Effort is custom.
	Override                 string
	OpenRouterOrder          []string
	OpenRouterAllowFallbacks *bool
}

// Result is what Kodus sends and why.
type Result struct {
	ProviderOptions map[string]any `json:"providerOptions"`
	Notes           []string       `json:"notes"`
}

// Build computes the providerOptions for in. A Custom JSON that does not
// parse, is not an object or breaks a known field's rule returns an
// *OverrideError and no result.
func Build(in Input) (Result, error) {
	l := lineOf(in.Line)
	if modules(l) {
		return buildModules(l, in)
	}
	provider, model := strings.TrimSpace(in.Provider), strings.TrimSpace(in.Model)
	res := Result{ProviderOptions: map[string]any{}, Notes: []string{}}
	level := normalizeLevel(in.Effort)
	switch level {
	case LevelOff:
		res.Notes = append(res.Notes, "Off: no reasoning options: the model's default applies")
	case LevelLow, LevelMedium, LevelHigh:
		opts, notes := preset(provider, model, level)
		res.ProviderOptions = opts
		res.Notes = append(res.Notes, notes...)
		res.Notes = append(res.Notes, presetWarnings(provider, model, level, opts)...)
	default:
		if err := applyCustom(l, in, provider, model, level, &res); err != nil {
			return Result{}, err
		}
	}
	res.Notes = append(res.Notes, unusedOverride(in, level)...)

	routing, notes := openRouterRouting(provider, in.OpenRouterOrder, in.OpenRouterAllowFallbacks)
	res.Notes = append(res.Notes, notes...)
	if routing != nil {
		if level == Custom {
			// The one exception to "the override replaces": routing
			// deep-merges with the override, the override's fields winning.
			block, hadBlock := res.ProviderOptions["openrouter"].(map[string]any)
			if own, ok := block["provider"].(map[string]any); ok {
				var lost []string
				for _, k := range sortedKeys(routing["openrouter"].(map[string]any)["provider"].(map[string]any)) {
					if _, set := own[k]; !set {
						lost = append(lost, k)
					}
				}
				if len(lost) > 0 {
					pronoun := "it"
					if len(lost) > 1 {
						pronoun = "them"
					}
					res.Notes = append(res.Notes, fmt.Sprintf("Kodus's own code (mid-2026) merges routing only one level deep, where your openrouter.provider block would drop the pinned %s: add %s to your block to be safe", strings.Join(lost, " and "), pronoun))
				}
			}
			merged := cloneMap(routing)
			replaced := deepMerge(merged, res.ProviderOptions, "")
			res.ProviderOptions = merged
			if hadBlock {
				res.Notes = append(res.Notes, "OpenRouter routing (Pin providers, Allow fallbacks) deep-merged into your openrouter block; your fields win")
			}
			for _, r := range replaced {
				res.Notes = append(res.Notes, fmt.Sprintf("your %s replaces the value from the OpenRouter routing section (%s)", r.path, display(r.old)))
			}
		} else {
			deepMerge(res.ProviderOptions, routing, "")
		}
	}
	return res, nil
}

// applyCustom is the Custom level of either scheme: the override parsed,
// wrapped and checked; any other level is unknown.
func applyCustom(l *kodusline.Line, in Input, provider, model, level string, res *Result) error {
	if level != Custom {
		return fmt.Errorf("%w (got %q)", ErrLevel, in.Effort)
	}
	opts, notes, err := override(l, provider, model, in.Override)
	if err != nil {
		return err
	}
	res.ProviderOptions = opts
	res.Notes = append(res.Notes, notes...)
	return nil
}

// unusedOverride notes a Custom JSON kept with another level.
func unusedOverride(in Input, level string) []string {
	if level != Custom && strings.TrimSpace(in.Override) != "" {
		return []string{fmt.Sprintf("the Custom JSON is not used: Thinking is %s", level)}
	}
	return nil
}

// CheckOverride validates a Custom JSON for a provider and model, as Build
// would on the line: nil, or an *OverrideError with line and column.
func CheckOverride(l *kodusline.Line, provider, model, override string) error {
	_, _, err := overrideFor(lineOf(l), strings.TrimSpace(provider), strings.TrimSpace(model), override)
	return err
}

// lineOf is the line whose rules apply: the given one, or the default.
func lineOf(l *kodusline.Line) *kodusline.Line {
	if l == nil {
		return kodusline.MustGet(kodusline.Default)
	}
	return l
}

// modules: the line maps levels through provider modules and family traits.
func modules(l *kodusline.Line) bool {
	return l.Reasoning.Scheme == kodusline.SchemeProviderModules
}

func normalizeLevel(e string) string {
	switch e = strings.ToLower(strings.TrimSpace(e)); e {
	case "", "none":
		return LevelOff
	}
	return e
}

// override parses, wraps and checks a Custom JSON, and notes what the
// override replaced of the preset.
func override(l *kodusline.Line, provider, model, text string) (map[string]any, []string, error) {
	opts, notes, err := overrideFor(l, provider, model, text)
	if err != nil {
		return nil, nil, err
	}
	ns := NamespaceFor(l, provider, model)
	base, _ := presetFor(l, provider, model, LevelMedium)
	block, _ := base[ns].(map[string]any)
	if len(block) == 0 {
		return opts, notes, nil
	}
	mine, isObj := opts[ns].(map[string]any)
	if !isObj {
		notes = append(notes, fmt.Sprintf("override replaced the preset: there is no %s block, so no reasoning options reach %s and the model's default applies", ns, providerName(l, provider)))
		return opts, notes, nil
	}
	var lost []string
	for _, leaf := range leaves(block, "") {
		if !hasPath(mine, leaf) {
			lost = append(lost, leaf)
		}
	}
	switch len(lost) {
	case 0:
		notes = append(notes, fmt.Sprintf("override replaced the preset's %s block; it sets every field the preset sends", ns))
	case 1:
		notes = append(notes, fmt.Sprintf("override replaced the preset's %s block: %s is no longer sent", ns, lost[0]))
	default:
		notes = append(notes, fmt.Sprintf("override replaced the preset's %s block: %s are no longer sent", ns, strings.Join(lost, " and ")))
	}
	return opts, notes, nil
}

func overrideFor(l *kodusline.Line, provider, model, text string) (map[string]any, []string, error) {
	if len(text) > MaxOverrideBytes {
		return nil, nil, tooLarge(len(text))
	}
	d, perr := parseJSON([]byte(text))
	if perr != nil {
		return nil, nil, perr
	}
	root, ok := d.value.(map[string]any)
	if !ok {
		return nil, nil, &OverrideError{Problems: []Problem{d.problemAt(d.locs[""].offset, "", "the Custom JSON must be an object such as {\"thinking\": {\"type\": \"enabled\"}}, not %s", jsonKind(d.value))}}
	}
	if len(root) == 0 {
		return map[string]any{}, []string{"the Custom JSON is an empty object: nothing is sent"}, nil
	}
	var notes []string

	ns := NamespaceFor(l, provider, model)
	named := []string{}
	for _, k := range sortedKeys(root) {
		if l.Reasoning.Namespaced(k) {
			named = append(named, k)
		}
	}
	opts := root
	switch {
	case len(named) > 0:
		notes = append(notes, fmt.Sprintf("the JSON names its namespace (%s): passed through as written", strings.Join(named, ", ")))
		for _, k := range sortedKeys(root) {
			if !l.Reasoning.Namespaced(k) {
				notes = append(notes, fmt.Sprintf("top-level %q is not a provider namespace, so no adapter reads it: move it into the %s block", k, orName(ns)))
			}
		}
	case ns == "":
		notes = append(notes, fmt.Sprintf("provider %q has no namespace in Kodus: the JSON is passed through unwrapped", provider))
	default:
		opts = map[string]any{ns: root}
		d.rebase(ns)
		notes = append(notes, fmt.Sprintf("no top-level key is a provider namespace: wrapped under %q, the namespace %s reads", ns, providerName(l, provider)))
	}
	for _, k := range named {
		if k != ns && k != "langsmith" && ns != "" && !(ns == "amazonBedrock" && k == "bedrock") {
			notes = append(notes, fmt.Sprintf("the %s block is sent, but %s reads only %s", k, providerName(l, provider), ns))
		}
	}

	for _, dup := range d.dups {
		notes = append(notes, fmt.Sprintf("%s is given twice: only the last value is sent", dup))
	}
	c := checkerFor(provider, model)
	if probs := c.check(opts, d); len(probs) > 0 {
		return nil, nil, &OverrideError{Problems: probs}
	}
	for _, f := range c.unknownFields(opts, d) {
		notes = append(notes, unknownNote(f))
	}
	return opts, notes, nil
}

// rebase moves every recorded place under a namespace after wrapping.
func (d *doc) rebase(ns string) {
	locs := make(map[string]loc, len(d.locs)+1)
	for ptr, l := range d.locs {
		locs["/"+escapePointer(ns)+ptr] = loc{offset: l.offset, display: joinDisplay(ns, l.display)}
	}
	locs[""] = d.locs[""]
	d.locs = locs
	for i, dup := range d.dups {
		d.dups[i] = joinDisplay(ns, dup)
	}
}

var routingFields = map[string]bool{"order": true, "allow_fallbacks": true, "require_parameters": true, "data_collection": true, "zdr": true, "enforce_distillable_text": true, "only": true, "ignore": true, "quantizations": true, "sort": true, "max_price": true}

func unknownNote(path string) string {
	if field, ok := strings.CutPrefix(path, "openrouter."); ok && routingFields[field] {
		return fmt.Sprintf("%s is not an OpenRouter option: routing fields go in openrouter.provider (did you mean openrouter.provider.%s?); passed through unchecked", path, field)
	}
	return fmt.Sprintf("%s is not a field this app knows: passed through unchecked (providers ship new fields)", path)
}

// presetWarnings checks a preset against the model's documented values:
// Kodus sends it all the same, so the user is told before a review fails.
func presetWarnings(provider, model, level string, opts map[string]any) []string {
	var out []string
	for _, p := range presetProblems(provider, model, opts) {
		out = append(out, fmt.Sprintf("warning: this model does not accept Kodus's %s preset: %s: %s",
			strings.ToUpper(level[:1])+level[1:], p.Path, p.Message))
	}
	return out
}

func jsonKind(v any) string {
	switch v.(type) {
	case []any:
		return "an array"
	case string:
		return "a string"
	case bool:
		return "true or false"
	case nil:
		return "null"
	}
	return "a number"
}

func providerName(l *kodusline.Line, provider string) string {
	if p, ok := l.Catalog().Provider(provider); ok {
		return p.DisplayName
	}
	return provider
}

func orName(ns string) string {
	if ns == "" {
		return "provider's"
	}
	return ns
}
