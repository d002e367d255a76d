// Package kodustest is a stand-in for a self-hosted Kodus's HTTP API, for
// tests: sign-in and refresh, the {statusCode, data, type} envelope, bearer
// auth, find-by-key with masked secrets, create-or-update with the v2
// shape's reference check, the base-URL rules and key keeping, Kodus's
// Test, the LLM status, and Kodus's 401/403 answers. It is written from
// Kodus's source (kodustech/kodus-ai: organizationParameters.controller.ts,
// create-or-update.use-case.ts, find-by-key.use-case.ts,
// validate-byok-config-refs.ts, test-byok-connection.use-case.ts,
// llm-config-status.ts) and never reaches the network.
//
// Go tests start it with New; the browser tests start the same server
// through the kodus-standin command (./standin), which adds /__standin/
// control routes.
package kodustest

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// Default sign-in of the stand-in.
const (
	Email    = "admin@example.com"
	Password = "FAKE-kodus-password-1"
	// ReaderEmail signs in as a member without the organisation-settings
	// permission: every write answers 403.
	ReaderEmail = "reader@example.com"
)

// Options shape the stand-in.
type Options struct {
	// BehindWeb serves the API only under /api/proxy/api, as Kodus's web
	// app forwards it; every other path is the web app's HTML 404.
	BehindWeb bool
	// Env is the API container's environment (what its .env set when it
	// was created): the env part of the status. Called on every status.
	Env func() map[string]string
	// Test decides Kodus's Test verdict; nil answers ok unless the key
	// contains "REVOKED" (the provider's 401).
	Test func(TestCall) TestVerdict
	// Control adds the /__standin/ routes (the browser tests' handle).
	Control bool
	// V1 is a mid-2026 Kodus (selfhosted-2.1.x): it saves the v1
	// {main, fallback} shape, keeping a slot's stored key when a save has
	// none for the same provider.
	V1 bool
}

// TestCall is a test-byok body as received.
type TestCall = map[string]any

// TestVerdict is Kodus's TestByokResult.
type TestVerdict = map[string]any

// Server is a running stand-in.
type Server struct {
	URL  string
	opts Options

	mu       sync.Mutex
	users    map[string]user
	access   map[string]string // token → email
	refresh  map[string]string
	stored   map[string]any // the BYOK config as stored (secrets "encrypted")
	uuid     string
	saves    []json.RawMessage
	tests    []json.RawMessage
	requests []string
	srv      *httptest.Server
}

type user struct {
	password string
	canWrite bool
}

// New starts a stand-in on 127.0.0.1 for the test's lifetime.
func New(t testing.TB, opts Options) *Server {
	t.Helper()
	s := Start(opts)
	t.Cleanup(s.Close)
	return s
}

// Start starts a stand-in; Close stops it.
func Start(opts Options) *Server {
	s := &Server{opts: opts, access: map[string]string{}, refresh: map[string]string{}, uuid: "3f8b4a51-0d6e-4c1a-9a57-6b1c2d3e4f50",
		users: map[string]user{Email: {Password, true}, ReaderEmail: {Password, false}}}
	s.srv = httptest.NewServer(s.Handler())
	s.URL = s.srv.URL
	return s
}

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

// APIURL is where the API answers: URL, or URL/api/proxy/api behind the web.
func (s *Server) APIURL() string {
	if s.opts.BehindWeb {
		return s.URL + "/api/proxy/api"
	}
	return s.URL
}

// Handler serves the API (and the web app's 404 when BehindWeb).
func (s *Server) Handler() http.Handler {
	api := http.NewServeMux()
	api.HandleFunc("POST /auth/login", s.login)
	api.HandleFunc("POST /auth/refresh", s.refreshTokens)
	api.HandleFunc("POST /auth/logout", s.authed(false, s.logout))
	api.HandleFunc("GET /organization-parameters/llm-config/status", s.authed(false, s.status))
	api.HandleFunc("GET /organization-parameters/find-by-key", s.authed(false, s.findByKey))
	api.HandleFunc("POST /organization-parameters/create-or-update", s.authed(true, s.createOrUpdate))
	api.HandleFunc("POST /organization-parameters/test-byok", s.authed(true, s.testBYOK))
	api.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		nestError(w, http.StatusNotFound, "Cannot "+r.Method+" "+r.URL.Path, "Not Found")
	})
	root := http.NewServeMux()
	if s.opts.Control {
		s.control(root)
	}
	if s.opts.BehindWeb {
		root.Handle("/api/proxy/api/", http.StripPrefix("/api/proxy/api", api))
		root.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte("<!DOCTYPE html><html><head><title>404: This page could not be found.</title></head><body><h1>404</h1><h2>This page could not be found.</h2></body></html>"))
		})
	} else {
		root.Handle("/", api)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests = append(s.requests, r.Method+" "+r.URL.Path)
		s.mu.Unlock()
		root.ServeHTTP(w, r)
	})
}

