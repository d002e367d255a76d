package studio

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/kodusbyok/studio/backend/byokconfig"
	"github.com/kodusbyok/studio/backend/envfile"
	"github.com/kodusbyok/studio/backend/kodusapi"
)

// KodusModelView is one model of the BYOK config stored in Kodus, shown as
// the app shows a profile slot. The key is Kodus's own mask.
type KodusModelView struct {
	ID           string   `json:"id"`
	Roles        []string `json:"roles"`
	Provider     string   `json:"provider"`
	ProviderName string   `json:"providerName"`
	Model        string   `json:"model"`
	BaseURL      string   `json:"baseURL,omitempty"`
	KeyMasked    string   `json:"keyMasked,omitempty"`
	CredentialID string   `json:"credentialId,omitempty"`
	// Managed is Kodus's own env-default credential, hidden in its UI.
	Managed               bool     `json:"managed,omitempty"`
	ReasoningEffort       string   `json:"reasoningEffort,omitempty"`
	CustomReasoning       bool     `json:"customReasoning,omitempty"`
	Temperature           *float64 `json:"temperature,omitempty"`
	MaxOutputTokens       *int     `json:"maxOutputTokens,omitempty"`
	MaxConcurrentRequests *int     `json:"maxConcurrentRequests,omitempty"`
	// Resolvable is Kodus's verdict from the status: can it run?
	Resolvable *bool `json:"resolvable,omitempty"`
}

// KodusConfigView is the stored BYOK config: "v2" (credentials, models,
// routing) or "v1" (main, fallback).
type KodusConfigView struct {
	Shape  string           `json:"shape"`
	Models []KodusModelView `json:"models"`
}

// KodusStatusView is what Kodus uses now: its status, the stored BYOK
// config as the app shows it, and what the two mean together.
type KodusStatusView struct {
	Session kodusSessionView `json:"kodus"`
	Status  kodusapi.Status  `json:"status"`
	// Config is nil when Kodus has no BYOK config.
	Config *KodusConfigView `json:"byokConfig"`
	// Summary says in a sentence what Kodus uses; Notes add precedence and
	// what cannot run.
	Summary string   `json:"summary"`
	Notes   []string `json:"notes"`
}

type kodusSessionView = KodusSession

var taskLabels = map[string]string{"codeReview": "code review", "prSummary": "PR summary", "conversation": "chat", "kodyRulesReview": "Kody Rules review", "ruleGeneration": "Kody Rules generation", "businessValidation": "business rules"}

// configView reads a stored BYOK config (masked, as find-by-key returns it).
func (s *core) configView(raw json.RawMessage) (*KodusConfigView, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	if isV2Raw(raw) {
		var d byokconfig.V2
		if err := json.Unmarshal(raw, &d); err != nil {
			return nil, fmt.Errorf("read Kodus's BYOK config: %w", err)
		}
		return s.v2View(d, taskOverrides(raw)), nil
	}
	var v1 byokconfig.V1
	if err := json.Unmarshal(raw, &v1); err != nil {
		return nil, fmt.Errorf("read Kodus's BYOK config: %w", err)
	}
	v := &KodusConfigView{Shape: "v1", Models: []KodusModelView{}}
	for _, sl := range []struct {
		role string
		s    *byokconfig.V1Slot
	}{{"default", &v1.Main}, {"fallback", v1.Fallback}} {
		if sl.s == nil || sl.s.Provider == "" {
			continue
		}
		v.Models = append(v.Models, KodusModelView{ID: sl.role, Roles: []string{sl.role}, Provider: sl.s.Provider, ProviderName: s.providerName(sl.s.Provider),
			Model: sl.s.Model, BaseURL: sl.s.BaseURL, KeyMasked: sl.s.APIKey, ReasoningEffort: sl.s.ReasoningEffort, CustomReasoning: sl.s.ReasoningConfigOverride != "",
			Temperature: sl.s.Temperature, MaxOutputTokens: sl.s.MaxOutputTokens, MaxConcurrentRequests: sl.s.MaxConcurrentRequests})
	}
	return v, nil
}

// taskOverrides reads routing.taskOverrides whole: Kodus routes more tasks
// than the typed shape names.
func taskOverrides(raw json.RawMessage) map[string]string {
	var d struct {
		Routing struct {
			TaskOverrides map[string]string `json:"taskOverrides"`
		} `json:"routing"`
	}
	_ = json.Unmarshal(raw, &d)
	return d.Routing.TaskOverrides
}

// defaultModelID is routing's default, else the first model that is not
// Kodus's managed one (resolveDefaultSlot).
func defaultModelID(d byokconfig.V2) string {
	if d.Routing != nil && d.Routing.DefaultModelID != "" {
		return d.Routing.DefaultModelID
	}
	managed := map[string]bool{}
	for _, c := range d.Credentials {
		managed[c.ID] = c.Managed
	}
	for _, m := range d.Models {
		if !managed[m.CredentialID] {
			return m.ID
		}
	}
	return ""
}

