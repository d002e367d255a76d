package buildinfo

import (
	"strings"
	"testing"
)

func TestStringNamesVersionCommitAndDate(t *testing.T) {
	old := []string{Version, commit, date}
	t.Cleanup(func() { Version, commit, date = old[0], old[1], old[2] })
	Version, commit, date = "1.2.3", "ab12cd3", "2026-12-04"
	s := String()
	for _, want := range []string{"kodus-byok 1.2.3", "commit ab12cd3", "built 2026-12-04"} {
		if !strings.Contains(s, want) {
			t.Errorf("String() = %q, want %q in it", s, want)
		}
	}
	// Without link-time values the VCS stamp (or "unknown") fills in.
	commit, date = "", ""
	if Commit() == "" || BuildDate() == "" {
		t.Errorf("Commit() = %q, BuildDate() = %q", Commit(), BuildDate())
	}
}
