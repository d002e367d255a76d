package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/kodusbyok/studio/backend/cost"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/studio"
)

// costFlags are the flags of `cost`.
type costFlags struct {
	models               []string
	all, asJSON          bool
	plan, profileName    string
	budget               string
	inTokens, outTokens  int64
	as                   cost.Assumptions
	cacheHit, fbShare    float64
	fileIn, fileOut, xtr int64
	rf                   repoFlags
}

func costCmd(a *app) *cobra.Command {
	c := &costFlags{as: cost.DefaultAssumptions()}
	cmd := &cobra.Command{
		Use:   "cost",
		Short: "Estimate what a review and a month of reviews cost, per model and thinking level (offline)",
		Long: `Estimate what Kodus reviews cost per PR and per month, offline, from the bundled price table
(refreshed by 'prices import', edited by 'prices set').

Without --model, --all or --profile it compares Kodus's recommended models and their plans.
The defaults are estimates from vendor posts and Kodus's prompt sizes: 200 PRs a month, 6 changed files per PR with 8k prompt and
800 answer tokens each, 4 extra calls per PR of 10k / 1k, Medium thinking (1,500 reasoning tokens per
call, billed as output), no prompt caching, 5 % of calls on the Fallback. Each call's prompt picks its
price tier. --input-tokens N --output-tokens N prices exactly those tokens as one PR (base tier, no
thinking, no cache), to check a bill.

--repo DIR prices your own history instead of the typical PR: each merge of the window (or each commit,
in a history without merges) is one review, each reviewed file one call of a fixed prompt plus the file's
diff with context (counted with the o200k_base tokenizer, offline), plus the extra calls per PR. Lock files,
vendored, generated and binary files are skipped (see --ignore).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return c.run(a, cmd.Flags())
		},
	}
	c.register(cmd.Flags())
	a.lineFlag(cmd)
	return cmd
}

func (c *costFlags) register(f *pflag.FlagSet) {
	as := &c.as
	f.StringSliceVar(&c.models, "model", nil, "model id to price (repeat, or comma-separated)")
	f.BoolVar(&c.all, "all", false, "every catalog model and every model in the price table")
	f.StringVar(&c.plan, "plan", "", "plan of the --model (e.g. coding-plan for GLM's Coding Plan)")
	f.StringVar(&c.profileName, "profile", "", "price a saved profile: Main + Fallback blended")
	f.Int64Var(&as.PRsPerMonth, "prs", as.PRsPerMonth, "PRs reviewed per month")
	f.Int64Var(&as.FilesPerPR, "files-per-pr", as.FilesPerPR, "changed files per PR (one review call each)")
	f.Int64Var(&c.fileIn, "file-input-tokens", as.InputTokensPerFile, "prompt tokens per file review call")
	f.Int64Var(&c.fileOut, "file-output-tokens", as.OutputTokensPerFile, "answer tokens per file review call")
	f.Int64Var(&c.xtr, "extra-calls", as.ExtraCallsPerPR, "extra calls per PR (summary, cross-file, safeguard)")
	f.StringVar(&as.Thinking, "thinking", as.Thinking, "thinking level: off, low, medium or high (default: medium, or each profile slot's own)")
	f.Float64Var(&c.cacheHit, "cache-hit", as.CacheHit, "share of each prompt read from the cache, 0 to 1")
	f.Float64Var(&c.fbShare, "fallback-share", as.FallbackShare, "share of calls served by the Fallback, 0 to 1 (with --profile)")
	f.StringVar(&c.budget, "budget", "", "monthly cap in USD: how many PRs a month fit")
	f.Int64Var(&c.inTokens, "input-tokens", 0, "price exactly this many input tokens as one PR (with --output-tokens)")
	f.Int64Var(&c.outTokens, "output-tokens", 0, "price exactly this many output tokens as one PR (with --input-tokens)")
	f.BoolVar(&c.asJSON, "json", false, "print JSON")
	c.rf.register(f)
}

func (c *costFlags) run(a *app, f *pflag.FlagSet) error {
	exact := f.Changed("input-tokens") || f.Changed("output-tokens")
	if err := c.check(f, exact); err != nil {
		return err
	}
	req := c.request(f, exact)
	s, err := a.open()
	if err != nil {
		return err
	}
	if c.rf.dir != "" {
		id, err := a.scanRepo(s, &c.rf)
		if err != nil {
			return err
		}
		req.Repo = &studio.RepoCost{ScanID: id, Calls: c.rf.calls}
	}
	res, err := s.Costs().Cost(req)
	if err != nil {
		return err
	}
	if len(res.FieldErrors) > 0 {
		return fieldErrs(res.FieldErrors)
	}
	return c.print(a, res, exact)
}

// check refuses flags that do not go together.
func (c *costFlags) check(f *pflag.FlagSet, exact bool) error {
	if fes := profile.AsFieldErrors(c.priced().Validate()); len(fes) > 0 {
		return usagef("%s", costUsage[fes[0].Field])
	}
	switch {
	case exact && !(f.Changed("input-tokens") && f.Changed("output-tokens")):
		return usagef("--input-tokens and --output-tokens go together")
	case c.plan != "" && len(c.models) == 0:
		return usagef("--plan needs --model")
	}
	if err := c.rf.check(f); err != nil {
		return err
	}
	if exact {
		for _, n := range []string{"files-per-pr", "thinking", "cache-hit", "file-input-tokens", "file-output-tokens", "extra-calls"} {
			if f.Changed(n) {
				return usagef("--input-tokens/--output-tokens price exactly those tokens with no other assumptions; drop --%s", n)
			}
		}
	}
	return nil
}

// costUsage says a CostRequest.Validate field error in the flags' words.
var costUsage = map[string]string{
	"all":     "use --model or --all, not both",
	"profile": "--profile prices the profile's Main and Fallback; drop --model/--all",
}

// priced is what the request prices: the models, all of them, or a
// profile's slots.
func (c *costFlags) priced() studio.CostRequest {
	req := studio.CostRequest{All: c.all, Profile: c.profileName}
	for _, m := range c.models {
		req.Models = append(req.Models, cost.Ref{Model: m, Plan: c.plan})
	}
	return req
}

// request is the studio's cost request the flags describe.
func (c *costFlags) request(f *pflag.FlagSet, exact bool) studio.CostRequest {
	as := c.as
	if exact && !f.Changed("prs") {
		as.PRsPerMonth = 1
	}
	as.CacheHit, as.FallbackShare, as.BudgetUSD = c.cacheHit, c.fbShare, c.budget
	as.InputTokensPerFile, as.OutputTokensPerFile, as.ExtraCallsPerPR = c.fileIn, c.fileOut, c.xtr
	req := c.priced()
	req.Assumptions, req.SlotThinking, req.Levels = as, !f.Changed("thinking"), !exact
	if exact {
		req.Exact = &studio.ExactTokens{InputTokens: c.inTokens, OutputTokens: c.outTokens}
	}
	return req
}

// print shows the result (JSON, or the tables) and notes the models that
// have no price; a missing price is a failure.
func (c *costFlags) print(a *app, res studio.CostResult, exact bool) error {
	rep := res.Report
	var out any = rep
	if r := res.Repo; r != nil {
		out = costRepoJSON{Report: rep, Repo: repoJSON{Result: r.Scan, Calls: r.Calls, TokenizerNote: r.TokenizerNote, Biggest: r.Biggest}}
	}
	switch {
	case c.asJSON:
		if err := a.printJSON(out); err != nil {
			return err
		}
	case res.Repo != nil:
		printRepo(a.out(), res.Repo, rep.Rows)
		fmt.Fprintln(a.out())
		printCost(a.out(), rep, "repo")
	case exact:
		printCost(a.out(), rep, "exact")
	default:
		printCost(a.out(), rep, "")
	}
	for _, m := range rep.MissingPrices {
		a.note("no price for %s: set one with  %s prices set %s --input USD_PER_1M --output USD_PER_1M", m, "kodus-byok", m)
	}
	if len(rep.MissingPrices) > 0 {
		return &ExitError{Code: ExitFailure}
	}
	return nil
}

// fieldErrs turns the studio's field errors into the exit-2 error report.
func fieldErrs(fes []profile.FieldError) error {
	es := make(profile.Errors, 0, len(fes))
	for i := range fes {
		es = append(es, &fes[i])
	}
	return es
}

// printCost prints the table; mode is "exact" (token totals), "repo" (a
// repository's history, described above it) or "" (the assumptions).
func printCost(w io.Writer, rep *cost.Report, mode string) {
	printCostHeading(w, rep, mode)
	printCostRows(w, rep)
	if p := rep.Profile; p != nil {
		printCostProfile(w, p, rep.Assumptions.BudgetUSD)
	}
	var notes []string
	for _, r := range rep.Rows {
		for _, n := range r.Notes {
			notes = append(notes, rowName(r, false)+": "+n)
		}
	}
	if len(notes) > 0 {
		fmt.Fprintln(w, "\nNotes:")
		for _, n := range notes {
			fmt.Fprintf(w, "  · %s\n", n)
		}
	}
}

// printCostHeading says where the prices come from and what was assumed.
func printCostHeading(w io.Writer, rep *cost.Report, mode string) {
	a := rep.Assumptions
	fmt.Fprintf(w, "Prices as of %s (bundled table %s", rep.PricedAt, rep.TablePricedAt)
	if rep.ImportedFrom != "" {
		fmt.Fprintf(w, ", refreshed from %s", rep.ImportedFrom)
	}
	fmt.Fprintln(w, ")")
	switch mode {
	case "exact":
		fmt.Fprintf(w, "Exact tokens as one PR, %d PR(s) a month: base tier, no thinking, no cache.\n\n", a.PRsPerMonth)
	case "repo":
		fmt.Fprintf(w, "Per review of one change (%d out tokens per file call) · %d extra calls of %d / %d · thinking %s · cache hit %g%%\n\n",
			a.OutputTokensPerFile, a.ExtraCallsPerPR, a.InputTokensPerExtraCall, a.OutputTokensPerExtraCall, a.Thinking, a.CacheHit*100)
	default:
		fmt.Fprintf(w, "%d PRs/month · %d files/PR (%d in / %d out tokens each) · %d extra calls · thinking %s · cache hit %g%%\n\n",
			a.PRsPerMonth, a.FilesPerPR, a.InputTokensPerFile, a.OutputTokensPerFile, a.ExtraCallsPerPR, a.Thinking, a.CacheHit*100)
	}
}

// rowName is the row's model and plan, after its slot when withSlot.
func rowName(r cost.Row, withSlot bool) string {
	name := r.Model
	if r.Plan != "" {
		name += " (" + r.Plan + ")"
	}
	if withSlot && r.Slot != "" {
		name = r.Slot + ": " + name
	}
	return name
}

// printCostRows prints one line per model.
func printCostRows(w io.Writer, rep *cost.Report) {
	budget := rep.Assumptions.BudgetUSD
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	head := "MODEL\tPER PR\tPER MONTH\tINPUT\tCACHED\tOUTPUT\tREASONING\tTHINKING\tTIER\tPRICE SOURCE"
	if budget != "" {
		head += "\tPRS IN $" + budget
	}
	fmt.Fprintln(tw, head)
	for _, r := range rep.Rows {
		perPR, perMonth := "", ""
		switch r.Status {
		case cost.StatusPlanQuota:
			perPR, perMonth = "plan quota", "plan quota"
		case cost.StatusNoPrice:
			perPR, perMonth = "no price", "set one"
		default:
			perPR, perMonth = usd(*r.PerPR, 4), usd(*r.PerMonth, 2)
		}
		src := r.Source + " (" + r.PricedAt + ")"
		if r.Status == cost.StatusNoPrice {
			src = "—"
		}
		line := fmt.Sprintf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s", rowName(r, true), perPR, perMonth, tokens(r.InputTokens), tokens(r.CachedInputTokens),
			tokens(r.OutputTokens), tokens(r.ReasoningTokens), r.Thinking, r.Tier, src)
		if budget != "" {
			fit := "—"
			if r.BudgetPRs != nil {
				fit = fmt.Sprint(*r.BudgetPRs)
			}
			line += "\t" + fit
		}
		fmt.Fprintln(tw, line)
	}
	_ = tw.Flush() // w is the command's output; a failed write there has nowhere to go
}

// printCostProfile prints the profile's blended total.
func printCostProfile(w io.Writer, p *cost.ProfileTotal, budget string) {
	fmt.Fprintf(w, "\nProfile %s (Fallback share %g%%): ", p.Name, p.FallbackShare*100)
	if p.PerMonth != nil {
		fmt.Fprintf(w, "%s per PR, %s per month", usd(*p.PerPR, 4), usd(*p.PerMonth, 2))
		if p.BudgetPRs != nil {
			fmt.Fprintf(w, ", %d PRs a month fit in $%s", *p.BudgetPRs, budget)
		}
		fmt.Fprintln(w)
	} else {
		fmt.Fprintln(w, "no total")
	}
	for _, n := range p.Notes {
		fmt.Fprintf(w, "  · %s\n", n)
	}
}

// usd shows an amount rounded half up to the given places (display only).
func usd(m cost.Money, places int) string {
	s := m.String()
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) <= places {
		return "$" + whole + "." + frac + strings.Repeat("0", places-len(frac))
	}
	unit := cost.Money(1)
	for i := 0; i < 12-places; i++ {
		unit *= 10
	}
	r := (m + unit/2) / unit * unit
	s = r.String()
	whole, frac, _ = strings.Cut(s, ".")
	for len(frac) < places {
		frac += "0"
	}
	return "$" + whole + "." + frac[:places]
}

func tokens(n int64) string {
	switch {
	case n >= 1_000_000:
		return fmt.Sprintf("%.2fM", float64(n)/1e6)
	case n >= 1000:
		return fmt.Sprintf("%.1fk", float64(n)/1e3)
	}
	return fmt.Sprint(n)
}
