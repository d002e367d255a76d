package cost

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kodusbyok/studio/backend/lazyre"
)

// LiteLLM's model_prices_and_context_window.json: an object keyed by model
// ("gpt-5.4", "gemini/gemini-3.1-pro-preview", "openrouter/…") whose
// prices are USD per token; long-prompt tiers are keys such as
// input_cost_per_token_above_200k_tokens.
var tierKeyRE = lazyre.New(`^(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost)_above_(\d+)k_tokens$`)

// chat-like modes; others (embedding, image_generation, audio, rerank) are
// not review models.
var chatModes = map[string]bool{"": true, "chat": true, "responses": true, "completion": true}

// ImportReport says what an import changed.
type ImportReport struct {
	File     string   `json:"file"`
	PricedAt string   `json:"pricedAt"`
	Entries  int      `json:"entries"`
	Skipped  int      `json:"skipped"`
	Updated  []Change `json:"updated"`
	Missing  []string `json:"missing"`
	Rounded  []string `json:"rounded"`
	// Warnings name entries that were skipped for a broken value.
	Warnings []string `json:"warnings"`
}

// Change is a bundled model whose price the import changed.
type Change struct {
	Model string `json:"model"`
	Was   string `json:"was"`
	Now   string `json:"now"`
}

// MaxPriceFileBytes caps a price file: LiteLLM's whole
// model_prices_and_context_window.json is a few MB, so 32 MB leaves it
// room to grow while a wrong file (a disk image, /dev/zero) stops early.
const MaxPriceFileBytes = 32 << 20

// ParseLiteLLM reads a LiteLLM price file. Numbers keep their exact JSON
// text, so 3e-06 becomes exactly 3.00 per 1M tokens. file and pricedAt
// label the rows.
func ParseLiteLLM(data []byte, file, pricedAt string) (*Imported, *ImportReport, error) {
	rep := &ImportReport{File: file, PricedAt: pricedAt, Updated: []Change{}, Missing: []string{}, Rounded: []string{}, Warnings: []string{}}
	if len(data) > MaxPriceFileBytes {
		return nil, rep, fmt.Errorf("%s is %d MB: a LiteLLM price file is a few MB, at most %d MB is read", file, len(data)>>20, MaxPriceFileBytes>>20)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, rep, fmt.Errorf("%s is not a LiteLLM price file: %w", file, jsonPos(data, err))
	}
	imp := &Imported{File: file, PricedAt: pricedAt, Entries: map[string]Price{}}
	names := make([]string, 0, len(raw))
	for k := range raw {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, name := range names {
		p, ok, rounded, err := parseEntry(name, raw[name])
		switch {
		case err != nil:
			rep.Skipped++
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s: %v", name, err))
			continue
		case !ok:
			rep.Skipped++
			continue
		}
		if rounded {
			rep.Rounded = append(rep.Rounded, name)
		}
		p.Source = "LiteLLM file " + file + " (" + name + ")"
		p.PricedAt = pricedAt
		p.Origin = OriginImported
		imp.Entries[strings.ToLower(name)] = p
	}
	rep.Entries = len(imp.Entries)
	if rep.Entries == 0 {
		return nil, rep, fmt.Errorf("%s has no entry with input_cost_per_token and output_cost_per_token: not a LiteLLM price file?", file)
	}
	return imp, rep, nil
}

// parseEntry turns one entry into a price; ok is false for entries that
// are not priced chat models (sample_spec, embeddings, images).
func parseEntry(name string, msg json.RawMessage) (p Price, ok, rounded bool, err error) {
	var e liteEntry
	if json.Unmarshal(msg, &e.fields) != nil {
		return p, false, false, nil
	}
	var mode string
	_ = json.Unmarshal(e.fields["mode"], &mode)
	if !chatModes[mode] || name == "sample_spec" {
		return p, false, false, nil
	}
	if p.Input, err = e.rate("input_cost_per_token"); err != nil {
		return p, false, false, err
	}
	if p.Output, err = e.rate("output_cost_per_token"); err != nil {
		return p, false, false, err
	}
	if p.Input == nil || p.Output == nil {
		return p, false, false, nil
	}
	for _, r := range []struct {
		dst **Rate
		key string
	}{
		{&p.CacheRead, "cache_read_input_token_cost"},
		{&p.CacheWrite, "cache_creation_input_token_cost"},
		{&p.CacheWrite1h, "cache_creation_input_token_cost_above_1hr"},
	} {
		if *r.dst, err = e.rate(r.key); err != nil {
			return p, false, false, err
		}
	}
	if p.Tiers, err = e.tiers(); err != nil {
		return p, false, false, err
	}
	p.ContextWindow = intField(e.fields, "max_input_tokens")
	p.MaxOutput = intField(e.fields, "max_output_tokens")
	if p.MaxOutput == 0 {
		p.MaxOutput = intField(e.fields, "max_tokens")
	}
	var provider string
	_ = json.Unmarshal(e.fields["litellm_provider"], &provider)
	p.ID, p.Name = name, name
	if provider != "" {
		p.Note = "LiteLLM provider " + provider + "."
	}
	return p, true, e.rounded, nil
}

// liteEntry is one entry of a LiteLLM price file.
type liteEntry struct {
	fields map[string]json.RawMessage
	// rounded: a rate was rounded to the table's precision.
	rounded bool
}

// rate reads a per-token cost field (nil when absent).
func (e *liteEntry) rate(k string) (*Rate, error) {
	v, found := e.fields[k]
	if !found || string(v) == "null" {
		return nil, nil
	}
	text := strings.Trim(string(v), `"`)
	r, rnd, err := rateFromPerToken(text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", k, err)
	}
	e.rounded = e.rounded || rnd
	return &r, nil
}

// tiers reads the *_above_Nk_tokens fields, in prompt-size order.
func (e *liteEntry) tiers() ([]Tier, error) {
	tiers := map[int64]*Tier{}
	for k := range e.fields {
		m := tierKeyRE.FindStringSubmatch(k)
		if m == nil {
			continue
		}
		n, _ := strconv.ParseInt(m[2], 10, 64)
		r, err := e.rate(k)
		if err != nil {
			return nil, err
		}
		if r == nil {
			continue
		}
		t := tiers[n*1000]
		if t == nil {
			t = &Tier{AbovePromptTokens: n * 1000}
			tiers[n*1000] = t
		}
		switch m[1] {
		case "input_cost_per_token":
			t.Input = r
		case "output_cost_per_token":
			t.Output = r
		case "cache_read_input_token_cost":
			t.CacheRead = r
		case "cache_creation_input_token_cost":
			t.CacheWrite = r
		}
	}
	var out []Tier
	for _, t := range tiers {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].AbovePromptTokens < out[j].AbovePromptTokens })
	return out, nil
}

