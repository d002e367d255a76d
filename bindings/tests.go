package bindings

import (
	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/studio"
)

// Tests sends a slot's settings to its provider: the key test and the
// settings dry run. The key only goes to the provider; results carry it
// redacted.
type Tests struct{ s *Session }

// TestSlotSettings tests settings that are not saved yet with the pasted
// key (or the stored one that saving would keep).
func (b *Tests) TestSlotSettings(req studio.TestSlotRequest) (studio.TestSlotResult, error) {
	return call(b.s, func(st *studio.Studio) (studio.TestSlotResult, error) {
		return st.KeyTests().TestSettings(b.s.ctx, req)
	})
}

// TestProfileSlot tests one saved slot with its key from the keychain. The
// GUI calls it for Main and Fallback at once and shows each as it arrives.
func (b *Tests) TestProfileSlot(name, slot string) (keytest.Result, error) {
	return call(b.s, func(st *studio.Studio) (keytest.Result, error) { return st.KeyTests().TestSlot(b.s.ctx, name, slot) })
}

// DescribeKeyTest says what Test will send for these settings, so the
// GUI can say so before an inference request.
func (b *Tests) DescribeKeyTest(in studio.SlotInput, key string) (keytest.Probe, error) {
	return value(b.s, func(st *studio.Studio) keytest.Probe { return st.KeyTests().DescribeTest(in, key) })
}

// DryRunSlot builds the request Kodus sends for a slot's review calls —
// the saved slot (req.Config nil) or settings being edited — and, unless
// req.Preview, sends it once.
func (b *Tests) DryRunSlot(req studio.DryRunRequest) (studio.DryRunResult, error) {
	return call(b.s, func(st *studio.Studio) (studio.DryRunResult, error) { return st.DryRuns().DryRun(b.s.ctx, req) })
}
