package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/studio"
)

func profileCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "profile",
		Short: "Create, list, show and delete profiles (a Main and an optional Fallback slot)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usagef("profile needs a subcommand: set, list, show, delete or move")
		},
	}
	cmd.AddCommand(profileSetCmd(a), profileListCmd(a), profileShowCmd(a), profileDeleteCmd(a), profileMoveCmd(a))
	a.lineFlag(cmd)
	return cmd
}

func keyText(v studio.SlotView) string {
	if v.KeyMissing {
		return studio.KeyMissingText
	}
	if !v.HasKey {
		return "none"
	}
	return v.APIKeyMasked
}

func profileListCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List profiles",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			s, err := a.open()
			if err != nil {
				return err
			}
			ps, err := s.Profiles().List()
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(map[string]any{"profiles": ps})
			}
			if len(ps) == 0 {
				fmt.Fprintln(a.out(), "no profiles yet: create one with `kodus-byok profile set NAME --provider P --model M --key-stdin`")
				return nil
			}
			w := tabwriter.NewWriter(a.out(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "NAME\tMAIN\tKEY\tFALLBACK\tKEY")
			for _, p := range ps {
				fb, fbKey := "-", "-"
				if p.Fallback != nil {
					fb, fbKey = p.Fallback.Model, keyText(*p.Fallback)
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", p.Name, p.Main.Model, keyText(p.Main), fb, fbKey)
			}
			return w.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func profileShowCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show NAME",
		Short: "Show a profile (the key masked)",
		Args:  argsExactly(1, "a profile NAME"),
		RunE: func(_ *cobra.Command, args []string) error {
			s, err := a.open()
			if err != nil {
				return err
			}
			p, err := s.Profiles().Get(args[0])
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(p)
			}
			printProfile(a, p, s.Environment().KeychainBackend())
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func printProfile(a *app, p studio.ProfileView, backend string) {
	w := tabwriter.NewWriter(a.out(), 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "Profile %s (keys in %s)\n", p.Name, backend)
	slot := func(title string, v studio.SlotView) {
		fmt.Fprintf(w, "\n%s\t%s · %s\n", title, v.ModelName, v.ProviderName)
		row := func(k, val string) {
			if val != "" {
				fmt.Fprintf(w, "  %s\t%s\n", k, val)
			}
		}
		row("provider", v.Provider)
		row("model", v.Model)
		row("plan", strings.TrimSpace(v.Plan+" "+paren(v.PlanLabel)))
		row("baseURL", v.EffectiveBaseURL)
		row("key", keyText(v))
		row("temperature", fmtFloat(v.Temperature))
		row("maxOutputTokens", fmtInt(v.MaxOutputTokens))
		row("maxInputTokens", fmtInt(v.MaxInputTokens))
		row("reasoningEffort", v.ReasoningEffort)
		row("reasoningConfigOverride", compactJSON(v.ReasoningConfigOverride))
		row("maxConcurrentRequests", fmtInt(v.MaxConcurrentRequests))
		row("openrouterProviderOrder", strings.Join(v.OpenRouterProviderOrder, ", "))
		if v.OpenRouterAllowFallbacks != nil {
			row("openrouterAllowFallbacks", strconv.FormatBool(*v.OpenRouterAllowFallbacks))
		}
		row("vertexLocation", v.VertexLocation)
	}
	slot("Main", p.Main)
	if p.Fallback != nil {
		slot("Fallback", *p.Fallback)
	} else {
		fmt.Fprintf(w, "\nFallback\tnone\n")
	}
	w.Flush()
	for _, adv := range p.Advice {
		fmt.Fprintf(a.out(), "\nadvice: %s\n", adv)
	}
}

// compactJSON shows a stored Custom JSON on one line.
func compactJSON(s string) string {
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(s)); err != nil {
		return s
	}
	return b.String()
}

func paren(s string) string {
	if s == "" {
		return ""
	}
	return "(" + s + ")"
}

func fmtFloat(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'g', -1, 64)
}

func fmtInt(v *int) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(*v)
}

func profileDeleteCmd(a *app) *cobra.Command {
	var asJSON bool
	var slot string
	cmd := &cobra.Command{
		Use:   "delete NAME",
		Short: "Delete a profile and its keys (or only its fallback with --slot fallback)",
		Args:  argsExactly(1, "a profile NAME"),
		RunE: func(_ *cobra.Command, args []string) error {
			s, err := a.open()
			if err != nil {
				return err
			}
			var notices []string
			switch slot {
			case "", "all":
				notices, err = s.Profiles().Delete(a.ctx, args[0])
			case profile.SlotFallback:
				_, notices, err = s.Profiles().DeleteFallback(a.ctx, args[0])
			default:
				return usagef("--slot must be fallback (delete only the fallback) or left out (delete the whole profile)")
			}
			if err != nil {
				return err
			}
			for _, n := range notices {
				a.note("warning: %s", n)
			}
			if asJSON {
				return a.printJSON(map[string]any{"deleted": args[0], "slot": orAll(slot), "notices": append([]string{}, notices...)})
			}
			fmt.Fprintf(a.out(), "deleted %s (%s)\n", args[0], orAll(slot))
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&slot, "slot", "", "fallback: delete only the Fallback slot")
	return cmd
}

func orAll(s string) string {
	if s == "" {
		return "all"
	}
	return s
}