func intField(fields map[string]json.RawMessage, k string) int64 {
	var f json.Number
	if json.Unmarshal(fields[k], &f) != nil {
		return 0
	}
	if n, err := f.Int64(); err == nil && n > 0 {
		return n
	}
	return 0
}

// jsonPos adds the line and column to a JSON syntax error.
func jsonPos(data []byte, err error) error {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return err
	}
	off := int(se.Offset)
	if off > len(data) {
		off = len(data)
	}
	line := bytes.Count(data[:off], []byte("\n")) + 1
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return fmt.Errorf("line %d, column %d: %w", line, col, err)
}

// Import stores a parsed file as the price refresh in force (replacing the
// previous import; manual edits stay) and reports what changed for the
// bundled models.
func Import(kv KV, imp *Imported, rep *ImportReport, now time.Time) error {
	before, err := LoadBook(kv)
	if err != nil {
		return err
	}
	imp.ImportedAt = now.UTC().Format(time.RFC3339)
	after := &Book{Table: before.Table, Manual: before.Manual, Imported: imp}
	for _, row := range before.Table.Models {
		if row.Subscription != nil || len(row.LiteLLM) == 0 {
			continue
		}
		inFile := false
		for _, k := range row.LiteLLM {
			_, found := imp.Entries[strings.ToLower(k)]
			inFile = inFile || found
		}
		if !inFile {
			rep.Missing = append(rep.Missing, row.ID)
			continue
		}
		was, _ := before.Lookup(row.ID, row.Plan)
		now, _ := after.Lookup(row.ID, row.Plan)
		if a, b := priceText(was), priceText(now); a != b {
			rep.Updated = append(rep.Updated, Change{Model: row.ID, Was: a, Now: b})
		}
	}
	if err := kv.PutJSON(BucketImported, keyImported, imp); err != nil {
		return fmt.Errorf("save imported prices: %w", err)
	}
	return nil
}

// priceText is a one-line summary: "3.00 / 15.00, cache 0.30".
func priceText(p Price) string {
	if !p.Priced() {
		return "no price"
	}
	s := p.Input.String() + " / " + p.Output.String()
	if p.CacheRead != nil {
		s += ", cache " + p.CacheRead.String()
	}
	for _, t := range p.Tiers {
		s += fmt.Sprintf(", >%s: ", kTokens(t.AbovePromptTokens))
		if t.Input != nil {
			s += t.Input.String()
		}
		s += " / "
		if t.Output != nil {
			s += t.Output.String()
		}
	}
	return s
}
