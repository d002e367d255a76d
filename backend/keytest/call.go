package keytest

import (
	"context"
	"fmt"

	"github.com/kodusbyok/studio/backend/secrets"
)

// ProbeSlotCall is the probe kind of a test that sends the slot's own
// minimal call, the way Kodus latest's Test does.
const ProbeSlotCall = "slot_call"

// TestCall is a key test by the slot's own call (built elsewhere with the
// slot's temperature, reasoning and output cap, as Kodus latest's Test
// sends it): one request with the key test's safety, classified with the
// provider's rules, then the app's plan check (a GLM or Kimi key refused
// the way a plan mismatch looks is tried once on the card's other plan).
func (t *Tester) TestCall(ctx context.Context, s Settings, key secrets.Secret, c Call) Result {
	if res, stop := t.precheck(ctx, s, key); stop {
		res.Probe = ProbeSlotCall
		return finish(res)
	}
	ex := t.Send(ctx, s, key, c)
	res := ex.Result
	res.Probe = ProbeSlotCall
	if !ex.Sent {
		return res
	}
	s = trimSettings(s)
	ctx, cancel := context.WithTimeout(ctx, t.timeout())
	defer cancel()
	r := &run{t: t, s: s, key: key, hc: t.client(), redact: redactions(key)}
	r.base, _ = t.baseURL(s)
	e := parseError(ex.Body)
	switch t.family(s) {
	case famMessages:
		res = r.otherPlan(ctx, res, e)
	case famZai:
		res = r.zaiMismatch(ctx, res, e)
	case famKimiCode:
		res = r.kimiCodeMismatch(ctx, res, r.base)
	case famMoonshot:
		res = r.moonshotMismatch(ctx, res)
	}
	if res.Code == CodeOK {
		res.Message = fmt.Sprintf("%s answered the call Kodus makes with these settings, for model %s.", t.Who(s), s.Model)
	}
	return finish(res)
}

// Refused is the result of a test stopped before anything was sent,
// because Kodus refuses a setting of the slot (its Test answers
// bad_request the same way, without a call).
func Refused(message, hint string) Result {
	return finish(Result{Code: CodeBadRequest, Probe: ProbeSlotCall, Message: message, Hint: hint, Headline: "Setting refused by Kodus"})
}