func (s *core) v2View(d byokconfig.V2, tasks map[string]string) *KodusConfigView {
	creds := map[string]byokconfig.Credential{}
	for _, c := range d.Credentials {
		creds[c.ID] = c
	}
	def, fb := defaultModelID(d), ""
	if d.Routing != nil {
		fb = d.Routing.FallbackModelID
	}
	v := &KodusConfigView{Shape: "v2", Models: []KodusModelView{}}
	for _, m := range d.Models {
		c := creds[m.CredentialID]
		mv := KodusModelView{ID: m.ID, Roles: []string{}, Provider: c.Provider, ProviderName: s.providerName(c.Provider), Model: m.Model,
			CredentialID: m.CredentialID, Managed: c.Managed, ReasoningEffort: m.ReasoningEffort, CustomReasoning: m.ReasoningConfigOverride != "",
			Temperature: m.Temperature, MaxOutputTokens: m.MaxOutputTokens, MaxConcurrentRequests: m.MaxConcurrentRequests}
		if c.APIKey != nil {
			mv.KeyMasked = *c.APIKey
		}
		if c.Settings != nil {
			mv.BaseURL = c.Settings.BaseURL
		}
		if m.ID == def {
			mv.Roles = append(mv.Roles, "default")
		}
		if m.ID == fb {
			mv.Roles = append(mv.Roles, "fallback")
		}
		var named []string
		for task, id := range tasks {
			if id == m.ID {
				if l, ok := taskLabels[task]; ok {
					task = l
				}
				named = append(named, task)
			}
		}
		sort.Strings(named)
		mv.Roles = append(mv.Roles, named...)
		v.Models = append(v.Models, mv)
	}
	return v
}

func (s *core) providerName(id string) string {
	if p, ok := s.catalog().Provider(id); ok {
		return p.DisplayName
	}
	return envfile.ProviderLabel(id)
}

// KodusStatus reads what Kodus uses now.
func (s *Kodus) KodusStatus(ctx context.Context) (KodusStatusView, error) {
	var v KodusStatusView
	sess, err := s.KodusSession()
	if err != nil {
		return v, err
	}
	v.Session = sess
	var param kodusapi.Parameter
	var found bool
	err = s.kodusCall(ctx, func(c *kodusapi.Client) error {
		if v.Status, err = c.Status(ctx); err != nil {
			return err
		}
		param, found, err = c.FindBYOK(ctx)
		return err
	})
	if err != nil {
		return v, err
	}
	if found {
		if v.Config, err = s.configView(param.ConfigValue); err != nil {
			return v, err
		}
		resolvable := map[string]bool{}
		for _, m := range v.Status.Models {
			resolvable[m.ModelID] = m.Resolvable
		}
		for i, m := range v.Config.Models {
			if r, ok := resolvable[m.ID]; ok {
				v.Config.Models[i].Resolvable = &r
			}
		}
	}
	v.Summary, v.Notes = s.describeStatus(v.Status, v.Config)
	return v, nil
}

// PrecedenceNote is said wherever a BYOK config and the .env are both in
// play.
const PrecedenceNote = "A BYOK config saved in Kodus takes precedence over the .env: while it has a default model, Kodus does not use the .env's model."

func (s *core) describeStatus(st kodusapi.Status, cfg *KodusConfigView) (string, []string) {
	notes := []string{}
	var summary string
	envModel := st.Env.Model
	if st.Env.ProviderID != "" {
		envModel += " (" + s.providerName(st.Env.ProviderID) + ")"
	}
	switch st.Source {
	case "byok":
		summary = fmt.Sprintf("Kodus uses its BYOK config: %s (%s).", st.BYOK.Model, s.providerName(st.BYOK.ProviderID))
		if st.Env.Configured {
			notes = append(notes, PrecedenceNote+" The .env sets "+envModel+", which is not used now.")
		}
	case "env":
		summary = "Kodus uses the .env (Fixed Mode): " + envModel + "."
		notes = append(notes, "A BYOK config saved in Kodus would take precedence over the .env.")
		if cfg != nil && len(cfg.Models) > 0 {
			notes = append(notes, "Kodus has a BYOK config, but its default model cannot run (no key), so the .env is used.")
		}
	default:
		summary = "Kodus has no LLM configured: no BYOK config with a key, and no Fixed Mode model in the .env. Reviews fail until one is set."
	}
	for _, m := range st.Models {
		if !m.Resolvable {
			notes = append(notes, fmt.Sprintf("Kodus cannot run model %s (%s): its credential has no usable key.", m.Model, m.ModelID))
		}
	}
	return summary, notes
}
