package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"github.com/kodusbyok/studio/backend/cost"
	"github.com/kodusbyok/studio/backend/repocost"
	"github.com/kodusbyok/studio/backend/studio"
)

// repoFlags are `cost --repo DIR [--since 90d | --last N] [--branch B] …`.
type repoFlags struct {
	dir, since, branch string
	last               int
	ignore             []string
	context            string
	calls              repocost.Calls
}

func (r *repoFlags) register(f *pflag.FlagSet) {
	r.calls = repocost.DefaultCalls()
	f.StringVar(&r.dir, "repo", "", "price your own history: a local git repository (each merge, or each commit without merges, is one review)")
	f.StringVar(&r.since, "since", "", "with --repo: the window in days, such as 90d or 12w (default 90d)")
	f.IntVar(&r.last, "last", 0, "with --repo: the last N merges (or commits) instead of --since")
	f.StringVar(&r.branch, "branch", "", "with --repo: the branch to read (default: the checked-out one)")
	f.StringArrayVar(&r.ignore, "ignore", nil, "with --repo: one more ignore pattern (gitignore syntax; !PATTERN reviews it again); repeat")
	f.StringVar(&r.context, "context", strconv.Itoa(repocost.DefaultContextLines), "with --repo: context lines around each change, or 'file' for the whole file")
	f.Int64Var(&r.calls.FilePromptTokens, "file-prompt-tokens", r.calls.FilePromptTokens, "with --repo: the fixed prompt of each file review call, added to the file's diff")
}

// check refuses flags that do not go with --repo, or need it.
func (r *repoFlags) check(f *pflag.FlagSet) error {
	if r.dir == "" {
		for _, n := range []string{"since", "last", "branch", "ignore", "context", "file-prompt-tokens"} {
			if f.Changed(n) {
				return usagef("--%s goes with --repo DIR", n)
			}
		}
		return nil
	}
	for _, n := range []string{"prs", "files-per-pr", "file-input-tokens", "input-tokens", "output-tokens"} {
		if f.Changed(n) {
			return usagef("--%s comes from the repository with --repo; drop it", n)
		}
	}
	if f.Changed("since") && f.Changed("last") {
		return usagef("use --since or --last, not both")
	}
	return nil
}

// request turns the flags into a scan request.
func (r *repoFlags) request(s *studio.Studio) (studio.RepoScanRequest, error) {
	req := studio.RepoScanRequest{Dir: r.dir, Branch: r.branch, Last: r.last}
	if r.last == 0 {
		days, err := parseDays(r.since)
		if err != nil {
			return req, err
		}
		req.SinceDays = days
	}
	switch c := strings.TrimSpace(r.context); c {
	case "file", "whole":
		req.ContextLines = repocost.WholeFile
	default:
		n, err := strconv.Atoi(c)
		if err != nil || n < 0 {
			return req, usagef("--context must be a number of lines or 'file' (got %q)", r.context)
		}
		req.ContextLines = n
	}
	if len(r.ignore) > 0 {
		l, err := s.Repos().RepoIgnore()
		if err != nil {
			return req, err
		}
		req.Ignore = append(l.Lines, r.ignore...)
	}
	return req, nil
}

// parseDays reads 90d, 12w or 90 (days); empty is 90 days.
func parseDays(s string) (int, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return 90, nil
	}
	mult := 1
	switch {
	case strings.HasSuffix(s, "d"):
		s = strings.TrimSuffix(s, "d")
	case strings.HasSuffix(s, "w"):
		s, mult = strings.TrimSuffix(s, "w"), 7
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 || n*mult > 3650 {
		return 0, usagef("--since must be a number of days or weeks up to 10 years, such as 90d or 12w")
	}
	return n * mult, nil
}

// scanRepo runs the scan, with progress on a terminal's standard error.
func (a *app) scanRepo(s *studio.Studio, r *repoFlags) (string, error) {
	req, err := r.request(s)
	if err != nil {
		return "", err
	}
	progress := func(repocost.Progress) {}
	if f, ok := a.env.Stderr.(*os.File); ok && isTerminal(f) {
		progress = func(p repocost.Progress) {
			if p.Phase == "history" {
				fmt.Fprintf(f, "\rreading history: %d commits   ", p.Commits)
			} else {
				fmt.Fprintf(f, "\rmeasuring changes: %d of %d   ", p.Measured, p.Total)
			}
		}
		defer fmt.Fprint(f, "\r\033[K")
	}
	res, err := s.Repos().ScanRepo(a.ctx, req, progress)
	switch {
	case errors.Is(err, repocost.ErrCanceled):
		return "", &ExitError{Code: 130}
	case errors.Is(err, repocost.ErrEmptyWindow):
		return "", &UsageError{Err: fmt.Errorf("%w (window: --since DAYS or --last N)", err)}
	case repocost.IsInputError(err):
		return "", &UsageError{Err: err}
	case err != nil:
		return "", err
	case len(res.FieldErrors) > 0:
		return "", fieldErrs(res.FieldErrors)
	}
	return res.ID, nil
}

