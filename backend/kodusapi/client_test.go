package kodusapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/kodusapi"
	"github.com/kodusbyok/studio/backend/kodusapi/kodustest"
)

func signedIn(t *testing.T, k *kodustest.Server, email string) *kodusapi.Client {
	t.Helper()
	c := kodusapi.New(k.APIURL(), kodusapi.Tokens{})
	if _, err := c.Login(context.Background(), email, kodustest.Password); err != nil {
		t.Fatalf("login: %v", err)
	}
	return c
}

func TestLoginUnwrapsTheEnvelopeAndSendsTheBearer(t *testing.T) {
	k := kodustest.New(t, kodustest.Options{})
	c := signedIn(t, k, kodustest.Email)
	if c.Tokens().Access.Empty() || c.Tokens().Refresh.Empty() {
		t.Fatal("no tokens after login")
	}
	if fmt.Sprint(c.Tokens().Access) != "[redacted]" {
		t.Fatal("a token prints in clear")
	}
	st, err := c.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Source != "none" || st.Models == nil {
		t.Fatalf("status = %+v", st)
	}
}

func TestLoginRefusedInKodusWords(t *testing.T) {
	k := kodustest.New(t, kodustest.Options{})
	c := kodusapi.New(k.APIURL(), kodusapi.Tokens{})
	_, err := c.Login(context.Background(), kodustest.Email, "wrong")
	if !errors.Is(err, kodusapi.ErrBadCredentials) || !strings.Contains(err.Error(), "api.users.unauthorized") {
		t.Fatalf("err = %v", err)
	}
}

func TestExpiredAccessTokenIsRefreshedOnceAndSaved(t *testing.T) {
	k := kodustest.New(t, kodustest.Options{})
	c := signedIn(t, k, kodustest.Email)
	before := c.Tokens().Access.Reveal()
	var saved []kodusapi.Tokens
	c.OnRefresh = func(tk kodusapi.Tokens) error { saved = append(saved, tk); return nil }
	k.ExpireAccessTokens()
	if _, err := c.Status(context.Background()); err != nil {
		t.Fatalf("status after expiry: %v", err)
	}
	if len(saved) != 1 || saved[0].Access.Reveal() == before || c.Tokens().Access.Reveal() != saved[0].Access.Reveal() {
		t.Fatalf("refresh not saved: %d saves", len(saved))
	}
	want := []string{"POST /auth/login", "GET /organization-parameters/llm-config/status", "POST /auth/refresh", "GET /organization-parameters/llm-config/status"}
	if got := k.Requests(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("requests = %v", got)
	}
}

func TestRefusedRefreshAsksToSignInAgain(t *testing.T) {
	k := kodustest.New(t, kodustest.Options{})
	c := signedIn(t, k, kodustest.Email)
	k.ExpireSessions()
	_, err := c.Status(context.Background())
	if !errors.Is(err, kodusapi.ErrSessionExpired) {
		t.Fatalf("err = %v", err)
	}
}

func TestNotSignedIn(t *testing.T) {
	c := kodusapi.New("http://127.0.0.1:1", kodusapi.Tokens{})
	if _, err := c.Status(context.Background()); !errors.Is(err, kodusapi.ErrNotSignedIn) {
		t.Fatalf("err = %v", err)
	}
}

func TestWriteWithoutPermissionIs403WithAdvice(t *testing.T) {
	k := kodustest.New(t, kodustest.Options{})
	c := signedIn(t, k, kodustest.ReaderEmail)
	err := c.SaveBYOK(context.Background(), map[string]any{"version": 2, "credentials": []any{}, "models": []any{}})
	var ae *kodusapi.Error
	if !errors.As(err, &ae) || ae.Status != 403 || ae.Message != "Forbidden resource" {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(ae.Advice(), "owner or admin") {
		t.Fatalf("advice = %q", ae.Advice())
	}
}

func TestSaveRefusalsCarryKodusWords(t *testing.T) {
	k := kodustest.New(t, kodustest.Options{})
	c := signedIn(t, k, kodustest.Email)
	cases := []struct {
		name    string
		config  map[string]any
		message string
		detail  string
	}{
		{"dangling routing", map[string]any{"version": 2, "credentials": []any{map[string]any{"id": "c1", "provider": "anthropic", "apiKey": "sk-ant-FAKE-0123456789"}},
			"models": []any{map[string]any{"id": "m1", "credentialId": "c1", "model": "claude-sonnet-4-6"}}, "routing": map[string]any{"taskOverrides": map[string]any{"codeReview": "gone"}}},
			"Invalid BYOK configuration: unresolved model/routing references", `routing.taskOverrides.codeReview "gone" does not resolve to any model`},
		{"http base URL", map[string]any{"version": 2, "credentials": []any{map[string]any{"id": "c1", "provider": "openai_compatible", "apiKey": "sk-FAKE-0123456789", "settings": map[string]any{"baseURL": "http://192.168.1.20:8000/v1"}}},
			"models": []any{map[string]any{"id": "m1", "credentialId": "c1", "model": "qwen"}}}, "baseURL must use https:// for security.", ""},
		{"private base URL", map[string]any{"version": 2, "credentials": []any{map[string]any{"id": "c1", "provider": "openai_compatible", "apiKey": "sk-FAKE-0123456789", "settings": map[string]any{"baseURL": "https://10.0.0.5/v1"}}},
			"models": []any{map[string]any{"id": "m1", "credentialId": "c1", "model": "qwen"}}}, "baseURL resolves to a private or reserved address (10.0.0.5). Point it at a public provider endpoint.", ""},
		{"endpoint suffix", map[string]any{"version": 2, "credentials": []any{map[string]any{"id": "c1", "provider": "zai", "apiKey": "FAKE-zai-0123456789", "settings": map[string]any{"baseURL": "https://api.z.ai/api/paas/v4/chat/completions"}}},
			"models": []any{map[string]any{"id": "m1", "credentialId": "c1", "model": "glm-5.2"}}}, `Base URL must not include the "/chat/completions" endpoint`, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := c.SaveBYOK(context.Background(), tc.config)
			var ae *kodusapi.Error
			if !errors.As(err, &ae) || ae.Status != 400 || !strings.HasPrefix(ae.Message, tc.message) {
				t.Fatalf("err = %v", err)
			}
			if tc.detail != "" && (len(ae.Details) != 1 || ae.Details[0] != tc.detail) {
				t.Fatalf("details = %q", ae.Details)
			}
			if ae.Advice() == "" {
				t.Fatal("no advice")
			}
		})
	}
}

