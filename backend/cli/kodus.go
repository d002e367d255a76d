package cli

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/kodusapi"
	"github.com/kodusbyok/studio/backend/studio"
)

// kodusCmd groups the commands that act on a running Kodus: through its
// API (BYOK) and through its install directory (Fixed Mode).
func kodusCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "kodus",
		Short: "Connect to your Kodus: sign in, see what it uses, apply a profile (BYOK via its API, or the .env of its install)",
		Long: `Act on the Kodus you run.

Through its API (BYOK; sign in first):
  kodus login --url URL --email EMAIL --password-stdin   sign in; the session is kept in the OS keychain
  kodus status [--json]                                 what Kodus uses now: BYOK or the .env, each model
  kodus apply NAME [--yes] [--json]                     save a profile in Kodus's BYOK config, then Kodus's Test
  kodus pull --profile NAME                             Kodus's BYOK config as a local profile
  kodus logout                                          forget the session

Which Kodus release the app follows (catalog, providers, reasoning rules, BYOK shape):
  kodus line [show|set current|mid-2026] [--json]

Through its install directory (Fixed Mode, the .env):
  kodus find [--json]                                   find Kodus installs (compose + .env)
  kodus apply-env NAME --dir DIR [--restart] [--yes]    merge a profile into DIR/.env, recreate the API and workers

A BYOK config saved in Kodus takes precedence over the .env.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return usagef("kodus needs a subcommand: line, login, status, apply, pull, logout, find, apply-env; see kodus-byok kodus --help")
		},
	}
	a.lineFlag(cmd)
	cmd.AddCommand(kodusLineCmd(a), kodusLoginCmd(a), kodusLogoutCmd(a), kodusStatusCmd(a), kodusApplyCmd(a), kodusPullCmd(a), kodusFindCmd(a), kodusApplyEnvCmd(a))
	return cmd
}

func kodusLoginCmd(a *app) *cobra.Command {
	var url, email string
	var passwordStdin, asJSON bool
	cmd := &cobra.Command{
		Use:   "login --url URL --email EMAIL --password-stdin",
		Short: "Sign in to your Kodus (its API, or its web app's URL); the session goes to the OS keychain",
		Long: `Sign in to Kodus with the email and password of its web app.

URL is Kodus's API (http://HOST:3001 by default) or its web app's URL: the API behind the web
app (under /api/proxy/api) is found on its own. The password is read from standard input with
--password-stdin (or asked on a terminal) and goes only to Kodus. The access and refresh tokens are
kept in the OS keychain — never in the profile database, never printed. An expired access token is
refreshed on its own; when Kodus refuses the refresh, sign in again.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if url == "" || email == "" {
				return usagef("kodus login needs --url and --email")
			}
			pw, err := readPassword(a, passwordStdin)
			if err != nil {
				return err
			}
			s, err := a.open()
			if err != nil {
				return err
			}
			sess, err := s.Kodus().KodusLogin(a.ctx, url, strings.TrimSpace(email), pw)
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(sess)
			}
			fmt.Fprintf(a.out(), "Signed in to Kodus at %s as %s.\n", sess.URL, sess.Email)
			if sess.APIBase != sess.URL {
				fmt.Fprintf(a.out(), "Its API answers behind the web app: %s\n", sess.APIBase)
			}
			fmt.Fprintf(a.out(), "The session is kept in %s. See what Kodus uses: %s kodus status\n", s.Environment().KeychainDescription(), "kodus-byok")
			return nil
		},
	}
	cmd.Flags().StringVar(&url, "url", "", "Kodus's API URL (http://HOST:3001) or its web app's URL")
	cmd.Flags().StringVar(&email, "email", "", "the email you sign in to Kodus with")
	cmd.Flags().BoolVar(&passwordStdin, "password-stdin", false, "read the password from standard input")
	cmd.Flags().BoolVar(&asJSON, "json", false, `print {"signedIn", "url", "apiBase", "email", "signedInAt"}`)
	return cmd
}

