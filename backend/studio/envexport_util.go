package studio

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"

	"github.com/kodusbyok/studio/backend/byokconfig"
	"github.com/kodusbyok/studio/backend/envfile"
	"github.com/kodusbyok/studio/backend/secrets"
)

type keyResult struct {
	key secrets.Secret
	err error
}

func (s *core) slotKeyIf(ctx context.Context, name, slot string, want bool) keyResult {
	if !want {
		return keyResult{}
	}
	k, err := s.slotKey(ctx, name, slot)
	return keyResult{k, err}
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func sortStrings(s []string) { sort.Strings(s) }

// ImportResult is a profile made from a .env.
type ImportResult struct {
	Profile ProfileView `json:"profile"`
	Notices []string    `json:"notices"`
}

// ImportEnvFile is ImportEnv (never replacing a profile) in the GUI's shape.
func (s *Exports) ImportEnvFile(ctx context.Context, path, name string) (ImportResult, error) {
	res, err := s.ImportEnv(ctx, path, name, false)
	if err != nil {
		return ImportResult{}, err
	}
	return ImportResult{Profile: res.Profile, Notices: nonNil(res.Notices)}, nil
}

// BYOKView is the BYOK config JSON for display: never with keys.
type BYOKView struct {
	JSON     string               `json:"json"`
	Notes    []string             `json:"notes"`
	Warnings []byokconfig.Warning `json:"warnings"`
	// Says names the line: "as Kodus latest sends it".
	Says string `json:"says"`
	// Shape describes the config's shape on this line.
	Shape string `json:"shape"`
}

// BYOKJSON renders a profile's BYOK config without keys.
func (s *Exports) BYOKJSON(ctx context.Context, name string) (BYOKView, error) {
	e, err := s.BYOKExport(ctx, name, false)
	if err != nil {
		return BYOKView{}, err
	}
	js, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return BYOKView{}, err
	}
	return BYOKView{JSON: string(js) + "\n", Notes: nonNil(e.Notes), Warnings: nonNil(e.Warnings),
		Says: "as " + s.line().Name + " saves it", Shape: s.line().BYOK.Note}, nil
}

// WriteBYOK writes the BYOK config to a new file (mode 0600), with the keys
// only when the user asked and confirmed.
func (s *Exports) WriteBYOK(ctx context.Context, name, path string, withKeys, force bool) (EnvWriteResult, error) {
	res := EnvWriteResult{FillIns: []envfile.FillIn{}, Problems: []envfile.Problem{}, Generated: []string{}, Changes: []envfile.Change{}}
	p, err := ExpandPath(path)
	if err != nil {
		return res, err
	}
	e, err := s.BYOKExport(ctx, name, withKeys)
	if err != nil {
		return res, err
	}
	js, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return res, err
	}
	res.Backup, err = envfile.WriteNew(p, string(js)+"\n", force, s.now())
	if err != nil {
		return res, err
	}
	res.Path, res.Notes = p, nonNil(e.Notes)
	for _, w := range e.Warnings {
		res.Notes = append(res.Notes, "warning: "+w.Message)
	}
	return res, nil
}