func TestFindBYOKComesBackMaskedAndKeepsKeysOnEmpty(t *testing.T) {
	k := kodustest.New(t, kodustest.Options{})
	c := signedIn(t, k, kodustest.Email)
	if _, found, err := c.FindBYOK(context.Background()); err != nil || found {
		t.Fatalf("empty org: found=%v err=%v", found, err)
	}
	k.Seed(map[string]any{"version": 2, "credentials": []any{map[string]any{"id": "c1", "provider": "anthropic", "apiKey": "sk-ant-FAKE-stored-0123456789-xyz"}},
		"models": []any{map[string]any{"id": "m1", "credentialId": "c1", "model": "claude-sonnet-4-6"}}, "routing": map[string]any{"defaultModelId": "m1"}})
	p, found, err := c.FindBYOK(context.Background())
	if err != nil || !found {
		t.Fatalf("found=%v err=%v", found, err)
	}
	if !strings.Contains(string(p.ConfigValue), `"apiKey":"sk...xyz"`) || strings.Contains(string(p.ConfigValue), "FAKE-stored") {
		t.Fatalf("not masked: %s", p.ConfigValue)
	}
	// Re-sent with apiKey "" the stored key stays.
	var cfg map[string]any
	if err := json.Unmarshal(p.ConfigValue, &cfg); err != nil {
		t.Fatal(err)
	}
	cfg["credentials"].([]any)[0].(map[string]any)["apiKey"] = ""
	if err := c.SaveBYOK(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	if got := k.Stored()["credentials"].([]any)[0].(map[string]any)["apiKey"]; got != "sk-ant-FAKE-stored-0123456789-xyz" {
		t.Fatalf("stored key = %v", got)
	}
	st, err := c.Status(context.Background())
	if err != nil || st.Source != "byok" || !st.BYOK.Configured || st.BYOK.Model != "claude-sonnet-4-6" || !st.Models[0].Resolvable {
		t.Fatalf("status = %+v, %v", st, err)
	}
}

func TestKodusTest(t *testing.T) {
	k := kodustest.New(t, kodustest.Options{})
	c := signedIn(t, k, kodustest.Email)
	r, err := c.Test(context.Background(), kodusapi.TestRequest{Provider: "anthropic", APIKey: "sk-ant-FAKE-0123456789", Model: "claude-sonnet-4-6"})
	if err != nil || !r.OK || r.Code != "ok" || r.VerifiedBy != "probe" {
		t.Fatalf("r=%+v err=%v", r, err)
	}
	r, err = c.Test(context.Background(), kodusapi.TestRequest{Provider: "anthropic", APIKey: "sk-ant-FAKE-REVOKED-0123456789", Model: "claude-sonnet-4-6"})
	if err != nil || r.OK || r.Code != "auth" || r.HTTPStatus != 401 {
		t.Fatalf("r=%+v err=%v", r, err)
	}
}

func TestDiscoverFindsTheAPIBehindTheWebApp(t *testing.T) {
	web := kodustest.New(t, kodustest.Options{BehindWeb: true})
	got, err := kodusapi.Discover(context.Background(), nil, web.URL+"/")
	if err != nil || got != web.URL+"/api/proxy/api" {
		t.Fatalf("got %q, %v", got, err)
	}
	direct := kodustest.New(t, kodustest.Options{})
	got, err = kodusapi.Discover(context.Background(), nil, strings.TrimPrefix(direct.URL, "http://"))
	if err != nil || got != direct.URL {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestDiscoverSaysWhatAnsweredInstead(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html>router login</html>"))
	}))
	defer srv.Close()
	_, err := kodusapi.Discover(context.Background(), nil, srv.URL)
	if err == nil || !strings.Contains(err.Error(), "no Kodus API answered") || !strings.Contains(err.Error(), "router login") {
		t.Fatalf("err = %v", err)
	}
	if _, err := kodusapi.Discover(context.Background(), nil, "ftp://x"); err == nil {
		t.Fatal("ftp accepted")
	}
}
