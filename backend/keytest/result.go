package keytest

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/kodusbyok/studio/backend/secrets"
)

// maxMessage bounds a provider message shown to the user.
const maxMessage = 400

// answer builds a result from an HTTP reply: status, latency, endpoint and
// the provider's own message and code, the key redacted.
func (r *run) answer(rep *reply, e apiError, code Code, message string) Result {
	res := Result{Code: code, Message: message}
	return r.decorate(res, rep, e)
}

// decorate adds what the reply says to a result built elsewhere. Every
// verdict made from a reply passes here, so this is where a success that
// is not a well-formed answer of its endpoint becomes unknown (shape.go).
func (r *run) decorate(res Result, rep *reply, e apiError) Result {
	if res.Code == CodeOK && rep.status >= 200 && rep.status < 300 {
		if why := malformed(rep); why != "" {
			res = r.notWellFormed(res, rep, why)
		}
	}
	res.HTTPStatus = rep.status
	res.LatencyMs = rep.latency.Milliseconds()
	if res.Endpoint == "" {
		res.Endpoint = rep.url
	}
	if res.ProviderMessage == "" && rep.status >= 300 {
		res.ProviderMessage = r.clean(e.Message)
	}
	if res.ProviderCode == "" && rep.status >= 300 {
		res.ProviderCode = providerCode(rep, e)
	}
	return res
}

// fallback is the verdict by status when no provider rule applies.
func (r *run) fallback(rep *reply, e apiError, who string) Result {
	if res, ok := r.billingError(rep, e, who); ok {
		return res
	}
	res := fromStatus(rep, e)
	if res.Message == "" {
		res.Message = defaultMessage(res.Code, who, rep.status)
	}
	return r.decorate(res, rep, e)
}

// providerCode is the most specific code the body gives: Google's reason
// or status, else the vendor's code or type; an echo of the HTTP status
// (Google, Novita, OpenRouter) says nothing.
func providerCode(rep *reply, e apiError) string {
	code := e.Code
	if code == strconv.Itoa(rep.status) {
		code = ""
	}
	if e.Status != "" {
		return firstOf(strings.Join(e.Reasons, ","), e.Status, code)
	}
	return firstOf(code, e.Type)
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" && s != "0" {
			return s
		}
	}
	return ""
}

// clean makes a provider message safe and short: the key redacted, one
// line, bounded length.
func (r *run) clean(msg string) string {
	msg = Redact(msg, r.redact)
	msg = strings.Join(strings.FieldsFunc(msg, func(c rune) bool { return c == '\n' || c == '\r' || c == '\t' }), " ")
	msg = strings.Map(func(c rune) rune {
		if unicode.IsControl(c) {
			return -1
		}
		return c
	}, msg)
	if rs := []rune(msg); len(rs) > maxMessage {
		msg = string(rs[:maxMessage]) + "…"
	}
	return strings.TrimSpace(msg)
}

// redactions is what must never appear in a message: the key, and for a
// service account its private key id (the private key is never sent).
func redactions(key secrets.Secret) []string {
	if key.Empty() {
		return nil
	}
	list := []string{key.Reveal()}
	if c, ok := secrets.ParseAWSCredentials(key.Reveal()); ok {
		list = append(list, c.AccessKeyID, c.SecretAccessKey, c.SessionToken)
	}
	if sa, ok := secrets.ParseServiceAccount(key.Reveal()); ok && sa.PrivateKeyID != "" {
		list = append(list, sa.PrivateKeyID)
	}
	return list
}

// minEcho is the shortest run of a key that counts as an echo: providers
// echo a key in full or cut it ("Incorrect API key provided: sk-proj-abc…").
const minEcho = 8

// Redact replaces each secret, and any word of msg that is a run of at
// least 8 characters of one, with [redacted].
func Redact(msg string, secretsList []string) string {
	for _, s := range secretsList {
		if s == "" {
			continue
		}
		msg = strings.ReplaceAll(msg, s, "[redacted]")
		if strings.HasPrefix(strings.TrimSpace(s), "{") {
			continue // a JSON key's words ("service_account") are not secret
		}
		msg = redactWords(msg, s)
	}
	return msg
}

func redactWords(msg, secret string) string {
	isSep := func(c rune) bool {
		return unicode.IsSpace(c) || strings.ContainsRune("\"'`,;()[]{}<>=", c)
	}
	var b, word strings.Builder
	flush := func() {
		w := word.String()
		core := strings.Trim(w, ".:…*!?")
		if len(core) >= minEcho && strings.Contains(secret, core) {
			w = strings.Replace(w, core, "[redacted]", 1)
		}
		b.WriteString(w)
		word.Reset()
	}
	for _, c := range msg {
		if isSep(c) {
			flush()
			b.WriteRune(c)
			continue
		}
		word.WriteRune(c)
	}
	flush()
	return b.String()
}

