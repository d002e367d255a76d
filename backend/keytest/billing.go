package keytest

import "net/http"

// Billing errors arrive with the status of a rate limit or a bad request:
// OpenAI's 429 insufficient_quota ("You exceeded your current quota,
// please check your plan and billing details"), Moonshot's
// exceeded_current_quota_error, Novita's NOT_ENOUGH_BALANCE, Anthropic's
// 400 "credit balance is too low", Google's depleted prepayment credits.
// Each provider's own rules read them at its endpoint; billingError reads
// them wherever they come from, so that a gateway, a proxy or an
// OpenAI-compatible server passing the provider's error on gets the same
// verdict. A key whose account has no credit works for nothing: payment,
// never "rate limited — the key works".
func (r *run) billingError(rep *reply, e apiError, who string) (Result, bool) {
	switch rep.status {
	case http.StatusTooManyRequests, http.StatusForbidden, http.StatusBadRequest, http.StatusPaymentRequired:
	default:
		return Result{}, false
	}
	switch {
	case openAIQuotaCodes[e.Type] || openAIQuotaCodes[e.Code]:
		return r.answer(rep, e, CodePayment, who+" says this key's quota or spend limit is used up: retrying will not help."), true
	case e.Type == "exceeded_current_quota_error" || e.Code == "exceeded_current_quota_error":
		return r.answer(rep, e, CodePayment, who+" says the account balance is exhausted."), true
	case e.Type == "NOT_ENOUGH_BALANCE" || e.Code == "NOT_ENOUGH_BALANCE":
		return r.answer(rep, e, CodePayment, who+" says the account balance is too low."), true
	case e.Type == "billing_error":
		return r.answer(rep, e, CodePayment, who+" reports a billing error on the account."), true
	case e.contains("credit balance is too low", "prepayment credits are depleted", "insufficient credits", "insufficient balance"):
		return r.answer(rep, e, CodePayment, who+" says the account has no credit left."), true
	}
	return Result{}, false
}
