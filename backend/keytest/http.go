package keytest

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"

	"github.com/kodusbyok/studio/backend/secrets"
)

var (
	errNoBaseURL        = errors.New("no base URL: an OpenAI-compatible server needs one, e.g. http://localhost:11434/v1")
	errCredentialsInURL = errors.New("the base URL holds a user name or password; put the key in the key field instead")
	errNoAzureEndpoint  = errors.New("no base URL: Azure OpenAI needs the resource endpoint, e.g. https://RESOURCE.openai.azure.com/openai")
)

func baseURLHint(f family) string {
	switch f {
	case famAzure:
		return "Use the resource endpoint from the Azure portal's Keys and Endpoint page, ending in /openai."
	case famBedrock:
		return "Pick an AWS region such as us-east-1; the base URL of Bedrock is only an override for a proxy or a local stand-in."
	}
	return "Fix the base URL: it includes the version segment, e.g. https://api.openai.com/v1 or http://localhost:11434/v1."
}

func errBadBaseURL(raw string) error {
	return fmt.Errorf("the base URL %q is not an http:// or https:// address", raw)
}

// run is one test in progress.
type run struct {
	t      *Tester
	s      Settings
	key    secrets.Secret
	hc     *http.Client
	base   string
	redact []string
	// sign signs a request just before it is sent (SigV4 for IAM keys).
	sign func(req *http.Request, body []byte) error
}

// reply is a response read up to its limit.
type reply struct {
	status    int
	header    http.Header
	body      []byte
	truncated bool
	latency   time.Duration
	url       string
}

// send makes one request. The key travels only in headers, never in the
// URL, so it cannot end up in an error message or a log line.
func (r *run) send(ctx context.Context, method, u string, hdr http.Header, body any, limit int64) (*reply, error) {
	var rd io.Reader
	var raw []byte
	switch b := body.(type) {
	case nil:
	case []byte: // already encoded: sent byte for byte as shown
		raw = b
	case string: // a form body (STS)
		raw = []byte(b)
	default:
		enc, err := json.Marshal(b)
		if err != nil {
			return nil, fmt.Errorf("encode request: %w", err)
		}
		raw = enc
	}
	if body != nil {
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return nil, fmt.Errorf("build request: %w", err)
	}
	for k, vs := range hdr {
		req.Header[k] = vs
	}
	if body != nil && req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", "application/json")
	}
	if r.t.UserAgent != "" {
		req.Header.Set("User-Agent", r.t.UserAgent)
	}
	if r.sign != nil {
		if err := r.sign(req, raw); err != nil {
			return nil, fmt.Errorf("sign the request: %w", err)
		}
	}
	start := time.Now()
	resp, err := r.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		limit = min(limit, errorBodyLimit) // only a model list is big
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	rep := &reply{status: resp.StatusCode, header: resp.Header, latency: time.Since(start), url: u}
	if err != nil && len(data) == 0 {
		return nil, err
	}
	if int64(len(data)) > limit {
		data, rep.truncated = data[:limit], true
	}
	rep.body = data
	return rep, nil
}

func (r *run) bearer() http.Header {
	h := http.Header{}
	if !r.key.Empty() {
		h.Set("Authorization", "Bearer "+r.key.Reveal())
	}
	return h
}

// join appends path segments to the base URL.
func join(base string, parts ...string) string {
	return strings.TrimRight(base, "/") + "/" + strings.Join(parts, "/")
}

// escapeModel escapes a model id for a path but keeps the "/" of
// author/slug ids.
func escapeModel(m string) string {
	segs := strings.Split(m, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// netFailure classifies a request that got no HTTP answer.
func (r *run) netFailure(ctx context.Context, err error, u, probe string) Result {
	host := hostOf(u)
	res := Result{Endpoint: u, Probe: probe}
	var dns *net.DNSError
	var cert *tls.CertificateVerificationError
	var unknownCA x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var tlsHeader tls.RecordHeaderError
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		res.Code = CodeTimeout
		res.Message = fmt.Sprintf("No answer from %s within %s.", host, r.t.timeout())
	case errors.Is(err, context.Canceled):
		res.Code = CodeUnknown
		res.Message = "The test was cancelled."
		res.Hint = "Run the test again."
	case errors.As(err, &dns):
		res.Code = CodeNetwork
		res.Message = fmt.Sprintf("The host %s was not found (DNS).", dns.Name)
		if r.t.typedBaseURL(r.s) {
			res.Hint = "Check the spelling of the base URL's host, and that this machine is online."
		}
	case errors.Is(err, syscall.ECONNREFUSED):
		res.Code = CodeNetwork
		res.Message = fmt.Sprintf("Nothing is listening at %s (connection refused).", host)
		res.Hint = "Start the server (Ollama: ollama serve; LM Studio: start the local server) or fix the port in the base URL."
	case errors.As(err, &cert) || errors.As(err, &unknownCA) || errors.As(err, &hostErr):
		res.Code = CodeNetwork
		res.Message = fmt.Sprintf("The TLS certificate of %s is not trusted: %s.", host, innermost(err))
		res.Hint = "The key was not sent. Use the server's correct https address, add its CA to the system store, or use http:// for a local server."
	case errors.As(err, &tlsHeader):
		res.Code = CodeNetwork
		res.Message = fmt.Sprintf("%s does not speak https on that port.", host)
		res.Hint = "Use http:// in the base URL for a local server without TLS."
	default:
		res.Code = CodeNetwork
		res.Message = fmt.Sprintf("Couldn't reach %s: %s.", host, innermost(err))
	}
	return res
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// innermost is the root cause's text without Go's "Get \"url\":" prefix.
func innermost(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err.Error()
		}
		err = next
	}
}

