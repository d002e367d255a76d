package dryrun

import (
	"context"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/internal/fakeprovider"
	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/secrets"
)

// A 200 that is not the provider's answer (a web page, broken JSON, an
// error object) is never "Settings accepted": it is unknown, with what
// came back.
func TestHostileSuccessIsNotAccepted(t *testing.T) {
	cases := []struct {
		name, body string
		in         func(base string) Input
		key        string
	}{
		{"html on /messages", "<!DOCTYPE html><html><body>Gateway login</body></html>",
			func(b string) Input {
				return Input{Provider: "anthropic", Model: "claude-sonnet-4-6", BaseURL: b + "/v1"}
			}, fakeAnthropicKey},
		{"broken json on /chat/completions", `{"choices":[{"message":`,
			func(b string) Input {
				return Input{Provider: "openai_compatible", Model: "llama3.1:8b", BaseURL: b + "/v1"}
			}, ""},
		{"error object on /responses", `{"error":{"message":"upstream timed out"}}`,
			func(b string) Input { return Input{Provider: "openai", Model: "gpt-5.4", BaseURL: b + "/v1"} }, "sk-proj-FAKEdryrunKEY0123456789"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := fakeprovider.New(t, fakeprovider.Respond(200, c.body))
			res, err := runner(f).Run(context.Background(), c.in(f.URL), secrets.NewSecret(c.key))
			if err != nil {
				t.Fatal(err)
			}
			if res.OK || res.Code != keytest.CodeUnknown || res.Headline == "Settings accepted" || !strings.Contains(res.Message, "received") {
				t.Fatalf("result = %s ok=%v %q: %s", res.Code, res.OK, res.Headline, res.Message)
			}
		})
	}
}
