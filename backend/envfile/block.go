package envfile

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/lazyre"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
)

// Var is one variable of a block. Its value is unexported so that neither
// JSON nor fmt can carry a key out by accident; Display masks secrets.
type Var struct {
	Name   string
	value  string
	Secret bool
	// Note explains a value that is not the obvious one (a placeholder, a
	// rewritten host, a forced temperature).
	Note string
}

// Display is the value as it may be shown: secrets masked.
func (v Var) Display() string {
	if v.Secret {
		if v.value == KeylessPlaceholder {
			return v.value
		}
		return secrets.Mask(v.value)
	}
	return v.value
}

// Warning is something about the block the user should act on.
type Warning struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Fix     string `json:"fix,omitempty"`
}

// NotCarried is a profile setting that Fixed Mode has no variable for.
type NotCarried struct {
	Setting     string `json:"setting"`
	Value       string `json:"value"`
	Consequence string `json:"consequence"`
}

// Source is what a block is built from: the profile's slots and the Main
// slot's key (read from the keychain by the caller).
type Source struct {
	Profile  string
	Main     profile.Slot
	Fallback *profile.Slot
	Key      secrets.Secret
	Catalog  *catalog.Catalog
	// Line is the Kodus release line the .env is for (nil: the default).
	Line *kodusline.Line
}

// Options are the user's choices for an export.
type Options struct {
	// TrustJSONSchema writes API_TRUST_JSON_SCHEMA_BASE_URLS with the
	// endpoint's host, for a self-hosted server that honours json_schema.
	TrustJSONSchema bool `json:"trustJSONSchema"`
	// ReplaceLocalhost puts this host (host.docker.internal or a LAN
	// address) in place of localhost in the base URL.
	ReplaceLocalhost string `json:"replaceLocalhost"`
	// LANAddresses lists this machine's private addresses, offered when
	// the endpoint is on localhost; asked only then (it reads the network
	// interfaces).
	LANAddresses func() []string `json:"-"`
}

// Block is the Fixed Mode block of one profile with everything known
// about it: the check against Kodus's inference, warnings and what Fixed
// Mode cannot carry.
type Block struct {
	Profile    string
	Generated  time.Time
	Vars       []Var
	Inferred   Inference
	Expected   Route
	Warnings   []Warning
	NotCarried []NotCarried
}

// Get returns a variable's raw value ("" if absent), for inference.
func (b *Block) Get(name string) string {
	for _, v := range b.Vars {
		if v.Name == name {
			return v.value
		}
	}
	return ""
}

func (b *Block) has(name string) bool {
	for _, v := range b.Vars {
		if v.Name == name {
			return true
		}
	}
	return false
}

// Build makes the Fixed Mode block of a profile's Main slot: only the
// variables that apply, each checked to be writable, then Kodus's
// inference on those values compared with the profile.
func Build(src Source, opts Options, now time.Time) (*Block, error) {
	return Prepare(src, opts, now).Build(src.Key)
}

// Prepared is the part of a block that does not depend on the key, so a
// caller can work it out while the keychain is read (Source.Key is not
// used): the endpoint, the temperature, and the warnings and settings
// that come from the slot alone.
type Prepared struct {
	src        Source
	opts       Options
	now        time.Time
	err        error
	base       string
	fixedKnown bool
	temp       string
	tempNote   string
	reasoning  *Warning
	notCarried []NotCarried
}

// Prepare works out everything of the block but the key; an error is
// returned by Build, after the key's own.
func Prepare(src Source, opts Options, now time.Time) *Prepared {
	p := &Prepared{src: src, opts: opts, now: now}
	s := src.Main
	if s.Provider == "" || s.Model == "" {
		p.err = fmt.Errorf("profile %q has no Main model to export", src.Profile)
		return p
	}
	if strings.EqualFold(s.Model, "auto") {
		p.err = fmt.Errorf("model %q: Fixed Mode needs a real model id; \"auto\" turns it off", s.Model)
		return p
	}
	if err := FixedModeCannot(s, src.Profile); err != nil {
		p.err = err
		return p
	}
	p.base, p.fixedKnown = effectiveBaseURL(s, src.Catalog), true
	if anthropicProtocol(s.Provider) {
		p.base, p.fixedKnown = fixedModeEndpoint(s, src.Catalog)
	}
	p.temp, p.tempNote = temperatureOverride(src, s)
	route := ExpectedRoute(s, src.Catalog).Provider
	if w, ok := fixedModeReasoningWarning(src, route); ok {
		p.reasoning = &w
	}
	p.notCarried = notCarried(src, route)
	return p
}

