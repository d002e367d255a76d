package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/capped"
	"github.com/kodusbyok/studio/backend/cost"
)

func pricesCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "prices",
		Short: "Show, refresh (from a LiteLLM price file) and edit the prices the cost estimate uses",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usagef("prices needs a subcommand: list, import, set or unset; see %s --help", cmd.CommandPath())
		},
	}
	cmd.AddCommand(pricesListCmd(a), pricesImportCmd(a), pricesSetCmd(a), pricesUnsetCmd(a))
	return cmd
}

func pricesListCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the price in force for every model, with its source and date",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			s, err := a.open()
			if err != nil {
				return err
			}
			b, err := s.Costs().PriceBook()
			if err != nil {
				return err
			}
			rows := b.Rows()
			if asJSON {
				out := struct {
					PricedAt     string       `json:"pricedAt"`
					ImportedFrom string       `json:"importedFrom,omitempty"`
					Models       []cost.Price `json:"models"`
				}{PricedAt: b.PricedAt(), Models: rows}
				if b.Imported != nil {
					out.ImportedFrom = b.Imported.File
				}
				return a.printJSON(out)
			}
			w := tabwriter.NewWriter(a.out(), 0, 4, 2, ' ', 0)
			fmt.Fprintf(w, "USD per 1M tokens; bundled table of %s\n", b.Table.PricedAt)
			fmt.Fprintln(w, "MODEL\tINPUT\tOUTPUT\tCACHE READ\tCACHE WRITE\tTIERS\tCONTEXT\tORIGIN\tSOURCE\tAS OF")
			for _, p := range rows {
				name := p.ID
				if p.Plan != "" {
					name += " (" + p.Plan + ")"
				}
				if p.Subscription != nil {
					fmt.Fprintf(w, "%s\tplan quota\t\t\t\t\t%d\t%s\t%s\t%s\n", name, p.ContextWindow, p.Origin, p.Source, p.PricedAt)
					continue
				}
				tiers := ""
				for _, t := range p.Tiers {
					tiers += fmt.Sprintf(">%dk: %s/%s ", t.AbovePromptTokens/1000, rateText(t.Input), rateText(t.Output))
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", name, rateText(p.Input), rateText(p.Output), rateText(p.CacheRead), rateText(p.CacheWrite), tiers, p.ContextWindow, p.Origin, p.Source, p.PricedAt)
			}
			return w.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func rateText(r *cost.Rate) string {
	if r == nil {
		return "—"
	}
	return r.String()
}

func pricesImportCmd(a *app) *cobra.Command {
	var asJSON bool
	var asOf string
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Refresh prices offline from a LiteLLM model_prices_and_context_window.json file",
		Long: `Refresh prices offline from a file in LiteLLM's model_prices_and_context_window.json format
(USD per token; long-prompt tiers as *_above_NNNk_tokens). The file replaces the previous import;
prices you set by hand stay in force; subscription plans stay "plan quota".
The prices are dated by --as-of, else by the file's modification date.`,
		Args: argsExactly(1, "a FILE"),
		RunE: func(_ *cobra.Command, args []string) error {
			data, err := capped.ReadFile(args[0], cost.MaxPriceFileBytes)
			if err != nil {
				return &UsageError{Err: fmt.Errorf("read price file %s: %w", args[0], err)}
			}
			date := asOf
			if date == "" {
				fi, err := os.Stat(args[0])
				if err != nil {
					return err
				}
				date = fi.ModTime().UTC().Format(time.DateOnly)
			} else if _, err := time.Parse(time.DateOnly, date); err != nil {
				return usagef("--as-of must be a date such as 2026-11-27 (got %q)", asOf)
			}
			s, err := a.open()
			if err != nil {
				return err
			}
			rep, err := s.Costs().ImportPrices(data, filepath.Base(args[0]), date)
			if err != nil {
				return &UsageError{Err: err}
			}
			if asJSON {
				return a.printJSON(rep)
			}
			fmt.Fprintf(a.out(), "Imported %d priced models from %s (prices as of %s); skipped %d other entries.\n", rep.Entries, rep.File, rep.PricedAt, rep.Skipped)
			for _, c := range rep.Updated {
				fmt.Fprintf(a.out(), "  %s: %s → %s\n", c.Model, c.Was, c.Now)
			}
			if len(rep.Updated) == 0 {
				fmt.Fprintln(a.out(), "  No bundled model's price changed.")
			}
			if len(rep.Missing) > 0 {
				a.note("not in the file, bundled price kept: %v", rep.Missing)
			}
			if len(rep.Rounded) > 0 {
				a.note("rounded to 6 decimal places per 1M tokens: %v", rep.Rounded)
			}
			for _, w := range rep.Warnings {
				a.note("skipped %s", w)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&asOf, "as-of", "", "date the prices were published (YYYY-MM-DD)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func pricesSetCmd(a *app) *cobra.Command {
	var in cost.ManualPrice
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "set MODEL --input USD --output USD",
		Short: "Set a model's price by hand (USD per 1M tokens); it wins over bundled and imported prices",
		Args:  argsExactly(1, "a MODEL"),
		RunE: func(_ *cobra.Command, args []string) error {
			in.Model = args[0]
			s, err := a.open()
			if err != nil {
				return err
			}
			res, err := s.Costs().SetPrice(in)
			if err != nil {
				return err
			}
			if len(res.FieldErrors) > 0 {
				return fieldErrs(res.FieldErrors)
			}
			if asJSON {
				return a.printJSON(res.Price)
			}
			fmt.Fprintf(a.out(), "%s: %s / %s per 1M tokens (manual, %s)\n", res.Price.ID, res.Price.Input, res.Price.Output, res.Price.PricedAt)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&in.Plan, "plan", "", "the plan this price is for")
	f.StringVar(&in.Input, "input", "", "USD per 1M input tokens (0 for a free local model)")
	f.StringVar(&in.Output, "output", "", "USD per 1M output tokens")
	f.StringVar(&in.CacheRead, "cache-read", "", "USD per 1M cached input tokens (empty: no cache discount)")
	f.StringVar(&in.CacheWrite, "cache-write", "", "USD per 1M tokens written to the cache (empty: no charge)")
	f.Int64Var(&in.ContextWindow, "context-window", 0, "max input tokens (0: unknown)")
	f.Int64Var(&in.MaxOutput, "max-output", 0, "max output tokens (0: unknown)")
	f.StringVar(&in.Note, "note", "", "where the price comes from")
	f.BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func pricesUnsetCmd(a *app) *cobra.Command {
	var plan string
	cmd := &cobra.Command{
		Use:   "unset MODEL",
		Short: "Remove a manual price: the bundled or imported one is in force again",
		Args:  argsExactly(1, "a MODEL"),
		RunE: func(_ *cobra.Command, args []string) error {
			s, err := a.open()
			if err != nil {
				return err
			}
			if err := s.Costs().UnsetPrice(args[0], plan); err != nil {
				return err
			}
			fmt.Fprintf(a.out(), "removed the manual price of %s\n", args[0])
			return nil
		},
	}
	cmd.Flags().StringVar(&plan, "plan", "", "the plan the price was set for")
	return cmd
}
