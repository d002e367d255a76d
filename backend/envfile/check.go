package envfile

import (
	"fmt"
	"net"
	"net/url"
	"strings"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/lazyre"
	"github.com/kodusbyok/studio/backend/profile"
)

// Route is where a profile's calls should go in Kodus's terms.
type Route struct {
	Provider string `json:"provider"`
	BaseURL  string `json:"baseURL,omitempty"`
}

// ExpectedRoute is where Kodus should send a profile's Main model when it
// reads the block: OpenAI, OpenRouter and Novita have no env-mode client
// of their own and go through the OpenAI-compatible one.
func ExpectedRoute(s profile.Slot, cat *catalog.Catalog) Route {
	switch s.Provider {
	case catalog.Anthropic:
		return Route{Provider: RouteAnthropic}
	case catalog.GoogleGemini:
		return Route{Provider: RouteGoogleGemini}
	case catalog.GoogleVertex:
		return Route{Provider: RouteGoogleVertex}
	}
	base := effectiveBaseURL(s, cat)
	if anthropicProtocol(s.Provider) {
		if fixed, ok := fixedModeEndpoint(s, cat); ok {
			base = fixed
		}
	}
	if base == "" {
		base = OpenAIDefaultBaseURL
	}
	return Route{Provider: RouteOpenAICompatible, BaseURL: base}
}

// CheckRouting compares Kodus's inference with the route the profile
// needs; it returns nil when Kodus will do the right thing.
func CheckRouting(inf Inference, want Route, s profile.Slot) *Warning {
	same := inf.Provider == want.Provider
	if same && want.BaseURL != "" {
		same = sameURL(inf.BaseURL, want.BaseURL)
	}
	if same {
		return nil
	}
	got := inf.ProviderLabel
	if inf.Provider == RouteOpenAICompatible {
		got += " at " + inf.BaseURL
	}
	w := &Warning{Code: "routing"}
	if inf.Provider == "" {
		w.Message = fmt.Sprintf("Kodus cannot route model %q from these variables: %s.", s.Model, inf.Rule)
	} else {
		w.Message = fmt.Sprintf("Kodus would send model %q to %s, not to %s: %s.", s.Model, got, routeLabel(want), inf.Rule)
	}
	switch {
	case s.Provider == catalog.Anthropic && !claudeRE.MatchString(s.Model):
		w.Fix = "Fixed Mode recognises Anthropic models only by an id starting with claude-; use the BYOK config for this model."
	case (s.Provider == catalog.GoogleGemini || s.Provider == catalog.GoogleVertex) && !geminiRE.MatchString(s.Model) && !claudeRE.MatchString(s.Model):
		w.Fix = "Fixed Mode recognises Google models only by an id starting with gemini- (or claude- on Vertex); use the BYOK config for this model."
	case s.Provider == catalog.GoogleVertex && inf.Provider == RouteGoogleGemini:
		w.Fix = "Kodus treats anything but a base64 service-account JSON in " + VarVertexKey + " as an AI Studio key: save the service-account JSON as this profile's key."
	case strings.Contains(strings.ToLower(want.BaseURL), "api.anthropic.com"):
		w.Fix = "A base URL on api.anthropic.com makes Kodus use its native Anthropic client for claude- models: use provider anthropic instead."
	default:
		w.Fix = "Use the BYOK config (kodus-byok byok " + "NAME" + "), which names the provider explicitly."
	}
	return w
}

func routeLabel(r Route) string {
	l := ProviderLabel(r.Provider)
	if r.BaseURL != "" {
		l += " at " + r.BaseURL
	}
	return l
}

func sameURL(a, b string) bool { return strings.EqualFold(trimSlash(a), trimSlash(b)) }

var claudeNoTemperatureRE = lazyre.New(`(?i)^claude-(opus|sonnet|haiku)-(4-([7-9]|\d{2})|[5-9])`)

