package bindings

import (
	"github.com/kodusbyok/studio/backend/kodusinstall"
	"github.com/kodusbyok/studio/backend/studio"
)

// Kodus connects to the running Kodus: its API (BYOK) and its install
// (.env).
type Kodus struct{ s *Session }

// KodusLoginRequest signs in to Kodus; the password only travels inward,
// to Kodus.
type KodusLoginRequest struct {
	URL      string `json:"url"`
	Email    string `json:"email"`
	Password string `json:"password"`
}

// KodusSession says where the app is signed in (nothing secret).
func (b *Kodus) KodusSession() (studio.KodusSession, error) {
	return call(b.s, func(st *studio.Studio) (studio.KodusSession, error) { return st.Kodus().KodusSession() })
}

// KodusLogin signs in; the tokens go to the keychain and never come back.
func (b *Kodus) KodusLogin(req KodusLoginRequest) (studio.KodusSession, error) {
	return call(b.s, func(st *studio.Studio) (studio.KodusSession, error) {
		return st.Kodus().KodusLogin(b.s.ctx, req.URL, req.Email, req.Password)
	})
}

// KodusLogout signs out and forgets the session; it returns notes.
func (b *Kodus) KodusLogout() ([]string, error) {
	return call(b.s, func(st *studio.Studio) ([]string, error) { return st.Kodus().KodusLogout(b.s.ctx) })
}

// KodusStatus is what Kodus uses now, and its stored BYOK config (masked).
func (b *Kodus) KodusStatus() (studio.KodusStatusView, error) {
	return call(b.s, func(st *studio.Studio) (studio.KodusStatusView, error) { return st.Kodus().KodusStatus(b.s.ctx) })
}

// FindKodus lists the Kodus installs found on this machine.
func (b *Kodus) FindKodus() (kodusinstall.FindResult, error) {
	return value(b.s, func(st *studio.Studio) kodusinstall.FindResult { return st.Kodus().FindKodus(b.s.ctx, b.s.getenv) })
}

// InspectKodusDir reads a directory the user picked as a Kodus install.
func (b *Kodus) InspectKodusDir(dir string) (kodusinstall.Install, error) {
	return call(b.s, func(st *studio.Studio) (kodusinstall.Install, error) { return st.Kodus().InspectDir(dir) })
}

// PickKodusFolder opens the system folder picker; "" when cancelled.
func (b *Kodus) PickKodusFolder() (dir string, err error) {
	defer guard(&err)
	return b.s.rt.PickFolder(b.s.ctx, "Choose the Kodus install directory (docker-compose.yml and .env)")
}

// PlanKodusEnv is the diff of merging a profile into an install's .env and
// what would be recreated.
func (b *Kodus) PlanKodusEnv(req studio.KodusEnvRequest) (studio.KodusEnvPlan, error) {
	return call(b.s, func(st *studio.Studio) (studio.KodusEnvPlan, error) { return st.Kodus().PlanKodusEnv(b.s.ctx, req) })
}

// ApplyKodusEnv writes the merge the user confirmed and, with Restart,
// recreates the API and workers; Compose's lines arrive as kodus:compose
// events while it runs.
func (b *Kodus) ApplyKodusEnv(req studio.KodusEnvRequest) (studio.KodusEnvResult, error) {
	return call(b.s, func(st *studio.Studio) (studio.KodusEnvResult, error) {
		seq := 0
		return st.Kodus().ApplyKodusEnv(b.s.ctx, req, b.s.getenv, func(line string) {
			seq++
			b.s.rt.Emit(b.s.ctx, studio.KodusComposeEvent, studio.KodusComposeLine{Seq: seq, Line: line})
		})
	})
}

// PlanKodusApply is the difference applying a profile makes in Kodus's
// BYOK config (what Kodus uses now → after), keys masked.
func (b *Kodus) PlanKodusApply(profileName string) (studio.KodusApplyPlan, error) {
	return call(b.s, func(st *studio.Studio) (studio.KodusApplyPlan, error) {
		return st.Kodus().PlanKodusApply(b.s.ctx, profileName)
	})
}

// ApplyToKodus saves the plan the user confirmed in Kodus, runs Kodus's own
// Test of the applied models and reads its status again. A refusal by
// Kodus comes back in the result, in Kodus's words.
func (b *Kodus) ApplyToKodus(profileName, digest string) (studio.KodusApplyResult, error) {
	return call(b.s, func(st *studio.Studio) (studio.KodusApplyResult, error) {
		return st.Kodus().ApplyKodus(b.s.ctx, profileName, digest)
	})
}
