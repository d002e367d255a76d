package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/concurrency"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/studio"
)

func concurrencyCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "concurrency",
		Short: "Tune max concurrent requests: pre-fills, advice, review time per setting, and a measured cap",
		Long: `Tune maxConcurrentRequests, the number of requests Kodus sends a provider at once.

  kodus-byok concurrency advise NAME [--slot main|fallback|all] [--files N] [--calls-per-file N]
      [--extra-calls N] [--latency D] [--cap N] [--json]
      the pre-fill and why, the warnings and tips for the profile, and the review time at each setting;
  kodus-byok concurrency probe NAME [--slot main|fallback] [--max N] [--yes] [--json]
      measures the endpoint's real concurrent-request cap with minimal billed requests.

Empty or 0 means no limit in Kodus.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return usagef("concurrency needs a command: advise or probe; see kodus-byok concurrency --help")
		},
	}
	cmd.AddCommand(concurrencyAdviseCmd(a), concurrencyProbeCmd(a))
	a.lineFlag(cmd)
	return cmd
}

type probeJSON struct {
	concurrency.Report
	Profile string `json:"profile"`
	Slot    string `json:"slot"`
}

func concurrencyProbeCmd(a *app) *cobra.Command {
	var (
		slot        string
		ceiling     int
		asJSON, yes bool
	)
	cmd := &cobra.Command{
		Use:   "probe NAME",
		Short: "Measure the concurrent-request cap of a saved slot's endpoint (sends billed requests)",
		Long: `Measure how many requests the slot's endpoint accepts at once, with its stored key.

It sends minimal requests (at most 1 output token; 16 on OpenRouter) in growing bursts — 1, 2, 4… at
once, never more than --max (default 32) — and stops at the first concurrency or rate-limit rejection,
which pins the cap; any other error stops it too. Retry-After is honoured between bursts. It says how
many requests it may send before it starts, and asks on a terminal; --yes sends without asking (scripts).
Ctrl-C stops it.

--json prints {"cap", "recommended", "requests", "rounds", "stoppedBy", …} on standard output; stoppedBy
is rate_limit (the cap was found), ceiling (no rejection up to --max), error, cancelled, quota (a used-up
usage window), overloaded, retry_after, budget or inconsistent. Exit 0 when a cap was found or the
ceiling reached, 1 otherwise, 2 for bad usage.`,
		Args: argsExactly(1, "a profile NAME"),
		RunE: func(cmd *cobra.Command, args []string) error {
			req := studio.MeasureRequest{Profile: args[0], Slot: slot, Max: ceiling}
			if slot == "" {
				req.Slot = "-" // the flag's empty value is not the default Main
			}
			if ceiling < 1 {
				req.Max = -1 // 0 is the default in a request; a typed 0 is out of range
			}
			if err := req.Validate(); err != nil {
				return flagUsage(err, map[string]string{"slot": fmt.Sprintf("%q", slot), "max": fmt.Sprint(ceiling)})
			}
			s, err := a.open()
			if err != nil {
				return err
			}
			v, err := s.Concurrency().Concurrency(studio.ConcurrencyRequest{Profile: args[0], Slot: slot, Max: ceiling})
			if err != nil {
				return err
			}
			if !v.Measure.Available {
				return fmt.Errorf("cannot measure the %s slot: %s", slot, v.Measure.Reason)
			}
			a.note("%s", v.Measure.Note)
			if !yes {
				ok, asked, err := askConfirm(a, "Send them? [y/N] ")
				switch {
				case err != nil:
					return err
				case !asked:
					return usagef("not measured: there is no terminal to confirm on; pass --yes to send up to %d billed requests", v.Measure.MaxRequests)
				case !ok:
					a.note("not measured")
					return &ExitError{Code: ExitFailure}
				}
			}
			rep, err := s.Concurrency().Measure(a.ctx, studio.MeasureRequest{Profile: args[0], Slot: slot, Max: ceiling}, func(p concurrency.Progress) {
				if p.Phase == "burst" || p.Phase == "waiting" {
					a.note("%s", p.Message)
				}
			})
			if err != nil {
				return err
			}
			if asJSON {
				err = a.printJSON(probeJSON{Report: rep, Profile: args[0], Slot: slot})
			} else {
				printProbe(a.out(), rep)
			}
			if err == nil && rep.StoppedBy != concurrency.StopRateLimit && rep.StoppedBy != concurrency.StopCeiling {
				return &ExitError{Code: ExitFailure}
			}
			return err
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&slot, "slot", profile.SlotMain, "main or fallback")
	fl.IntVar(&ceiling, "max", concurrency.DefaultCeiling, "the most requests ever in flight at once")
	fl.BoolVar(&yes, "yes", false, "send the billed requests without asking")
	fl.BoolVar(&asJSON, "json", false, "print the report as JSON")
	return cmd
}

func printProbe(w io.Writer, rep concurrency.Report) {
	exact := ""
	switch {
	case rep.Exact:
		exact = fmt.Sprintf(" (exact: %d accepted at once, %d rejected)", rep.Cap, rep.Cap+1)
	case rep.StoppedBy == concurrency.StopCeiling:
		exact = " or more (the ceiling)"
	}
	fmt.Fprintf(w, "cap:          %d%s\n", rep.Cap, exact)
	if rep.Recommended > 0 {
		fmt.Fprintf(w, "recommended:  %d  (kodus-byok profile set NAME --max-concurrent %d)\n", rep.Recommended, rep.Recommended)
	} else {
		fmt.Fprintln(w, "recommended:  none")
	}
	fmt.Fprintf(w, "requests:     %d in %d burst%s (at most %d), stopped by %s\n", rep.Requests, rep.Rounds, plural(rep.Rounds), rep.MaxRequests, rep.StoppedBy)
	fmt.Fprintf(w, "why:          %s\n", rep.Why)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

type adviseSlot struct {
	Slot       string              `json:"slot"`
	Plan       concurrency.Plan    `json:"plan"`
	PreFill    concurrency.PreFill `json:"preFill"`
	Setting    *int                `json:"setting"`
	Calculator *concurrency.Calc   `json:"calculator"`
	Measure    studio.MeasurePlan  `json:"measure"`
}

type adviseJSON struct {
	Profile  string               `json:"profile"`
	Slots    []adviseSlot         `json:"slots"`
	Advice   []concurrency.Advice `json:"advice"`
	Guidance any                  `json:"guidance"`
	Table    []concurrency.Row    `json:"table"`
}

func concurrencyAdviseCmd(a *app) *cobra.Command {
	var (
		slot, latency string
		asJSON        bool
		w             = concurrency.DefaultWorkload()
		capFlag       int
	)
	cmd := &cobra.Command{
		Use:   "advise NAME",
		Short: "Show the pre-fill, the warnings and the review time per concurrency setting",
		Long: `Show, for each slot of a saved profile, the concurrency pre-fill Kodus uses for its plan and why,
