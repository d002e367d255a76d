package studio

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/paths"
)

// Lines follows a Kodus release line and moves slots to what it
// recommends.
type Lines struct{ *core }

// Lines is the Kodus line service.
func (s *Studio) Lines() *Lines { return &Lines{s.c} }

// The Kodus release line the user runs is a choice of the data dir, kept in
// a small JSON file beside the profile database (not in it, so reading it
// never waits for the database lock and `catalog` works without opening
// the store).

// lineFile is the file that holds the chosen line.
const lineFile = "kodus-line.json"

// Where a line choice came from.
const (
	LineFromDefault = "default"
	LineFromFile    = "saved"
	LineFromFlag    = "flag"
)

type lineChoice struct {
	Line  string    `json:"line"`
	SetAt time.Time `json:"setAt"`
}

// LineInfo is the line in force and where it came from.
type LineInfo struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Release     string `json:"release"`
	Description string `json:"description"`
	// Source is default, saved or flag.
	Source string `json:"source"`
	// Saved is the line saved in the data dir ("" when none is).
	Saved string `json:"saved,omitempty"`
	// Lines lists every line the app knows.
	Lines []LineSummary `json:"lines"`
}

// LineSummary is one line, for a picker.
type LineSummary struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Release     string `json:"release"`
	Description string `json:"description"`
}

// SavedLine reads the line saved in a data dir: "" when none is saved.
// A file that cannot be read or names an unknown line is an error, never
// silently the default.
func SavedLine(home string) (string, error) {
	data, err := os.ReadFile(filepath.Join(home, lineFile))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read the saved Kodus line: %w", err)
	}
	var c lineChoice
	if err := json.Unmarshal(data, &c); err != nil {
		return "", fmt.Errorf("%s is not valid JSON (%v): set the line again with `kodus-byok kodus line set current`", filepath.Join(home, lineFile), err)
	}
	if _, err := kodusline.Get(c.Line); err != nil {
		return "", fmt.Errorf("%s: %w", filepath.Join(home, lineFile), err)
	}
	return kodusline.Normalize(c.Line), nil
}

// SaveLine writes the chosen line into the data dir: a temp file renamed
// into place, so a crash never leaves half a file.
func SaveLine(home, id string, now time.Time) error {
	l, err := kodusline.Get(id)
	if err != nil {
		return err
	}
	if err := paths.Ensure(home); err != nil {
		return err
	}
	data, err := json.MarshalIndent(lineChoice{Line: l.ID, SetAt: now}, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(home, ".kodus-line-*")
	if err != nil {
		return fmt.Errorf("save the Kodus line: %w", err)
	}
	_, werr := tmp.Write(append(data, '\n'))
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("save the Kodus line: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(home, lineFile)); err != nil {
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("save the Kodus line: %w", err)
	}
	return nil
}

// ResolveLine is the line in force: the flag's, else the saved one, else
// the default.
func ResolveLine(home, flag string) (*kodusline.Line, LineInfo, error) {
	id, info, err := resolveLine(home, flag)
	if err != nil {
		return nil, info, err
	}
	l, err := kodusline.Get(id)
	if err != nil {
		return nil, info, err
	}
	return l, describeLine(l, info), nil
}

// resolveLine is the id of the line in force, without parsing any line's
// data (Open leaves that to first use, or to another core).
func resolveLine(home, flag string) (string, LineInfo, error) {
	info := LineInfo{Source: LineFromDefault}
	saved, err := SavedLine(home)
	if err != nil && strings.TrimSpace(flag) == "" {
		return "", info, err
	}
	info.Saved = saved
	id := kodusline.Default
	switch {
	case strings.TrimSpace(flag) != "":
		id, info.Source = flag, LineFromFlag
	case saved != "":
		id, info.Source = saved, LineFromFile
	}
	id, err = kodusline.Known(id)
	return id, info, err
}

func describeLine(l *kodusline.Line, info LineInfo) LineInfo {
	info.ID, info.Name, info.Release, info.Description = l.ID, l.Name, l.Release, l.Description
	info.Lines = []LineSummary{}
	for _, id := range kodusline.IDs {
		o := kodusline.MustGet(id)
		info.Lines = append(info.Lines, LineSummary{ID: o.ID, Name: o.Name, Release: o.Release, Description: o.Description})
	}
	return info
}

// LineInfo describes the line this studio uses.
func (s *Lines) LineInfo() LineInfo {
	saved, _ := SavedLine(s.home)
	return describeLine(s.line(), LineInfo{Source: s.lineSource, Saved: saved})
}

// SetLine saves a line choice in the data dir and returns a studio that
// uses it (sharing the store and keychain); s itself is left as it was, so
// calls running on it keep one line from start to end.
func (s *Lines) SetLine(id string) (*Studio, LineInfo, error) {
	l, err := kodusline.Get(id)
	if err != nil {
		return nil, LineInfo{}, err
	}
	if err := SaveLine(s.home, l.ID, s.now()); err != nil {
		return nil, LineInfo{}, err
	}
	next := s.withLine(l, LineFromFile)
	return next, next.Lines().LineInfo(), nil
}

// withLine is a studio on another Kodus line, sharing the store, the
// keychain and the caches.
func (s *core) withLine(l *kodusline.Line, source string) *Studio {
	c := *s
	c.lineID, c.lineSource = l.ID, source
	return &Studio{c: &c}
}
