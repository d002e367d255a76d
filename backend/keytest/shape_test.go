package keytest

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/internal/fakeprovider"
	"github.com/kodusbyok/studio/backend/secrets"
)

// endless answers 200 with a body that never ends (until the client hangs
// up, or 64 MB).
func endless(ct string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ct)
		w.WriteHeader(200)
		chunk := []byte(strings.Repeat("lorem ipsum dolor sit amet ", 1200))
		for written := 0; written < 64<<20 && r.Context().Err() == nil; written += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}
}

// hostile are 200 answers that are not answers: each must make every
// probe say unknown, with what came back, never OK.
var hostile = []struct {
	name    string
	handler http.HandlerFunc
	says    []string
}{
	{"html page", fakeprovider.Respond(200, "<!DOCTYPE html><html><head><title>Sign in</title></head><body>Welcome to the captive portal</body></html>"),
		[]string{"text/html", `starting "<!DOCTYPE html><html><head><title>Sign in`, "not JSON"}},
	{"invalid json", fakeprovider.Respond(200, `{"choices": [ {"message": `, "Content-Type", "application/json"),
		[]string{"application/json", "not JSON", `starting "{\"choices\": [ {\"message\":`}},
	{"endless body", endless("text/plain"), []string{"text/plain", "reading stopped there", `starting "lorem ipsum`}},
	{"json error at 200", fakeprovider.Respond(200, `{"error":{"message":"upstream provider failed","type":"proxy_error"}}`),
		[]string{"application/json", "JSON, but not"}},
	{"empty body", fakeprovider.Respond(200, "", "Content-Type", "application/json"), []string{"an empty body"}},
}

// TestHostileSuccessIsNotOK: the key test and the inference request of
// every provider family refuse a 200 that is not the provider's answer.
func TestHostileSuccessIsNotOK(t *testing.T) {
	for _, fm := range append(families, messagesFamilies...) {
		for _, h := range hostile {
			t.Run(fm.name+"/"+h.name, func(t *testing.T) {
				f := fakeprovider.New(t, h.handler)
				tr := testerFor(f)
				res := tr.Test(context.Background(), fm.settings(f.URL), secrets.NewSecret(fm.key))
				assertUnknown(t, "key test", res, h.says)
				in, fail := tr.NewInferrer(context.Background(), fm.settings(f.URL), secrets.NewSecret(fm.key))
				if fail != nil {
					t.Fatalf("NewInferrer: %+v", *fail)
				}
				assertUnknown(t, "inference", in.Send(context.Background()).Result, h.says)
			})
		}
	}
}

// messagesFamilies are the Anthropic protocol at a root URL: any
// anthropic_compatible endpoint, and the moonshot and zai brands.
var messagesFamilies = []setup{
	{"anthropic-compatible", func(b string) Settings {
		return Settings{Provider: "anthropic_compatible", Model: "MiniMax-M2", BaseURL: b + "/anthropic"}
	}, "FAKEminimaxKEY0123456789abcdefgh"},
	{"moonshot-messages", func(b string) Settings {
		return Settings{Provider: "moonshot", Model: "kimi-k2.6", BaseURL: b + "/anthropic"}
	}, "sk-FAKEmoonshotKEY0123456789abcdef"},
	{"zai-messages", func(b string) Settings {
		return Settings{Provider: "zai", Model: "glm-5.1", BaseURL: b + "/api/anthropic"}
	}, "FAKEzaiKEY0123456789abcdef.ghijklmn"},
}

func assertUnknown(t *testing.T, what string, res Result, says []string) {
	t.Helper()
	if res.Code != CodeUnknown || res.OK || res.ModelFound != nil || res.HTTPStatus != 200 || res.Headline != "Unexpected answer" {
		t.Fatalf("%s: %s ok=%v modelFound=%v status %d %q", what, res.Code, res.OK, res.ModelFound, res.HTTPStatus, res.Headline)
	}
	for _, s := range says {
		if !strings.Contains(res.Message, s) {
			t.Errorf("%s: message %q does not say %q", what, res.Message, s)
		}
	}
	if len(res.Message) > 600 {
		t.Errorf("%s: message of %d bytes", what, len(res.Message))
	}
}

// The first bytes shown never carry the key, even when the page echoes it.
func TestReceivedBytesAreRedacted(t *testing.T) {
	fm := fam("openai")
	f := fakeprovider.New(t, fakeprovider.Respond(200, "<html>your key "+fakeOpenAIKey+" is invalid</html>"))
	res := testerFor(f).Test(context.Background(), fm.settings(f.URL), secrets.NewSecret(fm.key))
	if res.Code != CodeUnknown || strings.Contains(mustJSON(res), fakeOpenAIKey) || !strings.Contains(res.Message, "[redacted]") {
		t.Fatalf("result = %+v", res)
	}
}

// A model list bigger than the read limit is still a list when it starts
// as one; an endless body that does not is not.
func TestTruncatedListMustStartAsAList(t *testing.T) {
	cases := map[string]bool{
		`{"data":[{"id":"a"},{"id":"b"},{"id":"c`: true,
		`{"object":"list","data":[`:               false,
		`<html>`:                                  false,
		`{"data": nope`:                           false,
	}
	for body, want := range cases {
		if got := startsObjectWith([]byte(body), "data"); got != want {
			t.Errorf("startsObjectWith(%q) = %v, want %v", body, got, want)
		}
	}
}