// Build completes the block with the slot's key.
func (p *Prepared) Build(key secrets.Secret) (*Block, error) {
	if p.err != nil {
		return nil, p.err
	}
	src, s, opts := p.src, p.src.Main, p.opts
	b := &Block{Profile: src.Profile, Generated: p.now}
	k := key.Reveal()
	if k == "" && s.Provider != catalog.OpenAICompatible {
		return nil, fmt.Errorf("profile %q has no key for its Main model; save one first", src.Profile)
	}
	b.addKeyAndURL(s, k, p.base, p.fixedKnown, opts)
	b.add(VarModel, s.Model, "")
	if p.temp != "" {
		b.add(VarTemperature, p.temp, p.tempNote)
	}
	for _, v := range b.Vars {
		if _, err := Quote(v.value); err != nil {
			return nil, fmt.Errorf("%s: %w", v.Name, err)
		}
	}
	sortVars(b.Vars)
	b.Inferred = Infer(b.Get)
	b.Warnings = checkBlock(b, src, opts, p.base)
	if anthropicProtocol(s.Provider) {
		b.Warnings = append(b.Warnings, fixedModeEndpointWarning(s, src.Catalog, b.Get(VarBaseURL), p.fixedKnown))
	}
	if p.reasoning != nil {
		b.Warnings = append(b.Warnings, *p.reasoning)
	}
	b.NotCarried = p.notCarried
	return b, nil
}

func (b *Block) add(name, value string, note string) {
	b.Vars = append(b.Vars, Var{Name: name, value: value, Secret: IsSecret(name), Note: note})
}

// addKeyAndURL adds the key and base URL variables the slot's provider
// takes (base: the endpoint Fixed Mode calls; fixedKnown: the plan has a
// known OpenAI-compatible endpoint).
func (b *Block) addKeyAndURL(s profile.Slot, key, base string, fixedKnown bool, opts Options) {
	switch s.Provider {
	case catalog.Anthropic:
		b.add(VarOpenAIKey, key, "Anthropic keys go in this one key slot too")
		b.add(VarBaseURL, "", "empty: Kodus sends claude- models to Anthropic's own SDK")
	case catalog.OpenAI:
		b.add(VarOpenAIKey, key, "")
		if s.BaseURL != "" && trimSlash(s.BaseURL) != trimSlash(OpenAIDefaultBaseURL) {
			b.add(VarBaseURL, s.BaseURL, "")
		} else {
			b.add(VarBaseURL, "", "empty: "+OpenAIDefaultBaseURL)
		}
	case catalog.GoogleGemini:
		b.add(VarBaseURL, "", "empty: any base URL here would route the model through the OpenAI-compatible client")
		b.add(VarGoogleKey, key, "")
	case catalog.GoogleVertex:
		b.add(VarBaseURL, "", "empty: any base URL here would route the model through the OpenAI-compatible client")
		b.add(VarVertexKey, vertexKeyValue(key), "service-account JSON, base64-encoded as Kodus expects")
		if s.VertexLocation != "" {
			b.add(VarVertexLocation, s.VertexLocation, "")
		}
	default: // openai_compatible, open_router, novita, and the Anthropic-protocol brands: the OpenAI-compatible client
		note := ""
		if key == "" {
			key, note = KeylessPlaceholder, "placeholder: the server needs no key, but Kodus needs a non-empty value"
		}
		b.add(VarOpenAIKey, key, note)
		url, rewritten := rewriteLocalhost(base, opts.ReplaceLocalhost)
		urlNote := ""
		if rewritten {
			urlNote = "localhost replaced by " + opts.ReplaceLocalhost + " so Kodus's containers can reach it"
		}
		if anthropicProtocol(s.Provider) && fixedKnown {
			urlNote = "the plan's OpenAI-compatible endpoint: Fixed Mode cannot reach the Anthropic-protocol one"
		}
		b.add(VarBaseURL, url, urlNote)
		// Only self-hosted endpoints: OpenRouter and Novita are Kodus's own concern.
		if opts.TrustJSONSchema && s.Provider == catalog.OpenAICompatible {
			b.add(VarTrustSchema, trustFragment(url), "")
		}
	}
}

