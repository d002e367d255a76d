package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/byokconfig"
	"github.com/kodusbyok/studio/backend/kodusapi"
	"github.com/kodusbyok/studio/backend/studio"
)

// kodusApplyJSON is the stable `kodus apply --json` shape.
type kodusApplyJSON struct {
	Profile       string                  `json:"profile"`
	Line          string                  `json:"line"`
	Shape         string                  `json:"shape"`
	Applied       bool                    `json:"applied"`
	UsesNow       string                  `json:"usesNow"`
	UsesAfter     string                  `json:"usesAfter"`
	Changes       []studio.KodusChange    `json:"changes"`
	Before        *studio.KodusConfigView `json:"before"`
	After         *studio.KodusConfigView `json:"after"`
	Warnings      []byokconfig.Warning    `json:"warnings"`
	Notes         []string                `json:"notes"`
	Refusal       *studio.KodusRefusal    `json:"refusal,omitempty"`
	Test          *kodusapi.TestResult    `json:"test,omitempty"`
	FallbackTest  *kodusapi.TestResult    `json:"fallbackTest,omitempty"`
	TestError     string                  `json:"testError,omitempty"`
	StatusAfter   *kodusapi.Status        `json:"statusAfter,omitempty"`
	StatusSummary string                  `json:"statusSummary,omitempty"`
}

func applyJSON(p studio.KodusApplyPlan) kodusApplyJSON {
	return kodusApplyJSON{Profile: p.Profile, Line: p.Line, Shape: p.Shape, UsesNow: p.UsesNow, UsesAfter: p.UsesAfter, Changes: p.Changes,
		Before: p.Before, After: p.After, Warnings: nonNilSlice(p.Warnings), Notes: nonNilSlice(p.Notes)}
}

