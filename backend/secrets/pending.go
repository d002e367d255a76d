package secrets

import (
	"context"
	"errors"
	"fmt"
	"runtime"
)

// PendingRead is a key read started before the caller knows which key:
// the keychain starts opening at once, when opening asks the user nothing
// (the file keychain, the Secret Service), and the key is read as soon as
// Read names it, in the same goroutine, so neither waits on the other.
// Exporting a profile's .env uses it to overlap the Secret Service's
// connection with reading the profile. Read, Cancel and Wait are for the
// one goroutine that started it.
type PendingRead struct {
	k      *Keychain
	ctx    context.Context
	cancel context.CancelFunc
	ref    chan string
	done   chan readResult
	named  bool
	off    bool // canceled: Wait has nothing to wait for
}

type readResult struct {
	key Secret
	err error
}

// StartRead starts a read; it gives up after the keychain's timeout.
func (k *Keychain) StartRead(ctx context.Context) *PendingRead {
	ctx, cancel := context.WithTimeout(ctx, k.cfg.Timeout)
	p := &PendingRead{k: k, ctx: ctx, cancel: cancel, ref: make(chan string, 1), done: make(chan readResult, 1)}
	go p.run()
	if k.backend == "secret-service" {
		// Let the connection start now rather than when the caller first
		// blocks: a new goroutine otherwise waits for an idle thread, which
		// at start-up takes about as long as the caller's own work. (The
		// file keychain has nothing to wait for before the key is named.)
		runtime.Gosched()
	}
	return p
}

// opensQuietly: opening the backend asks the user nothing (a wallet or a
// GPG agent may prompt; those open only once a key is asked for).
func (k *Keychain) opensQuietly() bool { return k.backend == "file" || k.backend == "secret-service" }

func (p *PendingRead) run() {
	var res readResult
	defer func() {
		if r := recover(); r != nil {
			res = readResult{err: fmt.Errorf("%v", r)}
		}
		p.done <- res
	}()
	if p.k.opensQuietly() {
		_, _ = p.k.open() // a failure is met again, and reported, below
	}
	var ref string
	select {
	case ref = <-p.ref:
	case <-p.ctx.Done():
		res.err = p.k.timedOut("read key")
		return
	}
	if ref == "" {
		return
	}
	ring, err := p.k.open()
	if err != nil {
		res.err = err
		return
	}
	item, err := ring.Get(ref)
	if err != nil {
		res.err = err
		return
	}
	res.key = NewSecret(string(item.Data))
}

// Read names the key to read ("" reads none); only the first call counts.
func (p *PendingRead) Read(ref string) {
	if !p.named {
		p.named = true
		p.ref <- ref
	}
}

// Cancel reads no key: for a caller that found it needs none.
func (p *PendingRead) Cancel() {
	p.Read("")
	p.off = true
	p.cancel()
}

// Wait returns the key read (an empty secret when none was named), with
// Get's errors.
func (p *PendingRead) Wait() (Secret, error) {
	defer p.cancel()
	if p.off {
		return Secret{}, nil
	}
	p.Read("")
	select {
	case r := <-p.done:
		if errors.Is(r.err, ErrTimeout) {
			return Secret{}, r.err // worded already
		}
		if r.err != nil {
			return Secret{}, p.k.translate("read key", r.err)
		}
		return r.key, nil
	case <-p.ctx.Done():
		return Secret{}, p.k.timedOut("read key")
	}
}
