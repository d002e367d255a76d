package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/paths"
	"github.com/kodusbyok/studio/backend/studio"
)

// lineFlag adds --kodus-line to a command whose output depends on the
// Kodus release line; it overrides the line saved in the data dir.
func (a *app) lineFlag(cmd *cobra.Command) {
	cmd.PersistentFlags().StringVar(&a.line, "kodus-line", "", "the Kodus release `LINE` to follow for this run: current (what IMAGE_TAG=latest runs) or mid-2026 (selfhosted-2.1.x); default: the saved one (see kodus line show)")
}

// kodusLine is the line in force without opening the store or the
// keychain: the flag's, the data dir's saved one, or the default.
func (a *app) kodusLine() (*kodusline.Line, studio.LineInfo, error) {
	if a.studio != nil {
		return a.studio.Lines().Line(), a.studio.Lines().LineInfo(), nil
	}
	home, err := paths.DataDir(a.env.Getenv)
	if err != nil {
		home = ""
	}
	l, info, err := studio.ResolveLine(home, a.line)
	if err != nil {
		if _, ok := err.(*UsageError); !ok && a.line != "" {
			return nil, info, usagef("--kodus-line: %v", err)
		}
		return nil, info, err
	}
	return l, info, nil
}

func kodusLineCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "line [show|set current|mid-2026] [--json]",
		Short: "Show or set the Kodus release line: current (IMAGE_TAG=latest) or mid-2026 (selfhosted-2.1.x)",
		Long: `Every preview, validation, key test and export follows one Kodus release line,
because what Kodus sends and accepts differs between releases:

  current    what the installer's default IMAGE_TAG=latest runs: GLM 5.2, Kimi K2.7
             Code and Gemini 3 Flash recommended, the moonshot, zai and
             anthropic_compatible providers, per-family reasoning rules, Fixed Mode
             with the family-default reasoning, the v2 BYOK config, and a Test that
             makes a real call with the slot's settings
  mid-2026   Kodus selfhosted-2.1.x (the mid-2026 BYOK docs): GLM 5.1 and Kimi K2.6
             on openai_compatible, seven providers, Off sends nothing, no reasoning
             in Fixed Mode, the v1 BYOK config {main, fallback}

The choice is saved in the data dir; --kodus-line overrides it for one command.
When the app reads a Kodus .env it compares its IMAGE_TAG with the line.`,
		Args: cobra.MaximumNArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			verb := "show"
			if len(args) > 0 {
				verb = args[0]
			}
			switch {
			case verb == "show" && len(args) <= 1:
				_, info, err := a.kodusLine()
				if err != nil {
					return err
				}
				return printLine(a, info, asJSON)
			case verb == "set" && len(args) == 2:
				if _, err := kodusline.Get(args[1]); err != nil {
					return &UsageError{Err: err}
				}
				home, err := paths.DataDir(a.env.Getenv)
				if err != nil {
					return err
				}
				if err := studio.SaveLine(home, args[1], nowUTC()); err != nil {
					return err
				}
				a.line = ""
				_, info, err := a.kodusLine()
				if err != nil {
					return err
				}
				if !asJSON {
					fmt.Fprintf(a.out(), "saved: the app now follows %s\n", info.Name)
				}
				return printLine(a, info, asJSON)
			case verb == "set":
				return usagef("kodus line set needs a line: current or mid-2026")
			}
			return usagef("kodus line: unknown action %q: want show or set current|mid-2026", verb)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, `print {"id", "name", "release", "description", "source", "saved", "lines"}`)
	return cmd
}

func printLine(a *app, info studio.LineInfo, asJSON bool) error {
	if asJSON {
		return a.printJSON(info)
	}
	src := map[string]string{studio.LineFromDefault: "the default: no line is saved", studio.LineFromFile: "saved in the data dir", studio.LineFromFlag: "from --kodus-line"}[info.Source]
	fmt.Fprintf(a.out(), "Kodus line: %s — %s (%s)\n  %s\n\nLines:\n", info.ID, info.Name, src, info.Description)
	for _, l := range info.Lines {
		mark := " "
		if l.ID == info.ID {
			mark = "*"
		}
		fmt.Fprintf(a.out(), " %s %-9s %s (IMAGE_TAG %s)\n", mark, l.ID, l.Name, l.Release)
	}
	fmt.Fprintln(a.out(), "\nChange it with: kodus-byok kodus line set current|mid-2026")
	return nil
}

func nowUTC() time.Time { return time.Now().UTC() }
