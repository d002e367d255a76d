package cli

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/profile"
)

// optionsCmd prints the providerOptions Kodus sends for a saved slot: the
// Thinking preset or Custom JSON, and the OpenRouter pins.
func optionsCmd(a *app) *cobra.Command {
	var slot string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "options NAME",
		Short: "Show the providerOptions Kodus sends for a profile slot (thinking and OpenRouter routing), and why",
		Long: `Show the providerOptions Kodus passes to the Vercel AI SDK for a profile slot:
the Thinking preset (Off, Low, Medium, High) or the Custom JSON, wrapped under
the provider's namespace, merged with the OpenRouter routing, with a note for
every rule that fired. A stored Custom JSON that no longer passes exits 2 with
its line and column.`,
		Args: argsExactly(1, "a profile NAME"),
		RunE: func(_ *cobra.Command, args []string) error {
			if err := profile.ValidateSlotName(slot); err != nil {
				return err
			}
			s, err := a.open()
			if err != nil {
				return err
			}
			res, err := s.Thinking().ProviderOptions(args[0], slot)
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(res)
			}
			body, err := json.MarshalIndent(res.ProviderOptions, "", "  ")
			if err != nil {
				return err
			}
			fmt.Fprintf(a.out(), "Kodus will send for %s (%s), %s:\n\nproviderOptions: %s\n", args[0], slot, s.Lines().Line().Says(), body)
			if len(res.Notes) > 0 {
				fmt.Fprintln(a.out())
			}
			for _, n := range res.Notes {
				fmt.Fprintf(a.out(), "- %s\n", n)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&slot, "slot", profile.SlotMain, "slot: main or fallback")
	cmd.Flags().BoolVar(&asJSON, "json", false, `print only {"providerOptions": {...}, "notes": [...]}`)
	a.lineFlag(cmd)
	return cmd
}
