package studio

import (
	"context"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/profile"
)

// Studio is one opened data dir: it hands out the service of each domain.
// It has no exported field, and no service exposes the store or the
// keychain: adapters reach the data only through the services' methods.
type Studio struct{ c *core }

// Services across domains: a service calls another through these.
func (s *core) profiles() *Profiles { return &Profiles{s} }
func (s *core) exports() *Exports   { return &Exports{s} }
func (s *core) costs() *Costs       { return &Costs{s} }
func (s *core) kodus() *Kodus       { return &Kodus{s} }
func (s *core) lines() *Lines       { return &Lines{s} }

// Line is the Kodus release line the services follow.
func (s *Lines) Line() *kodusline.Line { return s.line() }

// Catalog is the catalog of the line the services follow.
func (s *Lines) Catalog() *catalog.Catalog { return s.catalog() }

// MainOnly lists the settings Kodus reads from the Main slot only, when
// slotName is the Fallback.
func (s *Profiles) MainOnly(slotName string) []string { return s.mainOnly(slotName) }

// DataDir is the data directory in use.
func (s *Environment) DataDir() string { return s.home }

// KeychainBackend names the keychain backend ("file", "secret-service"…).
func (s *Environment) KeychainBackend() string { return s.keys.Backend() }

// KeychainDescription says where the keychain keeps its items.
func (s *Environment) KeychainDescription() string { return s.keys.Describe() }

// CheckKeychain reads and writes a probe item in the keychain.
func (s *Environment) CheckKeychain(ctx context.Context) error { return s.keys.Check(ctx) }

// Database is the profile database's path and schema version.
func (s *Environment) Database() (path string, schema int, err error) {
	schema, err = s.store.SchemaVersion()
	return s.store.Path, schema, err
}

// PrepareSlot normalizes a slot, applies its plan and catalog aliases, and
// validates it. It returns the slot as it would be stored plus notices.
func (s *Profiles) PrepareSlot(cfg profile.Slot) (profile.Slot, []string, error) {
	return s.prepareSlot(cfg)
}

// Draft pre-fills a slot from a catalog card and plan.
func (s *Profiles) Draft(modelID, plan string) (profile.Slot, error) { return s.draft(modelID, plan) }

// DraftOn pre-fills a slot from a catalog card and plan of a Kodus line,
// with no data dir (the golden files of the .env export use it).
func DraftOn(l *kodusline.Line, modelID, plan string) (profile.Slot, error) {
	return (&core{lineID: l.ID}).draft(modelID, plan)
}

// Stored is a profile's record as saved (keys only by reference and
// masked), for adapters that work on its slots.
func (s *Profiles) Stored(name string) (profile.Profile, error) { return s.store.Profile(name) }
