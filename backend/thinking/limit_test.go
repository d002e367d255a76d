package thinking

import (
	"errors"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/kodusline"
)

// A Custom JSON over 64 KB is refused with its size, before it is parsed;
// one just under is judged on its content as usual.
func TestOverrideSizeCap(t *testing.T) {
	pad := func(n int) string {
		return `{"thinking": {"type": "enabled", "budgetTokens": 2048}, "x": "` + strings.Repeat("a", n) + `"}`
	}
	big := pad(100 << 20)
	under := pad(MaxOverrideBytes - 200)
	for _, l := range []*kodusline.Line{mid, cur} {
		err := CheckOverride(l, "anthropic", "claude-sonnet-4-6", big)
		var oe *OverrideError
		if !errors.As(err, &oe) || len(oe.Problems) != 1 || !strings.Contains(oe.Problems[0].Message, "is 100 MB: at most 64 KB is accepted") {
			t.Fatalf("%s: 100 MB override = %v", l.ID, err)
		}
		if _, err := Build(Input{Line: l, Provider: "anthropic", Model: "claude-sonnet-4-6", Effort: "custom", Override: big}); !errors.As(err, &oe) {
			t.Fatalf("%s: Build with a 100 MB override = %v", l.ID, err)
		}
		if err := CheckOverride(l, "anthropic", "claude-sonnet-4-6", under); err != nil && strings.Contains(err.Error(), "at most 64 KB") {
			t.Fatalf("%s: an override under the cap was refused for its size: %v", l.ID, err)
		}
	}
}
