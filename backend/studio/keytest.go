package studio

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/kodusbyok/studio/backend/buildinfo"
	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
	"github.com/kodusbyok/studio/backend/store"
)

// KeyTests tests a slot's settings and key against its provider.
type KeyTests struct{ *core }

// KeyTests is the key test service.
func (s *Studio) KeyTests() *KeyTests { return &KeyTests{s.c} }

// tester builds the key tester with the studio's catalog and an honest
// User-Agent (see docs/decisions.md on Kimi Code).
func (s *core) tester(timeout time.Duration) *keytest.Tester {
	return &keytest.Tester{
		Line:      s.line(),
		Catalog:   s.catalog(),
		Timeout:   timeout,
		UserAgent: fmt.Sprintf("%s/%s (Kodus BYOK Studio key test)", buildinfo.Name, buildinfo.Version),
	}
}

func settingsOf(sl profile.Slot) keytest.Settings {
	return keytest.Settings{Provider: sl.Provider, Model: sl.Model, BaseURL: sl.BaseURL, Plan: sl.Plan, VertexLocation: sl.VertexLocation,
		AWSRegion: sl.AWSRegion, AWSAuth: sl.AWSAuth}
}

// TestSaved tests saved slots of a profile with their keys from the
// keychain, concurrently; results come back in the order asked.
func (s *KeyTests) TestSaved(ctx context.Context, name string, slots []string, timeout time.Duration) ([]keytest.Result, error) {
	p, err := s.store.Profile(name)
	if err != nil {
		return nil, err
	}
	type job struct {
		slot string
		cfg  profile.Slot
		key  secrets.Secret
	}
	jobs := make([]job, 0, len(slots))
	for _, name := range slots {
		sl, ok := p.Slot(name)
		if !ok {
			return nil, fmt.Errorf("profile %q has no %s slot: %w", p.Name, name, store.ErrNotFound)
		}
		var key secrets.Secret
		if sl.HasKey() {
			if key, err = s.storedKey(ctx, p.Name, name, sl); err != nil {
				return nil, err
			}
		}
		jobs = append(jobs, job{name, sl, key})
	}
	results := make([]keytest.Result, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() {
			results[i] = s.testSlot(ctx, j.cfg, j.key, timeout)
			results[i].Slot = j.slot
		})
	}
	wg.Wait()
	return results, nil
}

// TestSlotRequest tests settings that are not saved yet (the GUI's Test
// before saving, `kodus-byok test --provider …`). APIKey is the pasted key;
// "" uses the key stored for Profile/Slot when saving would keep it.
type TestSlotRequest struct {
	Profile   string    `json:"profile"`
	Slot      string    `json:"slot"`
	Config    SlotInput `json:"config"`
	APIKey    string    `json:"apiKey"`
	TimeoutMs int       `json:"timeoutMs,omitempty"`
}

// TestSlotResult is a test of unsaved settings. With FieldErrors nothing
// was sent.
type TestSlotResult struct {
	Result      *keytest.Result      `json:"result,omitempty"`
	FieldErrors []profile.FieldError `json:"fieldErrors"`
	Notices     []string             `json:"notices"`
	// UsedStoredKey is the masked stored key the test used, if any.
	UsedStoredKey string `json:"usedStoredKey,omitempty"`
}

// TestSettings validates unsaved settings like Save, then tests them with
// the pasted key (or the stored one that saving would keep).
func (s *KeyTests) TestSettings(ctx context.Context, req TestSlotRequest) (TestSlotResult, error) {
	out := TestSlotResult{FieldErrors: []profile.FieldError{}, Notices: []string{}}
	if err := req.Validate(); err != nil {
		out.FieldErrors = flatten(profile.AsFieldErrors(err))
		return out, nil
	}
	slot, notices, err := s.prepareSlot(req.Config.Slot())
	out.Notices = nonNil(notices)
	if fes := profile.AsFieldErrors(err); fes != nil {
		out.FieldErrors = flatten(fes)
		return out, nil
	}
	if err != nil {
		return out, err
	}
	k, err := s.keyForEdited(ctx, req.APIKey, req.Profile, req.Slot, slot, true)
	if fes := profile.AsFieldErrors(err); fes != nil {
		out.FieldErrors = append(out.FieldErrors, flatten(fes)...)
		return out, nil
	}
	if err != nil {
		return out, err
	}
	key := k.Key
	out.Notices = append(out.Notices, k.Notes...)
	out.UsedStoredKey = k.StoredMasked
	if key.Empty() && s.keyRequired(slot) {
		out.FieldErrors = append(out.FieldErrors, profile.FieldError{Field: "apiKey", Rule: fmt.Sprintf("is required to test %s: paste it", s.slotView(slot).ProviderName)})
		return out, nil
	}
	res := s.testSlot(ctx, slot, key, time.Duration(req.TimeoutMs)*time.Millisecond)
	res.Slot = req.Slot
	out.Result = &res
	return out, nil
}

// DescribeTest says what testing these settings sends, before it is sent;
// key (optional) only decides the Vertex mode.
func (s *KeyTests) DescribeTest(in SlotInput, key string) keytest.Probe {
	slot, _, _ := s.prepareSlot(in.Slot())
	if s.line().Test.RealCall {
		return s.describeSlotCall(slot, secrets.NewSecret(key))
	}
	p := s.tester(0).Describe(settingsOf(slot), secrets.NewSecret(key))
	if p.Requests == nil {
		p.Requests = []string{}
	}
	return p
}
