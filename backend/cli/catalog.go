package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/kodusline"
)

func catalogCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "catalog",
		Short: "List Kodus's recommended models, their plans, the other models and the providers",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			l, _, err := a.kodusLine()
			if err != nil {
				return err
			}
			c := l.Catalog()
			if asJSON {
				return a.printJSON(c)
			}
			printCatalog(a, l, c)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	a.lineFlag(cmd)
	return cmd
}

func printCatalog(a *app, l *kodusline.Line, c *catalog.Catalog) {
	w := tabwriter.NewWriter(a.out(), 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "Kodus catalog %s (updated %s), as %s lists it\n\n", c.Version, c.Updated, l.Name)
	section := func(title string, models []catalog.Model) {
		fmt.Fprintln(w, title)
		for _, m := range models {
			label := ""
			if m.RecommendationLabel != "" {
				label = " (" + m.RecommendationLabel + ")"
			}
			fmt.Fprintf(w, "  %s\t%s%s\t%s\t%s\n", m.ID, m.DisplayName, label, m.ProviderLabel(c), defaultsText(m.Defaults))
			for _, v := range m.Variants {
				conc := "no cap"
				if v.MaxConcurrentRequests != nil {
					conc = fmt.Sprintf("%d concurrent", *v.MaxConcurrentRequests)
				}
				extra := ""
				if v.Model != "" {
					extra = " · model " + v.Model
				}
				fmt.Fprintf(w, "    plan %s\t%s\t%s\t%s%s\n", v.ID, v.Label, v.BaseURL, conc, extra)
			}
		}
		fmt.Fprintln(w)
	}
	section("Recommended", c.Recommended())
	section("Other (not recommended)", c.Others())
	fmt.Fprintln(w, "Providers (manual path)")
	for _, p := range c.Providers {
		base := p.DefaultBaseURL
		if p.RequiresBaseURL {
			base = "base URL required"
		}
		key := "key required"
		if !p.RequiresKey {
			key = "key optional"
		}
		proto := ""
		if t, ok := l.Transport(p.ID); ok {
			proto = t.Protocol
		}
		fmt.Fprintf(w, "  %s\t%s\t%s\t%s\t%s\n", p.ID, p.DisplayName, base, key, proto)
	}
	w.Flush()
}

func defaultsText(d catalog.Defaults) string {
	var parts []string
	if d.Temperature != nil {
		parts = append(parts, fmt.Sprintf("temp %g", *d.Temperature))
	}
	if d.MaxOutputTokens != nil {
		parts = append(parts, fmt.Sprintf("%d max out", *d.MaxOutputTokens))
	}
	if d.ReasoningEffort != "" {
		parts = append(parts, "thinking "+d.ReasoningEffort)
	}
	return strings.Join(parts, " · ")
}
