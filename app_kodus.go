//go:build desktop || dev || production || bindings

package main

import (
	"os"

	wruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/kodusbyok/studio/backend/kodusinstall"
	"github.com/kodusbyok/studio/backend/studio"
)

// ---- connect to the running Kodus: its API (BYOK) and its install (.env) ----

// KodusLoginRequest signs in to Kodus; the password only travels inward,
// to Kodus.
type KodusLoginRequest struct {
	URL      string `json:"url"`
	Email    string `json:"email"`
	Password string `json:"password"`
}

// KodusSession says where the app is signed in (nothing secret).
func (a *App) KodusSession() (studio.KodusSession, error) {
	return run(a, func(s *studio.Studio) (studio.KodusSession, error) { return s.KodusSession() })
}

// KodusLogin signs in; the tokens go to the keychain and never come back.
func (a *App) KodusLogin(req KodusLoginRequest) (studio.KodusSession, error) {
	return run(a, func(s *studio.Studio) (studio.KodusSession, error) {
		return s.KodusLogin(a.ctx, req.URL, req.Email, req.Password)
	})
}

// KodusLogout signs out and forgets the session; it returns notes.
func (a *App) KodusLogout() ([]string, error) {
	return run(a, func(s *studio.Studio) ([]string, error) { return s.KodusLogout(a.ctx) })
}

// KodusStatus is what Kodus uses now, and its stored BYOK config (masked).
func (a *App) KodusStatus() (studio.KodusStatusView, error) {
	return run(a, func(s *studio.Studio) (studio.KodusStatusView, error) { return s.KodusStatus(a.ctx) })
}

// FindKodus lists the Kodus installs found on this machine.
func (a *App) FindKodus() (kodusinstall.FindResult, error) {
	return run(a, func(s *studio.Studio) (kodusinstall.FindResult, error) { return s.FindKodus(a.ctx, os.Getenv), nil })
}

// InspectKodusDir reads a directory the user picked as a Kodus install.
func (a *App) InspectKodusDir(dir string) (kodusinstall.Install, error) {
	return run(a, func(*studio.Studio) (kodusinstall.Install, error) {
		p, err := studio.ExpandPath(dir)
		if err != nil {
			return kodusinstall.Install{}, err
		}
		in, err := kodusinstall.Inspect(p)
		if err == nil {
			in.FoundBy = []string{"chosen"}
		}
		return in, err
	})
}

// PickKodusFolder opens the system folder picker; "" when cancelled.
func (a *App) PickKodusFolder() (dir string, err error) {
	defer guard(&err)
	return wruntime.OpenDirectoryDialog(a.ctx, wruntime.OpenDialogOptions{Title: "Choose the Kodus install directory (docker-compose.yml and .env)"})
}

// PlanKodusEnv is the diff of merging a profile into an install's .env and
// what would be recreated.
func (a *App) PlanKodusEnv(req studio.KodusEnvRequest) (studio.KodusEnvPlan, error) {
	return run(a, func(s *studio.Studio) (studio.KodusEnvPlan, error) { return s.PlanKodusEnv(a.ctx, req) })
}

// ApplyKodusEnv writes the merge the user confirmed and, with Restart,
// recreates the API and workers; Compose's lines arrive as kodus:compose
// events while it runs.
func (a *App) ApplyKodusEnv(req studio.KodusEnvRequest) (studio.KodusEnvResult, error) {
	return run(a, func(s *studio.Studio) (studio.KodusEnvResult, error) {
		seq := 0
		return s.ApplyKodusEnv(a.ctx, req, os.Getenv, func(line string) {
			seq++
			wruntime.EventsEmit(a.ctx, studio.KodusComposeEvent, studio.KodusComposeLine{Seq: seq, Line: line})
		})
	})
}

// PlanKodusApply is the difference applying a profile makes in Kodus's
// BYOK config (what Kodus uses now → after), keys masked.
func (a *App) PlanKodusApply(profileName string) (studio.KodusApplyPlan, error) {
	return run(a, func(s *studio.Studio) (studio.KodusApplyPlan, error) { return s.PlanKodusApply(a.ctx, profileName) })
}

// ApplyToKodus saves the plan the user confirmed in Kodus, runs Kodus's own
// Test of the applied models and reads its status again. A refusal by
// Kodus comes back in the result, in Kodus's words.
func (a *App) ApplyToKodus(profileName, digest string) (studio.KodusApplyResult, error) {
	return run(a, func(s *studio.Studio) (studio.KodusApplyResult, error) {
		return s.ApplyKodus(a.ctx, profileName, digest)
	})
}
