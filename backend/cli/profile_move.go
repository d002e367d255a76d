package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/studio"
)

// profileMoveCmd moves saved slots to what the Kodus line now recommends
// (a GLM 5.1 or openai_compatible Kimi slot to Kodus latest's zai or
// moonshot card): same key, same plan, the user's settings kept.
func profileMoveCmd(a *app) *cobra.Command {
	var slot string
	var asJSON, dryRun bool
	cmd := &cobra.Command{
		Use:   "move NAME [--slot main|fallback|all] [--dry-run] [--json]",
		Short: "Move saved slots to what the Kodus line now recommends (same key, same plan, your settings kept)",
		Long: `Move a profile's slots to the card the Kodus line you follow now recommends: on
Kodus latest, a GLM slot on openai_compatible goes to GLM 5.2 on the zai provider and a
Kimi slot to Kimi K2.7 Code on the moonshot provider, both over the Anthropic protocol.
The key stays (the same vendor account), the plan stays (Developer API, Coding Plan,
Kimi Code Plan) and your temperature, thinking, token limits and concurrency are kept,
except what the new model refuses (which is said). Slots with nothing to move are left
alone. A slot that is not moved keeps working as it is.`,
		Args: argsExactly(1, "a profile NAME"),
		RunE: func(_ *cobra.Command, args []string) error {
			slots := []string{profile.SlotMain, profile.SlotFallback}
			switch slot {
			case "all":
			case profile.SlotMain, profile.SlotFallback:
				slots = []string{slot}
			default:
				return usagef("--slot must be main, fallback or all (got %q)", slot)
			}
			s, p, err := a.openProfile(args[0])
			if err != nil {
				return err
			}
			moves := map[string]studio.SlotMove{}
			for _, mv := range s.Lines().Moves(p) {
				moves[mv.Slot] = mv
			}
			var done []studio.SlotMove
			for _, name := range slots {
				mv, ok := moves[name]
				if !ok {
					if slot != "all" {
						return fmt.Errorf("%s recommends nothing else for the %s slot of %s", s.Lines().Line().Name, name, args[0])
					}
					continue
				}
				if !dryRun {
					res, err := s.Lines().MoveSlot(a.ctx, args[0], name)
					if err != nil {
						return err
					}
					mv = res.Move
				}
				done = append(done, mv)
			}
			if asJSON {
				return a.printJSON(map[string]any{"moved": !dryRun, "moves": nonNilMoves(done)})
			}
			if len(done) == 0 {
				fmt.Fprintf(a.out(), "%s: nothing to move; %s recommends what the profile uses\n", args[0], s.Lines().Line().Name)
				return nil
			}
			verb := "moved"
			if dryRun {
				verb = "would move"
			}
			for _, mv := range done {
				fmt.Fprintf(a.out(), "%s %s: %s → %s on %s\n  %s\n", verb, mv.Slot, mv.From, mv.ModelName, mv.ProviderName, mv.Reason)
				for _, c := range mv.Changes {
					fmt.Fprintf(a.out(), "  - %s\n", c)
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&slot, "slot", "all", "main, fallback or all")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "say what would move, and change nothing")
	cmd.Flags().BoolVar(&asJSON, "json", false, `print {"moved", "moves": [{"slot", "from", "provider", "model", "plan", "reason", "changes"}]}`)
	return cmd
}

func nonNilMoves(m []studio.SlotMove) []studio.SlotMove {
	if m == nil {
		return []studio.SlotMove{}
	}
	return m
}