func kodusApplyCmd(a *app) *cobra.Command {
	var yes, asJSON bool
	cmd := &cobra.Command{
		Use:   "apply NAME [--yes] [--json]",
		Short: "Apply a profile to the Kodus you signed in to (its BYOK config), then run Kodus's own Test",
		Long: `Save a profile in the BYOK config of the Kodus you signed in to, through its API.

The config is built for the Kodus line in force (v2 {version, credentials, models, routing} for
current, v1 {main, fallback} for mid-2026) and merged into what Kodus has: every credential and model
of Kodus's that the profile does not replace is kept — a carried-over credential is re-sent with
apiKey "" so that Kodus keeps its stored key, never the mask — and the profile's Main becomes
routing.defaultModelId, its Fallback routing.fallbackModelId. The profile's key is sent once, in
plain text as Kodus's API expects (Kodus encrypts it). The difference (what Kodus uses now → after)
is shown and confirmed (or --yes); then Kodus's own Test runs for the applied models with their
settings, and Kodus's status is read again. A refusal is shown in Kodus's words with what to do.

A BYOK config saved in Kodus takes precedence over the .env.`,
		Args: argsExactly(1, "a profile NAME"),
		RunE: func(_ *cobra.Command, args []string) error {
			s, err := a.open()
			if err != nil {
				return err
			}
			plan, err := s.Kodus().PlanKodusApply(a.ctx, args[0])
			if err != nil {
				return err
			}
			j := applyJSON(plan)
			if !asJSON {
				printApplyPlan(a, plan)
			}
			if !yes {
				ok, asked, err := askConfirm(a, "Save this BYOK config in Kodus? [y/N] ")
				if err != nil {
					return err
				}
				if !asked || !ok {
					return a.declined(asJSON, j, asked, "not applied", "difference")
				}
			}
			res, err := s.Kodus().ApplyKodus(a.ctx, args[0], plan.Digest)
			if err != nil {
				return err
			}
			j = applyJSON(res.Plan)
			j.Applied, j.Refusal, j.Test, j.FallbackTest, j.TestError, j.StatusAfter, j.StatusSummary = res.Applied, res.Refusal, res.Test, res.FallbackTest, res.TestError, res.StatusAfter, res.StatusSummary
			j.Notes = append(j.Notes, res.Notes...)
			if asJSON {
				if err := a.printJSON(j); err != nil {
					return err
				}
			} else {
				printApplyResult(a, res)
			}
			if !res.Applied || res.Test == nil || !res.Test.OK || (res.FallbackTest != nil && !res.FallbackTest.OK) {
				return &ExitError{Code: ExitFailure}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&yes, "yes", false, "apply without asking (the difference is still shown)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the result as JSON: the difference, Kodus's Test result and its status after (keys masked)")
	return cmd
}

func printApplyPlan(a *app, p studio.KodusApplyPlan) {
	w := a.out()
	fmt.Fprintf(w, "Apply profile %s to Kodus (line %s, BYOK config %s):\n", p.Profile, p.Line, p.Shape)
	fmt.Fprintf(w, "  now:   %s\n  after: %s\n", p.UsesNow, p.UsesAfter)
	for _, c := range p.Changes {
		switch c.Kind {
		case "add":
			fmt.Fprintf(w, "  + %s: %s\n", c.What, c.After)
		case "update", "route":
			fmt.Fprintf(w, "  ~ %s: %s → %s\n", c.What, c.Before, c.After)
		case "keep":
			fmt.Fprintf(w, "  = %s: %s (kept)\n", c.What, c.Before)
		default:
			fmt.Fprintf(w, "  - %s: %s\n", c.What, c.Before)
		}
	}
	for _, wn := range p.Warnings {
		a.note("warning (%s): %s", wn.Slot, wn.Message)
		if wn.Fix != "" {
			a.note("  fix: %s", wn.Fix)
		}
	}
	for _, n := range p.Notes {
		a.note("note: %s", n)
	}
}

func printApplyResult(a *app, r studio.KodusApplyResult) {
	w := a.out()
	if r.Refusal != nil {
		fmt.Fprintf(w, "Kodus refused the config (HTTP %d): %s\n", r.Refusal.Status, r.Refusal.Message)
		for _, d := range r.Refusal.Details {
			fmt.Fprintf(w, "  - %s\n", d)
		}
		if r.Refusal.Advice != "" {
			fmt.Fprintf(w, "What to do: %s\n", r.Refusal.Advice)
		}
		return
	}
	fmt.Fprintln(w, "Saved in Kodus.")
	for _, t := range []struct {
		what string
		r    *kodusapi.TestResult
	}{{"Main", r.Test}, {"Fallback", r.FallbackTest}} {
		if t.r != nil {
			fmt.Fprintf(w, "Kodus's Test of the %s model: %s\n", t.what, testLine(*t.r))
		}
	}
	if r.TestError != "" {
		fmt.Fprintf(w, "Kodus's Test did not run: %s\n", r.TestError)
	}
	if r.StatusAfter != nil {
		fmt.Fprintf(w, "Now (Kodus's status, source %s): %s\n", r.StatusAfter.Source, r.StatusSummary)
	}
	for _, n := range r.Notes {
		a.note("note: %s", n)
	}
}

func testLine(t kodusapi.TestResult) string {
	s := "OK"
	if !t.OK {
		s = "FAILED"
	}
	s += fmt.Sprintf(" (%s, %d ms", t.Code, t.LatencyMs)
	if t.HTTPStatus != 0 {
		s += fmt.Sprintf(", HTTP %d", t.HTTPStatus)
	}
	if t.VerifiedBy == "probe" {
		s += ", a real call"
	}
	s += ")"
	if t.Message != "" {
		s += ": " + t.Message
	}
	if t.ProviderMessage != "" {
		s += " — the provider said: " + t.ProviderMessage
	}
	if t.Warning != "" {
		s += " — warning: " + t.Warning
	}
	return s
}

// declined ends a change the user did not confirm (asked: there was a
// terminal to ask on): the JSON result when asked for, and what was not
// done ("not applied"), with what to review (the difference) when nobody
// could be asked.
func (a *app) declined(asJSON bool, j any, asked bool, notDone, review string) error {
	if asJSON {
		_ = a.printJSON(j) // already failing: the exit code says so
	}
	if !asked {
		a.note("%s: there is no terminal to confirm on; review the %s and re-run with --yes", notDone, review)
	} else {
		a.note("%s", notDone)
	}
	return &ExitError{Code: ExitFailure}
}
