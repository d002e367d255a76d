// Package fakeprovider is an LLM provider for tests: an HTTP server on
// 127.0.0.1 that records every request, answers Google's OAuth token
// request itself, and a dialer that refuses anything but loopback, so no
// test can reach a real provider. Test code only.
package fakeprovider

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// Token is the OAuth access token the server hands out at /token.
const Token = "ya29.FAKE-access-token-0123456789"

// Request is a request as the server received it.
type Request struct {
	Method, Path, Query string
	Header              http.Header
	// Raw is the body as sent; Body is it decoded, when it is a JSON object.
	Raw  string
	Body map[string]any
}

// Server is a provider on 127.0.0.1 that records what it receives.
type Server struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []Request
}

// New starts a server that answers with h (the OAuth token request at
// /token aside) and stops when the test ends.
func New(t testing.TB, h http.HandlerFunc) *Server {
	t.Helper()
	s := &Server{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var body map[string]any
		_ = json.Unmarshal(b, &body) // not JSON: Body stays nil
		s.mu.Lock()
		s.reqs = append(s.reqs, Request{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Clone(), string(b), body})
		s.mu.Unlock()
		if r.URL.Path == "/token" {
			Respond(200, `{"access_token":"`+Token+`","token_type":"Bearer","expires_in":3599}`)(w, r)
			return
		}
		h(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// TokenURL is the server's OAuth token endpoint.
func (s *Server) TokenURL() string { return s.URL + "/token" }

// Requests are the requests received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.reqs...)
}

// Last is the last request that was not the OAuth token request.
func (s *Server) Last(t testing.TB) Request {
	t.Helper()
	rs := s.Requests()
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i].Path != "/token" {
			return rs[i]
		}
	}
	t.Fatal("the fake provider got no request")
	return Request{}
}

// Respond answers with a status, a JSON (or, starting with '<', HTML) body
// and header pairs.
func Respond(status int, body string, hdr ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		for i := 0; i+1 < len(hdr); i += 2 {
			w.Header().Set(hdr[i], hdr[i+1])
		}
		if w.Header().Get("Content-Type") == "" {
			ct := "application/json"
			if strings.HasPrefix(body, "<") {
				ct = "text/html"
			}
			w.Header().Set("Content-Type", ct)
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body) // a failed write is the client's error, which the test sees
	}
}

// ByPath routes by URL path suffix; anything else is a 404.
func ByPath(routes map[string]http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for suffix, h := range routes {
			if strings.HasSuffix(r.URL.Path, suffix) {
				h(w, r)
				return
			}
		}
		Respond(404, `404 page not found`, "Content-Type", "text/plain")(w, r)
	}
}