// finish fills what every result carries: ok, a headline, a message and a
// hint that maps to the Troubleshooting section users know.
func finish(res Result) Result {
	res.OK = res.Code == CodeOK || res.Code == CodeRateLimit
	if res.malformed {
		res.ModelFound = nil // set by a probe that took the answer for a success
	}
	if res.Probe == "" {
		res.Probe = ProbeMetadata
	}
	if res.Headline == "" {
		res.Headline = Headline(res.Code)
	}
	if res.Message == "" {
		res.Message = defaultMessage(res.Code, "The provider", res.HTTPStatus)
	}
	if res.Hint == "" {
		res.Hint = defaultHint(res.Code)
	}
	return res
}

// Headline is the bold first line of a result, as in Kodus's UI.
func Headline(c Code) string {
	switch c {
	case CodeOK:
		return "Connection OK"
	case CodeAuth:
		return "Invalid API key"
	case CodeNotFound:
		return "Endpoint not found"
	case CodeModelNotFound:
		return "Model not found"
	case CodeModelNotEnabled:
		return "Model access not granted"
	case CodeWrongRegion:
		return "Wrong region"
	case CodeWrongPlan:
		return "Key belongs to the other plan"
	case CodeBadRequest:
		return "Request rejected by provider"
	case CodePayment:
		return "Insufficient balance or inactive billing"
	case CodeRateLimit:
		return "Rate limited — the key works"
	case CodeServerError:
		return "Provider is having issues"
	case CodeTimeout:
		return "Timed out"
	case CodeNetwork:
		return "Couldn't reach the provider"
	}
	return "Connection failed"
}

func defaultMessage(c Code, who string, status int) string {
	switch c {
	case CodeOK:
		return who + " accepted the key."
	case CodeAuth:
		return who + " rejected this API key."
	case CodeNotFound:
		return fmt.Sprintf("%s returned %d: the base URL is wrong for this provider, or the path isn't exposed on your plan.", who, status)
	case CodeBadRequest:
		return who + " rejected the request: the key may be valid but the model id or the endpoint is off."
	case CodePayment:
		return who + " says the account has insufficient credit or blocked billing."
	case CodeRateLimit:
		return who + " is throttling right now, but it accepted the key."
	case CodeServerError:
		return fmt.Sprintf("%s returned HTTP %d: a provider-side error.", who, status)
	case CodeTimeout:
		return who + " did not answer in time."
	}
	if status != 0 {
		return fmt.Sprintf("%s answered HTTP %d, which this test does not recognise.", who, status)
	}
	return "The test failed."
}

// Hints map to the Troubleshooting section of Kodus's BYOK docs.
func defaultHint(c Code) string {
	switch c {
	case CodeOK:
		return "Kodus can use this key, endpoint and model."
	case CodeAuth:
		return "Copy the key again without spaces, quotes or line breaks, and check that billing is active."
	case CodeNotFound:
		return "Endpoint not found: check the base URL (it includes the version, e.g. …/v1); for OpenAI-compatible servers {baseURL}/models must answer."
	case CodeModelNotFound:
		return "Model not found at review time: cross-check the model id against the provider's catalog before saving."
	case CodeWrongPlan:
		return "Pick the matching Plan: subscription keys don't work on the Developer API endpoint and vice versa."
	case CodeModelNotEnabled:
		return "Request access to the model in the Amazon Bedrock console (Model access, in the slot's region), or allow it in the IAM policy; Anthropic models also need the use-case form."
	case CodeWrongRegion:
		return "Set the region the model (or inference profile, or short-term key) belongs to, or pick the profile of the region's geography."
	case CodeBadRequest:
		return "Check the exact model id and the base URL; the key itself may be fine."
	case CodePayment:
		return "Top up or enable billing on the provider's dashboard, then test again."
	case CodeRateLimit:
		return "Wait a moment and test again; if reviews are throttled too, lower Max concurrent requests."
	case CodeServerError:
		return "A provider-side error: wait a moment and retry; if it persists, check the provider's status page."
	case CodeTimeout:
		return "Check the base URL and that the server is up; a busy server may answer on a second try."
	case CodeNetwork:
		return "Check the base URL, your network and any proxy settings."
	}
	return "Run the test again; if it keeps failing, check the base URL and the provider's status page."
}

func ptr(b bool) *bool { return &b }
