// Merging a profile's block into an existing .env, inspecting one, and
// importing one into a profile.

package studio

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/kodusbyok/studio/backend/envfile"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/store"
)

// EnvMergeRequest merges a profile's block into an existing .env.
type EnvMergeRequest struct {
	Profile string     `json:"profile"`
	Options EnvOptions `json:"options"`
	Path    string     `json:"path"`
	// Digest is the plan's, so that the write goes ahead only on the file
	// the user saw the diff of.
	Digest string `json:"digest"`
	// Chmod600 takes the group's and others' permissions away as the merge
	// writes (0644 becomes 0600); a mode is never loosened.
	Chmod600 bool `json:"chmod600,omitempty"`
}

// EnvMergePlan is the diff to confirm before a merge is written.
type EnvMergePlan struct {
	Path    string           `json:"path"`
	Diff    string           `json:"diff"`
	Changes []envfile.Change `json:"changes"`
	// Current is what the file configures now (the blue banner).
	Current  envfile.Report    `json:"current"`
	Inferred envfile.Inference `json:"inferred"`
	Digest   string            `json:"digest"`
	NoChange bool              `json:"noChange"`
	// Mode is the file's mode ("0644"); ModeWarning is set when users
	// other than its owner can read it, and so the key merged into it.
	Mode        string `json:"mode,omitempty"`
	ModeWarning string `json:"modeWarning,omitempty"`
}

func (s *core) mergeFor(ctx context.Context, req EnvMergeRequest) (string, string, envfile.MergeResult, error) {
	path, err := ExpandPath(req.Path)
	if err != nil {
		return "", "", envfile.MergeResult{}, err
	}
	data, err := envfile.ReadFile(path)
	if err != nil {
		return path, "", envfile.MergeResult{}, fmt.Errorf("read %s: %w", path, err)
	}
	b, _, err := s.exports().EnvBlock(ctx, req.Profile, req.Options)
	if err != nil {
		return path, "", envfile.MergeResult{}, err
	}
	res, err := envfile.Merge(string(data), b)
	return path, string(data), res, err
}

// PlanEnvMerge computes the merge and its masked diff without writing.
func (s *Exports) PlanEnvMerge(ctx context.Context, req EnvMergeRequest) (EnvMergePlan, error) {
	path, old, res, err := s.mergeFor(ctx, req)
	if err != nil {
		return EnvMergePlan{}, err
	}
	cur, err := envfile.Inspect(old, s.line())
	if err != nil {
		return EnvMergePlan{}, err
	}
	plan := EnvMergePlan{Path: path, Diff: envfile.Diff(filepath.Base(path), old, res.Content), Changes: nonNil(res.Changes),
		Current: cur, Inferred: res.Inferred, Digest: digest(old), NoChange: res.Content == old}
	if fi, err := os.Stat(path); err == nil {
		plan.Mode, plan.ModeWarning = envfile.ModeText(fi.Mode()), envfile.ModeWarning(path, fi.Mode())
	}
	return plan, nil
}

// ApplyEnvMerge writes the merge the user confirmed: backup next to the
// file, atomic replace, mode kept.
func (s *Exports) ApplyEnvMerge(ctx context.Context, req EnvMergeRequest) (EnvWriteResult, error) {
	res := EnvWriteResult{FillIns: []envfile.FillIn{}, Problems: []envfile.Problem{}, Generated: []string{}, Changes: []envfile.Change{}}
	path, old, m, err := s.mergeFor(ctx, req)
	if err != nil {
		return res, err
	}
	if req.Digest != "" && digest(old) != req.Digest {
		return res, fmt.Errorf("%s changed since the diff was shown; nothing was written, preview the merge again", path)
	}
	res.Path, res.Changes = path, nonNil(m.Changes)
	if m.Content == old {
		res.Notes = []string{"the file already holds this block; nothing was written"}
		return res, nil
	}
	fi, err := os.Stat(path)
	if err != nil {
		return res, err
	}
	res.Backup, err = envfile.WriteMerged(path, old, m.Content, s.now(), req.Chmod600)
	if err != nil {
		return res, err
	}
	res.Notes = []string{"the old file is backed up as " + res.Backup}
	switch mode := fi.Mode(); {
	case req.Chmod600 && envfile.Private(mode) != mode.Perm():
		res.Notes = append(res.Notes, fmt.Sprintf("its mode went from %s to %s: only its owner can read the key", envfile.ModeText(mode), envfile.ModeText(envfile.Private(mode))))
	case envfile.OthersCanRead(mode):
		res.Notes = append(res.Notes, fmt.Sprintf("warning: %s is still readable by others (mode %s) and now holds the key: run chmod 600 %s", path, envfile.ModeText(mode), path))
	}
	res.Notes = append(res.Notes, applyNote)
	return res, nil
}