func readPassword(a *app, fromStdin bool) (string, error) {
	if fromStdin {
		line, err := bufio.NewReader(a.env.Stdin).ReadString('\n')
		if err != nil && err != io.EOF {
			return "", fmt.Errorf("read the password from standard input: %w", err)
		}
		pw := strings.TrimRight(line, "\r\n")
		if pw == "" {
			return "", usagef("--password-stdin read an empty password")
		}
		return pw, nil
	}
	if a.env.TTYPrompt != nil {
		if pw, err := a.env.TTYPrompt("Kodus password: "); err == nil && pw != "" {
			return pw, nil
		}
	}
	return "", usagef("give the password on standard input with --password-stdin (e.g. kodus-byok kodus login --url URL --email EMAIL --password-stdin < password.txt)")
}

func kodusLogoutCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "logout",
		Short: "Sign out of Kodus and remove the session from the keychain",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			s, err := a.open()
			if err != nil {
				return err
			}
			sess, err := s.Kodus().KodusSession()
			if err != nil {
				return err
			}
			notes, err := s.Kodus().KodusLogout(a.ctx)
			for _, n := range notes {
				a.note("note: %s", n)
			}
			if err != nil {
				return err
			}
			if !sess.SignedIn {
				fmt.Fprintln(a.out(), "Not signed in to Kodus; nothing to forget.")
				return nil
			}
			fmt.Fprintf(a.out(), "Signed out of Kodus at %s; the session is removed from the keychain.\n", sess.URL)
			return nil
		},
	}
}

// kodusStatusJSON is the stable `kodus status --json` shape: Kodus's status
// object ({source, models, byok, env}) with the stored BYOK config as the
// app shows it, where it came from, and what it means.
type kodusStatusJSON struct {
	kodusapi.Status
	Kodus   studio.KodusSession     `json:"kodus"`
	Config  *studio.KodusConfigView `json:"byokConfig"`
	Summary string                  `json:"summary"`
	Notes   []string                `json:"notes"`
}

func kodusStatusCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "status [--json]",
		Short: "What Kodus uses now: BYOK or the .env, each model and whether it can run",
		Long: `Ask the Kodus you signed in to which LLM it uses: its BYOK config (which takes precedence) or
the .env's Fixed Mode model, each BYOK model with whether Kodus can run it, and the BYOK config it
stores, keys masked by Kodus.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			s, err := a.open()
			if err != nil {
				return err
			}
			v, err := s.Kodus().KodusStatus(a.ctx)
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(kodusStatusJSON{Status: v.Status, Kodus: v.Session, Config: v.Config, Summary: v.Summary, Notes: v.Notes})
			}
			printKodusStatus(a, v)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, `print Kodus's status object {"source", "models", "byok", "env"} plus "byokConfig", "kodus", "summary", "notes"`)
	return cmd
}

func printKodusStatus(a *app, v studio.KodusStatusView) {
	w := a.out()
	fmt.Fprintf(w, "Kodus at %s (signed in as %s)\n", v.Session.URL, v.Session.Email)
	fmt.Fprintf(w, "source: %s\n%s\n", v.Status.Source, v.Summary)
	if v.Config != nil && len(v.Config.Models) > 0 {
		fmt.Fprintf(w, "\nBYOK config in Kodus (%s, %d model(s)):\n", v.Config.Shape, len(v.Config.Models))
		for _, m := range v.Config.Models {
			roles := strings.Join(m.Roles, ", ")
			if roles == "" {
				roles = "—"
			}
			fmt.Fprintf(w, "  %-10s %s\n", roles, modelLine(m))
		}
	} else {
		fmt.Fprintln(w, "\nBYOK config in Kodus: none")
	}
	if e := v.Status.Env; e.Configured {
		line := e.Model + " · " + e.ProviderID
		if e.BaseURL != "" {
			line += " at " + e.BaseURL
		}
		fmt.Fprintf(w, ".env (Fixed Mode): %s\n", line)
	} else {
		fmt.Fprintln(w, ".env (Fixed Mode): no model")
	}
	for _, n := range v.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
}

func modelLine(m studio.KodusModelView) string {
	line := studio.DescribeModel(m)
	if m.Resolvable != nil {
		if *m.Resolvable {
			return line + " · can run"
		}
		return line + " · CANNOT run"
	}
	return line
}