func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	return p.Host
}

// apiError is the union of the documented error bodies: OpenAI, Anthropic,
// Moonshot, Z.ai ({"error":{message,type,code}}), Google RPC
// ({"error":{code,message,status,details}}), Novita ({code,reason,message}),
// vLLM ({"error":"Unauthorized"}), OpenRouter ({"error":{code,message,metadata}}).
type apiError struct {
	Message string
	Type    string
	Code    string
	Status  string
	Reasons []string
	Quota   []string
	// RetryDelay is Google's RetryInfo hint ("37s").
	RetryDelay string
}

func parseError(body []byte) apiError {
	var raw map[string]any
	if json.Unmarshal(body, &raw) != nil {
		return apiError{Message: plainText(body)}
	}
	var e apiError
	switch v := raw["error"].(type) {
	case string:
		e.Message, e.Code = v, v
		if d := str(raw["error_description"]); d != "" { // OAuth
			e.Message = v + ": " + d
		}
	case map[string]any:
		e.Message = str(v["message"])
		e.Type = str(v["type"])
		e.Code = str(v["code"])
		e.Status = str(v["status"])
		if meta, ok := v["metadata"].(map[string]any); ok && e.Message != "" {
			if raw := str(meta["raw"]); raw != "" {
				e.Message += " (" + raw + ")"
			}
		}
		details, _ := v["details"].([]any)
		for _, d := range details {
			dm, _ := d.(map[string]any)
			if reason := str(dm["reason"]); reason != "" {
				e.Reasons = append(e.Reasons, reason)
			}
			if rd := str(dm["retryDelay"]); rd != "" {
				e.RetryDelay = rd
			}
			viol, _ := dm["violations"].([]any)
			for _, q := range viol {
				qm, _ := q.(map[string]any)
				if id := str(qm["quotaId"]); id != "" {
					e.Quota = append(e.Quota, id)
				}
			}
		}
	}
	if e.Message == "" {
		e.Message = str(raw["message"])
	}
	if e.Message == "" {
		e.Message = str(raw["error_description"])
	}
	if e.Type == "" {
		e.Type = str(raw["reason"])
	}
	if e.Code == "" {
		e.Code = str(raw["code"])
	}
	return e
}

// str renders a JSON scalar: Z.ai's codes are strings, Google's numbers.
func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return fmt.Sprintf("%.0f", x)
	}
	return ""
}

// plainText keeps a short non-JSON, non-HTML body as a message.
func plainText(body []byte) string {
	s := strings.TrimSpace(string(body))
	if s == "" || strings.HasPrefix(s, "<") {
		return ""
	}
	return s
}

func (e apiError) hasReason(r string) bool {
	for _, x := range e.Reasons {
		if x == r {
			return true
		}
	}
	return false
}

func (e apiError) contains(words ...string) bool {
	m := strings.ToLower(e.Message)
	for _, w := range words {
		if strings.Contains(m, strings.ToLower(w)) {
			return true
		}
	}
	return false
}

// fromStatus is the default verdict when no provider rule matched: the
// status alone, like Kodus.
func fromStatus(rep *reply, e apiError) Result {
	res := Result{HTTPStatus: rep.status, Endpoint: rep.url}
	switch s := rep.status; {
	case s >= 300 && s < 400:
		loc := rep.header.Get("Location")
		res.Code = CodeNotFound
		res.Headline = "Endpoint redirected"
		res.Message = fmt.Sprintf("The endpoint answered HTTP %d, a redirect to %s. It was not followed, so the key was not sent there.", s, orDash(loc))
		res.Hint = "If you trust that address, use it as the base URL (often http:// → https:// or a missing /v1)."
		return res
	case s == 401 || s == 403:
		res.Code = CodeAuth
	case s == 402:
		res.Code = CodePayment
	case s == 404:
		res.Code = CodeNotFound
	case s == 408:
		res.Code = CodeTimeout
	case s == 429:
		res.Code = CodeRateLimit
	case s >= 500:
		res.Code = CodeServerError
	case s >= 400:
		res.Code = CodeBadRequest
	default:
		res.Code = CodeUnknown
		res.Message = fmt.Sprintf("Unexpected HTTP %d.", s)
	}
	return res
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