// checkBlock gathers the warnings for a block.
func checkBlock(b *Block, src Source, opts Options, base string) []Warning {
	s := src.Main
	var ws []Warning
	// A localhost the user chose to replace is expected to be replaced.
	b.Expected = ExpectedRoute(s, src.Catalog)
	b.Expected.BaseURL, _ = rewriteLocalhost(b.Expected.BaseURL, opts.ReplaceLocalhost)
	if w := CheckRouting(b.Inferred, b.Expected, s); w != nil {
		w.Fix = strings.Replace(w.Fix, "NAME", src.Profile, 1)
		ws = append(ws, *w)
	}
	written := b.Get(VarBaseURL)
	if isLocalURL(written) {
		ws = append(ws, localhostWarning(written, opts.lanAddresses()))
	} else if isLocalURL(base) && written != base {
		ws = append(ws, replacedWarning(written, opts.ReplaceLocalhost))
	}
	if (s.Provider == catalog.OpenAICompatible || anthropicProtocol(s.Provider)) && strings.Contains(base, "api.kimi.com/coding") {
		ws = append(ws, Warning{Code: "kimi-code-unverified",
			Message: "Kimi Code Plan: Kodus's own BYOK card moved this plan to the Anthropic-compatible endpoint https://api.kimi.com/coding on 2026-06-04; Fixed Mode speaks only the OpenAI format for kimi models, so this block uses https://api.kimi.com/coding/v1 with model kimi-for-coding, as Kodus's docs give for env mode. Whether that endpoint keeps accepting Code Plan keys is unverified.",
			Fix:     "If reviews fail with 401 or 404, use the BYOK config, or the Moonshot Developer API plan."})
	}
	if s.Provider == catalog.OpenAI {
		ws = append(ws, Warning{Code: "openai-chat-completions",
			Message: "Fixed Mode sends OpenAI models through Kodus's OpenAI-compatible (Chat Completions) client, not OpenAI's own SDK; Kodus issue #1687 reports newer reasoning models failing that way (\"Function tools with reasoning_effort are not supported\").",
			Fix:     "If reviews fail with that error, use the BYOK config with provider openai."})
	}
	if b.has(VarGoogleKey) {
		ws = append(ws, Warning{Code: "google-legacy-path",
			Message: "Kodus's older LangChain code path, still used by some auxiliary agents (kodus-ai 2026-06-24), requires " + VarOpenAIKey + " in env mode unless " + VarVertexKey + " is set; with a Gemini AI Studio key alone those auxiliary calls fail.",
			Fix:     "Code review itself uses the Gemini key; if auxiliary features fail, use the BYOK config."})
	}
	if t := b.Get(VarTemperature); t != "" {
		if !needsTemperatureOne(s.Model) {
			ws = append(ws, Warning{Code: "temperature-all-calls",
				Message: fmt.Sprintf("%s=%s forces temperature %s on every LLM call Kodus makes in env mode, not only on reviews.", VarTemperature, t, t)})
		}
		if claudeNoTemperatureRE.MatchString(s.Model) {
			ws = append(ws, Warning{Code: "temperature-rejected",
				Message: "Anthropic rejects a temperature for Claude Opus/Sonnet 4.7 and newer (HTTP 400).",
				Fix:     "Clear the profile's temperature (or set it back to the catalog default) so no override is written."})
		}
	}
	if b.has(VarTrustSchema) {
		ws = append(ws, Warning{Code: "trust-schema-byok-only",
			Message: VarTrustSchema + " is read for BYOK openai_compatible providers; in Fixed Mode Kodus already trusts structured output (kodus-ai 2026-06-24). Writing it does no harm and helps if you also use BYOK."})
	}
	if s.Provider == catalog.GoogleVertex && s.VertexLocation == "" {
		ws = append(ws, Warning{Code: "vertex-location-default",
			Message: "No Vertex region in the profile: Kodus uses " + vertexDefaultLocation + ". Set one if your model is only served elsewhere (e.g. global)."})
	}
	return ws
}

// isLocalURL reports whether a URL points at this machine, which inside
// Kodus's containers is the container itself.
func isLocalURL(raw string) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return false
	}
	h := strings.ToLower(u.Hostname())
	if h == "localhost" || strings.HasSuffix(h, ".localhost") || h == "0.0.0.0" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && (ip.IsLoopback() || ip.IsUnspecified())
}

func localhostWarning(base string, lan []string) Warning {
	alts := []string{withHost(base, "host.docker.internal")}
	for _, a := range lan {
		alts = append(alts, withHost(base, a))
	}
	fix := "Use " + strings.Join(alts, " or ") + " (host.docker.internal needs `extra_hosts: [\"host.docker.internal:host-gateway\"]` on the worker service on Linux); the export can write it in place of localhost for you."
	if u, err := url.Parse(base); err == nil && u.Port() == "11434" {
		fix += " Ollama listens on 127.0.0.1 only by default: start it with OLLAMA_HOST=0.0.0.0 so containers can reach it."
	}
	return Warning{Code: "localhost",
		Message: base + " points at localhost, which inside Kodus's containers is the container itself, not this machine: the worker cannot reach the server there.",
		Fix:     fix}
}

// replacedWarning says what the server and Compose need once localhost
// is replaced, so the rewritten URL actually works.
func replacedWarning(written, host string) Warning {
	msg := "The server must accept connections from Kodus's containers at " + written + "."
	if host == "host.docker.internal" {
		msg += " On Linux, host.docker.internal exists only with `extra_hosts: [\"host.docker.internal:host-gateway\"]` on the worker service."
	}
	if u, err := url.Parse(written); err == nil && u.Port() == "11434" {
		msg += " Ollama listens on 127.0.0.1 only by default: start it with OLLAMA_HOST=0.0.0.0."
	}
	return Warning{Code: "localhost-replaced", Message: msg}
}

// rewriteLocalhost puts host in place of a local host name in base.
func rewriteLocalhost(base, host string) (string, bool) {
	host = strings.TrimSpace(host)
	if host == "" || !isLocalURL(base) {
		return base, false
	}
	return withHost(base, host), true
}

func withHost(base, host string) string {
	u, err := url.Parse(base)
	if err != nil {
		return base
	}
	if strings.Contains(host, ":") && !strings.HasPrefix(host, "[") {
		host = "[" + host + "]"
	}
	if p := u.Port(); p != "" {
		host += ":" + p
	}
	u.Host = host
	return u.String()
}

func hostPort(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	return u.Host
}

func (o Options) lanAddresses() []string {
	if o.LANAddresses == nil {
		return nil
	}
	return o.LANAddresses()
}
