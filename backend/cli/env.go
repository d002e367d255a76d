package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/envfile"
	"github.com/kodusbyok/studio/backend/studio"
)

type envFlags struct {
	out, merge, replaceLocalhost         string
	full, force, asJSON, trust, chmod600 bool
}

func envCmd(a *app) *cobra.Command {
	var f envFlags
	cmd := &cobra.Command{
		Use:   "env NAME [--out FILE [--full] | --merge FILE] [--force] [--json]",
		Short: "Export a profile as the Kodus .env for Fixed Mode (print, write, merge); inspect or import a .env",
		Long: `Export a profile's Main model as the Fixed Mode block of Kodus's .env.

  env NAME                 print the block (the key is masked when standard output is a terminal:
                           redirect it, e.g. > kodus-llm.env, or use --out)
  env NAME --out FILE      write the block to a new file (mode 0600; an existing file needs --force)
  env NAME --full --out F  write a complete new Kodus .env in the installer's layout, secrets generated
  env NAME --merge FILE    merge the block into an existing .env: shows the diff and asks; without a
                           terminal it shows the diff and writes only with --force. The file keeps its
                           mode; a warning says when others can read it, and --chmod-600 tightens it
  env inspect FILE         what a .env tells Kodus (Fixed Mode, provider, model, masked key)
  env import FILE --profile NAME   turn a .env's Fixed Mode block into a profile

Before anything is written, Kodus's own provider inference runs on the values and is compared
with the profile; what Fixed Mode cannot carry (fallback, concurrency, thinking, max tokens,
OpenRouter routing) is listed with its consequence. ` + "`kodus-byok byok NAME`" + ` exports all of it.`,
		Args: argsExactly(1, "a profile NAME"),
		RunE: func(cmd *cobra.Command, args []string) error { return runEnv(a, cmd, args[0], f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.out, "out", "", "write to this new file")
	fl.StringVar(&f.merge, "merge", "", "merge into this existing .env")
	fl.BoolVar(&f.full, "full", false, "with --out: a complete Kodus .env (installer layout, generated secrets)")
	fl.BoolVar(&f.force, "force", false, "replace an existing --out file (backed up), or write a --merge without asking")
	fl.BoolVar(&f.chmod600, "chmod-600", false, "with --merge: take the group's and others' read access away (0644 becomes 0600), since the file will hold the key")
	fl.BoolVar(&f.asJSON, "json", false, `print {"variables", "warnings", "notCarried"} as JSON, the key masked`)
	fl.BoolVar(&f.trust, "trust-json-schema", false, "write API_TRUST_JSON_SCHEMA_BASE_URLS for a self-hosted endpoint that honours json_schema")
	fl.StringVar(&f.replaceLocalhost, "replace-localhost", "", "put this host (host.docker.internal or a LAN address) in place of localhost in the base URL")
	cmd.AddCommand(envInspectCmd(a), envImportCmd(a))
	a.lineFlag(cmd)
	return cmd
}

// envJSON is the stable `env NAME --json` shape (docs/cli.md).
type envJSON struct {
	Profile    string               `json:"profile"`
	Variables  map[string]string    `json:"variables"`
	Warnings   []envfile.Warning    `json:"warnings"`
	NotCarried []envfile.NotCarried `json:"notCarried"`
	Inferred   envfile.Inference    `json:"inferred"`
	Written    string               `json:"written,omitempty"`
	Backup     string               `json:"backup,omitempty"`
	Diff       string               `json:"diff,omitempty"`
	Changes    []envfile.Change     `json:"changes,omitempty"`
	fileModeJSON
	Notes []string `json:"notes,omitempty"`
}

// fileModeJSON is a merge target's mode, and who else can read it.
type fileModeJSON struct {
	Mode        string `json:"mode,omitempty"`
	ModeWarning string `json:"modeWarning,omitempty"`
}

func runEnv(a *app, cmd *cobra.Command, name string, f envFlags) error {
	switch {
	case f.out != "" && f.merge != "":
		return usagef("--out and --merge exclude each other: write a new file or merge into an existing one")
	case f.full && f.out == "":
		return usagef("--full writes a complete new .env: give it --out FILE")
	case f.force && f.out == "" && f.merge == "":
		return usagef("--force applies only to --out or --merge")
	case f.chmod600 && f.merge == "":
		return usagef("--chmod-600 applies only to --merge (--out always writes mode 0600)")
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	opts := studio.EnvOptions{TrustJSONSchema: f.trust, ReplaceLocalhost: f.replaceLocalhost}
	b, _, err := s.Exports().EnvBlock(a.ctx, name, opts)
	if err != nil {
		return err
	}
	j := envJSON{Profile: name, Variables: b.Variables(), Warnings: nonNilSlice(b.Warnings), NotCarried: nonNilSlice(b.NotCarried), Inferred: b.Inferred}
	if !f.asJSON {
		reportBlock(a, b)
	}
	switch {
	case f.out != "":
		return runEnvOut(a, s, name, opts, f, j)
	case f.merge != "":
		return runMerge(a, name, opts, f, j)
	}
	if f.asJSON {
		return a.printJSON(j)
	}
	text, err := b.Render(stdoutIsTerminal(a))
	if err != nil {
		return err
	}
	if stdoutIsTerminal(a) {
		a.note("note: the key is masked on a terminal; redirect the output (kodus-byok env %s > kodus-llm.env) or use --out FILE to get it in full", name)
	}
	_, err = io.WriteString(a.out(), text)
	return err
}

// runEnvOut writes the block (or, with --full, a complete .env) to --out.
func runEnvOut(a *app, s *studio.Studio, name string, opts studio.EnvOptions, f envFlags, j envJSON) error {
	res, err := s.Exports().WriteEnv(a.ctx, studio.EnvWriteRequest{Profile: name, Options: opts, Path: f.out, Full: f.full, Force: f.force})
	if errors.Is(err, envfile.ErrExists) {
		return fmt.Errorf("%w (use --force to replace it; the old one is backed up)", err)
	}
	if err != nil {
		return err
	}
	j.Written, j.Backup = res.Path, res.Backup
	if f.asJSON {
		return a.printJSON(j)
	}
	what := "the Fixed Mode block"
	if f.full {
		what = "a complete Kodus .env"
	}
	fmt.Fprintf(a.out(), "wrote %s to %s (mode 0600)\n", what, res.Path)
	if res.Backup != "" {
		fmt.Fprintf(a.out(), "the old file is backed up as %s\n", res.Backup)
	}
	for _, fi := range res.FillIns {
		fmt.Fprintf(a.out(), "fill in %s: %s\n", fi.Var, fi.What)
	}
	for _, p := range res.Problems {
		a.note("problem: %s", p)
	}
	a.note("%s", res.Notes[len(res.Notes)-1])
	return nil
}

// reportBlock prints the check, the warnings and what is not carried on
// standard error, so standard output stays the block itself.
func reportBlock(a *app, b *envfile.Block) {
	inf := b.Inferred
	where := inf.ProviderLabel
	if inf.BaseURL != "" {
		where += " at " + inf.BaseURL
	}
	a.note("Kodus will use: %s, model %s (%s)", where, inf.Model, inf.Rule)
	for _, w := range b.Warnings {
		a.note("warning: %s", w.Message)
		if w.Fix != "" {
			fix := w.Fix
			if w.Code == "localhost" {
				fix += " With this command: --replace-localhost ADDR."
			}
			a.note("  fix: %s", fix)
		}
	}
	if len(b.NotCarried) > 0 {
		a.note("not carried by Fixed Mode (the BYOK config keeps them: kodus-byok byok %s --json):", b.Profile)
		for _, n := range b.NotCarried {
			a.note("  - %s (%s): %s", n.Setting, n.Value, n.Consequence)
		}
	}
}

func runMerge(a *app, name string, opts studio.EnvOptions, f envFlags, j envJSON) error {
	s, _ := a.open()
	req := studio.EnvMergeRequest{Profile: name, Options: opts, Path: f.merge, Chmod600: f.chmod600}
	plan, err := s.Exports().PlanEnvMerge(a.ctx, req)
	if err != nil {
		return err
	}
	j.Diff, j.Changes, j.fileModeJSON = plan.Diff, plan.Changes, fileModeJSON{plan.Mode, plan.ModeWarning}
	modeNote := mergeModeNote(plan, f.chmod600)
	if plan.NoChange {
		if f.asJSON {
			return a.printJSON(j)
		}
		fmt.Fprintf(a.out(), "%s already holds this block; nothing to write\n", plan.Path)
		return nil
	}
	if !f.asJSON {
		fmt.Fprint(a.out(), plan.Diff)
		for _, c := range plan.Changes {
			if c.Action == "commented-out" {
				a.note("commenting out %s: %s", c.Var, c.Reason)
			}
		}
		if cur := plan.Current; cur.FixedMode {
			a.note("%s currently configures Kodus with %s (%s); writing replaces it (a backup is kept next to it)", plan.Path, cur.Inferred.Model, cur.Inferred.ProviderLabel)
		}
		warnMergeMode(a, plan, f.chmod600)
	}
	if !f.force {
		ok, asked, err := askConfirm(a, fmt.Sprintf("Write these changes to %s? A backup is kept next to it.%s [y/N] ", plan.Path, modeNote))
		if err != nil {
			return err
		}
		if !asked {
			if f.asJSON {
				_ = a.printJSON(j)
			}
			a.note("not written: there is no terminal to confirm on; review the diff and re-run with --force to write it")
			return &ExitError{Code: ExitFailure}
		}
		if !ok {
			a.note("not written")
			return &ExitError{Code: ExitFailure}
		}
	}
	req.Digest = plan.Digest
	res, err := s.Exports().ApplyEnvMerge(a.ctx, req)
	if err != nil {
		return err
	}
	j.Written, j.Backup, j.Notes = res.Path, res.Backup, res.Notes
	if f.asJSON {
		return a.printJSON(j)
	}
	fmt.Fprintf(a.out(), "merged into %s; backup %s\n", res.Path, res.Backup)
	for _, n := range res.Notes[1:] { // the first says where the backup is
		a.note("%s", n)
	}
	return nil
}

// askConfirm asks a yes/no question when standard input is a terminal;
// asked is false without one. Tests replace it.
var askConfirm = func(a *app, prompt string) (ok, asked bool, err error) {
	f, isFile := a.env.Stdin.(*os.File)
	if !isFile || !isTerminal(f) {
		return false, false, nil
	}
	fmt.Fprint(a.env.Stderr, prompt)
	line, err := bufio.NewReader(f).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return false, true, fmt.Errorf("read answer: %w", err)
	}
	ans := strings.ToLower(strings.TrimSpace(line))
	return ans == "y" || ans == "yes", true, nil
}

func stdoutIsTerminal(a *app) bool {
	f, ok := a.env.Stdout.(*os.File)
	return ok && isTerminal(f)
}

func nonNilSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// mergeModeNote is what the confirmation of a merge says about the file's
// mode: readable by others (and so the key), or tightened by --chmod-600.
func mergeModeNote(plan studio.EnvMergePlan, chmod600 bool) string {
	switch {
	case plan.ModeWarning == "":
		return ""
	case chmod600:
		return " Its mode goes from " + plan.Mode + " to 0600 (--chmod-600)."
	}
	return " It is readable by others (mode " + plan.Mode + "), and so will the key be: --chmod-600 tightens it."
}

// warnMergeMode warns that others can read the file the key goes into,
// unless --chmod-600 tightens it.
func warnMergeMode(a *app, plan studio.EnvMergePlan, chmod600 bool) {
	if plan.ModeWarning != "" && !chmod600 {
		a.note("warning: %s (add --chmod-600)", plan.ModeWarning)
	}
}
