package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/kodusbyok/studio/backend/buildinfo"
)

// manpageCmd prints the manual page, kodus-byok(1), built from the same
// command tree as --help, so the two never disagree. Hidden: packaging
// runs it (make package) to install the page.
func manpageCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:    "manpage",
		Short:  "Print the manual page (troff) built from the commands' help",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return writeManPage(a.out(), cmd.Root())
		},
	}
}

func writeManPage(w io.Writer, root *cobra.Command) error {
	var b strings.Builder
	fmt.Fprintf(&b, ".TH KODUS\\-BYOK 1 %q %q %q\n", buildinfo.BuildDate(), "kodus-byok "+buildinfo.Version, "User Commands")
	b.WriteString(".SH NAME\n")
	fmt.Fprintf(&b, "kodus\\-byok \\- %s\n", troff(root.Short))
	b.WriteString(".SH SYNOPSIS\n.B kodus\\-byok\n.br\n.B kodus\\-byok\n.I command\n.RI [ flags ]\n")
	b.WriteString(".SH DESCRIPTION\n")
	writeText(&b, root.Long)
	b.WriteString(".SH OPTIONS\n")
	writeFlags(&b, root.NonInheritedFlags())
	b.WriteString(".SH COMMANDS\n")
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if !sub.IsAvailableCommand() || sub.Name() == "help" {
				continue
			}
			if sub.Runnable() {
				fmt.Fprintf(&b, ".SS %s\n", troff(strings.TrimPrefix(sub.UseLine(), root.Name()+" ")))
				long := sub.Long
				if long == "" {
					long = sub.Short
				}
				writeText(&b, long)
				if ex := strings.TrimSpace(sub.Example); ex != "" {
					b.WriteString(".PP\nExamples:\n.nf\n.RS\n")
					for _, l := range strings.Split(ex, "\n") {
						b.WriteString(troffLine(strings.TrimSpace(l)) + "\n")
					}
					b.WriteString(".RE\n.fi\n")
				}
				writeFlags(&b, sub.NonInheritedFlags())
			}
			walk(sub)
		}
	}
	walk(root)
	b.WriteString(".SH FILES\n")
	writeText(&b, "The data dir holds profiles.db (bbolt: profiles, settings, prices) and, with the file keychain, its encrypted items. Keys are kept only in the keychain, never in the data dir.")
	b.WriteString(".SH SEE ALSO\nThe desktop app (kodus\\-byok with no arguments) does the same with forms.\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeText writes paragraphs; indented lines and lists keep their layout.
func writeText(b *strings.Builder, text string) {
	for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		lines := strings.Split(para, "\n")
		pre := false
		for _, l := range lines[1:] {
			pre = pre || strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")
		}
		b.WriteString(".PP\n")
		if pre {
			b.WriteString(".nf\n")
		}
		for _, l := range lines {
			b.WriteString(troffLine(l) + "\n")
		}
		if pre {
			b.WriteString(".fi\n")
		}
	}
}

func writeFlags(b *strings.Builder, fs *pflag.FlagSet) {
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Name == "help" {
			return
		}
		name := "\\-\\-" + troff(f.Name)
		if f.Shorthand != "" {
			name = "\\-" + f.Shorthand + ", " + name
		}
		if t := f.Value.Type(); t != "bool" {
			name += " " + troff(strings.ToUpper(t))
		}
		fmt.Fprintf(b, ".TP\n.B %s\n%s", name, troffLine(f.Usage))
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "[]" && f.DefValue != "0" {
			fmt.Fprintf(b, " (default %s)", troff(f.DefValue))
		}
		b.WriteString("\n")
	})
}

// troff escapes text for a man page.
func troff(s string) string {
	return strings.NewReplacer(`\`, `\e`, "-", `\-`).Replace(s)
}

// troffLine is troff for a whole line: a leading dot or quote would be
// read as a request.
func troffLine(s string) string {
	s = troff(s)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}
