package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// docs/cli.md is the command line's reference. Under each command's heading
// a generated block lists its usage and flags, straight from the cobra
// tree; the prose around it (what the command does, its --json shape, its
// exit status) is written by hand. TestDocsCLI fails when the two drift:
// a command or flag missing from the page, or the page naming one that
// does not exist. `go test ./backend/cli -run TestDocsCLI -update` rewrites
// the generated blocks (and appends a heading for a new command).

const cliDoc = "../../docs/cli.md"

var (
	docBlockRe   = regexp.MustCompile(`(?s)<!-- BEGIN cobra: ([^>]*?) -->\n.*?<!-- END cobra -->\n`)
	docHeadingRe = regexp.MustCompile("(?m)^### `(kodus-byok[^`]*)`$")
	docFlagRe    = regexp.MustCompile("(?:^|[\\s`(\\[|,])--([a-z][a-z0-9-]*)")
)

// docCommands lists the documented commands (every one not hidden), in
// the tree's order.
func docCommands(root *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden {
			return
		}
		out = append(out, c)
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	return out
}

// docFlags lists a command's own flags, not hidden, sorted by name.
func docFlags(fs *pflag.FlagSet) []*pflag.Flag {
	var out []*pflag.Flag
	fs.VisitAll(func(f *pflag.Flag) {
		if !f.Hidden && f.Name != "help" {
			out = append(out, f)
		}
	})
	return out
}

func mdCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// docBlock is the generated part of a command's section.
func docBlock(c *cobra.Command) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!-- BEGIN cobra: %s -->\n", c.CommandPath())
	fmt.Fprintf(&b, "`%s`: %s.\n", strings.TrimSuffix(c.UseLine(), " [flags]"), strings.TrimSuffix(c.Short, "."))
	own := docFlags(c.LocalNonPersistentFlags())
	own = append(own, docFlags(c.PersistentFlags())...)
	if len(own) > 0 {
		b.WriteString("\n| Flag | Default | Meaning |\n|---|---|---|\n")
		for _, f := range own {
			name := "`--" + f.Name + "`"
			if f.Shorthand != "" {
				name += ", `-" + f.Shorthand + "`"
			}
			def := f.DefValue
			if def == "false" || def == "[]" || def == "" || (def == "0" && f.Value.Type() != "float64") {
				def = ""
			} else {
				def = "`" + def + "`"
			}
			fmt.Fprintf(&b, "| %s | %s | %s |\n", name, mdCell(def), mdCell(f.Usage))
		}
	}
	var inherited []string
	for _, f := range docFlags(c.InheritedFlags()) {
		inherited = append(inherited, "`--"+f.Name+"`")
	}
	if len(inherited) > 0 {
		fmt.Fprintf(&b, "\nAlso takes %s.\n", strings.Join(inherited, ", "))
	}
	b.WriteString("<!-- END cobra -->\n")
	return b.String()
}

// regenerate rewrites every generated block of doc from root and appends a
// section for each command the page lacks.
func regenerate(doc string, root *cobra.Command) string {
	byPath := map[string]*cobra.Command{}
	for _, c := range docCommands(root) {
		byPath[c.CommandPath()] = c
	}
	seen := map[string]bool{}
	doc = docBlockRe.ReplaceAllStringFunc(doc, func(m string) string {
		path := docBlockRe.FindStringSubmatch(m)[1]
		c, ok := byPath[path]
		if !ok {
			return "" // the command is gone; its heading stays for a person to remove
		}
		seen[path] = true
		return docBlock(c)
	})
	for _, c := range docCommands(root) {
		if !seen[c.CommandPath()] {
			doc += fmt.Sprintf("\n### `%s`\n\n%s", c.CommandPath(), docBlock(c))
		}
	}
	return doc
}

func TestDocsCLI(t *testing.T) {
	raw, err := os.ReadFile(cliDoc)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	root := Root()
	want := regenerate(doc, root)
	if *update && want != doc {
		if err := os.WriteFile(cliDoc, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		doc = want
	}
	if want != doc {
		t.Errorf("%s is out of date with the command tree: run go test ./backend/cli -run TestDocsCLI -update and write the prose of what changed", filepath.Base(cliDoc))
	}

	// Every command has its heading, and every heading names a command.
	cmds := docCommands(root)
	var paths []string
	for _, c := range cmds {
		paths = append(paths, c.CommandPath())
	}
	var headings []string
	for _, m := range docHeadingRe.FindAllStringSubmatch(doc, -1) {
		headings = append(headings, m[1])
	}
	for _, p := range paths {
		if !slices.Contains(headings, p) {
			t.Errorf("docs/cli.md has no heading ### `%s`", p)
		}
	}
	for _, h := range headings {
		if !slices.Contains(paths, h) {
			t.Errorf("docs/cli.md has a heading for %q, which is not a command", h)
		}
	}

	// Each generated block sits under its own command's heading.
	sections := docHeadingRe.Split(doc, -1)[1:]
	for i, sec := range sections {
		if i >= len(headings) {
			break
		}
		for _, m := range docBlockRe.FindAllStringSubmatch(sec, -1) {
			if m[1] != headings[i] {
				t.Errorf("the generated block of %q is under the heading of %q", m[1], headings[i])
			}
		}
		if !strings.Contains(sec, "<!-- BEGIN cobra: "+headings[i]+" -->") {
			t.Errorf("the section of %q has no generated block", headings[i])
		}
	}

	// Every --flag the page names exists on some command.
	flags := map[string]bool{"help": true}
	for _, c := range cmds {
		c.Flags().VisitAll(func(f *pflag.Flag) { flags[f.Name] = true })
		c.InheritedFlags().VisitAll(func(f *pflag.Flag) { flags[f.Name] = true })
	}
	for i, line := range strings.Split(doc, "\n") {
		for _, m := range docFlagRe.FindAllStringSubmatch(line, -1) {
			if !flags[m[1]] {
				t.Errorf("docs/cli.md:%d names --%s, which no command has", i+1, m[1])
			}
		}
	}
}
