package keytest

import (
	"context"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/internal/fakeprovider"
	"github.com/kodusbyok/studio/backend/secrets"
)

const (
	fakeZaiKey      = "FAKEzaiKEY0123456789abcdef.ghijklmn"
	fakeMoonshotKey = "sk-FAKEmoonshotKEY0123456789abcdef"
	messagesOK      = `{"id":"msg_01FAKE","type":"message","role":"assistant","model":"glm-5.2","content":[{"type":"text","text":"p"}],"stop_reason":"max_tokens","usage":{"input_tokens":7,"output_tokens":1}}`
)

func anthropicErr(typ, msg string) string {
	return `{"type":"error","error":{"type":"` + typ + `","message":"` + msg + `"}}`
}

func zaiErr(code, msg string) string {
	return `{"error":{"code":"` + code + `","message":"` + msg + `"}}`
}

// Kimi and GLM over the Anthropic protocol (Kodus latest's moonshot and zai
// providers): one 1-token POST {root}/v1/messages with x-api-key.
func TestAnthropicProtocolBrands(t *testing.T) {
	zai := setup{"zai-messages", func(b string) Settings {
		return Settings{Provider: "zai", Model: "glm-5.2", Plan: "developer", BaseURL: b + "/api/anthropic"}
	}, fakeZaiKey}
	runCases(t, zai, []pcase{
		{"ok", fakeprovider.Respond(200, messagesOK), CodeOK, "served model glm-5.2", yes},
		{"invalid key", fakeprovider.Respond(401, anthropicErr("authentication_error", "invalid x-api-key")), CodeAuth, "authentication_error", nil},
		{"no package", fakeprovider.Respond(429, zaiErr("1113", "Insufficient balance or no resource package. Please recharge.")), CodePayment, "1113", nil},
		{"model missing", fakeprovider.Respond(400, zaiErr("1211", "Unknown Model, please check the model code.")), CodeModelNotFound, "not available", no},
		{"too much concurrency", fakeprovider.Respond(429, zaiErr("1302", "High concurrency usage of this API")), CodeRateLimit, "throttling", nil},
		{"overloaded", fakeprovider.Respond(529, anthropicErr("overloaded_error", "Overloaded")), CodeServerError, "529", nil},
	}, func(t *testing.T, r fakeprovider.Request) {
		if r.Method != "POST" || r.Path != "/api/anthropic/v1/messages" || r.Header.Get("x-api-key") != fakeZaiKey ||
			r.Header.Get("anthropic-version") != "2023-06-01" || r.Header.Get("Authorization") != "" {
			t.Errorf("request = %s %s %v", r.Method, r.Path, r.Header)
		}
		if !strings.Contains(r.Raw, `"max_tokens":1`) || !strings.Contains(r.Raw, `"model":"glm-5.2"`) {
			t.Errorf("body = %s", r.Raw)
		}
	})

	moon := setup{"moonshot-messages", func(b string) Settings {
		return Settings{Provider: "moonshot", Model: "kimi-k2.7-code", BaseURL: b + "/anthropic/v1/"}
	}, fakeMoonshotKey}
	runCases(t, moon, []pcase{
		{"ok", fakeprovider.Respond(200, messagesOK), CodeOK, "Moonshot accepted", yes},
		{"suspended", fakeprovider.Respond(403, `{"error":{"type":"exceeded_current_quota_error","message":"Your account is suspended"}}`), CodePayment, "balance", nil},
		{"model missing", fakeprovider.Respond(404, anthropicErr("not_found_error", "model: kimi-k9")), CodeModelNotFound, "has no model", no},
	}, func(t *testing.T, r fakeprovider.Request) {
		if r.Path != "/anthropic/v1/messages" {
			t.Errorf("a trailing /v1 is stripped from the root: path %s", r.Path)
		}
	})

	kimi := setup{"kimi-code-messages", func(b string) Settings {
		return Settings{Provider: "moonshot", Model: "kimi-for-coding", Plan: "code-plan", BaseURL: b + "/coding"}
	}, "sk-kimi-FAKEtestKEY0123456789abcdef"}
	runCases(t, kimi, []pcase{
		{"coding agents only", fakeprovider.Respond(403, `{"error":{"type":"access_terminated_error","message":"Kimi For Coding is currently only available for Coding Agents such as Kimi CLI, Claude Code, Roo Code, Kilo Code, etc."}}`), CodeAuth, "coding agents", nil},
	}, nil)
}