the warnings and tips of Kodus's concurrency guidance for the profile, and the review wall time of one PR at
each setting from 1 up (where 429 retries start to cost time when the provider has a cap).

The calculator assumes a big PR (estimates, replace them): --files 20 changed files, --calls-per-file
1, --extra-calls 4 PR-level calls, --latency 30s per call; calls are independent, so a setting of k
runs them in waves of k. The provider's cap is --cap, else the plan's (GLM Coding Plan 1, Kimi Code 30);
above it each call gets 429 and is retried after 2 s and 4 s, then goes to the Fallback.

--json prints {"profile", "slots": [{"slot", "plan", "preFill", "setting", "calculator": {"rows":
[{"concurrency", "wallSeconds", "rejected", "failed", "retrySeconds"}], …}, "measure"}], "advice":
[{"severity", "code", "slot"?, "message", "suggested"?}], "guidance", "table"}.`,
		Args: argsExactly(1, "a profile NAME"),
		RunE: func(_ *cobra.Command, args []string) error {
			return runAdvise(a, args[0], slot, latency, capFlag, &w, asJSON)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&slot, "slot", "all", "main, fallback or all")
	fl.IntVar(&w.FilesPerPR, "files", w.FilesPerPR, "changed files per PR")
	fl.IntVar(&w.CallsPerFile, "calls-per-file", w.CallsPerFile, "LLM calls per changed file")
	fl.IntVar(&w.ExtraCalls, "extra-calls", w.ExtraCalls, "PR-level calls (summary, cross-file, safeguard)")
	fl.StringVar(&latency, "latency", "", "typical duration of one call, e.g. 30s or 45000 (ms); default 30s")
	fl.IntVar(&capFlag, "cap", 0, "the provider's concurrency cap, e.g. from `concurrency probe` (default: the plan's)")
	fl.BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// runAdvise prints the advice for the slots of profile name; latency and
// measuredCap, when set, replace the workload's and the plan's.
func runAdvise(a *app, name, slot, latency string, measuredCap int, w *concurrency.Workload, asJSON bool) error {
	slots, err := adviseSlots(slot)
	if err != nil {
		return err
	}
	if latency != "" {
		d, err := parseLatency(latency)
		if err != nil {
			return err
		}
		w.LatencyMs = int(d / time.Millisecond)
	}
	if err := (studio.ConcurrencyRequest{MeasuredCap: measuredCap}).Validate(); err != nil {
		return flagUsage(err, map[string]string{"measuredCap": fmt.Sprint(measuredCap)})
	}
	s, p, err := a.openProfile(name)
	if err != nil {
		return err
	}
	if measuredCap > 0 && len(slots) > 1 && p.Fallback != nil {
		return usagef("--cap is one endpoint's cap: add --slot main or --slot fallback")
	}
	out := adviseJSON{Profile: p.Name, Slots: []adviseSlot{}, Guidance: concurrency.Guidance, Table: s.Concurrency().ConcurrencyTable()}
	for _, slotName := range slots {
		if _, ok := p.Slot(slotName); !ok {
			continue
		}
		v, err := s.Concurrency().Concurrency(studio.ConcurrencyRequest{Profile: p.Name, Slot: slotName, Workload: w, MeasuredCap: measuredCap})
		if err != nil {
			return err
		}
		if len(v.FieldErrors) > 0 {
			return fieldErrors(v.FieldErrors)
		}
		out.Advice = v.Advice
		out.Slots = append(out.Slots, adviseSlot{Slot: slotName, Plan: v.Plan, PreFill: v.PreFill, Setting: v.Setting, Calculator: v.Calculator, Measure: v.Measure})
	}
	if out.Advice == nil {
		out.Advice = []concurrency.Advice{}
	}
	if asJSON {
		return a.printJSON(out)
	}
	printAdvise(a.out(), out)
	return nil
}

func adviseSlots(slot string) ([]string, error) {
	switch slot {
	case "all", "":
		return []string{profile.SlotMain, profile.SlotFallback}, nil
	case profile.SlotMain, profile.SlotFallback:
		return []string{slot}, nil
	}
	return nil, usagef("--slot must be main, fallback or all (got %q)", slot)
}

func parseLatency(raw string) (time.Duration, error) {
	raw = strings.TrimSpace(raw)
	if ms, err := strconv.Atoi(raw); err == nil {
		return time.Duration(ms) * time.Millisecond, nil
	}
	d, err := time.ParseDuration(raw)
	if err != nil || d <= 0 {
		return 0, usagef("--latency must be a duration such as 30s or a number of milliseconds (got %q)", raw)
	}
	return d, nil
}

func fieldErrors(list []profile.FieldError) error {
	fes := make(profile.Errors, len(list))
	for i := range list {
		fes[i] = &list[i]
	}
	return fes
}

func printAdvise(w io.Writer, out adviseJSON) {
	for _, sl := range out.Slots {
		setting := "empty (no limit)"
		if sl.Setting != nil {
			setting = fmt.Sprint(*sl.Setting)
			if *sl.Setting == 0 {
				setting = "0 (no limit in Kodus)"
			}
		}
		prefill := "empty"
		if sl.PreFill.Value != nil {
			prefill = fmt.Sprint(*sl.PreFill.Value)
		}
		brand := ""
		if sl.Plan.Brand != sl.PreFill.Label {
			brand = " (" + sl.Plan.Brand + ")"
		}
		fmt.Fprintf(w, "%s — %s%s\n", titleSlot(sl.Slot), sl.PreFill.Label, brand)
		fmt.Fprintf(w, "  max concurrent requests: %s\n  pre-fill: %s — %s\n", setting, prefill, sl.PreFill.Reason)
		for _, t := range sl.PreFill.Tiers {
			fmt.Fprintf(w, "    %s: %d (up to %d) — %s\n", t.Label, t.MaxConcurrentRequests, t.Limit, t.Reason)
		}
		if c := sl.Calculator; c != nil {
			printCalc(w, *c)
		}
		fmt.Fprintln(w)
	}
	for _, sev := range []string{concurrency.Warning, concurrency.Tip} {
		for _, ad := range out.Advice {
			if ad.Severity == sev {
				fmt.Fprintf(w, "%-8s %s\n", sev+":", ad.Message)
			}
		}
	}
	if len(out.Advice) == 0 {
		fmt.Fprintln(w, "no warnings")
	}
}

func printCalc(w io.Writer, c concurrency.Calc) {
	fmt.Fprintln(w, "  review time of one PR:")
	for _, n := range c.Notes {
		fmt.Fprintf(w, "    %s\n", n)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	failed := "lost"
	if c.Workload.HasFallback {
		failed = "to fallback"
	}
	fmt.Fprintf(tw, "\tsetting\twall time\t429s\t%s\twaiting on 429s\t\n", failed)
	for _, r := range c.Rows {
		mark := ""
		switch r.Concurrency {
		case c.Fastest:
			mark = "  ← fastest"
		case c.FirstRetryAt:
			mark = "  ← 429s start"
		}
		wall := fmtSeconds(r.WallSeconds)
		if !r.Complete {
			wall = "incomplete"
		}
		fmt.Fprintf(tw, "\t%d\t%s\t%d\t%d\t%s\t%s\n", r.Concurrency, wall, r.Rejected, r.Failed, fmtSeconds(r.RetrySeconds), mark)
	}
	tw.Flush()
}

func fmtSeconds(s float64) string {
	if s == 0 {
		return "—"
	}
	return (time.Duration(s*10) * time.Second / 10).String()
}

func titleSlot(s string) string {
	if s == profile.SlotFallback {
		return "Fallback"
	}
	return "Main"
}
