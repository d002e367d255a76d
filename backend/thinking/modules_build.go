package thinking

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/kodusline"
)

// ErrPicker is a Thinking level Kodus's picker does not offer for the model.
var ErrPicker = errors.New("Kodus's Thinking picker does not offer this level for the model")

// PickerError names the level and the ones the picker offers.
type PickerError struct {
	Line   string
	Model  string
	Level  string
	Levels []string
}

func (e *PickerError) Error() string {
	return fmt.Sprintf("%s offers only %s thinking for %s: its web UI cannot save %s; pick one of those", e.Line,
		strings.Join(titles(e.Levels), " and "), e.Model, title(e.Level))
}

// Is makes errors.Is(err, ErrPicker) true.
func (e *PickerError) Is(target error) bool { return target == ErrPicker }

// moduleLevel reads a stored effort on a modules line: "" is "not set"
// (Kodus then applies the family default), "none" and "off" are Off.
func moduleLevel(e string) (level string, unset bool) {
	switch e = strings.ToLower(strings.TrimSpace(e)); e {
	case "":
		return "", true
	case "none":
		return LevelOff, false
	}
	return e, false
}

// buildModules is Build on a line whose provider modules map the levels.
func buildModules(l *kodusline.Line, in Input) (Result, error) {
	provider, model := strings.TrimSpace(in.Provider), strings.TrimSpace(in.Model)
	res := Result{ProviderOptions: map[string]any{}, Notes: []string{}}
	level, unset := moduleLevel(in.Effort)
	if unset {
		level = FamilyDefault(l, provider, model)
		res.Notes = append(res.Notes, fmt.Sprintf("Not set: %s gives a slot saved without a Thinking level this model's default, %s", l.Name, title(level)))
	}
	switch level {
	case LevelOff, LevelLow, LevelMedium, LevelHigh:
		if err := checkPicker(l, provider, model, level); err != nil && !unset {
			return Result{}, err
		}
		opts, notes := modulePreset(l, provider, model, level)
		res.ProviderOptions = opts
		res.Notes = append(res.Notes, notes...)
		if level != LevelOff {
			res.Notes = append(res.Notes, presetWarnings(provider, model, level, opts)...)
		}
	default:
		if err := applyCustom(l, in, provider, model, level, &res); err != nil {
			return Result{}, err
		}
	}
	res.Notes = append(res.Notes, unusedOverride(in, level)...)
	mergeModuleRouting(l, in, provider, model, level, &res)
	return res, nil
}

// checkPicker refuses a level the model's picker does not offer (GPT-5:
// Medium and High only). A toggle family (Kimi: one level, "on") takes
// any level.
func checkPicker(l *kodusline.Line, provider, model, level string) error {
	if provider != catalog.OpenAI || level == LevelOff {
		return nil
	}
	levels := l.Reasoning.OpenAIPicker(model)
	if len(levels) > 1 && !slices.Contains(levels, level) {
		return &PickerError{Line: l.Name, Model: model, Level: level, Levels: levels}
	}
	return nil
}

// mergeModuleRouting adds OpenRouter's pins. Kodus latest merges them one
// level deep under openrouter: a Custom JSON's own provider block replaces
// the pins outright. A preset on a model the family table knows reasons
// also gets require_parameters, so no upstream silently ignores reasoning.
func mergeModuleRouting(l *kodusline.Line, in Input, provider, model, level string, res *Result) {
	routing, notes := openRouterRouting(provider, in.OpenRouterOrder, in.OpenRouterAllowFallbacks)
	res.Notes = append(res.Notes, notes...)
	if provider != catalog.OpenRouter {
		return
	}
	if f := l.Reasoning.Family(model); f.Reasons() && (level == LevelLow || level == LevelMedium || level == LevelHigh) {
		if routing == nil {
			routing = map[string]any{"openrouter": map[string]any{"provider": map[string]any{}}}
		}
		routing["openrouter"].(map[string]any)["provider"].(map[string]any)["require_parameters"] = true
		res.Notes = append(res.Notes, fmt.Sprintf("require_parameters true: %s reasons, so %s asks OpenRouter for upstreams that honour the reasoning setting", f.Label, l.Name))
	}
	if routing == nil {
		return
	}
	if level != Custom {
		deepMerge(res.ProviderOptions, routing, "")
		return
	}
	mine, _ := res.ProviderOptions["openrouter"].(map[string]any)
	merged := cloneMap(routing["openrouter"].(map[string]any))
	if _, own := mine["provider"]; own {
		res.Notes = append(res.Notes, fmt.Sprintf("your openrouter.provider block replaces the pinned providers outright (%s merges routing one level deep): add order and allow_fallbacks to it to keep them", l.Name))
	}
	for k, v := range mine {
		merged[k] = v
	}
	res.ProviderOptions["openrouter"] = merged
}

func title(level string) string {
	if level == "" {
		return level
	}
	return strings.ToUpper(level[:1]) + level[1:]
}

func titles(levels []string) []string {
	out := make([]string, len(levels))
	for i, l := range levels {
		out[i] = title(l)
	}
	return out
}
