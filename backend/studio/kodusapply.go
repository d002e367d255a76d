package studio

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/kodusbyok/studio/backend/bedrock"
	"github.com/kodusbyok/studio/backend/byokconfig"
	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/kodusapi"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
)

// KodusChange is one line of the difference an apply makes in Kodus.
type KodusChange struct {
	// Kind is "add", "update", "keep" or "route".
	Kind   string `json:"kind"`
	What   string `json:"what"`
	Before string `json:"before,omitempty"`
	After  string `json:"after,omitempty"`
}

// KodusApplyPlan is what applying a profile to Kodus sends, and the
// difference it makes: what Kodus uses now → after.
type KodusApplyPlan struct {
	Profile string `json:"profile"`
	Line    string `json:"line"`
	Shape   string `json:"shape"`
	// UsesNow and UsesAfter name the default and fallback models.
	UsesNow   string               `json:"usesNow"`
	UsesAfter string               `json:"usesAfter"`
	Before    *KodusConfigView     `json:"before"`
	After     *KodusConfigView     `json:"after"`
	Changes   []KodusChange        `json:"changes"`
	Warnings  []byokconfig.Warning `json:"warnings"`
	Notes     []string             `json:"notes"`
	// Digest ties an apply to this plan: Kodus's config and the profile
	// as they were when the difference was shown.
	Digest string `json:"digest"`

	body json.RawMessage
}

// KodusRefusal is Kodus saying no, in its words, and what to do.
type KodusRefusal struct {
	Status  int      `json:"status"`
	Message string   `json:"message"`
	Details []string `json:"details"`
	Advice  string   `json:"advice,omitempty"`
}

// KodusApplyResult reports an apply: Kodus's refusal, or its Test of the
// applied models and its status after.
type KodusApplyResult struct {
	Plan         KodusApplyPlan       `json:"plan"`
	Applied      bool                 `json:"applied"`
	Refusal      *KodusRefusal        `json:"refusal,omitempty"`
	Test         *kodusapi.TestResult `json:"test,omitempty"`
	FallbackTest *kodusapi.TestResult `json:"fallbackTest,omitempty"`
	TestError    string               `json:"testError,omitempty"`
	StatusAfter  *kodusapi.Status     `json:"statusAfter,omitempty"`
	// StatusSummary says in a sentence what Kodus uses after the apply.
	StatusSummary string   `json:"statusSummary,omitempty"`
	Notes         []string `json:"notes"`
}

// ErrPlanChanged means Kodus's config or the profile changed after the
// difference was shown.
var ErrPlanChanged = errors.New("Kodus's BYOK config or the profile changed since the difference was shown; nothing was sent, preview it again")

// PlanKodusApply builds the profile's config for the line in force, merged
// into what Kodus has: every credential and model the profile does not
// replace is kept (a carried-over credential re-sent with apiKey "", so
// Kodus keeps its stored key), and the profile's Main and Fallback become
// the routing's default and fallback.
func (s *Kodus) PlanKodusApply(ctx context.Context, name string) (KodusApplyPlan, error) {
	p := KodusApplyPlan{Profile: name, Line: s.line().ID, Changes: []KodusChange{}, Notes: []string{}}
	exp, err := s.exports().BYOKExport(ctx, name, true)
	if err != nil {
		return p, err
	}
	p.Warnings = nonNil(exp.Warnings)
	p.Notes = append(p.Notes, exp.Notes...)
	var raw json.RawMessage
	var st kodusapi.Status
	if err := s.kodusCall(ctx, func(c *kodusapi.Client) error {
		param, found, err := c.FindBYOK(ctx)
		if found {
			raw = param.ConfigValue
		}
		if err == nil {
			st, err = c.Status(ctx)
		}
		return err
	}); err != nil {
		return p, err
	}
	if p.Before, err = s.configView(raw); err != nil {
		return p, err
	}
	if exp.V2 != nil {
		p.Shape = "v2"
		p.body, err = mergeV2(raw, *exp.V2)
		if p.Before != nil && p.Before.Shape != "v2" {
			p.Notes = append(p.Notes, "Kodus holds a v1 {main, fallback} config; "+s.line().Name+" saves v2, so it is replaced")
		}
	} else {
		p.Shape = "v1"
		p.body, err = mergeV1(raw, *exp.V1)
		if p.Before != nil && p.Before.Shape == "v2" {
			p.Warnings = append(p.Warnings, byokconfig.Warning{Slot: profile.SlotMain, Code: "kodus-line",
				Message: fmt.Sprintf("Kodus holds a v2 BYOK config, so it is newer than %s, which the app follows: a v1 config would replace all %d of its models, and Kodus latest refuses v1.", s.line().Name, len(p.Before.Models)),
				Fix:     "kodus-byok kodus line set current (or --kodus-line current)"})
		}
	}
	if err != nil {
		return p, err
	}
	masked, err := maskBody(p.body, raw)
	if err != nil {
		return p, err
	}
	if p.After, err = s.configView(masked); err != nil {
		return p, err
	}
	p.Changes = changes(p.Before, p.After)
	p.UsesNow, p.UsesAfter = usesLine(p.Before), usesLine(p.After)
	if st.Source == "env" {
		p.Notes = append(p.Notes, fmt.Sprintf("Kodus uses the .env now (%s); after this its BYOK config takes precedence over the .env.", st.Env.Model))
	} else if st.Env.Configured {
		p.Notes = append(p.Notes, PrecedenceNote)
	}
	sum := sha256.Sum256(append(append([]byte{}, raw...), p.body...))
	p.Digest = hex.EncodeToString(sum[:8])
	return p, nil
}

