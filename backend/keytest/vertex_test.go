package keytest

import (
	"context"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/internal/fakeprovider"
	"github.com/kodusbyok/studio/backend/secrets"
)

const countTokensOK = `{"totalTokens":1,"totalBillableCharacters":4}`

func TestVertexServiceAccount(t *testing.T) {
	runCases(t, fam("vertex-sa"), []pcase{
		{"ok", fakeprovider.Respond(200, countTokensOK), CodeOK, "in us-central1", yes},
		{"token rejected", fakeprovider.Respond(401, googleErr(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access token.", "")), CodeAuth, "UNAUTHENTICATED", nil},
		{"no IAM role", fakeprovider.Respond(403, googleErr(403, "PERMISSION_DENIED", "Permission 'aiplatform.endpoints.predict' denied on resource '//aiplatform.googleapis.com/projects/fake-project/locations/us-central1/publishers/google/models/gemini-2.5-pro' (or it may not exist).", "")), CodeAuth, "Vertex AI User", nil},
		{"model not enabled", fakeprovider.Respond(400, googleErr(400, "FAILED_PRECONDITION", "Project `fake-project` is not allowed to use Publisher Model `projects/fake-project/locations/us-central1/publishers/google/models/gemini-2.5-pro`", "")), CodeModelNotFound, "Model Garden", no},
		{"model or region missing", fakeprovider.Respond(404, googleErr(404, "NOT_FOUND", "Publisher Model `projects/fake-project/locations/us-central1/publishers/google/models/gemini-2.5-pro` not found.", "")), CodeModelNotFound, "region", no},
		{"wrong base URL", fakeprovider.Respond(404, `<html>404</html>`), CodeNotFound, "Endpoint not found", nil},
		{"billing", fakeprovider.Respond(400, googleErr(400, "FAILED_PRECONDITION", "Billing is disabled for project fake-project.", "")), CodePayment, "billing", nil},
		{"bad request", fakeprovider.Respond(400, googleErr(400, "INVALID_ARGUMENT", "Invalid value at 'contents'.", "")), CodeBadRequest, "INVALID_ARGUMENT", nil},
		{"quota", fakeprovider.Respond(429, googleErr(429, "RESOURCE_EXHAUSTED", "Quota exceeded for aiplatform.googleapis.com/online_prediction_requests_per_base_model with base model: gemini-2.5-pro.", "")), CodeRateLimit, "Rate limited", nil},
		{"server error", fakeprovider.Respond(500, googleErr(500, "INTERNAL", "Internal error encountered.", "")), CodeServerError, "INTERNAL", nil},
	}, func(t *testing.T, r fakeprovider.Request) {
		want := "/v1/projects/fake-project/locations/us-central1/publishers/google/models/gemini-2.5-pro:countTokens"
		if r.Method != "POST" || r.Path != want || r.Header.Get("Authorization") != "Bearer "+fakeprovider.Token || !strings.Contains(r.Raw, `"contents"`) {
			t.Errorf("request = %s %s %v %s", r.Method, r.Path, r.Header, r.Raw)
		}
	})
}

// The OAuth token request is a real signed JWT grant to the injected token
// endpoint; a refusal there is an auth failure with Google's own words.
func TestVertexTokenEndpoint(t *testing.T) {
	f := fakeprovider.New(t, fakeprovider.Respond(200, countTokensOK))
	key := base64.StdEncoding.EncodeToString([]byte(fakeprovider.ServiceAccountJSON())) // base64 is accepted too
	check(t, testerFor(f), fam("vertex-sa").settings(f.URL), key, CodeOK)
	tokReq := f.Requests()[0]
	form, _ := url.ParseQuery(tokReq.Raw)
	if tokReq.Path != "/token" || form.Get("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer" || strings.Count(form.Get("assertion"), ".") != 2 {
		t.Fatalf("token request = %s %s", tokReq.Path, tokReq.Raw)
	}

	refuse := fakeprovider.New(t, fakeprovider.Respond(200, countTokensOK))
	tr := testerFor(refuse)
	bad := fakeprovider.New(t, fakeprovider.Respond(400, `{"error":"invalid_grant","error_description":"Invalid JWT Signature."}`))
	tr.GoogleTokenURL = bad.URL + "/oauth2/token"
	res := check(t, tr, fam("vertex-sa").settings(refuse.URL), fakeprovider.ServiceAccountJSON(), CodeAuth)
	if res.HTTPStatus != 400 || !strings.Contains(res.ProviderMessage, "invalid_grant: Invalid JWT Signature.") || !strings.Contains(res.Hint, "new JSON key") {
		t.Errorf("token refusal = %+v", res)
	}
	if len(refuse.Requests()) != 0 {
		t.Error("Vertex was called without a token")
	}

	tr.GoogleTokenURL = "http://127.0.0.1:1/token"
	check(t, tr, fam("vertex-sa").settings(refuse.URL), fakeprovider.ServiceAccountJSON(), CodeNetwork)
}

// Google echoing the access token in an error must not show it either.
func TestVertexTokenIsRedacted(t *testing.T) {
	f := fakeprovider.New(t, fakeprovider.Respond(401, googleErr(401, "UNAUTHENTICATED", "Token "+fakeprovider.Token+" expired", "")))
	res := check(t, testerFor(f), fam("vertex-sa").settings(f.URL), fakeprovider.ServiceAccountJSON(), CodeAuth)
	if strings.Contains(res.ProviderMessage, fakeprovider.Token) || !strings.Contains(res.ProviderMessage, "[redacted]") {
		t.Errorf("provider message = %q", res.ProviderMessage)
	}
}

func TestVertexUnusableServiceAccount(t *testing.T) {
	f := fakeprovider.New(t, fakeprovider.Respond(200, countTokensOK))
	res := check(t, testerFor(f), fam("vertex-sa").settings(f.URL), `{"type":"service_account","project_id":"p","private_key":"not a key","client_email":"a@p.iam.gserviceaccount.com"}`, CodeAuth)
	if res.Headline != "Service account not usable" || len(f.Requests()) != 0 {
		t.Errorf("result = %+v, requests = %d", res, len(f.Requests()))
	}
}

func TestVertexClaudeUsesOneToken(t *testing.T) {
	f := fakeprovider.New(t, fakeprovider.Respond(200, `{"id":"msg_1","type":"message","content":[{"type":"text","text":"Hi"}],"usage":{"input_tokens":8,"output_tokens":1}}`))
	s := fam("vertex-sa").settings(f.URL)
	s.Model = "claude-sonnet-4-6"
	res := check(t, testerFor(f), s, fakeprovider.ServiceAccountJSON(), CodeOK)
	r := f.Last(t)
	if res.Probe != ProbeInference || !strings.HasSuffix(r.Path, "/publishers/anthropic/models/claude-sonnet-4-6:rawPredict") || !strings.Contains(r.Raw, `"max_tokens":1`) {
		t.Errorf("probe %s, request %s %s", res.Probe, r.Path, r.Raw)
	}
	if p := testerFor(f).Describe(s, secrets.NewSecret(fakeprovider.ServiceAccountJSON())); p.Kind != ProbeInference || p.Note == "" {
		t.Errorf("describe = %+v", p)
	}
}

func TestVertexExpress(t *testing.T) {
	runCases(t, fam("vertex-express"), []pcase{
		{"ok", fakeprovider.Respond(200, countTokensOK), CodeOK, "serves model", yes},
		{"invalid key", fakeprovider.Respond(400, googleErr(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.", keyInvalidDetail)), CodeAuth, "API_KEY_INVALID", nil},
		{"model missing", fakeprovider.Respond(404, googleErr(404, "NOT_FOUND", "Publisher Model `publishers/google/models/gemini-2.5-pro` not found.", "")), CodeModelNotFound, "Model Garden", no},
		{"quota", fakeprovider.Respond(429, googleErr(429, "RESOURCE_EXHAUSTED", "Resource exhausted, please try again later.", "")), CodeRateLimit, "RESOURCE_EXHAUSTED", nil},
		{"billing", fakeprovider.Respond(400, googleErr(400, "FAILED_PRECONDITION", "Billing account for project is not found or is closed.", "")), CodePayment, "billing", nil},
		{"bad request", fakeprovider.Respond(400, googleErr(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", "")), CodeBadRequest, "INVALID_ARGUMENT", nil},
		{"wrong base URL", fakeprovider.Respond(404, `<html>404</html>`), CodeNotFound, "Endpoint not found", nil},
	}, func(t *testing.T, r fakeprovider.Request) {
		if r.Path != "/v1/publishers/google/models/gemini-2.5-pro:countTokens" || r.Header.Get("x-goog-api-key") != fam("vertex-express").key || r.Header.Get("Authorization") != "" {
			t.Errorf("request = %s %v", r.Path, r.Header)
		}
	})
}

func TestVertexRegionalHost(t *testing.T) {
	def := "https://aiplatform.googleapis.com/v1"
	for _, tt := range []struct{ base, loc, want string }{
		{def, "global", def},
		{def, "us-central1", "https://us-central1-aiplatform.googleapis.com/v1"},
		{def + "/", "europe-west4", "https://europe-west4-aiplatform.googleapis.com/v1"},
		{"http://127.0.0.1:9/v1", "us-central1", "http://127.0.0.1:9/v1"},
	} {
		if got := vertexBase(tt.base, tt.loc, def); got != tt.want {
			t.Errorf("vertexBase(%q, %q) = %q, want %q", tt.base, tt.loc, got, tt.want)
		}
	}
	p := tester().Describe(Settings{Provider: "google_vertex", Model: "gemini-2.5-pro", VertexLocation: "us-central1"}, secrets.NewSecret(fakeprovider.ServiceAccountJSON()))
	if p.Kind != ProbeCountTokens || p.Note != "" || !strings.Contains(strings.Join(p.Requests, " "), "https://us-central1-aiplatform.googleapis.com/v1/projects/fake-project/locations/us-central1/") {
		t.Errorf("describe = %+v", p)
	}
	_ = context.Background
	_ = http.MethodGet
}
