package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/doctor"
)

func doctorCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "doctor",
		Short: "Check the data dir, the keychain backend (by using it) and WebKit",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			s, err := a.open()
			if err != nil {
				return err
			}
			r := doctor.Run(a.ctx, s.Environment())
			if asJSON {
				if err := a.printJSON(r); err != nil {
					return err
				}
			} else {
				w := tabwriter.NewWriter(a.out(), 0, 4, 2, ' ', 0)
				fmt.Fprintf(w, "kodus-byok %s (commit %s, built %s)\n", r.Version, r.Commit, r.BuildDate)
				for _, c := range r.Checks {
					mark := "ok  "
					if !c.OK {
						mark = "FAIL"
					}
					fmt.Fprintf(w, "%s\t%s\t%s\n", mark, c.Name, c.Detail)
					if c.Hint != "" {
						fmt.Fprintf(w, "\t\t→ %s\n", c.Hint)
					}
				}
				w.Flush()
			}
			if !r.OK {
				return &ExitError{Code: ExitFailure}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
