package bindings

import (
	"fmt"
	"time"

	"github.com/kodusbyok/studio/backend/studio"
)

// Exports is the Kodus .env block and the BYOK config.
type Exports struct{ s *Session }

// ExportEnv describes a profile's Fixed Mode block: variables (key masked),
// Kodus's inference, warnings and what Fixed Mode cannot carry.
func (b *Exports) ExportEnv(profileName string, opts studio.EnvOptions) (studio.EnvExportView, error) {
	return call(b.s, func(st *studio.Studio) (studio.EnvExportView, error) {
		return st.Exports().ExportEnv(b.s.ctx, profileName, opts)
	})
}

// CopyEnvBlock puts the block, key included, on the clipboard from Go, so
// the key never reaches the frontend; it is cleared after a minute if the
// clipboard still holds it (best effort).
func (b *Exports) CopyEnvBlock(profileName string, opts studio.EnvOptions) error {
	return call0(b.s, func(st *studio.Studio) error {
		blk, _, err := st.Exports().EnvBlock(b.s.ctx, profileName, opts)
		if err != nil {
			return err
		}
		text, err := blk.Render(false)
		if err != nil {
			return err
		}
		ctx, rt := b.s.ctx, b.s.rt
		if err := rt.ClipboardSet(ctx, text); err != nil {
			return fmt.Errorf("copy to the clipboard: %w", err)
		}
		go func() {
			time.Sleep(time.Minute)
			if cur, err := rt.ClipboardGet(ctx); err == nil && cur == text {
				_ = rt.ClipboardSet(ctx, "")
			}
		}()
		return nil
	})
}

// WriteEnv writes the block (or a complete .env) to a new file.
func (b *Exports) WriteEnv(req studio.EnvWriteRequest) (studio.EnvWriteResult, error) {
	return call(b.s, func(st *studio.Studio) (studio.EnvWriteResult, error) {
		res, err := st.Exports().WriteEnv(b.s.ctx, req)
		return studio.AskToReplace(req.Path, res, err)
	})
}

// PlanEnvMerge returns the masked diff of merging the block into a file.
func (b *Exports) PlanEnvMerge(req studio.EnvMergeRequest) (studio.EnvMergePlan, error) {
	return call(b.s, func(st *studio.Studio) (studio.EnvMergePlan, error) { return st.Exports().PlanEnvMerge(b.s.ctx, req) })
}

// ApplyEnvMerge writes the merge the user confirmed (backup, atomic, mode kept).
func (b *Exports) ApplyEnvMerge(req studio.EnvMergeRequest) (studio.EnvWriteResult, error) {
	return call(b.s, func(st *studio.Studio) (studio.EnvWriteResult, error) {
		return st.Exports().ApplyEnvMerge(b.s.ctx, req)
	})
}

// InspectEnv reads a .env as Kodus would, the key masked.
func (b *Exports) InspectEnv(path string) (studio.EnvInspectView, error) {
	return call(b.s, func(st *studio.Studio) (studio.EnvInspectView, error) { return st.Exports().InspectEnv(path) })
}

// ImportEnv turns a .env's Fixed Mode block into a new profile.
func (b *Exports) ImportEnv(path, profileName string) (studio.ImportResult, error) {
	return call(b.s, func(st *studio.Studio) (studio.ImportResult, error) {
		return st.Exports().ImportEnvFile(b.s.ctx, path, profileName)
	})
}

// BYOKJSON is the profile as Kodus's BYOK config, without keys.
func (b *Exports) BYOKJSON(profileName string) (studio.BYOKView, error) {
	return call(b.s, func(st *studio.Studio) (studio.BYOKView, error) { return st.Exports().BYOKJSON(b.s.ctx, profileName) })
}

// WriteBYOKFile writes the BYOK config to a new file (0600); keys only when
// the user confirmed including them.
func (b *Exports) WriteBYOKFile(profileName, path string, withKeys, force bool) (studio.EnvWriteResult, error) {
	return call(b.s, func(st *studio.Studio) (studio.EnvWriteResult, error) {
		res, err := st.Exports().WriteBYOK(b.s.ctx, profileName, path, withKeys, force)
		return studio.AskToReplace(path, res, err)
	})
}
