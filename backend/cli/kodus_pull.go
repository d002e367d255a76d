package cli

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/studio"
)

// kodusPullJSON is the stable `kodus pull --json` shape.
type kodusPullJSON struct {
	Plan    studio.KodusPullPlan `json:"plan"`
	Profile *studio.ProfileView  `json:"profile,omitempty"`
	Notices []string             `json:"notices"`
}

func kodusPullCmd(a *app) *cobra.Command {
	var name string
	var keyStdin, yes, asJSON bool
	cmd := &cobra.Command{
		Use:   "pull --profile NAME [--key-stdin] [--yes] [--json]",
		Short: "Turn the BYOK config Kodus has into a local profile (Main = its default model, Fallback = its fallback)",
		Long: `Read the BYOK config of the Kodus you signed in to and save its default model as the profile's
Main slot and its fallback model as the Fallback, with their settings (thinking, temperature, max
tokens, concurrency, base URL, OpenRouter routing, Vertex location).

Kodus returns keys masked, so a slot keeps the local profile's key for the same provider and host
(and says when it is not the one Kodus holds); otherwise the key is asked on a terminal, or read
from standard input with --key-stdin (the Main key; a Fallback on the same provider and host uses
it too). A Fallback whose key is not given is left out and said so. Replacing an existing profile
asks first (or --yes).`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if name == "" {
				return usagef("kodus pull needs --profile NAME")
			}
			s, err := a.open()
			if err != nil {
				return err
			}
			plan, err := s.Kodus().PlanKodusPull(a.ctx, name)
			if err != nil {
				return err
			}
			if !asJSON {
				printPull(a, plan)
			}
			if plan.Exists && !yes {
				ok, asked, err := askConfirm(a, fmt.Sprintf("Replace the local profile %s with what Kodus has? [y/N] ", name))
				if err != nil {
					return err
				}
				if !asked || !ok {
					a.note("not pulled: profile %s exists; re-run with --yes to replace it", name)
					return &ExitError{Code: ExitFailure}
				}
			}
			keys, err := pullKeys(a, plan, keyStdin)
			if err != nil {
				return err
			}
			v, notices, err := s.Kodus().ApplyKodusPull(a.ctx, plan, keys)
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(kodusPullJSON{Plan: plan, Profile: &v, Notices: notices})
			}
			for _, n := range notices {
				a.note("note: %s", n)
			}
			fmt.Fprintf(a.out(), "Saved profile %s from Kodus. Test it: kodus-byok test %s\n", name, name)
			return nil
		},
	}
	cmd.Flags().StringVar(&name, "profile", "", "the local profile to save it as")
	cmd.Flags().BoolVar(&keyStdin, "key-stdin", false, "read the Main key from standard input (Kodus returns keys masked)")
	cmd.Flags().BoolVar(&yes, "yes", false, "replace an existing profile without asking")
	cmd.Flags().BoolVar(&asJSON, "json", false, `print {"plan": {...}, "profile": Profile, "notices": [...]}`)
	return cmd
}

func printPull(a *app, p studio.KodusPullPlan) {
	for _, ps := range []*studio.KodusPullSlot{&p.Main, p.Fallback} {
		if ps == nil {
			continue
		}
		key := "key: Kodus holds " + ps.KodusKeyMasked
		switch {
		case ps.KeepsLocalKey && ps.LocalKeyDiffers:
			key = fmt.Sprintf("keeps the local key %s — NOT the one Kodus holds (%s)", ps.LocalKeyMasked, ps.KodusKeyMasked)
		case ps.KeepsLocalKey:
			key = "keeps the local key " + ps.LocalKeyMasked
		case ps.NeedsKey:
			key += " (masked): the key is needed"
		}
		line := ps.Slot.Provider + " · " + ps.Slot.Model
		if ps.Slot.BaseURL != "" {
			line += " · " + ps.Slot.BaseURL
		}
		if ps.Slot.ReasoningEffort != "" {
			line += " · thinking " + ps.Slot.ReasoningEffort
		}
		fmt.Fprintf(a.out(), "%s ← Kodus %s: %s · %s\n", ps.Role, ps.From, line, key)
	}
	for _, n := range p.Notes {
		a.note("note: %s", n)
	}
}

// pullKeys gets the keys the plan needs: Main from standard input with
// --key-stdin, else each on the terminal. A Fallback on Main's provider
// and host uses Main's key.
func pullKeys(a *app, p studio.KodusPullPlan, keyStdin bool) (map[string]string, error) {
	keys := map[string]string{}
	if keyStdin {
		b, err := io.ReadAll(bufio.NewReader(a.env.Stdin))
		if err != nil {
			return nil, fmt.Errorf("read the key from standard input: %w", err)
		}
		keys[profile.SlotMain] = strings.TrimSpace(string(b))
	}
	ask := func(ps studio.KodusPullSlot) {
		if keys[ps.Role] != "" || !ps.NeedsKey || a.env.TTYPrompt == nil {
			return
		}
		if k, err := a.env.TTYPrompt(fmt.Sprintf("%s key for %s (Kodus holds %s): ", ps.Role, ps.Slot.Provider, ps.KodusKeyMasked)); err == nil {
			keys[ps.Role] = k
		}
	}
	ask(p.Main)
	if fb := p.Fallback; fb != nil && fb.NeedsKey {
		sameEndpoint := profile.Slot{Settings: profile.Settings{Provider: p.Main.Slot.Provider, BaseURL: p.Main.Slot.BaseURL}, KeyRef: "main"}
		if studio.KeepsKey(sameEndpoint, fb.Slot) {
			keys[profile.SlotFallback] = keys[profile.SlotMain]
		}
		ask(*fb)
	}
	return keys, nil
}
