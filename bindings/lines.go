package bindings

import (
	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/studio"
)

// Lines is the Kodus release line the app follows and its catalog.
type Lines struct{ s *Session }

// Catalog returns the catalog of the Kodus line the app follows.
func (b *Lines) Catalog() (*catalog.Catalog, error) {
	return value(b.s, func(st *studio.Studio) *catalog.Catalog { return st.Lines().Catalog() })
}

// KodusLine describes the Kodus release line the app follows.
func (b *Lines) KodusLine() (studio.LineInfo, error) {
	return value(b.s, func(st *studio.Studio) studio.LineInfo { return st.Lines().LineInfo() })
}

// SetKodusLine saves the Kodus release line in the data dir; every view
// follows it from the next call on.
func (b *Lines) SetKodusLine(id string) (studio.LineInfo, error) {
	return call(b.s, func(st *studio.Studio) (studio.LineInfo, error) {
		next, info, err := st.Lines().SetLine(id)
		if err == nil {
			b.s.swap(next)
		}
		return info, err
	})
}

// SlotMoves says which slots of a profile the Kodus line now recommends
// moving (a GLM 5.1 slot to GLM 5.2 on zai…), and what moving changes.
func (b *Lines) SlotMoves(name string) ([]studio.SlotMove, error) {
	return call(b.s, func(st *studio.Studio) ([]studio.SlotMove, error) { return st.Lines().MovesFor(name) })
}

// MoveSlot moves one slot to what the Kodus line recommends: same key,
// same plan, the user's settings kept.
func (b *Lines) MoveSlot(name, slot string) (studio.MoveResult, error) {
	return call(b.s, func(st *studio.Studio) (studio.MoveResult, error) { return st.Lines().MoveSlot(b.s.ctx, name, slot) })
}
