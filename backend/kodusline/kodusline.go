// Package kodusline holds everything this app knows about Kodus, per Kodus
// release line, as data: the curated catalog, the providers and how Kodus
// reaches each one, the reasoning traits of each model family, the Fixed
// Mode rules, the BYOK shape, the base-URL rules and how Kodus's Test
// works. Users run whichever Kodus they installed, so every preview,
// validation, test and export asks the selected line instead of
// hard-coding one Kodus.
//
// Two lines ship: "current" (what the installer's IMAGE_TAG=latest runs,
// the default) and "mid-2026" (Kodus selfhosted-2.1.x, the BYOK docs page of
// mid-2026). The data is JSON under data/<line>/, compiled into Go
// literals (line_<id>_gen.go and catalog_<id>_gen.go, kept equal to the JSON by TestGeneratedData: run
// it with -update after editing the JSON) and built on first use.
package kodusline

import (
	"fmt"
	"path"
	"strings"
	"sync"

	"github.com/kodusbyok/studio/backend/catalog"
)

// Line ids.
const (
	Current = "current"
	Mid2026 = "mid-2026"
	// Default is the line a fresh install uses: what `latest` runs.
	Default = Current
)

// IDs lists the lines, newest first.
var IDs = []string{Current, Mid2026}

// data is each line's data as generated from its JSON (line_<id>_gen.go,
// catalog_<id>_gen.go).
var data = map[string]struct {
	line    func() *Line
	catalog func() *catalog.Catalog
}{
	Current: {lineCurrent, catalogCurrent},
	Mid2026: {lineMid2026, catalogMid2026},
}

// Line is one Kodus release line.
type Line struct {
	ID string `json:"id"`
	// Name is how previews name the line: "Kodus latest".
	Name string `json:"name"`
	// Release is the image tag or range: "latest", "selfhosted-2.1.x".
	Release     string `json:"release"`
	Description string `json:"description"`
	// ImageTags are path.Match patterns of the IMAGE_TAG values that run
	// this line; "" stands for an unset IMAGE_TAG.
	ImageTags []string `json:"imageTags"`
	// Sources are the public pages and source files the data comes from.
	Sources    []string             `json:"sources"`
	BYOK       BYOK                 `json:"byok"`
	BaseURL    BaseURLRules         `json:"baseURLRules"`
	FixedMode  FixedMode            `json:"fixedMode"`
	Test       Test                 `json:"test"`
	Reasoning  Reasoning            `json:"reasoning"`
	Transports map[string]Transport `json:"transports"`
	Migrations []Migration          `json:"migrations"`

	catalogOnce sync.Once
	catalog     *catalog.Catalog
	catalogErr  error
}

// BYOK is the shape of the BYOK config this line's Kodus saves.
type BYOK struct {
	// Shape is 1 ({main, fallback}) or 2 ({version, credentials, models,
	// routing}).
	Shape int `json:"shape"`
	// OffEffort is what Off is saved as: "" leaves reasoningEffort out,
	// "none" is Kodus's explicit "thinking off".
	OffEffort string `json:"offEffort"`
	// FallbackReasoning: the fallback carries its own reasoning fields.
	FallbackReasoning bool   `json:"fallbackReasoning"`
	Note              string `json:"note"`
}

// BaseURLRules are what Kodus's BYOK refuses in a base URL.
type BaseURLRules struct {
	HTTPSOnly     bool `json:"httpsOnly"`
	RefusePrivate bool `json:"refusePrivate"`
	// EndpointSuffixes are paths a base URL must not end in (the provider
	// appends them).
	EndpointSuffixes []string `json:"endpointSuffixes"`
	Source           string   `json:"source"`
}

// FixedMode is what Kodus does with a .env-configured model.
type FixedMode struct {
	// FamilyDefaultReasoning: the env model gets the same family-default
	// reasoning as a BYOK slot saved without an effort.
	FamilyDefaultReasoning bool   `json:"familyDefaultReasoning"`
	DefaultEffort          string `json:"defaultEffort"`
	Source                 string `json:"source"`
}

// Test is how this line's Kodus tests a BYOK slot.
type Test struct {
	// ValidateTuning: temperature and effort are checked against the
	// model's rules before anything is sent (a refusal is bad_request).
	ValidateTuning bool `json:"validateTuning"`
	// RealCall: the test is a real minimal call with the slot's settings.
	RealCall  bool   `json:"realCall"`
	TimeoutMs int    `json:"timeoutMs"`
	Prompt    string `json:"prompt"`
	// MaxOutputTokens is the call's output cap, raised to the reasoning
	// budget plus BudgetHeadroom when the options carry a budget.
	MaxOutputTokens int    `json:"maxOutputTokens"`
	BudgetHeadroom  int    `json:"budgetHeadroom"`
	Source          string `json:"source"`
}

// Transport is how Kodus reaches a provider.
type Transport struct {
	// Protocol: openai-responses, anthropic (a versioned base such as
	// https://api.anthropic.com/v1), anthropic-root (a root URL; Kodus
	// strips a trailing /v1 and appends /v1/messages), gemini, vertex or
	// chat-completions.
	Protocol string `json:"protocol"`
	// Client is the AI SDK client name of an OpenAI-compatible transport.
	Client string `json:"client,omitempty"`
	// Namespace is the providerOptions key the adapter reads ("" none).
	Namespace string `json:"namespace"`
}

