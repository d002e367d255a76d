package dryrun

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/kodusbyok/studio/backend/internal/fakeprovider"
	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/kodusline"
)

// Fake keys: they look fake on purpose.
const (
	fakeAnthropicKey = "sk-ant-api03-FAKEdryRUNkey0123456789-abc"
	fakeOpenAIKey    = "sk-proj-FAKEdryRUNkey0123456789abcdef"
	fakeGeminiKey    = "AIzaFAKEdryRUNkey0123456789abcdefghij"
	fakeMoonshotKey  = "sk-FAKEmoonshotDRYrun0123456789abcdef"
	fakeRouterKey    = "sk-or-v1-FAKEdryRUNkey0123456789abcdef"
	fakeZaiKey       = "FAKEzaiDRYrun0123456789abcdef.ghijklmn"
)

// runner only dials loopback, so no test can ever reach a real provider.
func runner(f *fakeprovider.Server) *Runner {
	c := keytest.NewClient()
	c.Transport.(*http.Transport).DialContext = fakeprovider.LoopbackOnly
	tr := &keytest.Tester{Client: c, Catalog: kodusline.MustGet(kodusline.Mid2026).Catalog(), Timeout: 3 * time.Second, UserAgent: "kodus-byok/test (Kodus BYOK Studio settings dry run)"}
	if f != nil {
		tr.GoogleTokenURL = f.TokenURL()
	}
	return &Runner{Tester: tr}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// at reads a nested value of a decoded JSON body by dotted path.
func at(m map[string]any, path string) any {
	var cur any = m
	for _, k := range strings.Split(path, ".") {
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = obj[k]
	}
	return cur
}
