// Package cli is the command line of kodus-byok: the same backend as the
// GUI, for scripts and headless machines.
//
// Exit status: 0 success, 2 bad usage or input (unknown flag, missing
// argument, a value that breaks a rule), 1 any other failure (not found,
// keychain unavailable, a failed check). Errors go to standard error;
// `--json` output goes to standard output and is documented in docs/cli.md.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/buildinfo"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/store"
	"github.com/kodusbyok/studio/backend/studio"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitFailure = 1
	ExitUsage   = 2
)

// Env is everything a command touches outside the process, so that tests
// run the real command line in-process.
type Env struct {
	Args   []string
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// TTYPrompt asks for a hidden answer on the terminal (file keychain
	// passphrase, a key typed by hand); nil when there is no terminal.
	TTYPrompt func(prompt string) (string, error)
}

// OSEnv is the real process environment.
func OSEnv(args []string) Env {
	return Env{Args: args, Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, TTYPrompt: ttyPrompt}
}

// UsageError marks bad usage or input (exit 2).
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

func usagef(format string, a ...any) error { return &UsageError{Err: fmt.Errorf(format, a...)} }

// flagNames are the flags that set request fields of another name.
var flagNames = map[string]string{"measuredCap": "cap", "timeoutMs": "timeout"}

// flagUsage turns the first field error of a request's Validate into bad
// usage of its flag, showing the value as typed (got, by field).
func flagUsage(err error, got map[string]string) error {
	fes := profile.AsFieldErrors(err)
	if len(fes) == 0 {
		return err
	}
	fe := fes[0]
	flag := fe.Field
	if f, ok := flagNames[flag]; ok {
		flag = f
	}
	return usagef("--%s %s (got %s)", flag, fe.Rule, got[fe.Field])
}

// ExitError ends a command with a chosen status after it printed its own
// result (e.g. a failed key test): nothing more is printed.
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return fmt.Sprintf("exit status %d", e.Code) }

// app holds what commands share; the studio opens lazily so that commands
// such as `catalog` work even when the data dir cannot be used.
type app struct {
	env    Env
	ctx    context.Context
	studio *studio.Studio
	// line is --kodus-line ("" = the saved line).
	line string
}

// openProfile opens the studio and reads the saved profile name.
func (a *app) openProfile(name string) (*studio.Studio, profile.Profile, error) {
	s, err := a.open()
	if err != nil {
		return nil, profile.Profile{}, err
	}
	p, err := s.Profiles().Stored(name)
	return s, p, err
}

func (a *app) open() (*studio.Studio, error) {
	if a.studio != nil {
		return a.studio, nil
	}
	s, err := studio.Open(studio.Options{Getenv: a.env.Getenv, PassphraseFunc: a.env.TTYPrompt, Line: a.line})
	if err != nil {
		if a.line != "" {
			if _, lerr := kodusline.Get(a.line); lerr != nil {
				return nil, usagef("--kodus-line: %v", lerr)
			}
		}
		return nil, err
	}
	a.studio = s
	return s, nil
}

func (a *app) out() io.Writer { return a.env.Stdout }

func (a *app) printJSON(v any) error {
	enc := json.NewEncoder(a.env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func (a *app) note(format string, args ...any) {
	fmt.Fprintf(a.env.Stderr, format+"\n", args...)
}

// commands lists the top-level subcommands by name; each feature adds its
// own (TestCommandNames keeps the names equal to the commands').
var commands = []struct {
	name  string
	build func(*app) *cobra.Command
}{
	{"catalog", catalogCmd},
	{"profile", profileCmd},
	{"doctor", doctorCmd},
	{"version", versionCmd},
	{"key-info", keyInfoCmd},
	{"discover", discoverCmd},
	{"cost", costCmd},
	{"prices", pricesCmd},
	{"test", testCmd},
	{"env", envCmd},
	{"byok", byokCmd},
	{"options", optionsCmd},
	{"schema", schemaCmd},
	{"dryrun", dryRunCmd},
	{"concurrency", concurrencyCmd},
	{"kodus", kodusCmd},
	{"manpage", manpageCmd},
}

// named is the top-level command args start with, or "" when they start
// with anything else (a flag, help, a typo): then the whole tree is built,
// for help, suggestions and completion. Building one command instead of
// all of them spares every run ~0.2 ms of cobra and flag set-up.
func named(args []string) string {
	if len(args) == 0 {
		return ""
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.name
		}
	}
	return ""
}

// Run executes the command line and returns the exit status.
func Run(ctx context.Context, env Env) (code int) {
	// A bug must not reach the user as a Go stack trace: report it as a
	// failure with the panic's message and exit 1.
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(env.Stderr, "kodus-byok: internal error: %v (please report it)\n", r)
			code = ExitFailure
		}
	}()
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	if env.Stdin == nil {
		env.Stdin = strings.NewReader("")
	}
	root := newRoot(&app{env: env, ctx: ctx})
	err := root.ExecuteContext(ctx)
	return report(env.Stderr, err)
}

