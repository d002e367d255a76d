package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/envfile"
	"github.com/kodusbyok/studio/backend/kodusinstall"
	"github.com/kodusbyok/studio/backend/studio"
)

func kodusFindCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "find [--json]",
		Short: "Find Kodus installs: a compose file running Kodus's images with a .env beside it",
		Long: `Look for Kodus install directories — a docker-compose.yml whose services run Kodus's images
(ghcr.io/kodustech/kodus-ai-*) with the .env Compose reads beside it — in the current directory and
its parents, ~/kodus-installer, ~/kodus and /opt/kodus*, and among the running Compose projects when
Docker is reachable. For each: the services that read the LLM variables (recreated by apply-env
--restart) and the Kodus version (IMAGE_TAG).`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			s, err := a.open()
			if err != nil {
				return err
			}
			res := s.Kodus().FindKodus(a.ctx, a.env.Getenv)
			if asJSON {
				return a.printJSON(res)
			}
			if len(res.Installs) == 0 {
				fmt.Fprintln(a.out(), "No Kodus install found.")
				fmt.Fprintf(a.out(), "Looked in: %s\n", strings.Join(res.Searched, ", "))
			}
			for _, in := range res.Installs {
				printInstall(a.out(), in)
			}
			if res.DockerNote != "" {
				a.note("note: %s", res.DockerNote)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, `print {"installs": [...], "searched": [...], "dockerNote"}`)
	return cmd
}

func printInstall(w io.Writer, in kodusinstall.Install) {
	fmt.Fprintf(w, "%s (found by %s)\n", in.Dir, strings.Join(in.FoundBy, ", "))
	if in.EnvFile != "" {
		fmt.Fprintf(w, "  .env: %s\n", in.EnvFile)
	}
	tag := in.ImageTag
	if tag == "" {
		tag = "latest (IMAGE_TAG unset)"
	}
	fmt.Fprintf(w, "  Kodus version: %s\n", tag)
	fmt.Fprintf(w, "  services that read the LLM variables: %s\n", strings.Join(in.LLMServices, ", "))
	if len(in.OptionalLLMServices) > 0 {
		fmt.Fprintf(w, "  optional (behind a Compose profile): %s\n", strings.Join(in.OptionalLLMServices, ", "))
	}
	if len(in.Running) > 0 {
		fmt.Fprintf(w, "  running: %s\n", strings.Join(in.Running, ", "))
	}
	if in.Problem != "" {
		fmt.Fprintf(w, "  problem: %s\n", in.Problem)
	}
}

type applyEnvFlags struct {
	dir                  string
	restart, yes, asJSON bool
	trust, chmod600      bool
	replaceLocalhost     string
}

// applyEnvJSON is the stable `kodus apply-env --json` shape.
type applyEnvJSON struct {
	Profile  string           `json:"profile"`
	Dir      string           `json:"dir"`
	EnvFile  string           `json:"envFile"`
	ImageTag string           `json:"imageTag"`
	Written  bool             `json:"written"`
	Backup   string           `json:"backup,omitempty"`
	Diff     string           `json:"diff"`
	Changes  []envfile.Change `json:"changes"`
	fileModeJSON
	Services []string            `json:"services"`
	Restart  studio.KodusRestart `json:"restart"`
	Verify   *studio.KodusVerify `json:"verify,omitempty"`
	Notes    []string            `json:"notes"`
}

