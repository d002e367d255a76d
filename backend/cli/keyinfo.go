package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/keyshape"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
)

// keyInfo is `key-info --json`: what a key looks like and where it goes,
// never the key.
type keyInfo struct {
	Recognized   bool                `json:"recognized"`
	Brand        keyshape.Brand      `json:"brand,omitempty"`
	Name         string              `json:"name,omitempty"`
	Provider     string              `json:"provider,omitempty"`
	ProviderName string              `json:"providerName,omitempty"`
	Model        string              `json:"model,omitempty"`
	ModelName    string              `json:"modelName,omitempty"`
	Plan         string              `json:"plan,omitempty"`
	PlanLabel    string              `json:"planLabel,omitempty"`
	Confidence   keyshape.Confidence `json:"confidence"`
	Shape        string              `json:"shape,omitempty"`
	Reason       string              `json:"reason"`
	Candidates   []string            `json:"candidates,omitempty"`
}

func keyInfoCmd(a *app) *cobra.Command {
	var keyStdin, asJSON bool
	cmd := &cobra.Command{
		Use:   "key-info --key-stdin [--json]",
		Short: "Say which provider and plan a key belongs to, from its shape (the key is never printed or sent anywhere)",
		Long: `Recognise a key from its shape alone: local string matching, no network.
Prints the provider, plan and catalog model it belongs to with a confidence:
high (a documented prefix only that provider uses), medium (an observed or
shared shape), low (several providers issue keys like it) or none.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if !keyStdin {
				return usagef("key-info reads the key from standard input only: pass --key-stdin (e.g. `pass show kimi | kodus-byok key-info --key-stdin`)")
			}
			raw, err := readKey(a)
			if err != nil {
				return err
			}
			_, notes, err := secrets.Clean(raw)
			if err != nil {
				return usagef("--key-stdin: %v", err)
			}
			for _, n := range notes {
				a.note("note: %s", n)
			}
			l, _, err := a.kodusLine()
			if err != nil {
				return err
			}
			info := describeKey(keyshape.Recognize(raw), l.Catalog())
			if asJSON {
				return a.printJSON(info)
			}
			printKeyInfo(a, info)
			return nil
		},
	}
	cmd.Flags().BoolVar(&keyStdin, "key-stdin", false, "read the key from standard input")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	a.lineFlag(cmd)
	return cmd
}

func describeKey(g keyshape.Guess, cat *catalog.Catalog) keyInfo {
	info := keyInfo{Recognized: g.Brand != "", Brand: g.Brand, Name: g.Name, Confidence: g.Confidence, Shape: g.Shape, Reason: g.Reason, Candidates: g.Candidates}
	if g.Brand == "" {
		return info
	}
	if s, ok := keyshape.Suggest(g.Brand, keyshape.Target{}, cat); ok {
		info.Provider, info.ProviderName = s.Provider, s.ProviderName
		info.Model, info.ModelName, info.Plan, info.PlanLabel = s.Model, s.ModelName, s.Plan, s.PlanLabel
	}
	return info
}

func printKeyInfo(a *app, k keyInfo) {
	w := a.out()
	switch {
	case k.Recognized:
		fmt.Fprintf(w, "looks like %s (confidence: %s)\n", k.Brand.Phrase(), k.Confidence)
	case k.Confidence == keyshape.Low:
		fmt.Fprintf(w, "ambiguous key (confidence: low)\n")
	default:
		fmt.Fprintf(w, "unrecognised key (confidence: none)\n")
	}
	if k.Shape != "" {
		fmt.Fprintf(w, "  shape:     %s\n", k.Shape)
	}
	fmt.Fprintf(w, "  why:       %s\n", k.Reason)
	if len(k.Candidates) > 0 {
		fmt.Fprintf(w, "  could be:  %s\n", strings.Join(k.Candidates, ", "))
	}
	if k.Provider != "" {
		fmt.Fprintf(w, "  use with:  %s\n", setFlagsFor(keyshape.Suggestion{Provider: k.Provider, Model: k.Model, Plan: k.Plan}))
	}
}

// setFlagsFor is the `profile set` flags that put a key where it belongs.
func setFlagsFor(s keyshape.Suggestion) string {
	flags := "--provider " + s.Provider
	if s.Model != "" {
		flags += " --model " + s.Model
	} else {
		flags += " --model MODEL"
	}
	if s.Plan != "" {
		flags += " --plan " + s.Plan
	}
	return flags
}

// warnKeyShape is `profile set`'s check of a new key against the slot: it
// only warns (on standard error); the slot is saved as asked.
func warnKeyShape(a *app, raw string, sl profile.Slot, cat *catalog.Catalog) {
	v := keyshape.Check(raw, keyshape.Target{Provider: sl.Provider, Model: sl.Model, Plan: sl.Plan, BaseURL: sl.BaseURL}, cat)
	switch v.Fit {
	case keyshape.FitMismatch:
		s := *v.Suggestion
		a.note("warning: this looks like %s (%s), not one for %s; saving anyway. For %s use: %s",
			v.Guess.Brand.Phrase(), v.Guess.Shape, slotLabel(sl, cat), s.Label(), setFlagsFor(s))
	case keyshape.FitUnexpected:
		a.note("warning: %s Saving anyway.", v.Message)
	}
}

// slotLabel names what a slot points at: "Kimi K2.6 · Developer API".
func slotLabel(sl profile.Slot, cat *catalog.Catalog) string {
	if m, ok := cat.ModelForSlot(sl.Provider, sl.Model); ok {
		if v, ok := m.Variant(sl.Plan); ok {
			return m.DisplayName + " · " + v.Label
		}
		return m.DisplayName
	}
	if p, ok := cat.Provider(sl.Provider); ok {
		return p.DisplayName + " " + sl.Model
	}
	return sl.Provider + " " + sl.Model
}
