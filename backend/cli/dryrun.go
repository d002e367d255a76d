package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/dryrun"
	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/studio"
)

type dryRunFlags struct {
	slot, timeout        string
	preview, yes, asJSON bool
}

func dryRunCmd(a *app) *cobra.Command {
	var f dryRunFlags
	cmd := &cobra.Command{
		Use:   "dryrun NAME [--slot main|fallback] [--preview] [--timeout D] [--json] [--yes]",
		Short: "Send the exact request Kodus will send for a review, once, to see whether the provider accepts the settings",
		Long: `Build the request Kodus sends for a review call with a saved slot's settings — model,
temperature, max output tokens, and the thinking providerOptions translated to the
provider's wire format the way the Vercel AI SDK does — and send it once, with a one-line
prompt that asks for a one-word answer. Errors that only the real request triggers
(Moonshot's temperature 1, Opus 4.7's adaptive thinking, Gemini's thinkingBudget with
thinkingLevel, an unsupported reasoning effort, max tokens above the model's limit) come
back as settings_rejected, naming the setting and the fix.

The request is billed (usually a fraction of a cent). On a terminal the request is shown
and you are asked before it is sent; scripts pass --yes. --preview shows the request and
sends nothing (no key needed). Redirects are never followed, nothing is retried, and it
stops after --timeout (default 15s).

--json prints {"ok","code","httpStatus","latencyMs","request":{...},"message","hint","usage",…}.
Exit status 0 when the provider accepted the request (or for --preview), 1 otherwise,
2 for bad usage.`,
		Args: argsExactly(1, "a profile NAME"),
		RunE: func(_ *cobra.Command, args []string) error {
			if err := profile.ValidateSlotName(f.slot); err != nil {
				return err
			}
			timeout, err := parseTimeout(f.timeout)
			if err != nil {
				return err
			}
			if f.preview && f.yes {
				return usagef("--yes confirms sending; --preview sends nothing: give one of them")
			}
			return runDryRun(a, args[0], f, timeout)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.slot, "slot", profile.SlotMain, "slot: main or fallback")
	fl.BoolVar(&f.preview, "preview", false, "show the request without sending it (needs no key)")
	fl.StringVar(&f.timeout, "timeout", "15s", "total time for the request, e.g. 15s, 1m or 30")
	fl.BoolVar(&f.asJSON, "json", false, "print the result as JSON")
	fl.BoolVar(&f.yes, "yes", false, "send without asking (for scripts): the request is billed")
	a.lineFlag(cmd)
	return cmd
}

func runDryRun(a *app, name string, f dryRunFlags, timeout time.Duration) error {
	s, err := a.open()
	if err != nil {
		return err
	}
	req := studio.DryRunRequest{Profile: name, Slot: f.slot, Preview: true, TimeoutMs: int(timeout / time.Millisecond)}
	prev, err := dryRunOrFields(a, s, req)
	if err != nil {
		return err
	}
	if f.preview {
		return printDryRun(a, name, *prev.Result, f.asJSON)
	}
	pr := prev.Result
	host := hostOfURL(pr.Request.URL)
	if !f.yes {
		ok, asked, err := askConfirm(a, confirmText(name, f.slot, prev))
		if err != nil {
			return err
		}
		if !asked {
			return usagef("dryrun sends a billed request: confirm on a terminal, or pass --yes (scripts); --preview shows it without sending")
		}
		if !ok {
			a.note("not sent")
			return &ExitError{Code: ExitFailure}
		}
	} else {
		a.note("note: sending one billed request to %s (%s)", host, costLine(prev))
	}
	req.Preview = false
	res, err := dryRunOrFields(a, s, req)
	if err != nil {
		return err
	}
	if err := printDryRun(a, name, *res.Result, f.asJSON); err != nil {
		return err
	}
	if !res.Result.OK {
		return &ExitError{Code: ExitFailure}
	}
	return nil
}

// dryRunOrFields runs the studio's dry run; field errors become the usual
// "invalid input" list (exit 2).
func dryRunOrFields(a *app, s *studio.Studio, req studio.DryRunRequest) (studio.DryRunResult, error) {
	res, err := s.DryRuns().DryRun(a.ctx, req)
	if err != nil {
		return res, err
	}
	if len(res.FieldErrors) > 0 {
		fes := make(profile.Errors, len(res.FieldErrors))
		for i := range res.FieldErrors {
			fes[i] = &res.FieldErrors[i]
		}
		return res, fes
	}
	for _, n := range res.Notices {
		a.note("note: %s", n)
	}
	return res, nil
}

func confirmText(name, slot string, prev studio.DryRunResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "The dry run of %s (%s) sends this request once:\n\n", name, slot)
	writeRequest(&b, prev.Result.Request)
	fmt.Fprintf(&b, "\nIt is billed: %s. Send it? [y/N] ", costLine(prev))
	return b.String()
}

