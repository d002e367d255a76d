package cli

import (
	"errors"
	"fmt"
	"text/tabwriter"

	"github.com/kodusbyok/studio/backend/envfile"
	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/studio"
)

func envInspectCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "inspect FILE",
		Short: "Show what a Kodus .env configures: Fixed Mode, provider, model, endpoint, the key masked",
		Args:  argsExactly(1, "a .env FILE"),
		RunE: func(_ *cobra.Command, args []string) error {
			s, err := a.open()
			if err != nil {
				return err
			}
			v, err := s.Exports().InspectEnv(args[0])
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(v.Report)
			}
			r := v.Report
			if !r.FixedMode {
				fmt.Fprintf(a.out(), "%s: Fixed Mode is off (%s)\n", v.Path, r.Inferred.Rule)
			} else {
				w := tabwriter.NewWriter(a.out(), 0, 4, 2, ' ', 0)
				fmt.Fprintf(w, "%s: Kodus is using an LLM configured via environment variables.\n", v.Path)
				row := func(k, val string) {
					if val != "" {
						fmt.Fprintf(w, "  %s\t%s\n", k, val)
					}
				}
				row("Model", r.Inferred.Model)
				row("Provider", r.Inferred.ProviderLabel)
				row("Endpoint", r.Inferred.BaseURL)
				row("Vertex location", r.Inferred.VertexLocation)
				row("Temperature override", r.Inferred.TemperatureOverride)
				if r.KeyVar != "" {
					row("Key", r.KeyMasked+" ("+r.KeyVar+"; never shown in full)")
				}
				row("Why", r.Inferred.Rule)
				row("Kodus", kodusRunText(r))
				w.Flush()
			}
			for _, wr := range r.Warnings {
				a.note("warning: %s", wr.Message)
				if wr.Fix != "" {
					a.note("  fix: %s", wr.Fix)
				}
			}
			for _, p := range r.Problems {
				a.note("problem: %s", p)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func envImportCmd(a *app) *cobra.Command {
	var name string
	var force, asJSON bool
	cmd := &cobra.Command{
		Use:   "import FILE --profile NAME",
		Short: "Turn a .env's Fixed Mode block into a profile (the key goes into the keychain)",
		Args:  argsExactly(1, "a .env FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if name == "" {
				return usagef("--profile NAME is required: the profile to create")
			}
			s, err := a.open()
			if err != nil {
				return err
			}
			res, err := s.Exports().ImportEnv(a.ctx, args[0], name, force)
			if errors.Is(err, studio.ErrProfileExists) {
				return fmt.Errorf("%w, or replace its Main slot with --force", err)
			}
			if err != nil {
				return err
			}
			for _, n := range res.Notices {
				a.note("note: %s", n)
			}
			if asJSON {
				return a.printJSON(res.Profile)
			}
			v := res.Profile.Main
			fmt.Fprintf(a.out(), "imported %s into profile %s: %s on %s, key %s\n", args[0], name, v.ModelName, v.ProviderName, keyText(v))
			return nil
		},
	}
	cmd.Flags().StringVar(&name, "profile", "", "profile to create")
	cmd.Flags().BoolVar(&force, "force", false, "replace the Main slot of an existing profile")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the profile as JSON")
	return cmd
}

// kodusRunText says which Kodus a .env runs: its IMAGE_TAG and line.
func kodusRunText(r envfile.Report) string {
	tag := "IMAGE_TAG unset (latest)"
	if r.ImageTag != "" {
		tag = "IMAGE_TAG=" + r.ImageTag
	}
	if r.KodusLine == "" {
		return tag + ", a release this app cannot place"
	}
	return tag + ", the " + r.KodusLine + " line"
}
