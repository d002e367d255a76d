package keytest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kodusbyok/studio/backend/capped"
)

// A success is only a success when the answer is one: a 2xx status with
// the body the endpoint documents. A web page, a login portal, a proxy's
// error page or an endless stream behind the right status must not make
// the key test say OK, the dry run "Settings accepted" or the concurrency
// probe count an accepted request. The check lives here, on the way every
// verdict is made (run.decorate), and it goes by the endpoint the request
// went to, so every probe, present or future, gets it: an
// Anthropic-protocol provider's /messages answer is checked as a message
// whatever the provider is called.

// shape is what a 2xx answer of an endpoint must hold.
type shape struct {
	what string // for the message: "a chat completion"
	ok   func(map[string]json.RawMessage) bool
}

func hasArray(key string) func(map[string]json.RawMessage) bool {
	return func(m map[string]json.RawMessage) bool { return isJSON(m[key], '[') }
}

func isJSON(raw json.RawMessage, open byte) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) > 0 && raw[0] == open
}

var (
	shapeChat     = shape{"a chat completion", hasArray("choices")}
	shapeMessage  = shape{"a message", hasArray("content")}
	shapeResponse = shape{"a response", hasArray("output")}
	shapeGenerate = shape{"a generateContent answer", func(m map[string]json.RawMessage) bool {
		return isJSON(m["candidates"], '[') || isJSON(m["promptFeedback"], '{')
	}}
	shapeCount = shape{"a token count", func(m map[string]json.RawMessage) bool {
		var n float64
		return json.Unmarshal(m["totalTokens"], &n) == nil
	}}
	shapeModelList  = shape{"a model list", hasArray("data")}
	shapeKeyInfo    = shape{"key information", func(m map[string]json.RawMessage) bool { return isJSON(m["data"], '{') }}
	shapeModel      = shape{"a model", func(m map[string]json.RawMessage) bool { return nonEmptyString(m["id"]) || nonEmptyString(m["name"]) }}
	shapeJSONObject = shape{"a JSON object", func(map[string]json.RawMessage) bool { return true }}
)

func nonEmptyString(raw json.RawMessage) bool {
	var s string
	return json.Unmarshal(raw, &s) == nil && s != ""
}

// shapeFor is the shape of the endpoint a request went to, by its path.
func shapeFor(rawURL string) shape {
	u, err := url.Parse(rawURL)
	if err != nil {
		return shapeJSONObject
	}
	p := strings.TrimRight(u.Path, "/")
	switch {
	case strings.HasSuffix(p, "/chat/completions"):
		return shapeChat
	case strings.HasSuffix(p, "/messages"), strings.HasSuffix(p, ":rawPredict"):
		return shapeMessage
	case strings.HasSuffix(p, "/responses"):
		return shapeResponse
	case strings.HasSuffix(p, ":generateContent"):
		return shapeGenerate
	case strings.HasSuffix(p, ":countTokens"):
		return shapeCount
	case strings.HasSuffix(p, "/models"):
		return shapeModelList
	case strings.HasSuffix(p, "/key"):
		return shapeKeyInfo
	case strings.Contains(p, "/models/"):
		return shapeModel
	}
	return shapeJSONObject
}

// malformed says why a 2xx answer is not a well-formed answer of its
// endpoint, or "" when it is one.
func malformed(rep *reply) string {
	sh := shapeFor(rep.url)
	if rep.truncated {
		// Only a model list is allowed to be bigger than the read limit,
		// and then what was read must be the start of one.
		if sh.what == shapeModelList.what && startsObjectWith(rep.body, "data") {
			return ""
		}
		return "an answer larger than the " + capped.Size(int64(len(rep.body))) + " read limit, not " + sh.what
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(rep.body, &m); err != nil || m == nil {
		return "not JSON (" + sh.what + " was expected)"
	}
	if !sh.ok(m) {
		return "JSON, but not " + sh.what
	}
	return ""
}

// startsObjectWith reports whether body is the valid start of a JSON
// object whose first key is key (cut off anywhere after it).
func startsObjectWith(body []byte, key string) bool {
	dec := json.NewDecoder(bytes.NewReader(body))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	if t, err := dec.Token(); err != nil || t != key {
		return false
	}
	for {
		if _, err := dec.Token(); err != nil {
			return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
		}
	}
}

// notWellFormed is the verdict on a 2xx answer that is not one: unknown,
// with what was received, so the user can see it was a web page, a proxy
// or something else answering at that address.
func (r *run) notWellFormed(res Result, rep *reply, why string) Result {
	out := Result{Slot: res.Slot, Code: CodeUnknown, Probe: res.Probe, Endpoint: res.Endpoint,
		Headline: "Unexpected answer",
		Message: fmt.Sprintf("The endpoint answered HTTP %d, but with %s, so nothing is proven: received %s.",
			rep.status, why, r.received(rep)),
		Hint: "The base URL may point at a web page, a proxy or another service rather than the provider's API: check it (it includes the version, e.g. …/v1)."}
	if e := parseError(rep.body); e.Message != "" && !rep.truncated {
		out.ProviderMessage = r.clean(e.Message)
	}
	out.malformed = true
	return out
}

// unexpected is the verdict on a 2xx answer a probe could not read as its
// endpoint's (a model list that is not one).
func (r *run) unexpected(rep *reply) Result {
	why := malformed(rep)
	if why == "" {
		why = "an answer that is not " + shapeFor(rep.url).what
	}
	return r.decorate(r.notWellFormed(Result{Probe: ProbeMetadata}, rep, why), rep, apiError{})
}

// received describes a body: its content type, size and first bytes.
func (r *run) received(rep *reply) string {
	ct := rep.header.Get("Content-Type")
	if ct == "" {
		ct = "no content type"
	}
	size := capped.Size(int64(len(rep.body)))
	if rep.truncated {
		size = "more than " + size + " (reading stopped there)"
	}
	if len(rep.body) == 0 {
		return ct + ", an empty body"
	}
	return fmt.Sprintf("%s, %s, starting %q", ct, size, r.firstBytes(rep.body, 60))
}

// firstBytes is the start of a body as printable text, the key redacted.
func (r *run) firstBytes(body []byte, n int) string {
	if len(body) > 4*n {
		body = body[:4*n]
	}
	s := strings.ToValidUTF8(string(body), "�")
	s = Redact(s, r.redact)
	s = strings.Map(func(c rune) rune {
		if unicode.IsSpace(c) {
			return ' '
		}
		if !unicode.IsPrint(c) {
			return '·'
		}
		return c
	}, s)
	if utf8.RuneCountInString(s) > n {
		s = string([]rune(s)[:n]) + "…"
	}
	return s
}
