package studio

import (
	"fmt"

	"github.com/kodusbyok/studio/backend/cost"
	"github.com/kodusbyok/studio/backend/profile"
)

// modelLimits is what is known of a slot's model: its name, context
// window and most output tokens (0 = unknown). The catalog's context
// window wins; the bundled price table fills in the rest, so models of the
// manual path it knows are checked too.
func (s *core) modelLimits(sl profile.Slot) cost.Limits {
	l, _ := cost.Bundled().ModelLimits(sl.Model, sl.Plan)
	if m, ok := s.catalog().ModelForSlot(sl.Provider, sl.Model); ok {
		l.Name = m.DisplayName
		if m.ContextWindow > 0 {
			l.ContextWindow = int64(m.ContextWindow)
		}
	}
	if l.Name == "" {
		l.Name = sl.Model
	}
	return l
}

// tokenWarnings checks a slot's token limits against its model's: a max
// output above what the model can write, a max input above its context
// window, or the two together overflowing it. Kodus accepts any whole
// number and the provider then rejects or truncates review calls, so
// these are warnings: the save goes ahead, with the model's figure said.
func (s *core) tokenWarnings(sl profile.Slot) []profile.FieldError {
	l := s.modelLimits(sl)
	out := []profile.FieldError{}
	add := func(field string, v int, rule string, args ...any) {
		out = append(out, profile.FieldError{Field: field, Rule: fmt.Sprintf(rule, args...), Value: fmt.Sprint(v)})
	}
	outTok, inTok := sl.MaxOutputTokens, sl.MaxInputTokens
	switch {
	case outTok == nil:
	case l.MaxOutput > 0 && int64(*outTok) > l.MaxOutput:
		add("maxOutputTokens", *outTok, "is more than the %s output tokens %s can write: the provider rejects or cuts such calls; use %s or less", thousands(l.MaxOutput), l.Name, thousands(l.MaxOutput))
	case l.ContextWindow > 0 && int64(*outTok) >= l.ContextWindow:
		add("maxOutputTokens", *outTok, "leaves no room for the prompt in %s's %s-token context window", l.Name, thousands(l.ContextWindow))
	}
	switch {
	case inTok == nil || l.ContextWindow == 0:
	case int64(*inTok) > l.ContextWindow:
		add("maxInputTokens", *inTok, "is more than %s's %s-token context window: the cap never applies; use %s or less", l.Name, thousands(l.ContextWindow), thousands(l.ContextWindow))
	case outTok != nil && int64(*inTok)+int64(*outTok) > l.ContextWindow && (l.MaxOutput == 0 || int64(*outTok) <= l.MaxOutput):
		add("maxInputTokens", *inTok, "plus max output %s is more than %s's %s-token context window: the largest reviews would be rejected", thousands(int64(*outTok)), l.Name, thousands(l.ContextWindow))
	}
	return out
}

// warningNotices turns token warnings into save notices:
// "max output tokens 2000000 is more than …".
func warningNotices(ws []profile.FieldError) []string {
	names := map[string]string{"maxOutputTokens": "max output tokens", "maxInputTokens": "max input tokens"}
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		out = append(out, fmt.Sprintf("%s %s %s", names[w.Field], w.Value, w.Rule))
	}
	return out
}

// thousands writes 1050000 as "1,050,000".
func thousands(n int64) string {
	s := fmt.Sprint(n)
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
