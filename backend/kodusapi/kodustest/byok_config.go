// The stand-in's BYOK config rules: secret marking and masking, config
// helpers, encryption of saved configs, reference and base-URL checks.

package kodustest

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// Kodus keeps secrets AES-encrypted; the stand-in marks them instead, so a
// test can see what was stored without a key.
const encPrefix = "enc:"

func encrypt(v string) string { return encPrefix + base64.StdEncoding.EncodeToString([]byte(v)) }

func decrypt(v string) string {
	if !strings.HasPrefix(v, encPrefix) {
		return v
	}
	b, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(v, encPrefix))
	if err != nil {
		return ""
	}
	return string(b)
}

// mask is find-by-key's maskApiKey: first two + "..." + last three; six
// characters or fewer become "••••".
func mask(plain string) string {
	if len(plain) <= 6 {
		return "••••"
	}
	return plain[:2] + "..." + plain[len(plain)-3:]
}

// isMasked is create-or-update's isMaskedSecret: a mask echoed back is
// never stored as a key.
func isMasked(v string) bool {
	if strings.Contains(v, "•") {
		return true
	}
	r := []rune(v)
	return len(r) == 8 && string(r[2:5]) == "..."
}

var secretSettings = []string{"awsBearerToken", "awsAccessKeyId", "awsSecretAccessKey", "awsSessionToken"}

// Seed stores a BYOK config as if the Kodus web UI had saved it: plaintext
// keys in it are encrypted.
func (s *Server) Seed(config map[string]any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stored = encryptConfig(clone(config), nil)
}

// Stored returns the stored config with its keys decrypted: what Kodus
// would call the provider with.
func (s *Server) Stored() map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stored == nil {
		return nil
	}
	c := clone(s.stored)
	entries := list(c["credentials"])
	for _, slot := range []string{"main", "fallback"} {
		if m, ok := c[slot].(map[string]any); ok {
			entries = append(entries, m)
		}
	}
	for _, e := range entries {
		if k, ok := e["apiKey"].(string); ok {
			e["apiKey"] = decrypt(k)
		}
	}
	return c
}

// clone deep-copies a JSON object; m came from JSON, so the round trip
// cannot fail.
func clone(m map[string]any) map[string]any {
	b, _ := json.Marshal(m)
	var out map[string]any
	_ = json.Unmarshal(b, &out)
	return out
}

