package watch

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestStampChangesOnWrite(t *testing.T) {
	p := filepath.Join(t.TempDir(), "profiles.db")
	if Stamp(p) != "" {
		t.Fatal("a missing file has a stamp")
	}
	if err := os.WriteFile(p, []byte("a"), 0o600); err != nil {
		t.Fatal(err)
	}
	first := Stamp(p)
	// A later modification time, set explicitly: no sleeping for the clock.
	if err := os.WriteFile(p, []byte("b"), 0o600); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(p, later, later); err != nil {
		t.Fatal(err)
	}
	if second := Stamp(p); first == "" || second == first {
		t.Fatalf("stamps %q then %q", first, second)
	}
}

// Poll reports each change once, on the tick that sees it; ticks are sent
// by hand, so the test needs no timer.
func TestPollReportsEachChangeOnce(t *testing.T) {
	stamps := []string{"a", "a", "b", "b", "c"}
	i := 0
	stamp := func() string {
		s := stamps[min(i, len(stamps)-1)]
		i++
		return s
	}
	ticks := make(chan time.Time)
	changes := make(chan struct{}, 10)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		Poll(ctx, ticks, stamp, func() { changes <- struct{}{} })
		close(done)
	}()
	for range 4 {
		ticks <- time.Time{}
	}
	cancel()
	<-done
	if len(changes) != 2 {
		t.Fatalf("%d changes reported, want 2 (a→b, b→c)", len(changes))
	}
}
