package kodusapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// WebProxyPath is where Kodus's web app forwards requests to its API.
const WebProxyPath = "/api/proxy/api"

// probePath answers 401 JSON from the API to a request without a token,
// and is harmless: a read of non-secret status.
const probePath = "/organization-parameters/llm-config/status"

// NormalizeURL checks a URL the user typed and returns it without a
// trailing slash; a bare host gets http:// (Kodus's default install).
func NormalizeURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", errors.New("the Kodus URL is empty: give the API's URL (e.g. http://localhost:3001) or the web app's")
	}
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "", fmt.Errorf("%q is not a URL: give the API's URL (e.g. http://localhost:3001) or the web app's", raw)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("%q: only http:// and https:// URLs reach Kodus", raw)
	}
	u.RawQuery, u.Fragment = "", ""
	return strings.TrimRight(u.String(), "/"), nil
}

// Discover finds the API behind what the user typed: the URL itself when
// it is the API, else the web app's proxy under /api/proxy/api. It sends
// only an unauthenticated status read to each candidate.
func Discover(ctx context.Context, hc *http.Client, raw string) (string, error) {
	base, err := NormalizeURL(raw)
	if err != nil {
		return "", err
	}
	if hc == nil {
		hc = NewHTTPClient()
	}
	candidates := []string{base}
	if !strings.HasSuffix(base, WebProxyPath) {
		candidates = append(candidates, base+WebProxyPath)
	}
	var seen []string
	for _, cand := range candidates {
		ok, what, err := probe(ctx, hc, cand)
		if err != nil {
			return "", &NetworkError{URL: base, Err: err}
		}
		if ok {
			return cand, nil
		}
		seen = append(seen, cand+probePath+": "+what)
	}
	return "", fmt.Errorf("no Kodus API answered at %s: %s. Give the API's URL (port 3001 by default) or the web app's URL", base, strings.Join(seen, "; "))
}

// probe reports whether cand answered as Kodus's API does without a token:
// a JSON 401/403, or a wrapped status.
func probe(ctx context.Context, hc *http.Client, cand string) (bool, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, cand+probePath, nil)
	if err != nil {
		return false, "", err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return false, "", err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	ct := resp.Header.Get("Content-Type")
	what := fmt.Sprintf("HTTP %d, %s", resp.StatusCode, describeBody(ct, body))
	if resp.StatusCode >= 300 && resp.StatusCode < 400 {
		what = fmt.Sprintf("HTTP %d redirect to %s", resp.StatusCode, resp.Header.Get("Location"))
		return false, what, nil
	}
	if !isJSON(ct, body) {
		return false, what, nil
	}
	switch resp.StatusCode {
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusOK:
		return true, what, nil
	}
	return false, what, nil
}
