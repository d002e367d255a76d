package bindings

import "testing"

func TestHTTPSLink(t *testing.T) {
	for link, ok := range map[string]bool{
		"https://console.anthropic.com/settings/keys": true,
		"http://example.com":                          false,
		"file:///etc/passwd":                          false,
		"javascript:alert(1)":                         false,
		"https:///nohost":                             false,
	} {
		if _, err := httpsLink(link); (err == nil) != ok {
			t.Errorf("httpsLink(%q) error = %v", link, err)
		}
	}
}
