package repocost

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-git/go-git/v5/utils/diff"
	dmp "github.com/sergi/go-diff/diffmatchpatch"
)

// lineDiffer is go-git's diff.Do: diffmatchpatch's diff over lines, each
// line stood for by one rune, with the same one-hour timeout. It feeds the
// same runes to the same DiffMainRunes, so the diff is the same; only the
// glue around it is cheaper. go-diff builds the rune strings through
// several temporary arrays and a new map per file, and rebuilds each
// result's text by joining its lines; here the map and the slices are kept
// from one file to the next, and a result's text is cut from the file
// itself (its lines are consecutive there). linediff_test.go compares the
// two.
type lineDiffer struct {
	dmp        *dmp.DiffMatchPatch
	ids        map[string]int
	a, b       []rune
	offA, offB []int // where each line starts, and the text's end
}

func newLineDiffer() *lineDiffer {
	d := dmp.New()
	d.DiffTimeout = time.Hour
	return &lineDiffer{dmp: d, ids: map[string]int{}}
}

func (l *lineDiffer) diff(src, dst string) []dmp.Diff {
	if len(l.ids) > 1<<12 { // a big file's map would be slow to clear
		l.ids = map[string]int{}
	}
	clear(l.ids)
	l.a, l.offA = l.runes(src, l.a[:0], l.offA[:0])
	l.b, l.offB = l.runes(dst, l.b[:0], l.offB[:0])
	if len(l.ids) > maxLineIDs { // go-diff's limit; beyond 1 MiB files only
		return diff.Do(src, dst)
	}
	diffs := l.dmp.DiffMainRunes(l.a, l.b, false)
	ia, ib := 0, 0
	for i, d := range diffs {
		n := utf8.RuneCountInString(d.Text) // lines
		switch d.Type {
		case dmp.DiffEqual:
			diffs[i].Text = src[l.offA[ia]:l.offA[ia+n]]
			ia, ib = ia+n, ib+n
		case dmp.DiffDelete:
			diffs[i].Text = src[l.offA[ia]:l.offA[ia+n]]
			ia += n
		case dmp.DiffInsert:
			diffs[i].Text = dst[l.offB[ib]:l.offB[ib+n]]
			ib += n
		}
	}
	return diffs
}

// runes numbers the lines of text (a line keeps its "\n"; the last may
// have none) in order of first sight across both texts, from 1, as go-diff
// does, and maps each number to a rune as go-diff's intToRune does.
func (l *lineDiffer) runes(text string, rs []rune, offs []int) ([]rune, []int) {
	for start := 0; start < len(text); {
		end := len(text)
		if i := strings.IndexByte(text[start:], '\n'); i >= 0 {
			end = start + i + 1
		}
		line := text[start:end]
		id, ok := l.ids[line]
		if !ok {
			id = len(l.ids) + 1
			l.ids[line] = id
		}
		rs = append(rs, lineRune(id))
		offs = append(offs, start)
		start = end
	}
	return rs, append(offs, len(text))
}

// maxLineIDs is the number of lines intToRune can stand for.
const maxLineIDs = utf8.MaxRune - dmp.UNICODE_INVALID_RANGE_DELTA - 3

// lineRune is go-diff's intToRune: numbers as runes, skipping the UTF-16
// surrogates (and, as go-diff does, the three code points after them).
func lineRune(i int) rune {
	switch {
	case i < dmp.UNICODE_INVALID_RANGE_START:
		return rune(i)
	case i < 1<<16-dmp.UNICODE_INVALID_RANGE_DELTA-3:
		return rune(i + dmp.UNICODE_INVALID_RANGE_DELTA)
	}
	return rune(i + dmp.UNICODE_INVALID_RANGE_DELTA + 3)
}
