package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

func byokCmd(a *app) *cobra.Command {
	var withKeys, asJSON bool
	cmd := &cobra.Command{
		Use:   "byok NAME [--with-keys] [--json]",
		Short: "Export a profile as Kodus's BYOK config JSON ({main, fallback}); keys only with --with-keys",
		Long: `Export a profile as Kodus's BYOK config ({"main": {...}, "fallback": {...}}) with Kodus's field
names, for Kodus's BYOK API. Unlike Fixed Mode it carries the fallback, concurrency, thinking,
max tokens and OpenRouter routing. Keys are left out unless --with-keys is given (with --json),
and confirmed on a terminal.`,
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
			cfg, notes, err := s.BYOKExport(a.ctx, args[0], withKeys)
			if err != nil {
				return err
			}
			for _, n := range notes {
				a.note("note: %s", n)
			}
			if asJSON {
				return a.printJSON(cfg)
			}
			p, err := s.Profile(args[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(a.out(), "Kodus BYOK config for profile %s (keys left out; --json --with-keys to include them):\n", args[0])
			fmt.Fprintf(a.out(), "  main: %s · %s · key %s\n", cfg.Main.Provider, cfg.Main.Model, keyText(p.Main))
			if cfg.Fallback != nil && p.Fallback != nil {
				fmt.Fprintf(a.out(), "  fallback: %s · %s · key %s\n", cfg.Fallback.Provider, cfg.Fallback.Model, keyText(*p.Fallback))
			}
			fmt.Fprintf(a.out(), "Print it as JSON with: kodus-byok byok %s --json\n", args[0])
			return nil
		},
	}
	cmd.Flags().BoolVar(&withKeys, "with-keys", false, "include the API keys (needs --json; asks on a terminal)")
	cmd.Flags().BoolVar(&asJSON, "json", false, `print the BYOK config JSON: {"main": {...}, "fallback": {...}}`)
	a.lineFlag(cmd)
	return cmd
}