// repoJSON is the "repo" object of `cost --repo --json`.
type repoJSON struct {
	*repocost.Result
	Calls         repocost.Calls     `json:"calls"`
	TokenizerNote string             `json:"tokenizerNote"`
	Biggest       []studio.BigChange `json:"biggest"`
}

type costRepoJSON struct {
	*cost.Report
	Repo repoJSON `json:"repo"`
}

func printRepo(w io.Writer, r *studio.RepoReport, rows []cost.Row) {
	s := r.Scan
	unit := map[string]string{"merge": "merges (each merge is one reviewed pull request)", "commit": "commits (no merges: each commit is one review)"}[s.Unit]
	fmt.Fprintf(w, "Repository %s, branch %s: %d %s from %s to %s (%g days).\n", s.Path, s.Branch, s.ChangeCount, unit, s.From, s.To, s.Days)
	fmt.Fprintf(w, "%.1f changes a month · change size median %s, p90 %s, largest %s tokens · median %d files\n",
		s.PerMonth, tokens(s.MedianTokens), tokens(s.P90Tokens), tokens(s.MaxTokens), s.MedianFiles)
	var notes []string
	if s.Caveat != "" {
		notes = append(notes, s.Caveat)
	}
	if s.Direct > 0 {
		notes = append(notes, fmt.Sprintf("%d commits made directly on the branch are not counted (no pull request)", s.Direct))
	}
	if s.Unchanged > 0 {
		notes = append(notes, fmt.Sprintf("%d changes touch only ignored, binary or generated files: nothing to review", s.Unchanged))
	}
	if len(s.Skipped) > 0 {
		var parts []string
		for _, k := range []string{repocost.SkipIgnored, repocost.SkipBinary, repocost.SkipGenerated, repocost.SkipLarge, repocost.SkipDeleted, repocost.SkipNoChange, repocost.SkipUnreadable} {
			if n := s.Skipped[k]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, k))
			}
		}
		notes = append(notes, "files skipped: "+strings.Join(parts, ", "))
		if n := s.Skipped[repocost.SkipUnreadable]; n > 0 {
			notes = append(notes, fmt.Sprintf("%d files, folders or changes are not on disk (a partial or damaged clone) and were left out: `git fetch --refetch` restores them", n))
		}
	}
	ctx := fmt.Sprintf("%d lines of context", s.ContextLines)
	if s.ContextLines == repocost.WholeFile {
		ctx = "the whole file as context"
	}
	notes = append(notes, fmt.Sprintf("each file is one review call of %d prompt tokens plus its diff (%s); %s", r.Calls.FilePromptTokens, ctx, r.TokenizerNote))
	for _, n := range notes {
		fmt.Fprintf(w, "  · %s\n", n)
	}
	if len(r.Biggest) == 0 {
		return
	}
	first := -1 // the cheapest priced row prices the biggest changes
	for i, row := range rows {
		if row.Status == cost.StatusPriced {
			first = i
			break
		}
	}
	fmt.Fprintln(w, "\nBiggest changes:")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	head := "CHANGE\tDATE\tFILES\tTOKENS\tSHARE"
	if first >= 0 {
		head += "\tCOST (" + rows[first].Model + ")"
	}
	fmt.Fprintln(tw, head+"\tSUBJECT")
	for _, b := range r.Biggest {
		line := fmt.Sprintf("%s\t%s\t%d\t%s\t%.1f%%", b.Hash[:7], b.When, b.Files, tokens(b.Tokens), b.Share*100)
		if first >= 0 {
			for _, c := range b.Costs {
				if c.Model == rows[first].Model && c.Plan == rows[first].Plan && c.Slot == rows[first].Slot && c.Cost != nil {
					line += "\t" + usd(*c.Cost, 4)
				}
			}
		}
		fmt.Fprintln(tw, line+"\t"+b.Subject)
	}
	tw.Flush()
}
