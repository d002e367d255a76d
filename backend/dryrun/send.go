package dryrun

import (
	"context"
	"fmt"

	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/secrets"
)

// Run builds the request for in and sends it once. The error is a setting
// that stops the request from being built (a broken base URL): nothing
// was sent. Every answer, failures included, is a Result.
func (r *Runner) Run(ctx context.Context, in Input, key secrets.Secret) (Result, error) {
	req, err := r.Build(in, key)
	if err != nil {
		return Result{}, err
	}
	return r.Send(ctx, req, in, key), nil
}

// Send sends a built request once, with the key test's safety rules, and
// classifies the answer: the key test's codes, plus settings_rejected when
// the provider refuses a parameter Kodus sends.
func (r *Runner) Send(ctx context.Context, req Request, in Input, key secrets.Secret) Result {
	t := r.tester()
	ex := t.Send(ctx, req.target, key, keytest.Call{Method: req.Method, URL: req.URL, Header: req.header, Body: req.Body})
	k := ex.Result
	res := Result{
		OK: k.OK, Code: k.Code, HTTPStatus: k.HTTPStatus, LatencyMs: k.LatencyMs, Request: req,
		Message: k.Message, Hint: k.Hint, Headline: k.Headline, Sent: ex.Sent,
		ProviderMessage: k.ProviderMessage, ProviderCode: k.ProviderCode, Notes: []string{},
	}
	who := t.Who(req.target)
	switch {
	case k.Code == keytest.CodeOK:
		a := parseAnswer(req.API, ex.Body)
		res.Usage, res.FinishReason, res.Reply = a.usage, a.finish, short(a.text, maxReply)
		res.Headline = "Settings accepted"
		res.Message = fmt.Sprintf("%s accepted the request Kodus will send for %s, with these settings.", who, in.Model)
		res.Hint = "Reviews with these settings should not fail on a setting the provider refuses."
		if a.usage == nil {
			res.Notes = append(res.Notes, "the provider reported no token usage for this request")
		}
		if a.cutOff {
			res.Notes = append(res.Notes, cutOffNote(req, a))
		}
	case k.Code == keytest.CodeRateLimit:
		// The key works, but the settings were not checked.
		res.OK = false
		res.Message += " The settings were not checked: run the dry run again in a moment (it is never retried automatically)."
	case ex.Sent:
		if param := rejectedParam(req.target, k, ex.Body); param != "" {
			res.Code, res.OK, res.Parameter = CodeSettingsRejected, false, param
			res.Headline = "Setting rejected: " + paramLabel(param)
			res.Message = fmt.Sprintf("%s refused the request because of the %s Kodus sends: reviews with these settings would fail the same way.", who, paramLabel(param))
			res.Hint = fixFor(param, t.Family(req.target), in, k.ProviderMessage)
		} else if k.Code == keytest.CodeBadRequest {
			res.Message = fmt.Sprintf("%s refused the request Kodus will send.", who)
			res.Hint = "Read the provider's message: it names the model id, setting or field it refused."
		}
	}
	return res
}

// Call is the built request as the key test sends it, and the settings
// it reaches: Kodus latest's Test sends the slot's own minimal call.
func (req Request) Call() (keytest.Settings, keytest.Call) {
	return req.target, keytest.Call{Method: req.Method, URL: req.URL, Header: req.header, Body: req.Body}
}

// Preview is a built request shown without sending it: nothing reached the
// provider and nothing was billed.
func Preview(req Request) Result {
	return Result{
		OK: true, Code: CodePreview, Request: req, Notes: []string{},
		Headline: "Preview — not sent",
		Message:  "This is the request Kodus will send for a review call with these settings, with a one-line prompt. Nothing was sent.",
		Hint:     "Send it once to see whether the provider accepts these settings; it is billed, usually a fraction of a cent.",
	}
}

func cutOffNote(req Request, a answer) string {
	used := ""
	if a.usage != nil {
		used = fmt.Sprintf(" after %d output tokens", a.usage.OutputTokens)
		if a.usage.ReasoningTokens != nil && *a.usage.ReasoningTokens > 0 {
			used += fmt.Sprintf(" (%d of them reasoning)", *a.usage.ReasoningTokens)
		}
	}
	return fmt.Sprintf("the answer to a one-word prompt stopped at the output cap (%d)%s: a review's answer would be cut off too; raise Max output tokens or lower Thinking", req.MaxOutputTokens, used)
}
