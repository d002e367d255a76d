package kodusapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

var (
	// ErrNotSignedIn means there is no Kodus session here.
	ErrNotSignedIn = errors.New("not signed in to Kodus")
	// ErrSessionExpired means Kodus refused the refresh token: sign in again.
	ErrSessionExpired = errors.New("the Kodus session has expired")
	// ErrBadCredentials means Kodus refused the email or password.
	ErrBadCredentials = errors.New("Kodus refused the email or password")
)

// Error is a refusal from Kodus, in Kodus's words (Message, and Details
// for lists such as the unresolved references of a BYOK config).
type Error struct {
	Status  int
	Method  string
	Path    string
	Message string
	Details []string
	// Location is where a redirect pointed.
	Location string
	// NotAPI means the answer did not come from Kodus's API (an HTML page,
	// a redirect to a sign-in page).
	NotAPI bool
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Kodus answered HTTP %d to %s %s", e.Status, e.Method, e.Path)
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	for _, d := range e.Details {
		fmt.Fprintf(&b, "; %s", d)
	}
	if e.Location != "" {
		fmt.Fprintf(&b, " (redirected to %s)", e.Location)
	}
	return b.String()
}

// Advice says what to do about a refusal, or "".
func (e *Error) Advice() string {
	msg := strings.ToLower(e.Message + " " + strings.Join(e.Details, " "))
	switch {
	case e.NotAPI:
		return "Give the URL of Kodus's API (port 3001 by default) or of its web app; the app finds the API behind the web app under /api/proxy/api."
	case e.Status == http.StatusForbidden:
		return "Your Kodus user lacks the permission for this (organisation settings). Ask an owner or admin of the organisation to do it, or to give you that role."
	case strings.Contains(msg, "https://"):
		return "Kodus accepts only https:// base URLs in a BYOK config. A local or http:// server is reached through Fixed Mode instead: kodus-byok kodus apply-env."
	case strings.Contains(msg, "private or reserved"):
		return "Kodus refuses base URLs that resolve to a private, loopback or link-local address in a BYOK config. Use the provider's public endpoint, or Fixed Mode (the .env) for a server on your network."
	case strings.Contains(msg, "must not include"):
		return "Remove the endpoint path from the base URL, as Kodus says: it appends it itself."
	case strings.Contains(msg, "does not resolve to any") || strings.Contains(msg, "in use"):
		return "A model Kodus's routing or a repository override still uses would be removed. Keep that model, or change the routing in Kodus (Settings → BYOK → Routing) first."
	case strings.Contains(msg, "couldn't resolve host"):
		return "Kodus's server could not resolve that host name. Check the base URL, or the DNS of the machine Kodus runs on."
	case e.Status >= 500:
		return "Kodus failed on its side; its API log (docker compose logs api) says why."
	}
	return ""
}

// NetworkError means Kodus could not be reached at all.
type NetworkError struct {
	URL string
	Err error
}

func (e *NetworkError) Error() string {
	return fmt.Sprintf("cannot reach Kodus at %s: %v", e.URL, e.Err)
}

func (e *NetworkError) Unwrap() error { return e.Err }

// newError reads Kodus's refusal. Nest answers {statusCode, message, error}
// with message a string or a list (validation); Kodus's BYOK gate answers
// {message, errors: [...]}; a wrapped body carries them under data.
func newError(method, path string, resp *http.Response, body []byte) *Error {
	e := &Error{Status: resp.StatusCode, Method: method, Path: path}
	if resp.StatusCode >= 300 && resp.StatusCode < 400 {
		e.Location = resp.Header.Get("Location")
		e.Message = "a redirect instead of an answer"
		e.NotAPI = true
		return e
	}
	var obj map[string]json.RawMessage
	if !isJSON(resp.Header.Get("Content-Type"), body) || json.Unmarshal(body, &obj) != nil {
		e.Message = describeBody(resp.Header.Get("Content-Type"), body)
		e.NotAPI = true
		return e
	}
	if inner, ok := obj["data"]; ok {
		var d map[string]json.RawMessage
		if json.Unmarshal(inner, &d) == nil && d["message"] != nil {
			obj = d
		}
	}
	msgs := stringOrList(obj["message"])
	if len(msgs) > 0 {
		e.Message = msgs[0]
		e.Details = append(e.Details, msgs[1:]...)
	}
	e.Details = append(e.Details, stringOrList(obj["errors"])...)
	if e.Message == "" {
		e.Message = strings.Join(stringOrList(obj["error"]), "; ")
	}
	if e.Message == "" {
		e.Message = http.StatusText(resp.StatusCode)
	}
	return e
}

func stringOrList(raw json.RawMessage) []string {
	if raw == nil {
		return nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if s == "" {
			return nil
		}
		return []string{s}
	}
	var list []string
	if json.Unmarshal(raw, &list) == nil {
		return list
	}
	return nil
}
