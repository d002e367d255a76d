package cli

import (
	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/studio"
	"github.com/kodusbyok/studio/backend/thinking"
)

// schemaCmd publishes the JSON Schemas generated from the Go types (by the
// tests, into documents the program embeds): a whole profile (default) or
// providerOptions alone.
func schemaCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "schema [profile|provider-options]",
		Short: "Print the JSON Schema of a profile (as profile show --json prints it) or of providerOptions",
		Long: `Print a JSON Schema (draft 2020-12) generated from the app's own types.

  profile            a profile as profile show --json prints it (default); its
                     reasoningConfigOverride carries the providerOptions schema
                     as contentSchema
  provider-options   the providerOptions the Custom JSON is checked against
                     (the generic rules; per-model values are checked on save)`,
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: []string{"profile", "provider-options"},
		RunE: func(_ *cobra.Command, args []string) error {
			which := "profile"
			if len(args) == 1 {
				which = args[0]
			}
			switch which {
			case "profile":
				l, _, err := a.kodusLine()
				if err != nil {
					return err
				}
				doc, err := studio.ProfileSchema(l)
				if err != nil {
					return err
				}
				return a.write(doc)
			case "provider-options":
				return a.write(thinking.SchemaJSON())
			}
			return usagef("schema: unknown schema %q: want profile or provider-options", which)
		},
	}
	a.lineFlag(cmd)
	return cmd
}

// write prints a document as it is.
func (a *app) write(doc []byte) error {
	_, err := a.env.Stdout.Write(doc)
	return err
}
