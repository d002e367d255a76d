package bindings

import (
	"github.com/kodusbyok/studio/backend/keyshape"
	"github.com/kodusbyok/studio/backend/studio"
)

// Keys recognises a pasted key; the key goes in, only a verdict comes out.
type Keys struct{ s *Session }

// PreviewKey cleans a pasted key and returns its masked form and notes.
func (b *Keys) PreviewKey(raw string) studio.KeyPreview { return studio.PreviewKey(raw) }

// CheckKey says whether a pasted key fits the slot being edited and, when
// it surely belongs to another card or plan, which one. It never switches
// anything itself.
func (b *Keys) CheckKey(raw string, in studio.SlotInput) (keyshape.Verdict, error) {
	return value(b.s, func(st *studio.Studio) keyshape.Verdict { return st.Keys().Check(raw, in) })
}
