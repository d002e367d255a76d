package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

func byokCmd(a *app) *cobra.Command {
	var withKeys, asJSON bool
	cmd := &cobra.Command{
		Use:   "byok NAME [--with-keys] [--json]",
		Short: "Export a profile as Kodus's BYOK config JSON (v2 on Kodus latest, {main, fallback} on mid-2026); keys only with --with-keys",
		Long: `Export a profile as Kodus's BYOK config with Kodus's field names, in the shape the Kodus line
you follow saves:

  current    {"version": 2, "credentials": [...], "models": [...], "routing": {...}}:
             one credential (key and provider-scoped settings such as baseURL) and one
             model per slot; routing.defaultModelId is Main, routing.fallbackModelId the
             Fallback; Off is reasoningEffort "none"
  mid-2026   {"main": {...}, "fallback": {...}}

Unlike Fixed Mode it carries the fallback, concurrency, thinking, max tokens and OpenRouter
routing. What that Kodus refuses (an http:// or private base URL, a base URL ending in an
endpoint path, a setting its Test refuses) is said on standard error. Keys are left out unless
--with-keys is given (with --json), and confirmed on a terminal.`,
		Args: argsExactly(1, "a profile NAME"),
		RunE: func(_ *cobra.Command, args []string) error {
			if withKeys && !asJSON {
				return usagef("--with-keys needs --json: keys are only ever printed inside the JSON to paste")
			}
			s, err := a.open()
			if err != nil {
				return err
			}
			if withKeys {
				ok, asked, err := askConfirm(a, "Print the API keys in plain text? [y/N] ")
				if err != nil {
					return err
				}
				if asked && !ok {
					a.note("cancelled: nothing printed")
					return &ExitError{Code: ExitFailure}
				}
				a.note("note: the output contains API keys in plain text; do not commit or share it")
			}
			e, err := s.Exports().BYOKExport(a.ctx, args[0], withKeys)
			if err != nil {
				return err
			}
			a.note("note: the BYOK config as %s saves it (Kodus line %s)", s.Lines().Line().Name, s.Lines().Line().ID)
			for _, n := range e.Notes {
				a.note("note: %s", n)
			}
			if !withKeys {
				a.note("note: --json --with-keys includes the keys")
			}
			for _, w := range e.Warnings {
				a.note("warning: %s: %s", w.Slot, w.Message)
				if w.Fix != "" {
					a.note("  fix: %s", w.Fix)
				}
			}
			if asJSON {
				return a.printJSON(e)
			}
			p, err := s.Profiles().Get(args[0])
			if err != nil {
				return err
			}
			shape := `{"main", "fallback"}`
			if e.V2 != nil {
				shape = `v2 {"version": 2, "credentials", "models", "routing"}`
			}
			fmt.Fprintf(a.out(), "Kodus BYOK config for profile %s, %s, as %s saves it (keys left out; --json --with-keys to include them):\n", args[0], shape, s.Lines().Line().Name)
			fmt.Fprintf(a.out(), "  main: %s · %s · key %s\n", p.Main.Provider, p.Main.Model, keyText(p.Main))
			if p.Fallback != nil {
				fmt.Fprintf(a.out(), "  fallback: %s · %s · key %s\n", p.Fallback.Provider, p.Fallback.Model, keyText(*p.Fallback))
			}
			fmt.Fprintf(a.out(), "Print it as JSON with: kodus-byok byok %s --json\n", args[0])
			return nil
		},
	}
	cmd.Flags().BoolVar(&withKeys, "with-keys", false, "include the API keys (needs --json; asks on a terminal)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the BYOK config JSON in the line's shape")
	a.lineFlag(cmd)
	return cmd
}
