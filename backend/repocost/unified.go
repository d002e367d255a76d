package repocost

import (
	"strconv"
	"strings"

	dmp "github.com/sergi/go-diff/diffmatchpatch"
)

// WholeFile as the context means the whole file around the changes.
const WholeFile = -1

// unified renders what a reviewer reads for one file, as GitHub's pull
// request "patch" shows it (the source Kodus reviews from): the file names,
// then the hunks with their context lines. It also counts changed lines.
func unified(fromName, toName, older, newer string, context int) (string, int, int) {
	return newRenderer().unified(fromName, toName, older, newer, context)
}

// renderer keeps a worker's buffers from one file to the next.
//
// The hunks are exactly those of go-git's diff.UnifiedEncoder (hunks below
// follows its hunksGenerator step by step, quirks included); it is
// rewritten only to split lines without a regular expression and to write
// each hunk as it closes instead of keeping every line as an object.
// unified_test.go compares the two on many inputs.
type renderer struct {
	lines *lineDiffer
	h     hunks
}

func newRenderer() *renderer { return &renderer{lines: newLineDiffer()} }

func (r *renderer) unified(fromName, toName, older, newer string, context int) (string, int, int) {
	if context == WholeFile {
		context = 1 << 30
	}
	diffs := r.lines.diff(older, newer)
	added, deleted := 0, 0
	for _, d := range diffs {
		switch d.Type {
		case dmp.DiffInsert:
			added += lines(d.Text)
		case dmp.DiffDelete:
			deleted += lines(d.Text)
		}
	}
	g := &r.h
	g.reset(diffs, context)
	g.out = append(g.out, "--- "+fromName+"\n+++ "+toName+"\n"...)
	g.generate()
	text := string(g.out)
	if cap(g.out) > 1<<20 { // let a rare big diff's buffer go
		g.out = nil
	}
	return text, added, deleted
}

func lines(s string) int {
	n := strings.Count(s, "\n")
	if !strings.HasSuffix(s, "\n") {
		n++
	}
	return n
}

