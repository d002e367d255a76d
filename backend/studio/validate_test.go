package studio

import (
	"testing"

	"github.com/kodusbyok/studio/backend/cost"
	"github.com/kodusbyok/studio/backend/profile"
)

// The rules the GUI and the CLI share: zero is the default, out of range
// and unknown slots are field errors naming the field.
func TestRequestValidate(t *testing.T) {
	for _, tc := range []struct {
		name  string
		err   error
		field string
	}{
		{"measure defaults", MeasureRequest{}.Validate(), ""},
		{"measure bad slot", MeasureRequest{Slot: "third"}.Validate(), "slot"},
		{"measure max too high", MeasureRequest{Max: 100000}.Validate(), "max"},
		{"measure max negative", MeasureRequest{Slot: "main", Max: -1}.Validate(), "max"},
		{"concurrency cap", ConcurrencyRequest{MeasuredCap: profile.MaxConcurrencyLimit + 1}.Validate(), "measuredCap"},
		{"concurrency fallback", ConcurrencyRequest{Slot: "fallback", MeasuredCap: 4}.Validate(), ""},
		{"test timeout", TestSlotRequest{TimeoutMs: int(MaxTimeout.Milliseconds()) + 1}.Validate(), "timeoutMs"},
		{"test timeout max", TestSlotRequest{TimeoutMs: int(MaxTimeout.Milliseconds())}.Validate(), ""},
		{"dry run timeout", DryRunRequest{TimeoutMs: -1}.Validate(), "timeoutMs"},
		{"dry run slot", DryRunRequest{Slot: "x"}.Validate(), "slot"},
	} {
		fes := profile.AsFieldErrors(tc.err)
		switch {
		case tc.field == "" && tc.err != nil:
			t.Errorf("%s: %v", tc.name, tc.err)
		case tc.field != "" && (len(fes) != 1 || fes[0].Field != tc.field):
			t.Errorf("%s: %v, want a %s field error", tc.name, tc.err, tc.field)
		}
	}
}

func TestCostRequestValidate(t *testing.T) {
	one := []cost.Ref{{Model: "gpt-4o"}}
	for _, tc := range []struct {
		req   CostRequest
		field string
	}{
		{CostRequest{Models: one}, ""},
		{CostRequest{All: true, Models: one}, "all"},
		{CostRequest{Profile: "p", All: true}, "profile"},
		{CostRequest{Exact: &ExactTokens{InputTokens: -1}}, "inputTokens"},
		{CostRequest{Exact: &ExactTokens{InputTokens: 1}, Repo: &RepoCost{ScanID: "x"}}, "repo"},
	} {
		fes := profile.AsFieldErrors(tc.req.Validate())
		if (tc.field == "") != (len(fes) == 0) || (tc.field != "" && fes[0].Field != tc.field) {
			t.Errorf("%+v: %v, want %q", tc.req, fes, tc.field)
		}
	}
}