// EnvInspectView is an existing .env as Kodus sees it, the key masked.
type EnvInspectView struct {
	Path   string         `json:"path"`
	Report envfile.Report `json:"report"`
}

// InspectEnv reads a .env. A file that cannot be read is an error, never
// "Fixed Mode off" (Kodus's own page shows a failed load as nothing
// configured).
func (s *Exports) InspectEnv(path string) (EnvInspectView, error) {
	p, err := ExpandPath(path)
	if err != nil {
		return EnvInspectView{}, err
	}
	data, err := envfile.ReadFile(p)
	if err != nil {
		return EnvInspectView{}, fmt.Errorf("read %s: %w", p, err)
	}
	r, err := envfile.Inspect(string(data), s.line())
	if err != nil {
		return EnvInspectView{}, fmt.Errorf("%s: %w", p, err)
	}
	return EnvInspectView{Path: p, Report: r}, nil
}

// ErrProfileExists means an import would overwrite a profile's Main slot.
var ErrProfileExists = errors.New("profile already exists")

// ImportEnv turns a .env's Fixed Mode block into a profile's Main slot,
// its key into the keychain. Settings Fixed Mode does not hold come from
// the catalog defaults of the model and plan, and the notices say so.
func (s *Exports) ImportEnv(ctx context.Context, path, name string, replace bool) (SaveResult, error) {
	if err := profile.ValidateName(name); err != nil {
		return SaveResult{}, err
	}
	p, err := ExpandPath(path)
	if err != nil {
		return SaveResult{}, err
	}
	data, err := envfile.ReadFile(p)
	if err != nil {
		return SaveResult{}, fmt.Errorf("read %s: %w", p, err)
	}
	slot, key, err := envfile.ToSlot(string(data), s.catalog())
	if err != nil {
		return SaveResult{}, fmt.Errorf("%s: %w", p, err)
	}
	var lineNote string
	if rep, err := envfile.Inspect(string(data), s.line()); err == nil {
		for _, w := range rep.Warnings {
			if w.Code == "kodus-line" {
				lineNote = "warning: " + w.Message + " Fix: " + w.Fix
			}
		}
	}
	if _, err := s.store.Profile(name); err == nil && !replace {
		return SaveResult{}, fmt.Errorf("profile %q: %w; choose another name", name, ErrProfileExists)
	} else if err != nil && !errors.Is(err, store.ErrNotFound) {
		return SaveResult{}, err
	}
	var notices []string
	if m, ok := s.catalog().ModelForSlot(slot.Provider, slot.Model); ok {
		plan := ""
		if v, ok := m.PlanForBaseURL(slot.BaseURL); ok {
			plan = v.ID
		}
		if d, err := s.draft(m.ID, plan); err == nil && (plan != "" || len(m.Variants) == 0) {
			d.Model, d.BaseURL = slot.Model, slot.BaseURL
			if slot.Temperature != nil {
				d.Temperature = slot.Temperature
			}
			slot = d
			notices = append(notices, "settings .env cannot hold (thinking, max output tokens, concurrency) were filled from the catalog defaults of "+m.DisplayName)
		}
	}
	var k *string
	if !key.Empty() {
		v := key.Reveal()
		k = &v
	}
	res, err := s.profiles().Save(ctx, SaveRequest{Profile: name, Slot: profile.SlotMain, Config: slot, Key: k})
	res.Notices = append(notices, res.Notices...)
	if lineNote != "" {
		res.Notices = append(res.Notices, lineNote)
	}
	return res, err
}