func sortVars(vs []Var) {
	rank := map[string]int{}
	for i, n := range blockOrder {
		rank[n] = i
	}
	for i := 1; i < len(vs); i++ {
		for j := i; j > 0 && rank[vs[j].Name] < rank[vs[j-1].Name]; j-- {
			vs[j], vs[j-1] = vs[j-1], vs[j]
		}
	}
}

// effectiveBaseURL is the endpoint the profile calls: its own base URL,
// else the provider's default.
func effectiveBaseURL(s profile.Slot, cat *catalog.Catalog) string {
	if s.BaseURL != "" {
		return s.BaseURL
	}
	if p, ok := cat.Provider(s.Provider); ok {
		return p.DefaultBaseURL
	}
	return ""
}

// vertexKeyValue base64-encodes a raw service-account JSON; a value that
// is already base64 (or an API key) is kept as it is.
func vertexKeyValue(key string) string {
	k := strings.TrimSpace(key)
	if strings.HasPrefix(k, "{") {
		return base64.StdEncoding.EncodeToString([]byte(k))
	}
	return k
}

// kimiTemperatureOneRE matches the Kimi models that accept only
// temperature 1 (Moonshot returns HTTP 400 otherwise, and Kodus's catalog
// defaults Kimi to 1 for that reason):
// K2.6 and later, the thinking variants, and the Code Plan's
// kimi-for-coding, which routes to the current K2.x coding model.
var kimiTemperatureOneRE = lazyre.New(`^kimi-(k2\.[6-9]|k2-thinking|k[3-9]|for-coding)`)

func needsTemperatureOne(model string) bool {
	m := strings.ToLower(strings.TrimSpace(model))
	if i := strings.LastIndex(m, "/"); i >= 0 {
		m = m[i+1:]
	}
	return kimiTemperatureOneRE.MatchString(m)
}

// temperatureOverride decides API_LLM_TEMPERATURE_OVERRIDE: 1 for models
// that accept nothing else, else the profile's temperature when the user
// changed it from the catalog default (or set one for a model outside the
// catalog). Otherwise nothing: each Kodus prompt keeps its own temperature.
func temperatureOverride(src Source, s profile.Slot) (string, string) {
	cat := src.Catalog
	if lineHandlesTemperature(src.line(), s.Model) {
		// Kodus pins or withholds this model's temperature itself: an
		// override would only fight it.
		return "", ""
	}
	if needsTemperatureOne(s.Model) {
		return "1", "this model accepts only temperature 1 (Moonshot returns HTTP 400 otherwise)"
	}
	if s.Temperature == nil {
		return "", ""
	}
	if m, ok := cat.ModelForSlot(s.Provider, s.Model); ok && m.Defaults.Temperature != nil && *m.Defaults.Temperature == *s.Temperature {
		return "", ""
	}
	return strconv.FormatFloat(*s.Temperature, 'g', -1, 64), "the profile's temperature; in Fixed Mode it applies to every LLM call"
}

// trustFragment is the part of a base URL Kodus matches as a substring:
// host and port.
func trustFragment(base string) string {
	h := hostPort(base)
	if h == "" {
		return base
	}
	return h
}

func trimSlash(s string) string { return strings.TrimRight(strings.TrimSpace(s), "/") }
