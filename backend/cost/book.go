package cost

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/kodusbyok/studio/backend/profile"
)

// KV is the slice of the bbolt store the price book uses (store.Store
// satisfies it).
type KV interface {
	GetJSON(bucket, key string, v any) (bool, error)
	PutJSON(bucket, key string, v any) error
	Delete(bucket, key string) error
	Keys(bucket string) ([]string, error)
}

// Buckets: manual edits one key per model; the last LiteLLM import as one
// record, so loading it is a single read.
const (
	BucketManual   = "prices"
	BucketImported = "prices-import"
	keyImported    = "litellm"
)

// Imported is the stored result of `prices import`.
type Imported struct {
	File       string           `json:"file"`
	PricedAt   string           `json:"pricedAt"`
	ImportedAt string           `json:"importedAt"`
	Entries    map[string]Price `json:"entries"`
}

// Book resolves the price in force for a model: a manual edit, else the
// bundled row refreshed by the last import, else an imported entry.
type Book struct {
	Table    *Table
	Manual   []Price
	Imported *Imported
}

// LoadBook reads manual edits and the last import from kv (nil: bundled only).
func LoadBook(kv KV) (*Book, error) {
	b := &Book{Table: Bundled()}
	if kv == nil {
		return b, nil
	}
	keys, err := kv.Keys(BucketManual)
	if err != nil {
		return nil, fmt.Errorf("read manual prices: %w", err)
	}
	for _, k := range keys {
		var p Price
		if _, err := kv.GetJSON(BucketManual, k, &p); err != nil {
			return nil, fmt.Errorf("read manual price %s: %w", k, err)
		}
		p.Origin = OriginManual
		b.Manual = append(b.Manual, p)
	}
	var imp Imported
	found, err := kv.GetJSON(BucketImported, keyImported, &imp)
	if err != nil {
		return nil, fmt.Errorf("read imported prices: %w", err)
	}
	if found {
		b.Imported = &imp
	}
	return b, nil
}

// LookupFor is Lookup for a slot of a provider: an Azure deployment is
// priced by its "azure/<deployment>" row first (Azure's own price), then
// as the model it is named after.
func (b *Book) LookupFor(provider, model, plan string) (Price, bool) {
	if provider == "azure" && !strings.HasPrefix(model, "azure/") {
		if p, ok := b.Lookup("azure/"+model, plan); ok {
			return p, true
		}
	}
	return b.Lookup(model, plan)
}

// Lookup returns the price in force for model (and plan), or false when
// no price is known: the caller must ask for one, never assume $0. A plan
// billed by quota stays so unless that very plan was priced by hand.
func (b *Book) Lookup(model, plan string) (Price, bool) {
	if p, ok := findExact(b.Manual, model, plan); ok {
		return p, true
	}
	bundled, ok := find(b.Table.Models, model, plan)
	if ok && bundled.Subscription != nil {
		if p, ok := findExact(b.Manual, bundled.ID, bundled.Plan); ok {
			return p, true
		}
		return bundled, true
	}
	if p, ok := find(b.Manual, model, ""); ok && p.Plan == "" {
		return p, true
	}
	if ok {
		if b.Imported != nil {
			for _, k := range bundled.LiteLLM {
				if e, found := b.Imported.Entries[strings.ToLower(k)]; found {
					return refreshed(bundled, e), true
				}
			}
		}
		return bundled, true
	}
	if b.Imported != nil {
		if e, ok := b.Imported.entry(model); ok {
			return e, true
		}
	}
	return Price{}, false
}

// refreshed is a bundled row with the imported prices and limits.
func refreshed(row, e Price) Price {
	e.ID, e.Aliases, e.Name, e.Provider, e.Plan = row.ID, row.Aliases, row.Name, row.Provider, row.Plan
	e.Reasoning, e.AlwaysThinks, e.LiteLLM = row.Reasoning, row.AlwaysThinks, row.LiteLLM
	if e.ContextWindow == 0 {
		e.ContextWindow = row.ContextWindow
	}
	if e.MaxOutput == 0 {
		e.MaxOutput = row.MaxOutput
	}
	return e
}

// entry finds an imported entry by its LiteLLM key, or by the key's last
// part ("moonshot/kimi-k2.6" for "kimi-k2.6"), preferring the shortest key.
func (imp *Imported) entry(model string) (Price, bool) {
	m := strings.ToLower(strings.TrimSpace(model))
	if e, ok := imp.Entries[m]; ok {
		e.ID = model
		return e, true
	}
	best := ""
	for k := range imp.Entries {
		if strings.HasSuffix(k, "/"+m) && (best == "" || len(k) < len(best) || (len(k) == len(best) && k < best)) {
			best = k
		}
	}
	if best == "" {
		return Price{}, false
	}
	e := imp.Entries[best]
	e.ID = model
	e.Note = strings.TrimSpace(e.Note + " Matched LiteLLM entry " + best + ".")
	return e, true
}

