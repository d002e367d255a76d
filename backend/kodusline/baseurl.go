package kodusline

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// URLProblem is a base URL this line's Kodus refuses in a BYOK config, and
// why.
type URLProblem struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Fix     string `json:"fix,omitempty"`
}

// Base-URL problem codes.
const (
	URLNotHTTPS        = "base-url-https"
	URLPrivate         = "base-url-private"
	URLEndpointSuffix  = "base-url-endpoint"
	URLUnparsable      = "base-url-invalid"
	privateExplanation = "Kodus resolves every BYOK base URL and refuses loopback, private, link-local and 100.64 addresses, so a key can never be sent into the network Kodus runs in"
)

// CheckBYOKBaseURL lists what this line's Kodus refuses in a BYOK base
// URL. Host names are not resolved (nothing is sent): names that always
// or usually point at this machine or the LAN are flagged by name.
func (l *Line) CheckBYOKBaseURL(raw string) []URLProblem {
	raw = strings.TrimSpace(raw)
	r := l.BaseURL
	if raw == "" || (!r.HTTPSOnly && !r.RefusePrivate && len(r.EndpointSuffixes) == 0) {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return []URLProblem{{Code: URLUnparsable, Message: fmt.Sprintf("%s refuses %q: it is not a URL", l.Name, raw)}}
	}
	var out []URLProblem
	if r.HTTPSOnly && !strings.EqualFold(u.Scheme, "https") {
		out = append(out, URLProblem{Code: URLNotHTTPS,
			Message: fmt.Sprintf("%s refuses %s: BYOK base URLs must use https:// (\"baseURL must use https:// for security.\")", l.Name, raw),
			Fix:     "Serve the endpoint over https, or configure this model through Fixed Mode (the .env), which has no such rule."})
	}
	if r.RefusePrivate {
		if why := privateHost(u.Hostname()); why != "" {
			out = append(out, URLProblem{Code: URLPrivate,
				Message: fmt.Sprintf("%s refuses %s: %s, and %s", l.Name, raw, why, privateExplanation),
				Fix:     "Use a public https endpoint, or configure this model through Fixed Mode (the .env), which can reach local servers."})
		}
	}
	path := strings.TrimRight(u.Path, "/")
	for _, suf := range r.EndpointSuffixes {
		if strings.HasSuffix(strings.ToLower(path), suf) {
			base := *u
			base.Path = strings.TrimSuffix(path, path[len(path)-len(suf):])
			out = append(out, URLProblem{Code: URLEndpointSuffix,
				Message: fmt.Sprintf("%s refuses %s: a base URL must not include the %q endpoint — the provider appends it", l.Name, raw, suf),
				Fix:     fmt.Sprintf("Use %q instead.", base.String())})
			break
		}
	}
	return out
}

// privateHost says why a host is one Kodus refuses, or "".
func privateHost(host string) string {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	if ip := net.ParseIP(h); ip != nil {
		if v4 := ip.To4(); v4 != nil {
			switch {
			case v4.IsUnspecified():
				return h + " is the unspecified address"
			case v4.IsLoopback():
				return h + " is a loopback address"
			case v4.IsPrivate():
				return h + " is a private (RFC 1918) address"
			case v4.IsLinkLocalUnicast():
				return h + " is a link-local address"
			case strings.HasPrefix(h, "100.64."):
				return h + " is in 100.64/16 (carrier-grade NAT)"
			}
			return ""
		}
		switch {
		case ip.IsUnspecified():
			return h + " is the unspecified address"
		case ip.IsLoopback():
			return h + " is a loopback address"
		case ip.IsPrivate():
			return h + " is a unique local (fc00::/7) address"
		case ip.IsLinkLocalUnicast():
			return h + " is a link-local address"
		}
		return ""
	}
	switch {
	case h == "localhost" || strings.HasSuffix(h, ".localhost"):
		return h + " always resolves to a loopback address"
	case h == "host.docker.internal":
		return h + " resolves to the Docker host's private address"
	case strings.HasSuffix(h, ".local") || strings.HasSuffix(h, ".lan") || strings.HasSuffix(h, ".internal") || strings.HasSuffix(h, ".home.arpa"):
		return h + " is a local-network name that resolves to a private address"
	case !strings.Contains(h, "."):
		return h + " is a single-label (container or LAN) name that resolves to a private address"
	}
	return ""
}
