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

// Profiles saves, lists, checks and deletes profiles and their slots.
type Profiles struct{ *core }

// Environment describes the data dir, the keychain and the profile
// database, and unlocks a file keychain.
type Environment struct{ *core }

// Keys recognises pasted keys (which card or plan they belong to).
type Keys struct{ *core }

// KeyTests tests a slot's settings and key against its provider.
type KeyTests struct{ *core }

// Thinking previews the providerOptions Kodus sends for a slot.
type Thinking struct{ *core }

// Exports writes, merges, reads and imports the Kodus .env block and the
// BYOK config.
type Exports struct{ *core }

// Costs prices reviews and keeps the prices in force.
type Costs struct{ *core }

// Repos scans a repository's history to price reviews of its own changes.
type Repos struct{ *core }

// Concurrency pre-fills, explains and measures a slot's concurrency.
type Concurrency struct{ *core }

// DryRuns builds (and sends) the request Kodus sends for a slot.
type DryRuns struct{ *core }

// Kodus connects to a running Kodus: its API (BYOK config) and its
// install (.env, Compose).
type Kodus struct{ *core }

// Lines follows a Kodus release line and moves slots to what it
// recommends.
type Lines struct{ *core }

// Profiles is the profiles service.
func (s *Studio) Profiles() *Profiles { return &Profiles{s.c} }

// Environment is the data dir and keychain service.
func (s *Studio) Environment() *Environment { return &Environment{s.c} }

// Keys is the key recognition service.
func (s *Studio) Keys() *Keys { return &Keys{s.c} }

// KeyTests is the key test service.
func (s *Studio) KeyTests() *KeyTests { return &KeyTests{s.c} }

// Thinking is the thinking preview service.
func (s *Studio) Thinking() *Thinking { return &Thinking{s.c} }

// Exports is the .env and BYOK config service.
func (s *Studio) Exports() *Exports { return &Exports{s.c} }

// Costs is the cost service.
func (s *Studio) Costs() *Costs { return &Costs{s.c} }

// Repos is the repository scan service.
func (s *Studio) Repos() *Repos { return &Repos{s.c} }

// Concurrency is the concurrency service.
func (s *Studio) Concurrency() *Concurrency { return &Concurrency{s.c} }

// DryRuns is the dry run service.
func (s *Studio) DryRuns() *DryRuns { return &DryRuns{s.c} }

// Kodus is the Kodus connection service.
func (s *Studio) Kodus() *Kodus { return &Kodus{s.c} }

// Lines is the Kodus line service.
func (s *Studio) Lines() *Lines { return &Lines{s.c} }

// Services across domains: a service calls another through these.
func (s *core) profiles() *Profiles { return &Profiles{s} }
func (s *core) exports() *Exports   { return &Exports{s} }
func (s *core) costs() *Costs       { return &Costs{s} }
func (s *core) repos() *Repos       { return &Repos{s} }
func (s *core) kodus() *Kodus       { return &Kodus{s} }
func (s *core) lines() *Lines       { return &Lines{s} }

// Line is the Kodus release line the services follow.
func (s *Lines) Line() *kodusline.Line { return s.line }

// Catalog is the catalog of the line the services follow.
func (s *Lines) Catalog() *catalog.Catalog { return s.catalog }

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
	return (&core{line: l, catalog: l.Catalog()}).draft(modelID, plan)
}

// Stored is a profile's record as saved (keys only by reference and
// masked), for adapters that work on its slots.
func (s *Profiles) Stored(name string) (profile.Profile, error) { return s.store.Profile(name) }