func kodusApplyEnvCmd(a *app) *cobra.Command {
	var f applyEnvFlags
	cmd := &cobra.Command{
		Use:   "apply-env NAME --dir DIR [--restart] [--chmod-600] [--yes] [--json]",
		Short: "Merge a profile into a Kodus install's .env (Fixed Mode) and recreate the services that read it",
		Long: `Merge a profile's Fixed Mode block into DIR/.env as "env NAME --merge" does: only the LLM
variables change, the diff is shown (key masked) and confirmed, the old file is backed up next to
it and its mode kept (a warning says when others can read it, and --chmod-600 tightens it to
owner-only). Kodus reads the .env when its containers are created, so with --restart the
services that read the LLM variables (the API and the workers) are recreated with
"docker compose up -d" in DIR, Compose's output shown as it comes. Then the result is verified:
signed in, Kodus's status must show source env with the new model; otherwise the API container's
environment is read back (docker compose exec), keys masked.

Without Docker, or without the right to use it, nothing is recreated: the exact command to run is
printed. Without --dir, the one install "kodus find" finds is used.

A BYOK config saved in Kodus takes precedence over the .env.`,
		Args: argsExactly(1, "a profile NAME"),
		RunE: func(_ *cobra.Command, args []string) error { return runApplyEnv(a, args[0], f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.dir, "dir", "", "the Kodus install directory (docker-compose.yml and .env)")
	fl.BoolVar(&f.restart, "restart", false, "recreate the API and workers with docker compose up -d")
	fl.BoolVar(&f.yes, "yes", false, "write without asking (the diff is still shown)")
	fl.BoolVar(&f.asJSON, "json", false, "print the result as JSON (key masked)")
	fl.BoolVar(&f.chmod600, "chmod-600", false, "take the group's and others' read access away from the .env (0644 becomes 0600), since it will hold the key")
	fl.BoolVar(&f.trust, "trust-json-schema", false, "write API_TRUST_JSON_SCHEMA_BASE_URLS for a self-hosted endpoint that honours json_schema")
	fl.StringVar(&f.replaceLocalhost, "replace-localhost", "", "put this host (host.docker.internal or a LAN address) in place of localhost in the base URL")
	return cmd
}

func runApplyEnv(a *app, name string, f applyEnvFlags) error {
	s, err := a.open()
	if err != nil {
		return err
	}
	if f.dir == "" {
		found := s.Kodus().FindKodus(a.ctx, a.env.Getenv)
		var dirs []string
		for _, in := range found.Installs {
			if in.EnvFile != "" {
				dirs = append(dirs, in.Dir)
			}
		}
		if len(dirs) != 1 {
			return usagef("give the Kodus install directory with --dir (kodus find found %d: %s)", len(dirs), strings.Join(dirs, ", "))
		}
		f.dir = dirs[0]
	}
	req := studio.KodusEnvRequest{Profile: name, Dir: f.dir, Options: studio.EnvOptions{TrustJSONSchema: f.trust, ReplaceLocalhost: f.replaceLocalhost}, Restart: f.restart, Chmod600: f.chmod600}
	plan, err := s.Kodus().PlanKodusEnv(a.ctx, req)
	if err != nil {
		return err
	}
	j := applyEnvJSON{Profile: name, Dir: plan.Install.Dir, EnvFile: plan.Install.EnvFile, ImageTag: plan.Install.ImageTag, Diff: plan.Merge.Diff,
		Changes: nonNilSlice(plan.Merge.Changes), fileModeJSON: fileModeJSON{plan.Merge.Mode, plan.Merge.ModeWarning}, Services: plan.Services, Notes: plan.Notes,
		Restart: studio.KodusRestart{Requested: f.restart, Services: plan.Services, Command: plan.RestartCommand}}
	if !f.asJSON {
		if plan.Merge.NoChange {
			fmt.Fprintf(a.out(), "%s already holds this block.\n", plan.Install.EnvFile)
		} else {
			fmt.Fprint(a.out(), plan.Merge.Diff)
		}
		if !plan.Merge.NoChange {
			warnMergeMode(a, plan.Merge, f.chmod600)
		}
		for _, n := range plan.Notes {
			a.note("note: %s", n)
		}
	}
	if !plan.Merge.NoChange && !f.yes {
		ok, asked, err := askConfirm(a, fmt.Sprintf("Write these changes to %s? A backup is kept next to it.%s [y/N] ", plan.Install.EnvFile, mergeModeNote(plan.Merge, f.chmod600)))
		if err != nil {
			return err
		}
		if !asked || !ok {
			return a.declined(f.asJSON, j, asked, "not written", "diff")
		}
	}
	req.Digest = plan.Merge.Digest
	onLine := func(line string) { fmt.Fprintf(a.out(), "  | %s\n", line) }
	if f.asJSON {
		onLine = func(line string) { fmt.Fprintf(a.env.Stderr, "  | %s\n", line) }
	}
	if f.restart && !f.asJSON {
		fmt.Fprintf(a.out(), "Recreating %s: docker compose up -d %s\n", strings.Join(plan.Services, ", "), strings.Join(plan.Services, " "))
	}
	res, err := s.Kodus().ApplyKodusEnv(a.ctx, req, a.env.Getenv, onLine)
	if err != nil {
		return err
	}
	j.Written, j.Backup, j.Restart, j.Verify = res.Written.Backup != "", res.Written.Backup, res.Restart, res.Verify
	if f.asJSON {
		if err := a.printJSON(j); err != nil {
			return err
		}
	} else {
		reportApplyEnv(a, res)
	}
	if f.restart && !res.Restart.OK || res.Verify != nil && !res.Verify.OK {
		return &ExitError{Code: ExitFailure}
	}
	return nil
}

func reportApplyEnv(a *app, res studio.KodusEnvResult) {
	w := a.out()
	if res.Written.Backup != "" {
		fmt.Fprintf(w, "Merged into %s; the old file is backed up as %s.\n", res.Written.Path, res.Written.Backup)
	}
	for _, n := range res.Written.Notes { // what became of the file's mode
		if strings.HasPrefix(n, "its mode went from") || strings.HasPrefix(n, "warning: ") {
			a.note("%s", n)
		}
	}
	r := res.Restart
	switch {
	case !r.Requested:
		fmt.Fprintf(w, "Kodus reads the .env when its containers are created. Recreate them with:\n  %s\n(or re-run with --restart)\n", r.Command)
		return
	case r.Unavailable:
		fmt.Fprintf(w, "Not recreated: %s\n", r.Error)
		return
	case !r.OK:
		fmt.Fprintf(w, "Recreating failed: %s\nRun it again yourself: %s\n", r.Error, r.Command)
		return
	}
	fmt.Fprintf(w, "Recreated %s.\n", strings.Join(r.Services, ", "))
	if v := res.Verify; v != nil {
		verdict := "verified"
		if !v.OK {
			verdict = "NOT verified"
		}
		fmt.Fprintf(w, "%s (%s): %s\n", verdict, v.Method, v.Message)
		for _, vv := range v.Variables {
			fmt.Fprintf(w, "  %s=%s\n", vv.Name, vv.Value)
		}
	}
}