// Any other Anthropic-protocol endpoint: its model list first, where it
// serves one; the 1-token call only when the model is not listed.
func TestAnthropicCompatible(t *testing.T) {
	s := func(b string) Settings {
		return Settings{Provider: "anthropic_compatible", Model: "MiniMax-M2", BaseURL: b + "/anthropic"}
	}
	key := "FAKEminimaxKEY0123456789abcdefgh"
	t.Run("listed", func(t *testing.T) {
		f := fakeprovider.New(t, fakeprovider.ByPath(map[string]http.HandlerFunc{"/v1/models": fakeprovider.Respond(200, `{"data":[{"type":"model","id":"MiniMax-M2"}]}`)}))
		res := check(t, testerFor(f), s(f.URL), key, CodeOK)
		if len(f.Requests()) != 1 || res.Probe != ProbeMetadata || f.Last(t).Header.Get("x-api-key") != key {
			t.Errorf("requests = %+v, result %+v", f.Requests(), res)
		}
	})
	t.Run("no model list", func(t *testing.T) {
		f := fakeprovider.New(t, fakeprovider.ByPath(map[string]http.HandlerFunc{"/v1/messages": fakeprovider.Respond(200, messagesOK)}))
		res := check(t, testerFor(f), s(f.URL), key, CodeOK)
		rs := f.Requests()
		if len(rs) != 2 || rs[0].Path != "/anthropic/v1/models" || rs[1].Path != "/anthropic/v1/messages" || res.Probe != ProbeInference {
			t.Errorf("requests = %+v", rs)
		}
	})
	t.Run("bad key on the list", func(t *testing.T) {
		f := fakeprovider.New(t, fakeprovider.Respond(401, anthropicErr("authentication_error", "invalid x-api-key")))
		check(t, testerFor(f), s(f.URL), key, CodeAuth)
		if len(f.Requests()) != 1 {
			t.Errorf("a refused key is not tried again: %+v", f.Requests())
		}
	})
}

// currentCatalog points the current line's GLM plans at fake servers.
func currentCatalog(t *testing.T, developer, coding string) *catalog.Catalog {
	t.Helper()
	raw, err := os.ReadFile("../kodusline/data/current/catalog.json")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(string(raw), "https://api.z.ai/api/anthropic", developer+"/api/anthropic")
	s = strings.ReplaceAll(s, "https://api.z.ai/api/coding/paas/v4", coding+"/api/coding/paas/v4")
	c, err := catalog.Parse([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A Coding Plan key on the Developer API's Anthropic endpoint: Z.ai answers
// 1113, the other plan accepts it, and the verdict names the plan.
func TestZaiPlanMismatchOverAnthropicProtocol(t *testing.T) {
	dev := fakeprovider.New(t, fakeprovider.Respond(429, zaiErr("1113", "Insufficient balance or no resource package. Please recharge.")))
	coding := fakeprovider.New(t, fakeprovider.Respond(200, messagesOK))
	tr := testerFor(dev)
	tr.Catalog = currentCatalog(t, dev.URL, coding.URL)
	res := check(t, tr, Settings{Provider: "zai", Model: "glm-5.2", Plan: "developer", BaseURL: dev.URL + "/api/anthropic"}, fakeZaiKey, CodeWrongPlan)
	if res.SuggestedPlan != "coding-plan" || coding.Last(t).Path != "/api/coding/paas/v4/v1/messages" || coding.Last(t).Header.Get("x-api-key") != fakeZaiKey {
		t.Errorf("result = %+v, coding plan got %+v", res, coding.Requests())
	}
	// The same through the slot's own call (Kodus latest's Test).
	call := Call{Method: "POST", URL: dev.URL + "/api/anthropic/v1/messages", Body: []byte(`{"model":"glm-5.2","max_tokens":16,"messages":[{"role":"user","content":"ping"}]}`)}
	got := tr.TestCall(context.Background(), Settings{Provider: "zai", Model: "glm-5.2", Plan: "developer", BaseURL: dev.URL + "/api/anthropic"}, secrets.NewSecret(fakeZaiKey), call)
	if got.Code != CodeWrongPlan || got.Probe != ProbeSlotCall || got.OK {
		t.Errorf("TestCall = %+v", got)
	}
	// A key of a proxy's endpoint never goes to the vendor.
	proxy := fakeprovider.New(t, fakeprovider.Respond(429, zaiErr("1113", "no package")))
	check(t, tr, Settings{Provider: "zai", Model: "glm-5.2", BaseURL: proxy.URL + "/zai"}, fakeZaiKey, CodePayment)
}

func TestTestCallAndRefused(t *testing.T) {
	f := fakeprovider.New(t, fakeprovider.Respond(200, messagesOK))
	tr := testerFor(f)
	s := Settings{Provider: "zai", Model: "glm-5.2", BaseURL: f.URL + "/api/anthropic"}
	res := tr.TestCall(context.Background(), s, secrets.NewSecret(fakeZaiKey), Call{Method: "POST", URL: f.URL + "/api/anthropic/v1/messages", Body: []byte(`{}`)})
	if !res.OK || res.Code != CodeOK || !strings.Contains(res.Message, "the call Kodus makes") || f.Last(t).Header.Get("x-api-key") != fakeZaiKey {
		t.Errorf("TestCall = %+v", res)
	}
	r := Refused("glm-5.3 always reasons", "clear it")
	if r.OK || r.Code != CodeBadRequest || r.HTTPStatus != 0 || r.Headline == "" {
		t.Errorf("Refused = %+v", r)
	}
}