func list(v any) []map[string]any {
	arr, _ := v.([]any)
	var out []map[string]any
	for _, x := range arr {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

func str(m map[string]any, k string) string {
	v, _ := m[k].(string)
	return v
}

func isV2(c map[string]any) bool {
	v, ok := c["version"].(float64)
	return ok && v == 2
}

// encryptConfig is encryptV2ByokConfig: each credential's secret fields are
// encrypted, or — empty or a mask — keep the prior ciphertext of the
// credential with the same id, else the same provider.
func encryptConfig(next, prior map[string]any) map[string]any {
	byID, byProvider := map[string]map[string]any{}, map[string]map[string]any{}
	for _, c := range list(prior["credentials"]) {
		if id := str(c, "id"); id != "" {
			byID[id] = c
		}
		if p := str(c, "provider"); p != "" && byProvider[p] == nil {
			byProvider[p] = c
		}
	}
	var creds []any
	for _, c := range list(next["credentials"]) {
		old := byID[str(c, "id")]
		if old == nil {
			old = byProvider[str(c, "provider")]
		}
		keep := func(in, was string) (string, bool) {
			in = strings.TrimSpace(in)
			if in == "" || isMasked(in) {
				return was, was != ""
			}
			return encrypt(in), true
		}
		var oldSettings map[string]any
		if old != nil {
			oldSettings, _ = old["settings"].(map[string]any)
		}
		if v, ok := keep(str(c, "apiKey"), str(old, "apiKey")); ok {
			c["apiKey"] = v
		} else {
			delete(c, "apiKey")
		}
		if st, ok := c["settings"].(map[string]any); ok {
			for _, f := range secretSettings {
				if v, ok := keep(str(st, f), str(oldSettings, f)); ok {
					st[f] = v
				} else {
					delete(st, f)
				}
			}
		}
		creds = append(creds, c)
	}
	next["credentials"] = creds
	return next
}

// encryptV1 is the mid-2026 save of {main, fallback}: a slot's key is
// encrypted, or — empty — the stored one is kept when the provider is the
// same.
func encryptV1(next, prior map[string]any) map[string]any {
	for _, slot := range []string{"main", "fallback"} {
		m, ok := next[slot].(map[string]any)
		if !ok {
			continue
		}
		old, _ := prior[slot].(map[string]any)
		if k := strings.TrimSpace(str(m, "apiKey")); k != "" && !isMasked(k) {
			m["apiKey"] = encrypt(k)
		} else if old != nil && str(old, "provider") == str(m, "provider") && str(old, "apiKey") != "" {
			m["apiKey"] = str(old, "apiKey")
		} else {
			delete(m, "apiKey")
		}
	}
	return next
}

// refErrors is validateByokConfigRefs.
func refErrors(c map[string]any) []string {
	var errs []string
	creds, models := map[string]bool{}, map[string]bool{}
	for _, cr := range list(c["credentials"]) {
		creds[str(cr, "id")] = str(cr, "id") != ""
	}
	for _, m := range list(c["models"]) {
		models[str(m, "id")] = str(m, "id") != ""
	}
	for _, m := range list(c["models"]) {
		cid := str(m, "credentialId")
		if cid == "" || !creds[cid] {
			id := str(m, "id")
			if id == "" {
				id = "(missing id)"
			}
			if cid == "" {
				cid = "(none)"
			}
			errs = append(errs, fmt.Sprintf("Model %q references credentialId %q which does not resolve to any credential", id, cid))
		}
	}
	routing, _ := c["routing"].(map[string]any)
	for _, k := range []string{"defaultModelId", "fallbackModelId"} {
		if id := str(routing, k); id != "" && !models[id] {
			errs = append(errs, fmt.Sprintf("routing.%s %q does not resolve to any model", k, id))
		}
	}
	overrides, _ := routing["taskOverrides"].(map[string]any)
	for task, v := range overrides {
		if id, _ := v.(string); id != "" && !models[id] {
			errs = append(errs, fmt.Sprintf("routing.taskOverrides.%s %q does not resolve to any model", task, id))
		}
	}
	return errs
}

var endpointSuffixes = []string{"/v1/chat/completions", "/chat/completions", "/completions", "/v1/messages", "/messages", "/v1/responses", "/responses"}

// baseURLProblem is assertSafeOpenAICompatibleUrl with
// describeBaseUrlProblem, in Kodus's words. Host names resolve without DNS:
// an IP literal is itself, "localhost" is loopback, any other name public.
func baseURLProblem(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "baseURL is not a valid URL."
	}
	if u.Scheme != "https" {
		return "baseURL must use https:// for security."
	}
	path := strings.TrimRight(u.Path, "/")
	for _, suf := range endpointSuffixes {
		if strings.HasSuffix(path, suf) {
			fix := u.Scheme + "://" + u.Host + strings.TrimSuffix(path, suf)
			return fmt.Sprintf("Base URL must not include the %q endpoint — the provider appends it. Use %q instead.", suf, fix)
		}
	}
	host := u.Hostname()
	addr := "93.184.215.14"
	if ip := net.ParseIP(host); ip != nil {
		addr = ip.String()
	} else if host == "localhost" {
		addr = "127.0.0.1"
	}
	if private(addr) {
		return fmt.Sprintf("baseURL resolves to a private or reserved address (%s). Point it at a public provider endpoint.", addr)
	}
	return ""
}

// private is isPrivateOrReservedIp (note: only the 100.64. prefix).
func private(ip string) bool {
	for _, p := range []string{"0.0.0.0", "127.", "10.", "192.168.", "169.254.", "100.64."} {
		if strings.HasPrefix(ip, p) {
			return true
		}
	}
	if strings.HasPrefix(ip, "172.") {
		n, _ := strconv.Atoi(strings.Split(ip, ".")[1])
		if n >= 16 && n <= 31 {
			return true
		}
	}
	l := strings.ToLower(ip)
	return l == "::1" || l == "::" || strings.HasPrefix(l, "fc") || strings.HasPrefix(l, "fd") || strings.HasPrefix(l, "fe8") || strings.HasPrefix(l, "fe9") || strings.HasPrefix(l, "fea") || strings.HasPrefix(l, "feb")
}
