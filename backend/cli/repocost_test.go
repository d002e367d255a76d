package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/repocost/repotest"
)

// The whole chain on a repository with known diffs, against hand-computed
// numbers: the two diffs are 41 and 49 o200k_base tokens (pinned in
// backend/repocost), each a file call of 4,500 + diff prompt and 800
// answer tokens, plus 4 extra calls of 10,000 / 1,000, thinking Off.
// Window input 4,541 + 4,549 + 8 × 10,000 = 89,090 and output 9,600 tokens:
// at Sonnet 4.6's 3 / 15 USD per 1M, 0.26727 + 0.144 = $0.41127 for the two
// changes, $0.205635 a change, and over 30 days a month is
// 0.41127 × 2,629,746 s / 2,592,000 s = $0.417259119375.
func TestCostRepoHandComputed(t *testing.T) {
	h := newHarness(t)
	dir := repotest.Sample(t)
	r := h.ok("", "cost", "--repo", dir, "--since", "30d", "--model", "claude-sonnet-4-6", "--thinking", "off", "--json")
	var out struct {
		costJSON
		Repo struct {
			Changes      int            `json:"changes"`
			PerMonth     float64        `json:"perMonth"`
			MedianTokens int64          `json:"medianTokens"`
			P90Tokens    int64          `json:"p90Tokens"`
			Unit         string         `json:"unit"`
			Skipped      map[string]int `json:"skipped"`
			Biggest      []struct {
				Subject string `json:"subject"`
				Tokens  int64  `json:"tokens"`
				Costs   []struct {
					Model string  `json:"model"`
					Cost  *string `json:"cost"`
				} `json:"costs"`
			} `json:"biggest"`
		} `json:"repo"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	rp := out.Repo
	if rp.Changes != 2 || rp.PerMonth != 2 || rp.MedianTokens != 41 || rp.P90Tokens != 49 || rp.Unit != "commit" || rp.Skipped["ignored"] != 1 {
		t.Errorf("repo = %+v", rp)
	}
	row := out.Rows[0]
	if len(out.Rows) != 1 || *row.PerPR != "0.205635" || *row.PerMonth != "0.417259119375" || row.InputTokens != 44545 || row.OutputTokens != 4800 || row.ReasoningTokens != 0 {
		t.Errorf("row = %+v (per PR %s, per month %s)", row, *row.PerPR, *row.PerMonth)
	}
	// The biggest change alone: 4,549 + 40,000 in, 4,800 out = $0.205647.
	if b := rp.Biggest[0]; b.Subject != "add util" || b.Tokens != 49 || *b.Costs[0].Cost != "0.205647" {
		t.Errorf("biggest = %+v", b)
	}
	for _, f := range []string{`"repo"`, `"changes"`, `"perMonth"`, `"medianTokens"`, `"p90Tokens"`, `"rows"`, `"pricedAt"`} {
		if !strings.Contains(r.stdout, f) {
			t.Errorf("--json lacks %s", f)
		}
	}
	if strings.Contains(r.stdout, `"workload"`) {
		t.Error("the repository's changes are summarised, not listed as a workload")
	}

	text := h.ok("", "cost", "--repo", dir, "--since", "30d", "--model", "claude-sonnet-4-6", "--model", "glm-5.1").stdout
	for _, want := range []string{"2 commits (no merges", "2.0 changes a month", "median 41, p90 49", "Biggest changes", "add util", "1 ignored", "o200k_base", "tokenizer counts code about 20–30 % higher"} {
		if !strings.Contains(text, want) {
			t.Errorf("text output lacks %q:\n%s", want, text)
		}
	}
}

func TestCostRepoIgnoreAndLast(t *testing.T) {
	h := newHarness(t)
	dir := repotest.Sample(t)
	// Ignoring main.go leaves "say hello" with nothing to review; un-ignoring
	// go.sum reviews it.
	var out struct {
		Repo struct {
			Changes int      `json:"changes"`
			Ignore  []string `json:"ignore"`
			Unrev   int      `json:"notReviewed"`
		} `json:"repo"`
	}
	r := h.ok("", "cost", "--repo", dir, "--last", "2", "--model", "glm-5.1", "--ignore", "main.go", "--json")
	_ = json.Unmarshal([]byte(r.stdout), &out)
	if out.Repo.Changes != 1 || out.Repo.Unrev != 1 || out.Repo.Ignore[len(out.Repo.Ignore)-1] != "main.go" {
		t.Errorf("--ignore main.go: %+v", out.Repo)
	}
	r = h.ok("", "cost", "--repo", dir, "--last", "3", "--model", "glm-5.1", "--ignore", "!go.sum", "--context", "file", "--json")
	_ = json.Unmarshal([]byte(r.stdout), &out)
	if out.Repo.Changes != 3 {
		t.Errorf("--last 3 with go.sum reviewed: %+v", out.Repo)
	}
}

// Bad input: exit status 2 and a message that says what is wrong.
func TestCostRepoBadInput(t *testing.T) {
	h := newHarness(t)
	dir := repotest.Sample(t)
	plain := t.TempDir()
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"--repo", plain}, "not a git repository"},
		{[]string{"--repo", dir, "--branch", "nope"}, `branch not found: "nope"`},
		{[]string{"--repo", dir, "--since", "2d"}, "nothing to review in the window"},
		{[]string{"--repo", dir, "--since", "30d", "--last", "3"}, "--since or --last"},
		{[]string{"--repo", dir, "--prs", "10"}, "--prs comes from the repository"},
		{[]string{"--since", "30d"}, "--since goes with --repo"},
		{[]string{"--repo", dir, "--since", "soon"}, "--since must be"},
		{[]string{"--repo", dir, "--context", "x"}, "--context must be"},
		{[]string{"--repo", dir, "--ignore", "a**b"}, "ignore: line"},
		{[]string{"--repo", dir, "--file-prompt-tokens", "-5"}, "filePromptTokens"},
	} {
		r := h.run("", append([]string{"cost", "--model", "glm-5.1"}, tc.args...)...)
		if r.code != ExitUsage || !strings.Contains(r.stderr, tc.says) || r.stdout != "" {
			t.Errorf("%v: exit %d, stderr %q", tc.args, r.code, r.stderr)
		}
	}
}
