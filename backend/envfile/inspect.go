package envfile

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/joho/godotenv"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
)

// Report is what an existing .env tells Kodus about its LLM, with the key
// masked: the content of the blue banner Kodus shows when env is active.
type Report struct {
	FixedMode bool      `json:"fixedMode"`
	Inferred  Inference `json:"inferred"`
	KeyVar    string    `json:"keyVar,omitempty"`
	KeyMasked string    `json:"keyMasked,omitempty"`
	Warnings  []Warning `json:"warnings"`
	// Problems are installer validation failures; checked only when the
	// file looks like a complete Kodus .env (it has a required variable).
	Problems []Problem `json:"problems"`
	// ImageTag is the file's IMAGE_TAG ("" when unset: the installer's
	// default, latest); KodusLine the release line that tag runs ("" when
	// no line claims it).
	ImageTag  string `json:"imageTag,omitempty"`
	KodusLine string `json:"kodusLine,omitempty"`
}

// Inspect reads a .env with godotenv and reports what Kodus will do, and
// whether the Kodus it runs (IMAGE_TAG) is the line l the app follows.
func Inspect(content string, l *kodusline.Line) (Report, error) {
	vals, err := godotenv.Unmarshal(content)
	if err != nil {
		return Report{}, fmt.Errorf("not a valid .env: %w", err)
	}
	get := func(k string) string { return vals[k] }
	inf := Infer(get)
	r := Report{FixedMode: inf.Configured, Inferred: inf, KeyVar: inf.KeyVar, Warnings: []Warning{}, Problems: []Problem{}}
	tag, set := vals[VarImageTag]
	r.ImageTag = strings.TrimSpace(tag)
	r.KodusLine, _ = ImageTagLine(r.ImageTag)
	if l != nil {
		if w := LineWarning(r.ImageTag, set && r.ImageTag != "", l); w != nil {
			r.Warnings = append(r.Warnings, *w)
		}
	}
	if inf.KeyVar != "" {
		k := strings.TrimSpace(vals[inf.KeyVar])
		r.KeyMasked = secrets.Mask(k)
		if k == KeylessPlaceholder {
			r.KeyMasked = k
		}
	}
	for _, n := range RequiredVars {
		if _, ok := vals[n]; ok {
			r.Problems = append(r.Problems, Validate(content)...)
			break
		}
	}
	if !inf.Configured {
		return r, nil
	}
	if inf.Provider == "" {
		r.Warnings = append(r.Warnings, Warning{Code: "routing", Message: "Fixed Mode is on but " + inf.Rule + ".",
			Fix: "Set the key variable for this model (" + VarOpenAIKey + " for OpenAI-compatible and Claude, " + VarGoogleKey + " for gemini- models)."})
	}
	if strings.TrimSpace(vals[VarVertexKey]) != "" && inf.Provider != RouteGoogleVertex {
		r.Warnings = append(r.Warnings, Warning{Code: "vertex-legacy", Message: VarVertexKey + " has a value while the model routes to " + inf.ProviderLabel + ": Kodus's legacy code path uses Vertex AI whenever that variable is set, so some calls go to Vertex.",
			Fix: "Comment out " + VarVertexKey + " (a merge from this app does it for you)."})
	}
	if isLocalURL(vals[VarBaseURL]) && inf.Provider == RouteOpenAICompatible {
		r.Warnings = append(r.Warnings, localhostWarning(strings.TrimSpace(vals[VarBaseURL]), nil))
	}
	if needsTemperatureOne(inf.Model) && strings.TrimSpace(vals[VarTemperature]) != "1" && (l == nil || !lineHandlesTemperature(l, inf.Model)) {
		r.Warnings = append(r.Warnings, Warning{Code: "temperature", Message: inf.Model + " accepts only temperature 1; without " + VarTemperature + "=1 Kodus sends its prompts' own temperatures and Moonshot answers HTTP 400.",
			Fix: "Set " + VarTemperature + "=1."})
	}
	for _, d := range duplicates(content) {
		r.Warnings = append(r.Warnings, Warning{Code: "duplicate", Message: d + " is set more than once; the last line wins."})
	}
	return r, nil
}

func duplicates(content string) []string {
	count := map[string]int{}
	var dups []string
	for _, l := range scan(content) {
		if l.kind == lineAssign && (slices.Contains(blockOrder, l.name) || l.name == VarGoogleKeyAlias) {
			count[l.name]++
			if count[l.name] == 2 {
				dups = append(dups, l.name)
			}
		}
	}
	return dups
}

// ToSlot turns a .env's Fixed Mode block into a profile slot and its key:
// the reverse of Build. OpenAI-compatible endpoints Kodus's catalog knows
// by host (OpenAI, OpenRouter, Novita) become those providers.
func ToSlot(content string, cat *catalog.Catalog) (profile.Slot, secrets.Secret, error) {
	vals, err := godotenv.Unmarshal(content)
	if err != nil {
		return profile.Slot{}, secrets.Secret{}, fmt.Errorf("not a valid .env: %w", err)
	}
	inf := Infer(func(k string) string { return vals[k] })
	if !inf.Configured {
		return profile.Slot{}, secrets.Secret{}, fmt.Errorf("Fixed Mode is off: %s", inf.Rule)
	}
	if inf.Provider == "" {
		return profile.Slot{}, secrets.Secret{}, fmt.Errorf("Kodus cannot route this .env: %s", inf.Rule)
	}
	key := strings.TrimSpace(vals[inf.KeyVar])
	s := profile.Slot{Settings: profile.Settings{Provider: inf.Provider, Model: inf.Model}}
	switch inf.Provider {
	case RouteGoogleVertex:
		if inf.KeyVar == "" {
			return profile.Slot{}, secrets.Secret{}, fmt.Errorf("this .env uses Vertex with Application Default Credentials (GOOGLE_CLOUD_PROJECT), which has no key to import")
		}
		s.VertexLocation = strings.TrimSpace(vals[VarVertexLocation])
	case RouteOpenAICompatible:
		base := strings.TrimSpace(vals[VarBaseURL])
		s.Provider, s.BaseURL = catalog.OpenAICompatible, base
		for _, p := range []string{catalog.OpenAI, catalog.OpenRouter, catalog.Novita} {
			def := OpenAIDefaultBaseURL
			if pr, ok := cat.Provider(p); ok {
				def = pr.DefaultBaseURL
			}
			if (base == "" && p == catalog.OpenAI) || (base != "" && strings.EqualFold(hostPort(base), hostPort(def))) {
				s.Provider, s.BaseURL = p, base
				if sameURL(base, def) {
					s.BaseURL = ""
				}
				break
			}
		}
		if key == KeylessPlaceholder {
			key = ""
		}
	}
	if t := strings.TrimSpace(vals[VarTemperature]); t != "" {
		if f, err := strconv.ParseFloat(t, 64); err == nil {
			s.Temperature = &f
		}
	}
	return s, secrets.NewSecret(key), nil
}
