package repocost

import "errors"

// Bad input: each says what is wrong with the repository or the window
// asked for, and the callers map them to exit status 2 (CLI) or a field
// message (GUI).
var (
	ErrNotRepository = errors.New("not a git repository")
	ErrNoCommits     = errors.New("the repository has no commits yet")
	ErrNoBranch      = errors.New("branch not found")
	ErrEmptyWindow   = errors.New("nothing to review in the window")
	ErrShallow       = errors.New("shallow clone")
	ErrBadWindow     = errors.New("bad window")
	ErrMissingObject = errors.New("objects missing from the repository")
)

// ErrCanceled means the scan was stopped (the Cancel button, Ctrl-C).
var ErrCanceled = errors.New("the scan was stopped")

// IsInputError reports whether err is about the input (the repository,
// the branch or the window) rather than a failure while reading it.
func IsInputError(err error) bool {
	for _, e := range []error{ErrNotRepository, ErrNoCommits, ErrNoBranch, ErrEmptyWindow, ErrShallow, ErrBadWindow, ErrMissingObject} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}
