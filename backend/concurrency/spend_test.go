package concurrency

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/spend.md from real probes")

const spendFile = "testdata/spend.md"

// checkSpendTable writes the table of requests spent (quoted in
// docs/concurrency.md) from the
// Z.ai-style probes of TestProbeFindsTheExactCap (go test
// ./backend/concurrency -run ExactCap -update). Without -update it checks
// that the fresh run matches the committed figures exactly. They leave out
// the late launches (those that left before a rejection was back): how
// many there are depends on the machine's load, the rest does not.
func checkSpendTable(t *testing.T, reports []Report) {
	t.Helper()
	var b strings.Builder
	b.WriteString("| Cap N | Requests sent | Bursts | Requests / N | Naive ramp N(N+1)/2 | Naive ramp with its rejected burst | Saved vs naive |\n|---:|---:|---:|---:|---:|---:|---:|\n")
	fresh := map[int]int{}
	for i, n := range caps {
		rep := reports[i]
		// The naive ramp sends 1, 2, … N (N(N+1)/2 requests) and then needs
		// a burst of N+1 to see the rejection.
		naive, full := n*(n+1)/2, (n+1)*(n+2)/2
		sent := rep.Requests - rep.Late
		fresh[n] = sent
		fmt.Fprintf(&b, "| %d | %d | %d | %.1f | %d | %d | %s |\n", n, sent, rep.Rounds, float64(sent)/float64(n), naive, full, saved(full, sent))
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(spendFile), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(spendFile, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	committed, err := os.ReadFile(spendFile)
	if err != nil {
		t.Fatalf("%v (go test ./backend/concurrency -run ExactCap -update)", err)
	}
	row := regexp.MustCompile(`(?m)^\| (\d+) \| (\d+) \|`)
	seen := 0
	for _, m := range row.FindAllStringSubmatch(string(committed), -1) {
		n, _ := strconv.Atoi(m[1])
		was, _ := strconv.Atoi(m[2])
		got, ok := fresh[n]
		if !ok {
			continue
		}
		seen++
		if got != was || was > bound(n) {
			t.Errorf("N=%d: committed %d requests, a fresh probe sent %d (bound %d): run with -update", n, was, got, bound(n))
		}
	}
	if seen != len(caps) {
		t.Errorf("%s has %d of %d rows: run with -update", spendFile, seen, len(caps))
	}
}

func saved(naive, got int) string {
	if naive <= got {
		return "—"
	}
	return fmt.Sprintf("%.0f %%", 100*float64(naive-got)/float64(naive))
}