// Migration says what Kodus now recommends instead of a saved slot.
type Migration struct {
	From   MigrationFrom `json:"from"`
	To     MigrationTo   `json:"to"`
	Plans  []PlanMove    `json:"plans"`
	Reason string        `json:"reason"`
}

// MigrationFrom matches a saved slot: its provider, model and endpoint host.
type MigrationFrom struct {
	Providers []string `json:"providers"`
	Models    []string `json:"models"`
	Hosts     []string `json:"hosts,omitempty"`
}

// MigrationTo is the card the slot moves to.
type MigrationTo struct {
	Provider string `json:"provider"`
	Model    string `json:"model"`
}

// PlanMove maps the slot's plan (by id, or by its endpoint) to the card's.
type PlanMove struct {
	FromPlans    []string `json:"fromPlans"`
	Hosts        []string `json:"hosts,omitempty"`
	PathContains string   `json:"pathContains,omitempty"`
	To           string   `json:"to"`
}

// lines builds each line's data the first time it is asked for: a
// command works with one line, and building the other (and compiling its
// model patterns) would only slow its start.
var lines = func() map[string]func() (*Line, error) {
	m := map[string]func() (*Line, error){}
	for _, id := range IDs {
		m[id] = sync.OnceValues(func() (*Line, error) { return buildLine(id) })
	}
	return m
}()

func buildLine(id string) (*Line, error) {
	d, ok := data[id]
	if !ok {
		return nil, fmt.Errorf("kodus line %s: no data", id)
	}
	l := d.line()
	if l.ID != id {
		return nil, fmt.Errorf("kodus line %s: data says id %q", id, l.ID)
	}
	if err := l.Reasoning.compile(); err != nil {
		return nil, fmt.Errorf("kodus line %s: %w", id, err)
	}
	return l, nil
}

// Get returns a line by id. The embedded data is checked by the package
// tests, so an error here means an unknown id.
func Get(id string) (*Line, error) {
	known, err := Known(id)
	if err != nil {
		return nil, err
	}
	return lines[known]()
}

// Known is the canonical id of a line (Normalize), or an error naming the
// lines there are; it parses nothing.
func Known(id string) (string, error) {
	if _, ok := lines[Normalize(id)]; ok {
		return Normalize(id), nil
	}
	return "", fmt.Errorf("unknown Kodus line %q: choose %s", id, strings.Join(IDs, " or "))
}

// MustGet returns a line that is known to exist (the constants above).
func MustGet(id string) *Line {
	l, err := Get(id)
	if err != nil {
		panic(err)
	}
	return l
}

// Normalize maps accepted spellings to a line id: "latest" is current,
// "mid2026" and "selfhosted-2.1" are mid-2026.
func Normalize(id string) string {
	switch s := strings.ToLower(strings.TrimSpace(id)); s {
	case "latest", "":
		if s == "" {
			return ""
		}
		return Current
	case "mid2026", "selfhosted-2.1", "selfhosted-2.1.x", "2.1":
		return Mid2026
	default:
		return s
	}
}

// Catalog is the line's curated catalog, built and checked on first use.
func (l *Line) Catalog() *catalog.Catalog {
	l.catalogOnce.Do(func() {
		d, ok := data[l.ID]
		if !ok {
			l.catalogErr = fmt.Errorf("no catalog")
			return
		}
		l.catalog, l.catalogErr = catalog.Checked(d.catalog())
	})
	if l.catalogErr != nil {
		// The package tests parse every line's catalog: this is a broken build.
		panic(fmt.Sprintf("kodus line %s: %v", l.ID, l.catalogErr))
	}
	return l.catalog
}

// Transport is how Kodus reaches a provider; ok is false for a provider
// this line does not know.
func (l *Line) Transport(provider string) (Transport, bool) {
	t, ok := l.Transports[provider]
	return t, ok
}

// KnowsProvider reports whether this line's Kodus has the provider id.
func (l *Line) KnowsProvider(provider string) bool {
	_, ok := l.Transports[provider]
	return ok
}

// Says is how a preview names the line: "as Kodus latest sends it".
func (l *Line) Says() string { return "as " + l.Name + " sends it" }

// ForImageTag says which line an IMAGE_TAG runs ("" = unset); ok is false
// for a tag no line claims (a custom build or an unknown pin).
func ForImageTag(tag string) (string, bool) {
	tag = strings.TrimSpace(tag)
	for _, id := range IDs {
		l, err := lines[id]()
		if err != nil {
			return "", false
		}
		for _, pat := range l.ImageTags {
			if pat == tag {
				return id, true
			}
			if pat != "" && tag != "" {
				if ok, _ := path.Match(pat, tag); ok {
					return id, true
				}
			}
		}
	}
	return "", false
}

// ptr points at a copy of v, for the generated literals (a constant cannot
// be addressed).
func ptr[T any](v T) *T { return &v }
