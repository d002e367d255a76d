package studio

import (
	"context"
	"crypto/rand"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"

	"github.com/kodusbyok/studio/backend/byokconfig"
	"github.com/kodusbyok/studio/backend/envfile"
	"github.com/kodusbyok/studio/backend/profile"
)

// Exports writes, merges, reads and imports the Kodus .env block and the
// BYOK config.
type Exports struct{ *core }

// Exports is the .env and BYOK config service.
func (s *Studio) Exports() *Exports { return &Exports{s.c} }

// The .env export: the service the CLI's `env`/`byok` commands
// and the GUI's Export view share. Keys are read here from the keychain and
// go only into files, the clipboard (the desktop bindings) or a provider;
// every value returned for display is masked.

// EnvOptions are the user's export choices.
type EnvOptions struct {
	TrustJSONSchema  bool   `json:"trustJSONSchema"`
	ReplaceLocalhost string `json:"replaceLocalhost"`
}

// EnvVarView is one variable for display, the key masked.
type EnvVarView struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Secret bool   `json:"secret"`
	Note   string `json:"note,omitempty"`
}

// EnvExportView is everything the Export view shows about a profile's block.
type EnvExportView struct {
	Profile string       `json:"profile"`
	Vars    []EnvVarView `json:"vars"`
	// Preview is the block as it will be written, keys masked.
	Preview    string               `json:"preview"`
	Inferred   envfile.Inference    `json:"inferred"`
	Expected   envfile.Route        `json:"expected"`
	RoutingOK  bool                 `json:"routingOK"`
	Warnings   []envfile.Warning    `json:"warnings"`
	NotCarried []envfile.NotCarried `json:"notCarried"`
	// LocalEndpoint: the base URL is on localhost; LANAddresses are this
	// machine's private addresses to offer instead.
	LocalEndpoint  bool     `json:"localEndpoint"`
	LANAddresses   []string `json:"lanAddresses"`
	CanTrustSchema bool     `json:"canTrustSchema"`
}

// EnvBlock builds the Fixed Mode block of a profile's Main slot, with its
// key from the keychain.
func (s *Exports) EnvBlock(ctx context.Context, name string, opts EnvOptions) (*envfile.Block, profile.Profile, error) {
	// The keychain opens, and the key is read (a key derivation, or D-Bus
	// round trips), while the profile is read and the rest of the block
	// worked out.
	read := s.keys.StartRead(ctx)
	p, err := s.store.Profile(name)
	if err != nil {
		read.Cancel()
		return nil, p, err
	}
	if err := envfile.FixedModeCannot(p.Main, name); err != nil {
		read.Cancel()
		return nil, p, err // said before the keychain is asked for a key
	}
	if p.Main.HasKey() {
		read.Read(p.Main.KeyRef)
	}
	prep := envfile.Prepare(envfile.Source{Profile: name, Main: p.Main, Fallback: p.Fallback, Catalog: s.catalog(), Line: s.line()},
		envfile.Options{TrustJSONSchema: opts.TrustJSONSchema, ReplaceLocalhost: opts.ReplaceLocalhost, LANAddresses: LANAddresses}, s.now())
	k, err := read.Wait()
	if err != nil {
		return nil, p, s.keyReadError(name, profile.SlotMain, p.Main, err)
	}
	b, err := prep.Build(k)
	return b, p, err
}

// ExportEnv describes a profile's block for display (keys masked).
func (s *Exports) ExportEnv(ctx context.Context, name string, opts EnvOptions) (EnvExportView, error) {
	b, p, err := s.exports().EnvBlock(ctx, name, opts)
	if err != nil {
		return EnvExportView{}, err
	}
	preview, err := b.Render(true)
	if err != nil {
		return EnvExportView{}, err
	}
	v := EnvExportView{Profile: name, Preview: preview, Inferred: b.Inferred, Expected: b.Expected,
		RoutingOK: true, Warnings: nonNil(b.Warnings), NotCarried: b.NotCarried, LANAddresses: LANAddresses(),
		CanTrustSchema: p.Main.Provider == "openai_compatible"}
	if v.NotCarried == nil {
		v.NotCarried = []envfile.NotCarried{}
	}
	for _, w := range b.Warnings {
		if w.Code == "routing" {
			v.RoutingOK = false
		}
		if w.Code == "localhost" {
			v.LocalEndpoint = true
		}
	}
	v.LocalEndpoint = v.LocalEndpoint || opts.ReplaceLocalhost != ""
	for _, x := range b.Vars {
		v.Vars = append(v.Vars, EnvVarView{Name: x.Name, Value: x.Display(), Secret: x.Secret, Note: x.Note})
	}
	return v, nil
}

