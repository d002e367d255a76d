package keytest

import (
	"encoding/json"
	"errors"
	"fmt"

	"golang.org/x/oauth2/jwt"
)

// googleTokenURL is where a service account trades its signed JWT for an
// access token when its JSON names no token_uri.
const googleTokenURL = "https://oauth2.googleapis.com/token"

// serviceAccountFile is the part of a Google service-account JSON key the
// JWT flow uses (https://google.aip.dev/auth/4112). Parsed here rather than
// with golang.org/x/oauth2/google, whose other credential kinds (external
// accounts, metadata server) would be linked into the command line and
// initialised on every start.
type serviceAccountFile struct {
	Type         string `json:"type"`
	ClientEmail  string `json:"client_email"`
	PrivateKey   string `json:"private_key"`
	PrivateKeyID string `json:"private_key_id"`
	TokenURL     string `json:"token_uri"`
}

// serviceAccountConfig reads a service-account JSON key into the JWT
// bearer-grant configuration Google documents for it.
func serviceAccountConfig(raw []byte, scopes ...string) (*jwt.Config, error) {
	var f serviceAccountFile
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, fmt.Errorf("it is not valid JSON (%w)", err)
	}
	switch {
	case f.Type != "service_account":
		return nil, fmt.Errorf("its \"type\" is %q, not \"service_account\" (a user or workload credential is not a service-account key)", f.Type)
	case f.ClientEmail == "":
		return nil, errors.New("it has no client_email")
	case f.PrivateKey == "":
		return nil, errors.New("it has no private_key")
	}
	cfg := &jwt.Config{Email: f.ClientEmail, PrivateKey: []byte(f.PrivateKey), PrivateKeyID: f.PrivateKeyID,
		Scopes: scopes, TokenURL: f.TokenURL}
	if cfg.TokenURL == "" {
		cfg.TokenURL = googleTokenURL
	}
	return cfg, nil
}