// Root returns the command tree, for tools that document it (the man
// pages); it runs nothing.
func Root() *cobra.Command {
	return newRoot(&app{env: Env{Getenv: func(string) string { return "" }, Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard}, ctx: context.Background()})
}

// rootLong is the top of --help and the DESCRIPTION of the man page.
const rootLong = `Kodus BYOK Studio. With no arguments it opens the desktop app; with a command it
runs headless over the same profiles and keychain.

Environment:
  KODUS_BYOK_HOME                data dir (default: the user config dir + /kodus-byok)
  KODUS_BYOK_KEYRING             keychain backend: secret-service (Linux default),
                                 kwallet, keychain (macOS), wincred (Windows),
                                 pass, keyctl or file
  KODUS_BYOK_KEYRING_PASSPHRASE  passphrase of the file backend (else asked on the terminal)
  KODUS_BYOK_DISCOVER_URLS       the local LLM servers discover probes (comma-separated
                                 base URLs, or none)

Exit status: 0 success, 1 failure, 2 bad usage or input (each command's help
says what else its status means).`

func newRoot(a *app) *cobra.Command {
	env := a.env
	root := &cobra.Command{
		Use:           buildinfo.Name,
		Short:         "Kodus BYOK Studio: pick an LLM for Kodus, keep its key safe, test it and export the .env",
		Long:          rootLong,
		SilenceUsage:  true,
		SilenceErrors: true,
		// No Args validator: cobra then answers an unknown command with
		// suggestions ("Did you mean this? env").
	}
	root.CompletionOptions.DisableDefaultCmd = true
	// --version prints what the version command prints. Not cobra's own
	// Version field: its template would link text/template, whose
	// reflection keeps every method of every type in the binary (+5 MB).
	version := root.Flags().BoolP("version", "v", false, "print the version, commit and build date")
	root.RunE = func(cmd *cobra.Command, _ []string) error {
		if *version {
			fmt.Fprintln(a.out(), buildinfo.String())
			return nil
		}
		return usagef("no command given; see %s --help", buildinfo.Name)
	}
	root.SetArgs(env.Args)
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &UsageError{Err: err} })
	only := named(env.Args)
	for _, c := range commands {
		if only == "" || c.name == only {
			root.AddCommand(c.build(a))
		}
	}
	return root
}

// report prints err and maps it to an exit status.
func report(w io.Writer, err error) int {
	if err == nil {
		return ExitOK
	}
	var exit *ExitError
	if errors.As(err, &exit) {
		return exit.Code
	}
	if fes := profile.AsFieldErrors(err); fes != nil {
		fmt.Fprintln(w, "kodus-byok: invalid input:")
		for _, fe := range fes {
			fmt.Fprintf(w, "  %s\n", fe.Error())
		}
		return ExitUsage
	}
	fmt.Fprintf(w, "kodus-byok: %s\n", err)
	var missing *store.ProfileNotFoundError
	if errors.As(err, &missing) {
		fmt.Fprintf(w, "kodus-byok: see the saved profiles with: %s profile list\n", buildinfo.Name)
	}
	var ue *UsageError
	if errors.As(err, &ue) || isCobraUsage(err) {
		return ExitUsage
	}
	return ExitFailure
}

// isCobraUsage recognises cobra's own argument errors, which are plain
// errors without a type.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "accepts ", "requires at least", "requires exactly", "unknown flag", "unknown shorthand", "required flag", "invalid argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

func versionCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version, commit and build date (same as --version)",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintln(a.out(), buildinfo.String())
			return nil
		},
	}
}

// argsExactly wraps cobra.ExactArgs with a message that names the argument.
func argsExactly(n int, names string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("%s needs %s (got %d argument(s)); see %s --help", cmd.CommandPath(), names, len(args), cmd.CommandPath())
		}
		return nil
	}
}
