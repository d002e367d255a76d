package bindings

import (
	"fmt"
	"net/url"

	"github.com/kodusbyok/studio/backend/doctor"
	"github.com/kodusbyok/studio/backend/studio"
)

// Setup is the data dir, the keychain, the doctor and links.
type Setup struct{ s *Session }

// Environment describes the data dir and keychain (or why they failed).
func (b *Setup) Environment() (info studio.EnvInfo, err error) {
	defer guard(&err)
	st, err := b.s.open()
	if err != nil {
		return studio.EnvInfo{Error: err.Error()}, nil
	}
	return st.Environment().Env(), nil
}

// UnlockKeychain gives the file keychain its passphrase.
func (b *Setup) UnlockKeychain(passphrase string) error {
	return call0(b.s, func(st *studio.Studio) error { return st.Environment().Unlock(b.s.ctx, passphrase) })
}

// Doctor runs the same checks as `kodus-byok doctor`.
func (b *Setup) Doctor() (doctor.Report, error) {
	return value(b.s, func(st *studio.Studio) doctor.Report { return doctor.Run(b.s.ctx, st.Environment()) })
}

// OpenURL opens a web page (a provider's key page, docs) in the user's
// browser; only https links, so the webview is never navigated away.
func (b *Setup) OpenURL(link string) (err error) {
	defer guard(&err)
	u, err := httpsLink(link)
	if err != nil {
		return err
	}
	b.s.rt.OpenURL(b.s.ctx, u)
	return nil
}

// httpsLink accepts only https links with a host, so opening a link from
// the webview can never navigate it away or start another program.
func httpsLink(link string) (string, error) {
	u, err := url.Parse(link)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return "", fmt.Errorf("not an https link: %q", link)
	}
	return u.String(), nil
}
