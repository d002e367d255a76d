package repocost

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// Change is one reviewed change: a merge (what its pull request brought in)
// or a commit. Tokens is the size of what the reviewer reads: the sum of its
// files' diffs with context.
type Change struct {
	Hash    string     `json:"hash"`
	Subject string     `json:"subject"`
	When    time.Time  `json:"when"`
	Files   []FileSize `json:"files,omitempty"`
	Tokens  int64      `json:"tokens"`
	Skipped int        `json:"skipped"`
}

// Bin is one bar of the change-size histogram: changes of From ≤ tokens < To
// (To 0: no upper bound).
type Bin struct {
	From  int64 `json:"from"`
	To    int64 `json:"to"`
	Count int   `json:"count"`
}

// Result is a measured window. Changes holds every reviewed change, newest
// first; the summary fields are what the CLI and the GUI show.
type Result struct {
	Path      string  `json:"path"`
	Branch    string  `json:"branch"`
	Head      string  `json:"head"`
	Unit      string  `json:"unit"` // "merge" or "commit"
	Since     string  `json:"since,omitempty"`
	Last      int     `json:"last,omitempty"`
	From      string  `json:"from"` // the window, as dates
	To        string  `json:"to"`
	Days      float64 `json:"days"`
	Commits   int     `json:"commits"` // walked on the branch
	Direct    int     `json:"directCommits"`
	Unchanged int     `json:"notReviewed"` // changes with nothing to review
	// Changes and PerMonth are reviewed changes in the window and per month
	// (30.44 days).
	ChangeCount  int     `json:"changes"`
	PerMonth     float64 `json:"perMonth"`
	MedianTokens int64   `json:"medianTokens"`
	P90Tokens    int64   `json:"p90Tokens"`
	MaxTokens    int64   `json:"maxTokens"`
	TotalTokens  int64   `json:"totalTokens"`
	MedianFiles  int     `json:"medianFiles"`
	Files        int     `json:"files"` // reviewed files, all changes
	// Skipped counts changed files left out, by reason.
	Skipped      map[string]int `json:"skipped"`
	Histogram    []Bin          `json:"histogram"`
	Ignore       []string       `json:"ignore"`
	ContextLines int            `json:"contextLines"`
	Tokenizer    string         `json:"tokenizer"`
	Sliced       int            `json:"slicedLines,omitempty"`
	// Caveat warns that the month is projected from little history.
	Caveat    string `json:"caveat,omitempty"`
	ElapsedMs int64  `json:"elapsedMs"`
	changes   []Change
	seconds   int64 // the window's length
}

const monthSeconds = 2_629_746 // 30.436875 days: a Gregorian year / 12

func newResult(root, branch string, tip plumbing.Hash, o Options, rules *Rules, sel selection, w walkResult) *Result {
	r := &Result{Path: root, Branch: branch, Head: tip.String(), Unit: sel.unit, Last: o.Last, Commits: len(w.commits), Direct: sel.direct,
		Ignore: rules.Lines(), ContextLines: o.ContextLines, Tokenizer: Encoding, Skipped: map[string]int{}, Histogram: []Bin{}}
	if o.Since > 0 {
		r.Since = fmtDays(o.Since)
	}
	return r
}

func fmtDays(d time.Duration) string {
	return strconv.FormatInt(int64(math.Round(d.Hours()/24)), 10) + "d"
}

// finish turns the measured changes into the summary; the window is
// [start, now].
func (r *Result) finish(sel selection, all []measured, start, now time.Time) {
	for i, c := range sel.changes {
		m := all[i]
		skipped := 0
		for reason, n := range m.skipped {
			r.Skipped[reason] += n
			skipped += n
		}
		if len(m.files) == 0 {
			r.Unchanged++
			continue
		}
		ch := Change{Hash: c.hash.String(), Subject: c.subject, When: c.when, Files: m.files, Skipped: skipped}
		for _, f := range m.files {
			ch.Tokens += f.Tokens
		}
		r.changes = append(r.changes, ch)
	}
	r.seconds = max(int64(now.Sub(start).Seconds()), 86400)
	r.From, r.To = start.Format("2006-01-02"), now.Format("2006-01-02")
	r.Days = math.Round(float64(r.seconds)/86400*10) / 10
	r.ChangeCount = len(r.changes)
	r.PerMonth = math.Round(float64(r.ChangeCount)*monthSeconds/float64(r.seconds)*10) / 10
	r.Caveat = caveat(r.Days, r.ChangeCount)
	r.stats()
}

// Below these, a month projected from the window is a guess.
const (
	steadyDays    = 28
	steadyChanges = 10
)

// caveat says when a month is projected from too little history.
func caveat(days float64, changes int) string {
	switch {
	case days < steadyDays:
		return fmt.Sprintf("A month projected from %g days of history: a short window can catch an unusually quiet or busy stretch, so the monthly figures may be off; read %d days or more for a steadier figure.", days, steadyDays)
	case changes < steadyChanges:
		return fmt.Sprintf("A month projected from only %d changes: a few large or small ones move it a lot; read a longer window for a steadier figure.", changes)
	}
	return ""
}

// Changes returns the reviewed changes, newest first.
func (r *Result) Changes() []Change { return r.changes }

// MonthScale is the window's length as a fraction of a month: per month is
// the window's total × Num / Den.
func (r *Result) MonthScale() (num, den int64) { return monthSeconds, r.seconds }

func (r *Result) stats() {
	n := len(r.changes)
	if n == 0 {
		return
	}
	sizes := make([]int64, n)
	files := make([]int, n)
	for i, c := range r.changes {
		sizes[i], files[i] = c.Tokens, len(c.Files)
		r.TotalTokens += c.Tokens
		r.Files += len(c.Files)
	}
	sort.Slice(sizes, func(i, j int) bool { return sizes[i] < sizes[j] })
	sort.Ints(files)
	r.MedianTokens, r.P90Tokens, r.MaxTokens = rank(sizes, 50), rank(sizes, 90), sizes[n-1]
	r.MedianFiles = files[rankIndex(n, 50)]
	r.Histogram = histogram(sizes)
}

// rank is the nearest-rank percentile: the smallest size that at least p %
// of the changes do not exceed (always a real change's size).
func rank(sorted []int64, p int) int64 { return sorted[rankIndex(len(sorted), p)] }

func rankIndex(n, p int) int { return max((n*p+99)/100, 1) - 1 }

// binEdges are the histogram's bounds in tokens: 1-2-5 steps, since change
// sizes spread over orders of magnitude.
var binEdges = []int64{0, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000}

// histogram counts changes per bin, from the first bin with a change to the
// last (the last bin open-ended).
func histogram(sorted []int64) []Bin {
	bins := make([]Bin, len(binEdges))
	for i, from := range binEdges {
		bins[i].From = from
		if i+1 < len(binEdges) {
			bins[i].To = binEdges[i+1]
		}
	}
	for _, s := range sorted {
		i := sort.Search(len(binEdges), func(i int) bool { return binEdges[i] > s }) - 1
		bins[i].Count++
	}
	lo, hi := 0, len(bins)-1
	for lo < hi && bins[lo].Count == 0 {
		lo++
	}
	for hi > lo && bins[hi].Count == 0 {
		hi--
	}
	return bins[lo : hi+1]
}

// Biggest returns the n changes with the most tokens, biggest first.
func (r *Result) Biggest(n int) []Change {
	idx := make([]int, len(r.changes))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return r.changes[idx[a]].Tokens > r.changes[idx[b]].Tokens })
	var out []Change
	for _, i := range idx[:min(n, len(idx))] {
		out = append(out, r.changes[i])
	}
	return out
}