// PricedAt is the table's date, or the import's when there is one.
func (b *Book) PricedAt() string {
	if b.Imported != nil && b.Imported.PricedAt > b.Table.PricedAt {
		return b.Imported.PricedAt
	}
	return b.Table.PricedAt
}

// Rows lists every bundled model (with imports applied) and every manual
// edit, each once, in table order then by id.
func (b *Book) Rows() []Price {
	var out []Price
	seen := map[string]bool{}
	for _, row := range b.Table.Models {
		p, _ := b.Lookup(row.ID, row.Plan)
		out = append(out, p)
		seen[key(row.ID, row.Plan)] = true
	}
	var extra []Price
	for _, m := range b.Manual {
		if !seen[key(m.ID, m.Plan)] {
			extra = append(extra, m)
		}
	}
	sort.Slice(extra, func(i, j int) bool { return key(extra[i].ID, extra[i].Plan) < key(extra[j].ID, extra[j].Plan) })
	return append(out, extra...)
}

// ManualPrice is a price typed by hand.
type ManualPrice struct {
	Model         string `json:"model"`
	Plan          string `json:"plan"`
	Input         string `json:"input"`
	Output        string `json:"output"`
	CacheRead     string `json:"cacheRead"`
	CacheWrite    string `json:"cacheWrite"`
	ContextWindow int64  `json:"contextWindow"`
	MaxOutput     int64  `json:"maxOutput"`
	Note          string `json:"note"`
}

// ErrNoManualPrice means there was no manual price to remove.
var ErrNoManualPrice = errors.New("no manual price")

// SetManual validates and stores a price typed by hand; every broken
// field is reported and nothing is stored.
func SetManual(kv KV, in ManualPrice, now time.Time) (Price, error) {
	var es profile.Errors
	model := strings.TrimSpace(in.Model)
	if model == "" {
		addErr(&es, "model", "is required", in.Model)
	}
	rate := func(field, v string, required bool) *Rate {
		if strings.TrimSpace(v) == "" {
			if required {
				addErr(&es, field, "is required (USD per 1M tokens; 0 for a free local model)", v)
			}
			return nil
		}
		r, err := ParseRate(v)
		if err != nil {
			addErr(&es, field, err.Error(), v)
			return nil
		}
		return &r
	}
	p := Price{
		ID: model, Plan: strings.TrimSpace(in.Plan), Name: model,
		Input: rate("input", in.Input, true), Output: rate("output", in.Output, true),
		CacheRead: rate("cacheRead", in.CacheRead, false), CacheWrite: rate("cacheWrite", in.CacheWrite, false),
		ContextWindow: in.ContextWindow, MaxOutput: in.MaxOutput,
		Note: strings.TrimSpace(in.Note), Source: "manual edit", PricedAt: now.UTC().Format(time.DateOnly), Origin: OriginManual,
	}
	if in.ContextWindow < 0 || in.ContextWindow > 100_000_000 {
		addErr(&es, "contextWindow", "must be a whole number from 0 (unknown) to 100000000", fmt.Sprint(in.ContextWindow))
	}
	if in.MaxOutput < 0 || in.MaxOutput > 100_000_000 {
		addErr(&es, "maxOutput", "must be a whole number from 0 (unknown) to 100000000", fmt.Sprint(in.MaxOutput))
	}
	if len(es) > 0 {
		return Price{}, es
	}
	if row, ok := find(Bundled().Models, model, p.Plan); ok && row.Plan == p.Plan {
		p.ID, p.Aliases, p.Name, p.Provider = row.ID, row.Aliases, row.Name, row.Provider
		p.Reasoning, p.AlwaysThinks = row.Reasoning, row.AlwaysThinks
	}
	if err := kv.PutJSON(BucketManual, key(p.ID, p.Plan), p); err != nil {
		return Price{}, fmt.Errorf("save manual price: %w", err)
	}
	return p, nil
}

// UnsetManual removes a manual price, so the bundled or imported one is
// in force again.
func UnsetManual(kv KV, model, plan string) error {
	for _, k := range []string{key(model, plan), canonicalKey(model, plan)} {
		err := kv.Delete(BucketManual, k)
		if err == nil {
			return nil
		}
		if !strings.Contains(err.Error(), "not found") {
			return fmt.Errorf("remove manual price: %w", err)
		}
	}
	return fmt.Errorf("%w for %s", ErrNoManualPrice, model)
}

// canonicalKey maps an alias to the bundled row's id.
func canonicalKey(model, plan string) string {
	if row, ok := find(Bundled().Models, model, plan); ok {
		return key(row.ID, row.Plan)
	}
	return key(model, plan)
}

func addErr(es *profile.Errors, field, rule, value string) {
	*es = append(*es, &profile.FieldError{Field: field, Rule: rule, Value: value})
}