// costLine says what one send can cost, before it is sent.
func costLine(prev studio.DryRunResult) string {
	switch {
	case prev.WorstCase != "":
		return fmt.Sprintf("usually a fraction of a cent; at most $%s if the model used all %d output tokens", prev.WorstCase, prev.WorstCaseTokens)
	case prev.PriceNote != "":
		return "usually a fraction of a cent (" + prev.PriceNote + ")"
	}
	return "usually a fraction of a cent"
}

func printDryRun(a *app, name string, r dryrun.Result, asJSON bool) error {
	if asJSON {
		return a.printJSON(r)
	}
	w := a.out()
	status := ""
	if r.HTTPStatus != 0 {
		status = fmt.Sprintf(" · HTTP %d", r.HTTPStatus)
	}
	switch {
	case r.Code == dryrun.CodePreview:
		says := "as Kodus sends it"
		if a.studio != nil {
			says = a.studio.Lines().Line().Says()
		}
		fmt.Fprintf(w, "%s (%s): PREVIEW — not sent; Kodus will send, %s:\n\n", name, r.Slot, says)
	case r.OK:
		fmt.Fprintf(w, "%s: OK   %s — answered in %d ms%s\n", r.Slot, r.Headline, r.LatencyMs, status)
	case r.Code == keytest.CodeRateLimit:
		fmt.Fprintf(w, "%s: WARN %s%s\n", r.Slot, r.Headline, status)
	default:
		fmt.Fprintf(w, "%s: FAIL %s%s\n", r.Slot, r.Headline, status)
	}
	if r.Code != dryrun.CodePreview {
		fmt.Fprintf(w, "  %s\n", r.Message)
		if r.ProviderMessage != "" {
			fmt.Fprintf(w, "  Provider said: %s\n", r.ProviderMessage)
		}
		if !r.OK {
			fmt.Fprintf(w, "  fix: %s\n", r.Hint)
		}
		if u := r.Usage; u != nil {
			fmt.Fprintf(w, "  usage: %s\n", usageLine(u))
		} else if r.Sent {
			fmt.Fprintln(w, "  usage: not reported")
		}
		if r.Reply != "" {
			fmt.Fprintf(w, "  reply: %s\n", r.Reply)
		}
		fmt.Fprintln(w, "\nRequest sent:")
	}
	var b strings.Builder
	writeRequest(&b, r.Request)
	fmt.Fprint(w, b.String())
	notes := append(append([]string{}, r.Request.Notes...), r.Notes...)
	if len(notes) > 0 {
		fmt.Fprintln(w)
	}
	for _, n := range notes {
		fmt.Fprintf(w, "- %s\n", n)
	}
	return nil
}

func usageLine(u *dryrun.Usage) string {
	s := fmt.Sprintf("%d input + %d output tokens", u.InputTokens, u.OutputTokens)
	if u.ReasoningTokens != nil {
		s += fmt.Sprintf(" (%d reasoning)", *u.ReasoningTokens)
	}
	if u.CachedInputTokens > 0 {
		s += fmt.Sprintf(", %d cached", u.CachedInputTokens)
	}
	if u.Cost != "" {
		s += " · $" + u.Cost
	}
	if u.CostNote != "" {
		s += " " + u.CostNote
	}
	return s
}

// writeRequest prints the request as sent: line, headers (key redacted),
// the body indented.
func writeRequest(b *strings.Builder, r dryrun.Request) {
	fmt.Fprintf(b, "  %s %s\n", r.Method, r.URL)
	keys := make([]string, 0, len(r.Headers))
	for k := range r.Headers {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(b, "  %s: %s\n", k, r.Headers[k])
	}
	var body bytes.Buffer
	if json.Indent(&body, r.Body, "  ", "  ") != nil {
		body.Write(r.Body)
	}
	fmt.Fprintf(b, "\n  %s\n", body.String())
}

func hostOfURL(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		return u.Host
	}
	return raw
}
