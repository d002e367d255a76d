package thinking

import "github.com/kodusbyok/studio/backend/capped"

// MaxOverrideBytes caps a Custom JSON. A real override is a few hundred
// bytes; a bigger one would be saved, parsed and sent with every review,
// and a 100 MB one makes every later command slow.
const MaxOverrideBytes = 64 << 10

func tooLarge(n int) *OverrideError {
	return &OverrideError{Problems: []Problem{{Line: 1, Column: 1,
		Message: "the Custom JSON is " + capped.Size(int64(n)) + ": at most " + capped.Size(MaxOverrideBytes) + " is accepted (a reasoning override is a few hundred bytes)"}}}
}
