package thinking

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Problem is one thing wrong with the Custom JSON, placed where the user
// can fix it: 1-based line and column (in characters) and, for a value
// that breaks a schema rule, its path such as anthropic.thinking.type.
type Problem struct {
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Path    string `json:"path,omitempty"`
	Message string `json:"message"`
}

func (p Problem) String() string {
	if p.Path != "" {
		return fmt.Sprintf("line %d, column %d: %s: %s", p.Line, p.Column, p.Path, p.Message)
	}
	return fmt.Sprintf("line %d, column %d: %s", p.Line, p.Column, p.Message)
}

// OverrideError is a Custom JSON that Kodus must not be given: it does not
// parse, is not an object, or breaks a provider's documented rules. Kodus
// itself silently drops such an override; we refuse it instead.
type OverrideError struct {
	Problems []Problem
}

func (e *OverrideError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.String()
	}
	return strings.Join(parts, "; ")
}

// doc is a parsed JSON document with the place of every value, so schema
// errors can point at the right line.
type doc struct {
	value any
	locs  map[string]loc // by JSON pointer ("" is the root)
	dups  []string       // display paths of keys given twice
	lines []int          // byte offset where each line starts
	src   []byte
}

type loc struct {
	offset  int
	display string // anthropic.thinking.budgetTokens, provider.order[1]
}

// pos turns a byte offset into a 1-based line and character column.
func (d *doc) pos(offset int) (line, col int) {
	i := sort.Search(len(d.lines), func(i int) bool { return d.lines[i] > offset }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, utf8.RuneCount(d.src[d.lines[i]:offset]) + 1
}

func (d *doc) problemAt(offset int, path, format string, a ...any) Problem {
	line, col := d.pos(offset)
	return Problem{Line: line, Column: col, Path: path, Message: fmt.Sprintf(format, a...)}
}
