package cli

import (
	"context"
	"io"
	"strings"
	"testing"
)

// The names that pick a single command to build are the commands' own.
func TestCommandNames(t *testing.T) {
	a := &app{env: Env{Getenv: func(string) string { return "" }, Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard}, ctx: context.Background()}
	seen := map[string]bool{}
	for _, c := range commands {
		cmd := c.build(a)
		if cmd.Name() != c.name || len(cmd.Aliases) > 0 {
			t.Errorf("commands lists %q for the command %q (aliases %v): named() would miss it", c.name, cmd.Name(), cmd.Aliases)
		}
		if seen[c.name] {
			t.Errorf("%q listed twice", c.name)
		}
		seen[c.name] = true
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"env", "team"}, "env"},
		{[]string{"profile", "list"}, "profile"},
		{[]string{"help", "env"}, ""},
		{[]string{"--kodus-line", "current", "env"}, ""},
		{[]string{"evn"}, ""},
		{nil, ""},
	} {
		if got := named(tc.args); got != tc.want {
			t.Errorf("named(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}

// Help still lists every command: the whole tree is built when the first
// argument names none.
func TestWholeTreeWhenNoCommandIsNamed(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"help"}} {
		var out, errOut strings.Builder
		Run(context.Background(), Env{Args: args, Getenv: func(string) string { return "" }, Stdout: &out, Stderr: &errOut})
		text := out.String() + errOut.String()
		for _, want := range []string{"env", "profile", "kodus"} {
			if !strings.Contains(text, want) {
				t.Errorf("%v: the output does not mention %q:\n%s", args, want, text)
			}
		}
	}
}

// A mistyped command gets cobra's suggestion and the usage exit status.
func TestUnknownCommandSuggests(t *testing.T) {
	var out, errOut strings.Builder
	code := Run(context.Background(), Env{Args: []string{"evn"}, Getenv: func(string) string { return "" }, Stdout: &out, Stderr: &errOut})
	if code != ExitUsage || !strings.Contains(errOut.String(), "unknown command \"evn\"") || !strings.Contains(errOut.String(), "Did you mean this?\n\tenv") {
		t.Fatalf("evn: exit %d, %q", code, errOut.String())
	}
}
