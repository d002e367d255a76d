package keytest

import (
	"strings"
	"testing"
)

func TestServiceAccountConfig(t *testing.T) {
	const pemKey = "-----BEGIN PRIVATE KEY-----\\nFAKE\\n-----END PRIVATE KEY-----\\n"
	tests := []struct {
		name, json   string
		wantTokenURL string
		wantErr      string
	}{
		{name: "default token URL", json: `{"type":"service_account","client_email":"a@p.iam.gserviceaccount.com","private_key":"` + pemKey + `","private_key_id":"k1"}`,
			wantTokenURL: "https://oauth2.googleapis.com/token"},
		{name: "token_uri kept", json: `{"type":"service_account","client_email":"a@p","private_key":"` + pemKey + `","token_uri":"http://127.0.0.1:9/token"}`,
			wantTokenURL: "http://127.0.0.1:9/token"},
		{name: "user credential", json: `{"type":"authorized_user","client_id":"x"}`, wantErr: `its "type" is "authorized_user", not "service_account"`},
		{name: "no email", json: `{"type":"service_account","private_key":"` + pemKey + `"}`, wantErr: "no client_email"},
		{name: "no key", json: `{"type":"service_account","client_email":"a@p"}`, wantErr: "no private_key"},
		{name: "not JSON", json: `{"type":`, wantErr: "not valid JSON"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := serviceAccountConfig([]byte(tc.json), cloudPlatformScope)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want it to say %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if cfg.TokenURL != tc.wantTokenURL || cfg.Email == "" || !strings.Contains(string(cfg.PrivateKey), "BEGIN PRIVATE KEY") {
				t.Fatalf("config = %+v", cfg)
			}
			if len(cfg.Scopes) != 1 || cfg.Scopes[0] != cloudPlatformScope {
				t.Fatalf("scopes = %v", cfg.Scopes)
			}
		})
	}
}
