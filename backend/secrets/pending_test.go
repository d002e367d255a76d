package secrets

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestPendingRead(t *testing.T) {
	ctx := context.Background()
	k := fileKeychain(t, t.TempDir(), "correct horse")
	key := NewSecret("sk-ant-api03-" + "FAKE-test-key-0001")
	if err := k.Set(ctx, "profile.team.main.1", "label", key); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		do      func(*PendingRead)
		want    string
		wantErr error
	}{
		{"the key named", func(p *PendingRead) { p.Read("profile.team.main.1") }, key.Reveal(), nil},
		{"a key gone", func(p *PendingRead) { p.Read("profile.gone.main.1") }, "", ErrNotFound},
		{"none named", func(*PendingRead) {}, "", nil},
		{"canceled", func(p *PendingRead) { p.Cancel() }, "", nil},
		{"only the first name counts", func(p *PendingRead) { p.Read("profile.team.main.1"); p.Read("profile.gone.main.1") }, key.Reveal(), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := k.StartRead(ctx)
			tc.do(p)
			got, err := p.Wait()
			if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil && err != nil) || got.Reveal() != tc.want {
				t.Fatalf("Wait = %q, %v; want %q, %v", got.Masked(), err, tc.want, tc.wantErr)
			}
		})
	}
}

func TestPendingReadWrongPassphraseAndTimeout(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if err := fileKeychain(t, dir, "right").Set(ctx, "a", "l", NewSecret("sk-proj-"+"FAKE-test-key-0002")); err != nil {
		t.Fatal(err)
	}
	p := fileKeychain(t, dir, "wrong").StartRead(ctx)
	p.Read("a")
	if _, err := p.Wait(); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("wrong passphrase: %v", err)
	}
	// A passphrase prompt nobody answers: the read gives up after the timeout.
	release := make(chan struct{})
	defer close(release)
	k, err := New(Config{Backend: "file", FileDir: dir, Timeout: 50 * time.Millisecond,
		PassphraseFunc: func(string) (string, error) { <-release; return "", errors.New("prompt closed") }})
	if err != nil {
		t.Fatal(err)
	}
	p = k.StartRead(ctx)
	p.Read("a")
	if _, err := p.Wait(); !errors.Is(err, ErrTimeout) {
		t.Fatalf("blocked prompt: %v", err)
	}
}
