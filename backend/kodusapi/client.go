// Package kodusapi talks to a running Kodus over its HTTP API: sign in,
// refresh, sign out, the LLM status, the stored BYOK config, saving it and
// Kodus's own connection Test.
//
// Kodus wraps every successful answer as {"statusCode", "data", "type"}
// (its global TransformInterceptor) and authenticates with a bearer JWT
// from POST /auth/login; the organisation is taken from that token. The
// endpoints live in Kodus's organizationParameters controller:
// https://github.com/kodustech/kodus-ai/blob/main/apps/api/src/controllers/organizationParameters.controller.ts
//
// Tokens are secrets.Secret values: they never print, log or marshal.
package kodusapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/kodusbyok/studio/backend/buildinfo"
	"github.com/kodusbyok/studio/backend/secrets"
)

// Tokens are the access and refresh JWTs of a session.
type Tokens struct {
	Access  secrets.Secret
	Refresh secrets.Secret
}

// Empty reports whether there is no session.
func (t Tokens) Empty() bool { return t.Access.Empty() && t.Refresh.Empty() }

// Client is one Kodus API. Base is the API root without a trailing slash:
// http://host:3001, or https://kodus.example.com/api/proxy/api when the API
// is reached through the web app.
type Client struct {
	Base string
	HTTP *http.Client
	// OnRefresh saves the tokens a refresh returned (the keychain); an
	// error there fails the call, so a session is never silently lost.
	OnRefresh func(Tokens) error

	mu     sync.Mutex
	tokens Tokens
}

// DefaultTimeout bounds each request. Kodus's own Test waits up to 15 s
// for the provider, so this leaves room for it.
const DefaultTimeout = 45 * time.Second

// New returns a client for base with tokens (empty when signing in).
func New(base string, tokens Tokens) *Client {
	return &Client{Base: strings.TrimRight(base, "/"), HTTP: NewHTTPClient(), tokens: tokens}
}