// ApplyKodus sends the plan the user confirmed, then runs Kodus's own Test
// of the applied models and reads Kodus's status again. A refusal by Kodus
// is the result, in Kodus's words, not an error.
func (s *Kodus) ApplyKodus(ctx context.Context, name, digest string) (KodusApplyResult, error) {
	res := KodusApplyResult{Notes: []string{}}
	plan, err := s.PlanKodusApply(ctx, name)
	if err != nil {
		return res, err
	}
	res.Plan = plan
	if digest != "" && digest != plan.Digest {
		return res, ErrPlanChanged
	}
	p, err := s.store.Profile(name)
	if err != nil {
		return res, err
	}
	err = s.kodusCall(ctx, func(c *kodusapi.Client) error {
		if err := c.SaveBYOK(ctx, plan.body); err != nil {
			var ae *kodusapi.Error
			if errors.As(err, &ae) {
				res.Refusal = &KodusRefusal{Status: ae.Status, Message: ae.Message, Details: nonNil(ae.Details), Advice: ae.Advice()}
				return nil
			}
			return err
		}
		res.Applied = true
		slots := []*profile.Slot{&p.Main, p.Fallback}
		for i, sl := range slots {
			if sl == nil {
				continue
			}
			role := []string{profile.SlotMain, profile.SlotFallback}[i]
			key, err := s.slotKey(ctx, name, role)
			if err != nil {
				res.TestError = err.Error()
				continue
			}
			r, err := c.Test(ctx, s.testRequest(*sl, key))
			if err != nil {
				res.TestError = fmt.Sprintf("Kodus's Test of the %s model: %v", role, err)
				continue
			}
			if role == profile.SlotMain {
				res.Test = &r
			} else {
				res.FallbackTest = &r
			}
		}
		st, err := c.Status(ctx)
		if err != nil {
			res.Notes = append(res.Notes, "Kodus's status could not be read after the apply: "+err.Error())
			return nil
		}
		res.StatusAfter = &st
		res.StatusSummary, _ = s.describeStatus(st, nil)
		return nil
	})
	return res, err
}

// testRequest is Kodus's Test body for a slot: its settings as the review
// sends them (Off as "none", Custom as the override).
func (s *core) testRequest(sl profile.Slot, key secrets.Secret) kodusapi.TestRequest {
	r := kodusapi.TestRequest{Provider: sl.Provider, APIKey: key.Reveal(), BaseURL: sl.BaseURL, Model: sl.Model, Temperature: sl.Temperature,
		MaxOutputTokens: sl.MaxOutputTokens, VertexLocation: sl.VertexLocation, OpenRouterProviderOrder: sl.OpenRouterProviderOrder, OpenRouterAllowFallbacks: sl.OpenRouterAllowFallbacks}
	if sl.Provider == catalog.AmazonBedrock {
		r.APIKey, r.BaseURL, r.AWSRegion = "", "", bedrock.Region(sl.AWSRegion)
		if c, ok := secrets.ParseAWSCredentials(key.Reveal()); ok {
			r.AWSAccessKeyID, r.AWSSecretAccessKey, r.AWSSessionToken = c.AccessKeyID, c.SecretAccessKey, c.SessionToken
		} else {
			r.AWSBearerToken = key.Reveal()
		}
	}
	switch sl.ReasoningEffort {
	case profile.EffortLow, profile.EffortMedium, profile.EffortHigh:
		r.ReasoningEffort = sl.ReasoningEffort
	case profile.EffortOff:
		r.ReasoningEffort = "none"
	case profile.EffortCustom:
		r.ReasoningConfigOverride = sl.ReasoningConfigOverride
	}
	return r
}