// EnvWriteRequest writes a new file: the block alone, or with Full a
// complete Kodus .env in the installer's layout.
type EnvWriteRequest struct {
	Profile string     `json:"profile"`
	Options EnvOptions `json:"options"`
	Path    string     `json:"path"`
	Full    bool       `json:"full"`
	Force   bool       `json:"force"`
}

// EnvWriteResult says what was written; never a value.
type EnvWriteResult struct {
	Path      string            `json:"path"`
	Backup    string            `json:"backup,omitempty"`
	FillIns   []envfile.FillIn  `json:"fillIns"`
	Problems  []envfile.Problem `json:"problems"`
	Generated []string          `json:"generated"`
	Changes   []envfile.Change  `json:"changes"`
	Notes     []string          `json:"notes"`
	// Exists means nothing was written because Path exists: the GUI asks
	// whether to replace it (the old file is then backed up).
	Exists bool `json:"exists,omitempty"`
}

// AskToReplace turns "the file exists" from a write into a result that
// asks the user, so the GUI offers to replace it instead of failing.
func AskToReplace(path string, res EnvWriteResult, err error) (EnvWriteResult, error) {
	if !errors.Is(err, envfile.ErrExists) {
		return res, err
	}
	p, perr := ExpandPath(path)
	if perr != nil {
		p = path
	}
	return EnvWriteResult{Path: p, Exists: true, FillIns: []envfile.FillIn{}, Problems: []envfile.Problem{}, Generated: []string{}, Changes: []envfile.Change{}, Notes: []string{}}, nil
}

// applyNote: env_file is read when containers are created, so a restart
// is not enough.
const applyNote = "Kodus reads .env when its containers are created: run `docker compose up -d` in the Kodus directory to apply it (a plain restart keeps the old values)."

// WriteEnv writes a new file with mode 0600; an existing one is replaced
// only with Force, after a backup.
func (s *Exports) WriteEnv(ctx context.Context, req EnvWriteRequest) (EnvWriteResult, error) {
	res := EnvWriteResult{FillIns: []envfile.FillIn{}, Problems: []envfile.Problem{}, Generated: []string{}, Changes: []envfile.Change{}}
	path, err := ExpandPath(req.Path)
	if err != nil {
		return res, err
	}
	b, _, err := s.exports().EnvBlock(ctx, req.Profile, req.Options)
	if err != nil {
		return res, err
	}
	content, err := b.Render(false)
	if err != nil {
		return res, err
	}
	if req.Full {
		full, err := envfile.Generate(b, rand.Reader)
		if err != nil {
			return res, err
		}
		content, res.FillIns, res.Problems = full.Content, full.FillIns, nonNil(full.Problems)
		for name, method := range full.Generated {
			res.Generated = append(res.Generated, name+" ("+method+")")
		}
		sortStrings(res.Generated)
	}
	res.Backup, err = envfile.WriteNew(path, content, req.Force, s.now())
	if err != nil {
		return res, err
	}
	res.Path = path
	res.Notes = []string{"written with mode 0600: it holds your key", applyNote}
	return res, nil
}

// BYOKExport is a profile as the BYOK config of the studio's Kodus line
// (v1 or v2), with what that Kodus refuses; keys only on request.
func (s *Exports) BYOKExport(ctx context.Context, name string, withKeys bool) (byokconfig.Export, error) {
	p, err := s.store.Profile(name)
	if err != nil {
		return byokconfig.Export{}, err
	}
	mainKey, fbKey := s.slotKeyIf(ctx, name, profile.SlotMain, withKeys), s.slotKeyIf(ctx, name, profile.SlotFallback, withKeys && p.Fallback != nil)
	if err := firstErr(mainKey.err, fbKey.err); err != nil {
		return byokconfig.Export{}, err
	}
	main := byokconfig.Slot{Role: profile.SlotMain, Slot: p.Main, Key: mainKey.key}
	var fb *byokconfig.Slot
	if p.Fallback != nil {
		fb = &byokconfig.Slot{Role: profile.SlotFallback, Slot: *p.Fallback, Key: fbKey.key}
	}
	return byokconfig.Build(s.line(), name, main, fb, withKeys), nil
}

// ExpandPath cleans a user-typed path and expands a leading ~/.
func ExpandPath(p string) (string, error) {
	p = strings.TrimSpace(p)
	if p == "" {
		return "", &profile.FieldError{Field: "path", Rule: "is required: the .env file to use"}
	}
	if p == "~" || strings.HasPrefix(p, "~/") {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		p = filepath.Join(home, strings.TrimPrefix(p, "~"))
	}
	return filepath.Abs(p)
}

// LANAddresses lists this machine's private IPv4 addresses, which Kodus's
// containers can reach when the LLM server listens on them.
func LANAddresses() []string {
	out := []string{}
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return out
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && n.IP.IsPrivate() {
			out = append(out, n.IP.String())
		}
	}
	return out
}