// NewHTTPClient does not follow redirects: an API answers directly, and a
// redirect (to a sign-in page, or http → https) is reported as such.
func NewHTTPClient() *http.Client {
	return &http.Client{
		Timeout: DefaultTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

// Tokens returns the current tokens (after any refresh).
func (c *Client) Tokens() Tokens {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.tokens
}

func (c *Client) setTokens(t Tokens) {
	c.mu.Lock()
	c.tokens = t
	c.mu.Unlock()
}

type tokenPair struct {
	AccessToken  string `json:"accessToken"`
	RefreshToken string `json:"refreshToken"`
}

// Login signs in with email and password (POST /auth/login) and keeps the
// tokens in the client. Kodus answers a wrong password with 401
// "api.users.unauthorized".
func (c *Client) Login(ctx context.Context, email, password string) (Tokens, error) {
	var tp tokenPair
	if err := c.send(ctx, http.MethodPost, "/auth/login", map[string]string{"email": email, "password": password}, &tp, false); err != nil {
		var ae *Error
		if errors.As(err, &ae) && ae.Status == http.StatusUnauthorized {
			return Tokens{}, fmt.Errorf("%w: Kodus said %q", ErrBadCredentials, ae.Message)
		}
		return Tokens{}, err
	}
	if tp.AccessToken == "" {
		return Tokens{}, fmt.Errorf("sign-in to %s answered without an access token; is this Kodus's API?", c.Base)
	}
	t := Tokens{Access: secrets.NewSecret(tp.AccessToken), Refresh: secrets.NewSecret(tp.RefreshToken)}
	c.setTokens(t)
	return t, nil
}

// Refresh trades the refresh token for new tokens (POST /auth/refresh)
// and hands them to OnRefresh. A refused refresh is ErrSessionExpired.
func (c *Client) Refresh(ctx context.Context) error {
	t := c.Tokens()
	if t.Refresh.Empty() {
		return ErrSessionExpired
	}
	var tp tokenPair
	err := c.send(ctx, http.MethodPost, "/auth/refresh", map[string]string{"refreshToken": t.Refresh.Reveal()}, &tp, false)
	var ae *Error
	if errors.As(err, &ae) && (ae.Status == http.StatusUnauthorized || ae.Status == http.StatusForbidden || ae.Status == http.StatusBadRequest) {
		return fmt.Errorf("%w (Kodus refused the refresh: %s)", ErrSessionExpired, ae.Message)
	}
	if err != nil {
		return err
	}
	if tp.AccessToken == "" {
		return fmt.Errorf("%w (the refresh answer had no access token)", ErrSessionExpired)
	}
	next := Tokens{Access: secrets.NewSecret(tp.AccessToken), Refresh: secrets.NewSecret(tp.RefreshToken)}
	if next.Refresh.Empty() {
		next.Refresh = t.Refresh
	}
	if c.OnRefresh != nil {
		if err := c.OnRefresh(next); err != nil {
			return fmt.Errorf("save the refreshed Kodus session: %w", err)
		}
	}
	c.setTokens(next)
	return nil
}

// Logout ends the session on Kodus's side (POST /auth/logout) and forgets
// the tokens here whatever Kodus answers.
func (c *Client) Logout(ctx context.Context) error {
	t := c.Tokens()
	defer c.setTokens(Tokens{})
	if t.Access.Empty() || t.Refresh.Empty() {
		return nil
	}
	return c.send(ctx, http.MethodPost, "/auth/logout", map[string]string{"refreshToken": t.Refresh.Reveal()}, nil, true)
}

// Do calls an authenticated endpoint. A 401 is answered by one refresh and
// one retry; when the refresh is refused the error is ErrSessionExpired.
func (c *Client) Do(ctx context.Context, method, path string, body, out any) error {
	if c.Tokens().Access.Empty() {
		return ErrNotSignedIn
	}
	err := c.send(ctx, method, path, body, out, true)
	var ae *Error
	if !errors.As(err, &ae) || ae.Status != http.StatusUnauthorized {
		return err
	}
	if rerr := c.Refresh(ctx); rerr != nil {
		return rerr
	}
	return c.send(ctx, method, path, body, out, true)
}

// maxBody caps what is read of an answer: Kodus's are a few KB.
const maxBody = 4 << 20

func (c *Client) send(ctx context.Context, method, path string, body, out any, auth bool) error {
	var rd io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			return fmt.Errorf("encode the request to %s: %w", path, err)
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.Base+path, rd)
	if err != nil {
		return fmt.Errorf("build the request to %s: %w", c.Base+path, err)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", buildinfo.Name+"/"+buildinfo.Version)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if auth {
		req.Header.Set("Authorization", "Bearer "+c.Tokens().Access.Reveal())
	}
	hc := c.HTTP
	if hc == nil {
		hc = NewHTTPClient()
	}
	resp, err := hc.Do(req)
	if err != nil {
		return &NetworkError{URL: c.Base, Err: err}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return &NetworkError{URL: c.Base, Err: fmt.Errorf("read the answer of %s %s: %w", method, path, err)}
	}
	if resp.StatusCode >= 300 {
		return newError(method, path, resp, data)
	}
	if !isJSON(resp.Header.Get("Content-Type"), data) {
		return &Error{Status: resp.StatusCode, Method: method, Path: path, Message: "the answer is not JSON (" + describeBody(resp.Header.Get("Content-Type"), data) + "); is " + c.Base + " Kodus's API?", NotAPI: true}
	}
	if out == nil {
		return nil
	}
	payload := Unwrap(data)
	if err := json.Unmarshal(payload, out); err != nil {
		return fmt.Errorf("read Kodus's answer to %s %s: %w", method, path, err)
	}
	return nil
}

// Unwrap returns the data of Kodus's {statusCode, data, type} envelope, or
// the body itself when it is not wrapped.
func Unwrap(body []byte) json.RawMessage {
	var env map[string]json.RawMessage
	if json.Unmarshal(body, &env) != nil {
		return body
	}
	data, hasData := env["data"]
	_, hasStatus := env["statusCode"]
	if hasData && hasStatus {
		return data
	}
	return body
}

func isJSON(contentType string, body []byte) bool {
	if strings.Contains(strings.ToLower(contentType), "json") {
		return true
	}
	t := bytes.TrimSpace(body)
	return len(t) > 0 && (t[0] == '{' || t[0] == '[') && json.Valid(t)
}

func describeBody(contentType string, body []byte) string {
	if contentType == "" {
		contentType = "no content type"
	}
	first := strings.TrimSpace(string(body))
	if len(first) > 60 {
		first = first[:60] + "…"
	}
	first = strings.Join(strings.Fields(first), " ")
	if first == "" {
		return contentType + ", empty"
	}
	return fmt.Sprintf("%s: %q", contentType, first)
}
