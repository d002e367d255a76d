package studio

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/kodusbyok/studio/backend/kodusapi"
	"github.com/kodusbyok/studio/backend/secrets"
	"github.com/kodusbyok/studio/backend/store"
)

// Kodus connects to a running Kodus: its API (BYOK config) and its
// install (.env, Compose).
type Kodus struct{ *core }

// Kodus is the Kodus connection service.
func (s *Studio) Kodus() *Kodus { return &Kodus{s.c} }

// The Kodus session: where and as whom in bbolt (nothing secret), the
// tokens in the keychain only.
const (
	bucketKodus   = "kodus"
	keyConnection = "connection"
	// KodusSessionRef is the keychain item holding the tokens.
	KodusSessionRef = "kodus.session"
)

// KodusSession says whether the app is signed in to a Kodus, and where.
type KodusSession struct {
	SignedIn bool   `json:"signedIn"`
	URL      string `json:"url,omitempty"`
	// APIBase is where the API answered: URL itself, or the web app's
	// proxy under /api/proxy/api.
	APIBase    string    `json:"apiBase,omitempty"`
	Email      string    `json:"email,omitempty"`
	SignedInAt time.Time `json:"signedInAt,omitempty"`
}

type storedTokens struct {
	AccessToken  string `json:"accessToken"`
	RefreshToken string `json:"refreshToken"`
}

// KodusSession reads where the app is signed in; it does not touch the
// keychain or the network.
func (s *Kodus) KodusSession() (KodusSession, error) {
	var c KodusSession
	found, err := s.store.GetJSON(bucketKodus, keyConnection, &c)
	if err != nil {
		return KodusSession{}, err
	}
	c.SignedIn = found && c.APIBase != ""
	return c, nil
}

// KodusLogin finds the API behind url, signs in and keeps the tokens in
// the keychain. The password goes only to Kodus.
func (s *Kodus) KodusLogin(ctx context.Context, url, email, password string) (KodusSession, error) {
	if email == "" {
		return KodusSession{}, errors.New("the email is empty")
	}
	if password == "" {
		return KodusSession{}, errors.New("the password is empty")
	}
	norm, err := kodusapi.NormalizeURL(url)
	if err != nil {
		return KodusSession{}, err
	}
	base, err := kodusapi.Discover(ctx, nil, norm)
	if err != nil {
		return KodusSession{}, err
	}
	c := kodusapi.New(base, kodusapi.Tokens{})
	t, err := c.Login(ctx, email, password)
	if err != nil {
		return KodusSession{}, err
	}
	if err := s.saveTokens(ctx, t); err != nil {
		return KodusSession{}, fmt.Errorf("signed in, but the session could not be kept in the keychain: %w", err)
	}
	sess := KodusSession{SignedIn: true, URL: norm, APIBase: base, Email: email, SignedInAt: s.now()}
	if err := s.store.PutJSON(bucketKodus, keyConnection, sess); err != nil {
		_ = s.keys.Delete(ctx, KodusSessionRef)
		return KodusSession{}, err
	}
	return sess, nil
}

func (s *core) saveTokens(ctx context.Context, t kodusapi.Tokens) error {
	data, err := json.Marshal(storedTokens{AccessToken: t.Access.Reveal(), RefreshToken: t.Refresh.Reveal()})
	if err != nil {
		return err
	}
	return s.keys.Set(ctx, KodusSessionRef, "Kodus BYOK Studio: Kodus session", secrets.NewSecret(string(data)))
}

// KodusLogout ends the session on Kodus (best effort) and forgets it here.
// The notes say what could not be done.
func (s *Kodus) KodusLogout(ctx context.Context) ([]string, error) {
	notes := []string{}
	sess, err := s.kodus().KodusSession()
	if err != nil {
		return notes, err
	}
	if sess.SignedIn {
		if c, err := s.kodusClient(ctx); err == nil {
			if err := c.Logout(ctx); err != nil {
				notes = append(notes, "Kodus did not confirm the sign-out ("+err.Error()+"); the tokens are forgotten here anyway")
			}
		}
	}
	if err := s.keys.Delete(ctx, KodusSessionRef); err != nil {
		return notes, fmt.Errorf("remove the Kodus session from the keychain: %w", err)
	}
	if err := s.store.Delete(bucketKodus, keyConnection); err != nil && !errors.Is(err, store.ErrNotFound) {
		return notes, err
	}
	return notes, nil
}

// ErrNotSignedIn says how to sign in.
var ErrNotSignedIn = fmt.Errorf("%w: sign in first (kodus-byok kodus login --url URL --email EMAIL --password-stdin, or the Kodus view)", kodusapi.ErrNotSignedIn)

// kodusClient is a client on the saved session; a refresh is saved back
// to the keychain.
func (s *core) kodusClient(ctx context.Context) (*kodusapi.Client, error) {
	sess, err := s.kodus().KodusSession()
	if err != nil {
		return nil, err
	}
	if !sess.SignedIn {
		return nil, ErrNotSignedIn
	}
	sec, err := s.keys.Get(ctx, KodusSessionRef)
	if errors.Is(err, secrets.ErrNotFound) {
		return nil, fmt.Errorf("%w (the session for %s is missing from the keychain)", ErrNotSignedIn, sess.URL)
	}
	if err != nil {
		return nil, err
	}
	var st storedTokens
	if err := json.Unmarshal([]byte(sec.Reveal()), &st); err != nil {
		return nil, fmt.Errorf("%w (the stored session is unreadable)", ErrNotSignedIn)
	}
	c := kodusapi.New(sess.APIBase, kodusapi.Tokens{Access: secrets.NewSecret(st.AccessToken), Refresh: secrets.NewSecret(st.RefreshToken)})
	c.OnRefresh = func(t kodusapi.Tokens) error { return s.saveTokens(ctx, t) }
	return c, nil
}

// kodusCall runs fn on the session and turns an expired one into the
// sign-in-again error that names the URL.
func (s *core) kodusCall(ctx context.Context, fn func(*kodusapi.Client) error) error {
	c, err := s.kodusClient(ctx)
	if err != nil {
		return err
	}
	err = fn(c)
	if errors.Is(err, kodusapi.ErrSessionExpired) {
		sess, _ := s.kodus().KodusSession()
		return fmt.Errorf("%w; sign in again: kodus-byok kodus login --url %s --email %s --password-stdin", err, sess.URL, sess.Email)
	}
	return err
}