// splitLines cuts s after each line feed (the last line may have none), as
// go-git's `[^\n]*(\n|$)` does.
func splitLines(s string, out []string) []string {
	out = out[:0]
	for s != "" {
		i := strings.IndexByte(s, '\n') + 1
		if i == 0 {
			i = len(s)
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return out
}

// diffLine is one line of a hunk: ' ', '+' or '-', and its text.
type diffLine struct {
	op   byte
	text string
}

// hunks is go-git's hunksGenerator. Its line numbers are go-git's: they can
// differ from GNU diff's in corner cases, and the counts must not change.
type hunks struct {
	out                  []byte
	diffs                []dmp.Diff
	ctx                  int
	fromLine, toLine     int
	open                 bool // a hunk is in progress
	hFrom, hTo           int  // its first lines
	hFromCount, hToCount int
	hPrefix              string
	hLines               []diffLine
	before, after, split []string
}

func (g *hunks) generate() {
	for i, d := range g.diffs {
		g.split = splitLines(d.Text, g.split)
		ls, n := g.split, len(g.split)
		switch d.Type {
		case dmp.DiffEqual:
			g.fromLine += n
			g.toLine += n
			g.equals(ls, i)
		case dmp.DiffDelete:
			g.change(i, d.Type, &g.fromLine, '-', ls)
		case dmp.DiffInsert:
			g.change(i, d.Type, &g.toLine, '+', ls)
		}
		if i == len(g.diffs)-1 && g.open {
			g.flush()
		}
	}
}

// change adds deleted or inserted lines to the hunk (opening one if need
// be); line is the counter of the side they belong to.
func (g *hunks) change(i int, op dmp.Operation, line *int, sign byte, ls []string) {
	if len(ls) != 0 {
		*line++
	}
	g.start(i, op)
	*line += len(ls) - 1
	g.add(sign, ls)
}

// start is processHunk: open a hunk with the context kept before it.
func (g *hunks) start(i int, op dmp.Operation) {
	if g.open {
		return
	}
	prefix := ""
	before := len(g.before)
	if before > g.ctx {
		prefix = g.before[before-g.ctx-1]
		g.before = g.before[before-g.ctx:]
		before = g.ctx
	}
	g.open, g.hFromCount, g.hToCount, g.hLines = true, 0, 0, g.hLines[:0]
	g.hPrefix = strings.TrimSuffix(prefix, "\n")
	g.add(' ', g.before)
	if op == dmp.DiffDelete {
		g.hFrom, g.hTo = g.lineNumbers(g.fromLine, g.toLine, before, i, dmp.DiffInsert)
	} else {
		g.hTo, g.hFrom = g.lineNumbers(g.toLine, g.fromLine, before, i, dmp.DiffDelete)
	}
	g.before = g.before[:0]
}

// lineNumbers is addLineNumbers: where the hunk starts on both sides.
func (g *hunks) lineNumbers(la, lb, before, i int, op dmp.Operation) (int, int) {
	cla, clb := la-before, 0
	switch {
	case before != 0 && g.ctx != 0:
		clb = 1
		if lb > g.ctx {
			clb = lb - g.ctx + 1
		}
	case g.ctx == 0:
		clb = lb
	case i != len(g.diffs)-1:
		if next := g.diffs[i+1].Type; next == op || next == dmp.DiffEqual {
			clb = lb + 1
		}
	}
	return cla, clb
}

// equals is processEqualsLines: context for the open hunk, or before the
// next one; a long enough run closes the hunk.
func (g *hunks) equals(ls []string, i int) {
	if !g.open {
		g.before = append(g.before, ls...)
		return
	}
	g.after = append(g.after, ls...)
	if len(g.after) <= g.ctx*2 && i != len(g.diffs)-1 {
		g.add(' ', g.after)
		g.after = g.after[:0]
		return
	}
	n := min(g.ctx, len(g.after))
	g.add(' ', g.after[:n])
	g.flush()
	g.before = append(g.before[:0], g.after[n:]...)
	g.after = g.after[:0]
}

func (g *hunks) add(op byte, ls []string) {
	switch op {
	case '+':
		g.hToCount += len(ls)
	case '-':
		g.hFromCount += len(ls)
	default:
		g.hToCount += len(ls)
		g.hFromCount += len(ls)
	}
	for _, l := range ls {
		g.hLines = append(g.hLines, diffLine{op, l})
	}
}

// flush writes the open hunk as hunk.writeTo does.
func (g *hunks) flush() {
	o := append(g.out, "@@ -"...)
	o = strconv.AppendInt(o, int64(g.hFrom), 10)
	if g.hFromCount != 1 {
		o = strconv.AppendInt(append(o, ','), int64(g.hFromCount), 10)
	}
	o = strconv.AppendInt(append(o, " +"...), int64(g.hTo), 10)
	if g.hToCount != 1 {
		o = strconv.AppendInt(append(o, ','), int64(g.hToCount), 10)
	}
	o = append(o, " @@"...)
	if g.hPrefix != "" {
		o = append(append(o, ' '), g.hPrefix...)
	}
	o = append(o, '\n')
	for _, l := range g.hLines {
		o = append(o, l.op)
		if text, ok := strings.CutSuffix(l.text, "\n"); ok {
			o = append(o, text...)
		} else {
			o = append(append(o, l.text...), "\n\\ No newline at end of file"...)
		}
		o = append(o, '\n')
	}
	g.out, g.open = o, false
}

// reset readies the generator for another file, keeping its buffers.
func (g *hunks) reset(diffs []dmp.Diff, context int) {
	g.diffs, g.ctx, g.fromLine, g.toLine, g.open = diffs, context, 0, 0, false
	g.out, g.before, g.after = g.out[:0], g.before[:0], g.after[:0]
}
