// Package bindings is the desktop app's adapter: the structs Wails binds,
// one per domain, each method one call to a backend/studio service. It
// imports no Wails package: the window's runtime (events, clipboard,
// dialogs, browser) comes in as a Runtime, so the bindings build and are
// tested without cgo. No bound method returns a secret; a pasted key or
// password only travels inward.
package bindings

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/kodusbyok/studio/backend/studio"
	"github.com/kodusbyok/studio/backend/watch"
)

// Runtime is what the bindings need from the window.
type Runtime interface {
	Emit(ctx context.Context, event string, data ...any)
	ClipboardSet(ctx context.Context, text string) error
	ClipboardGet(ctx context.Context) (string, error)
	PickFolder(ctx context.Context, title string) (string, error)
	OpenURL(ctx context.Context, url string)
}

// Options configure New. Getenv is os.Getenv outside tests.
type Options struct {
	Getenv  func(string) string
	Runtime Runtime
}

// Session is the opened studio behind every bound struct: it opens on
// first use and changes when the Kodus line does.
type Session struct {
	getenv func(string) string
	rt     Runtime

	ctx     context.Context
	once    sync.Once
	mu      sync.RWMutex // guards studio: the Kodus line can change it
	studio  *studio.Studio
	openErr error
	runs    studio.Runs
}

// New creates the session; the studio opens on first use.
func New(opts Options) *Session {
	if opts.Getenv == nil {
		opts.Getenv = os.Getenv
	}
	return &Session{getenv: opts.Getenv, rt: opts.Runtime, ctx: context.Background()}
}

// Structs are the structs to bind, one per domain.
func (s *Session) Structs() []any {
	return []any{&Setup{s}, &Profiles{s}, &Keys{s}, &Lines{s}, &Tests{s}, &Exports{s}, &Costs{s}, &Repos{s},
		&Concurrency{s}, &Kodus{s}}
}

// ProfilesChangedEvent tells the GUI that the profile database changed on
// disk (the command line saved a profile): it reloads the list.
const ProfilesChangedEvent = "profiles:changed"

// Startup keeps the window's context and watches the profile database,
// polling its stamp once a second for the life of the window.
func (s *Session) Startup(ctx context.Context) {
	s.ctx = ctx
	go func() {
		st, err := s.open()
		if err != nil {
			return
		}
		path := st.Environment().DatabaseFile()
		t := time.NewTicker(time.Second)
		defer t.Stop()
		watch.Poll(ctx, t.C, func() string { return watch.Stamp(path) }, func() { s.rt.Emit(ctx, ProfilesChangedEvent) })
	}()
}

func (s *Session) open() (*studio.Studio, error) {
	s.once.Do(func() {
		s.studio, s.openErr = studio.Open(studio.Options{Getenv: s.getenv})
	})
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.studio, s.openErr
}

func (s *Session) swap(next *studio.Studio) {
	s.mu.Lock()
	s.studio = next
	s.mu.Unlock()
}

// Error is what every bound method returns as its error: the frontend gets
// its text (Wails rejects the promise with it).
type Error struct{ Message string }

func (e *Error) Error() string { return e.Message }

// mapErr is the one mapping from a backend error to what the frontend
// sees: its text, unchanged.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	var be *Error
	if errors.As(err, &be) {
		return be
	}
	return &Error{Message: err.Error()}
}

// guard turns a panic in a bound method into an error for the frontend,
// so no panic reaches the user as a dead window, and maps the error.
func guard(err *error) {
	if r := recover(); r != nil {
		slog.Error("bound method panicked", "panic", r)
		*err = fmt.Errorf("internal error: %v", r)
	}
	*err = mapErr(*err)
}

// call runs fn with the opened studio, turning a failure to open it into
// fn's error; the error goes through guard.
func call[T any](s *Session, fn func(*studio.Studio) (T, error)) (res T, err error) {
	defer guard(&err)
	st, err := s.open()
	if err != nil {
		return res, err
	}
	return fn(st)
}

// call0 is call for methods that return only an error.
func call0(s *Session, fn func(*studio.Studio) error) error {
	_, err := call(s, func(st *studio.Studio) (struct{}, error) { return struct{}{}, fn(st) })
	return err
}

// value is call for methods that cannot fail once the studio is open.
func value[T any](s *Session, fn func(*studio.Studio) T) (T, error) {
	return call(s, func(st *studio.Studio) (T, error) { return fn(st), nil })
}
