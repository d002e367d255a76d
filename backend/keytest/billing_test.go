package keytest

import (
	"context"
	"testing"

	"github.com/kodusbyok/studio/backend/internal/fakeprovider"
	"github.com/kodusbyok/studio/backend/secrets"
)

// Every provider family reads every documented billing error as payment,
// in the key test and in the inference request the dry run and the
// concurrency probe send: an account without credit is never "rate limited
// — the key works", whichever endpoint passes the error on.
func TestBillingErrorsArePayment(t *testing.T) {
	bodies := []struct {
		name   string
		status int
		body   string
		google bool // only Google endpoints send it (FAILED_PRECONDITION)
	}{
		{"openai insufficient_quota", 429, `{"error":{"message":"You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}`, false},
		{"openai credit_balance_exhausted", 429, `{"error":{"message":"Your credit balance is exhausted.","type":"invalid_request_error","param":null,"code":"credit_balance_exhausted"}}`, false},
		{"openai project spend limit", 429, `{"error":{"message":"Project spend limit exceeded.","type":"invalid_request_error","param":null,"code":"project_spend_limit_exceeded"}}`, false},
		{"moonshot exceeded_current_quota_error", 429, `{"error":{"type":"exceeded_current_quota_error","message":"Your account org-abc <ak-xyz> is suspended, please check your plan and billing details"}}`, false},
		{"novita NOT_ENOUGH_BALANCE", 403, `{"code":403,"reason":"NOT_ENOUGH_BALANCE","message":"not enough balance","metadata":{}}`, false},
		{"anthropic low credit", 400, `{"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."},"request_id":"req_011"}`, false},
		{"anthropic billing_error", 402, `{"type":"error","error":{"type":"billing_error","message":"Billing issue"}}`, false},
		{"openrouter insufficient credits", 402, `{"error":{"code":402,"message":"Insufficient credits. Add more using https://openrouter.ai/credits"}}`, false},
		{"google prepayment depleted", 429, `{"error":{"code":429,"message":"Your prepayment credits are depleted. Please go to AI Studio at https://ai.studio/projects to manage your project and billing.","status":"RESOURCE_EXHAUSTED"}}`, false},
		{"google billing not enabled", 400, `{"error":{"code":400,"message":"User location is not supported for the API use without a billing account linked.","status":"FAILED_PRECONDITION"}}`, true},
	}
	for _, fm := range append(families, messagesFamilies...) {
		if fm.name == "vertex-sa" {
			continue // its token request would get the error first; vertex-express covers Google
		}
		isGoogle := fm.name == "gemini" || fm.name == "vertex-express"
		for _, b := range bodies {
			if isGoogle != b.google && b.name != "google prepayment depleted" {
				continue // each endpoint sends its own provider's error shapes
			}
			t.Run(fm.name+"/"+b.name, func(t *testing.T) {
				f := fakeprovider.New(t, fakeprovider.Respond(b.status, b.body))
				tr := testerFor(f)
				res := tr.Test(context.Background(), fm.settings(f.URL), secrets.NewSecret(fm.key))
				if res.Code != CodePayment || res.OK {
					t.Errorf("key test: %s (%s)", res.Code, res.Message)
				}
				in, fail := tr.NewInferrer(context.Background(), fm.settings(f.URL), secrets.NewSecret(fm.key))
				if fail != nil {
					t.Fatalf("NewInferrer: %+v", *fail)
				}
				if a := in.Send(context.Background()); a.Result.Code != CodePayment || a.Result.OK {
					t.Errorf("inference: %s (%s)", a.Result.Code, a.Result.Message)
				}
			})
		}
	}
}
