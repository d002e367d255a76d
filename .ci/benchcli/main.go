// Command benchcli times whole runs of the command-line binary against a
// hello-world Go binary, side by side: each round runs the baseline and
// every command once, in a shuffled order, so a load that comes and goes
// on a shared machine hits both alike. It prints the median and fastest
// run of each and its ratio to the baseline, and fails when a command's
// median is over -max times the baseline's. Usage (make bench-cli):
//
//	benchcli -cli build/bin/kodus-byok-cli -hello build/bin/bench-hello [-runs 40]
//
// The commands run against a temporary data dir with 20 profiles, keys in
// the file keychain unless KODUS_BYOK_KEYRING names another (the Makefile
// also runs it inside a private Secret Service).
package main

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

func main() {
	cli := flag.String("cli", "build/bin/kodus-byok-cli", "the command-line binary")
	hello := flag.String("hello", "build/bin/bench-hello", "the hello-world baseline")
	runs := flag.Int("runs", 40, "rounds")
	maxRatio := flag.Float64("max", 4, "the largest median ratio to the baseline that passes")
	flag.Parse()
	if err := run(*cli, *hello, *runs, *maxRatio); err != nil {
		fmt.Fprintln(os.Stderr, "bench-cli:", err)
		os.Exit(1)
	}
}

type bench struct {
	name  string
	argv  []string
	times []time.Duration
}

func run(cli, hello string, runs int, maxRatio float64) error {
	home, err := os.MkdirTemp("", "bench-cli-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(home)
	env := append(os.Environ(), "KODUS_BYOK_HOME="+filepath.Join(home, "data"), "NO_COLOR=1")
	keyring := os.Getenv("KODUS_BYOK_KEYRING")
	if keyring == "" {
		keyring = "file"
		env = append(env, "KODUS_BYOK_KEYRING=file", "KODUS_BYOK_KEYRING_PASSPHRASE=bench-cli")
	}
	for i := 1; i <= 20; i++ {
		c := exec.Command(cli, "profile", "set", fmt.Sprintf("team-%02d", i), "--provider", "anthropic",
			"--model", "claude-sonnet-4-6", "--key-stdin")
		c.Env = env
		c.Stdin = strings.NewReader(fmt.Sprintf("sk-ant-api03-FAKEbench-%020d-x1", i))
		if out, err := c.CombinedOutput(); err != nil {
			return fmt.Errorf("setting up profile %d: %v\n%s", i, err, out)
		}
	}
	benches := []*bench{
		{name: "hello world (baseline)", argv: []string{hello}},
		{name: "catalog --json", argv: []string{cli, "catalog", "--json"}},
		{name: "profile list --json (20 profiles)", argv: []string{cli, "profile", "list", "--json"}},
		{name: "env NAME", argv: []string{cli, "env", "team-07"}},
		{name: "options NAME --json", argv: []string{cli, "options", "team-07", "--json"}},
	}
	for _, b := range benches { // warm the page cache and check each works
		for range 3 {
			if _, err := timeRun(b.argv, env); err != nil {
				return fmt.Errorf("%s: %w", b.name, err)
			}
		}
	}
	order := slices.Clone(benches)
	for range runs {
		rand.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, b := range order {
			d, err := timeRun(b.argv, env)
			if err != nil {
				return fmt.Errorf("%s: %w", b.name, err)
			}
			b.times = append(b.times, d)
		}
	}

	size := ""
	if st, err := os.Stat(cli); err == nil {
		size = fmt.Sprintf(", %.1f MB", float64(st.Size())/1e6)
	}
	fmt.Printf("%s%s; keychain %s; %d rounds, shuffled\n\n", cli, size, keyring, runs)
	fmt.Printf("%-36s %10s %10s %8s\n", "command", "median", "fastest", "× hello")
	base := median(benches[0].times)
	var over []string
	for _, b := range benches {
		m := median(b.times)
		ratio := float64(m) / float64(base)
		mark := ""
		if b != benches[0] && ratio > maxRatio {
			mark = fmt.Sprintf("  over %.0f×", maxRatio)
			over = append(over, b.name)
		}
		fmt.Printf("%-36s %10s %10s %7.1f×%s\n", b.name, ms(m), ms(slices.Min(b.times)), ratio, mark)
	}
	if len(over) > 0 {
		return fmt.Errorf("over %.0f× the baseline: %s", maxRatio, strings.Join(over, ", "))
	}
	return nil
}

func timeRun(argv, env []string) (time.Duration, error) {
	c := exec.Command(argv[0], argv[1:]...)
	c.Env = env
	c.Stdout = io.Discard
	var stderr strings.Builder
	c.Stderr = &stderr
	start := time.Now()
	err := c.Run()
	d := time.Since(start)
	if err != nil {
		return 0, fmt.Errorf("%v: %s", err, stderr.String())
	}
	return d, nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