// envelope is Kodus's TransformInterceptor: every success is wrapped.
func envelope(w http.ResponseWriter, status int, data any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"statusCode": status, "data": data, "type": "application/json"})
}

// nestError is NestJS's default HttpException body.
func nestError(w http.ResponseWriter, status int, message, errName string) {
	writeJSON(w, status, map[string]any{"statusCode": status, "message": message, "error": errName})
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body)
}

func token(prefix string) string {
	b := make([]byte, 16)
	rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

func (s *Server) issue(email string) map[string]string {
	a, r := token("eyJhbGciOiJIUzI1NiJ9.FAKE-access."), token("eyJhbGciOiJIUzI1NiJ9.FAKE-refresh.")
	s.access[a] = email
	s.refresh[r] = email
	return map[string]string{"accessToken": a, "refreshToken": r}
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	var body struct{ Email, Password string }
	if json.NewDecoder(r.Body).Decode(&body) != nil {
		nestError(w, http.StatusBadRequest, "Invalid body", "Bad Request")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.users[strings.ToLower(strings.TrimSpace(body.Email))]
	if !ok || u.password != body.Password {
		nestError(w, http.StatusUnauthorized, "api.users.unauthorized", "Unauthorized")
		return
	}
	envelope(w, http.StatusCreated, s.issue(strings.ToLower(strings.TrimSpace(body.Email))))
}

func (s *Server) refreshTokens(w http.ResponseWriter, r *http.Request) {
	var body struct{ RefreshToken string }
	_ = json.NewDecoder(r.Body).Decode(&body) // a missing or bad token is refused below
	s.mu.Lock()
	defer s.mu.Unlock()
	email, ok := s.refresh[body.RefreshToken]
	if !ok {
		nestError(w, http.StatusUnauthorized, "Unauthorized", "Unauthorized")
		return
	}
	delete(s.refresh, body.RefreshToken) // refresh tokens are single-use
	envelope(w, http.StatusCreated, s.issue(email))
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, _ string) {
	var body struct{ RefreshToken string }
	_ = json.NewDecoder(r.Body).Decode(&body) // a missing or bad token is refused below
	s.mu.Lock()
	delete(s.refresh, body.RefreshToken)
	for tok, e := range s.access {
		if tok == bearer(r) {
			_ = e
			delete(s.access, tok)
		}
	}
	s.mu.Unlock()
	envelope(w, http.StatusCreated, true)
}

func bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if !strings.HasPrefix(h, "Bearer ") {
		return ""
	}
	return strings.TrimPrefix(h, "Bearer ")
}

// authed checks the JWT (401 "Unauthorized" as Nest's guard answers) and,
// for writes, the organisation-settings permission (403 "Forbidden
// resource", the PolicyGuard's answer).
func (s *Server) authed(write bool, h func(http.ResponseWriter, *http.Request, string)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		email, ok := s.access[bearer(r)]
		u := s.users[email]
		s.mu.Unlock()
		if !ok {
			nestError(w, http.StatusUnauthorized, "Unauthorized", "Unauthorized")
			return
		}
		if write && !u.canWrite {
			nestError(w, http.StatusForbidden, "Forbidden resource", "Forbidden")
			return
		}
		h(w, r, email)
	}
}

// ExpireAccessTokens makes every access token invalid, as the JWT expiry
// does; refresh tokens still work.
func (s *Server) ExpireAccessTokens() {
	s.mu.Lock()
	s.access = map[string]string{}
	s.mu.Unlock()
}

// ExpireSessions invalidates access and refresh tokens: sign in again.
func (s *Server) ExpireSessions() {
	s.mu.Lock()
	s.access, s.refresh = map[string]string{}, map[string]string{}
	s.mu.Unlock()
}

// Requests lists "METHOD /path" of every request, in order.
func (s *Server) Requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.requests...)
}

// Saves returns every create-or-update configValue as received.
func (s *Server) Saves() []json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]json.RawMessage(nil), s.saves...)
}

// Tests returns every test-byok body as received.
func (s *Server) Tests() []json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]json.RawMessage(nil), s.tests...)
}
