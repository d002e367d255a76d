package envfile

import (
	_ "embed"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
)

// template.env is the installer's .env.example layout (kodus-installer
// 2026-07-30, synced from kodus-ai selfhosted-2.1.28): section order,
// variable order, defaults and annotations, with fake secrets that
// Generate replaces. Kept identical to testdata/kodus-env-layout.env.
//
//go:embed template.env
var templateEnv string

// secretMethods is how the installer's generate-secrets.sh makes each
// secret (https://github.com/kodustech/kodus-installer/blob/main/scripts/generate-secrets.sh).
var secretMethods = []struct{ name, method string }{
	{"API_PG_DB_PASSWORD", "hex32"}, {"API_MG_DB_PASSWORD", "hex32"}, {"API_CRYPTO_KEY", "hex32"},
	{"CODE_MANAGEMENT_SECRET", "hex32"}, {"API_MCP_MANAGER_ENCRYPTION_SECRET", "hex32"},
	{"API_JWT_SECRET", "base64-32"}, {"API_JWT_REFRESH_SECRET", "base64-32"}, {"NEXTAUTH_SECRET", "base64-32"},
	{"API_MCP_MANAGER_JWT_SECRET", "base64-32"}, {"CODE_MANAGEMENT_WEBHOOK_TOKEN", "base64url-32"},
}

// FillIn is a value the user must still set for their own deployment.
type FillIn struct {
	Var  string `json:"var"`
	What string `json:"what"`
}

// fillIns are the values that depend on where Kodus runs; the generated
// file marks each with a "# FILL IN:" line above it.
var fillIns = []FillIn{
	{"API_FRONTEND_URL", "the public URL of the Kodus web app, e.g. https://kodus.example.com"},
	{"API_GITHUB_CODE_MANAGEMENT_WEBHOOK", "the public https webhook URL for GitHub, e.g. https://kodus-webhooks.example.com/github/webhook (at least one Git provider's webhook URL is needed)"},
	{"API_GITLAB_CODE_MANAGEMENT_WEBHOOK", "the public https webhook URL for GitLab, if you use it, e.g. https://kodus-webhooks.example.com/gitlab/webhook"},
	{"GLOBAL_BITBUCKET_CODE_MANAGEMENT_WEBHOOK", "the public https webhook URL for Bitbucket, if you use it"},
	{"GLOBAL_AZURE_REPOS_CODE_MANAGEMENT_WEBHOOK", "the public https webhook URL for Azure Repos, if you use it"},
	{"API_FORGEJO_CODE_MANAGEMENT_WEBHOOK", "the public https webhook URL for Forgejo, if you use it"},
	{"API_USER_INVITE_BASE_URL", "the public URL of the web app, used in invitation emails"},
	{"WEB_HOSTNAME_API", "the API's host name as browsers reach it, without http:// (e.g. kodus-api.example.com)"},
	{"NEXTAUTH_URL", "the public URL of the web app, e.g. https://kodus.example.com"},
}

// FullResult is a complete new .env.
type FullResult struct {
	Content string
	FillIns []FillIn
	// Generated names the secrets made, with their method (never values).
	Generated map[string]string
	Problems  []Problem
}

// Generate writes a complete Kodus .env in the installer's layout: fresh
// secrets made the installer's way from rnd (crypto/rand outside tests),
// WEB_NEXTAUTH_SECRET mirroring NEXTAUTH_SECRET, the block merged into the
// LLM PROVIDERS section, and the deployment-specific values marked.
func Generate(b *Block, rnd io.Reader) (FullResult, error) {
	res := FullResult{Generated: map[string]string{}}
	vals := map[string]string{}
	for _, s := range secretMethods {
		v, err := makeSecret(s.method, rnd)
		if err != nil {
			return res, err
		}
		vals[s.name], res.Generated[s.name] = v, s.method
	}
	vals["WEB_NEXTAUTH_SECRET"], res.Generated["WEB_NEXTAUTH_SECRET"] = vals["NEXTAUTH_SECRET"], "copy of NEXTAUTH_SECRET"
	marks := map[string]string{}
	for _, f := range fillIns {
		marks[f.Var] = f.What
	}
	var out []string
	for _, l := range scan(body(templateEnv)) {
		if l.kind == lineAssign {
			if what, ok := marks[l.name]; ok {
				out = append(out, "# FILL IN: "+what+"\n")
				res.FillIns = append(res.FillIns, FillIn{Var: l.name, What: what})
			}
			if v, ok := vals[l.name]; ok {
				q, err := Quote(v)
				if err != nil {
					return res, err
				}
				out = append(out, l.withValue(q))
				continue
			}
		}
		out = append(out, l.raw)
	}
	head := fmt.Sprintf("# Kodus self-hosted .env, written by Kodus BYOK Studio on %s (LLM from profile %q).\n"+
		"# Secrets were generated the way the Kodus installer makes them. Lines marked FILL IN need\n"+
		"# values for your deployment. Contains secrets: do not commit this file.\n\n", b.Generated.Format("2006-01-02"), b.Profile)
	merged, err := Merge(head+strings.Join(out, ""), b)
	if err != nil {
		return res, err
	}
	res.Content = merged.Content
	res.Problems = Validate(res.Content)
	return res, nil
}

// body is the template without its own header comment (up to the first
// section header), which describes the fixture, not the user's file.
func body(t string) string {
	if i := strings.Index(t, "## ----"); i >= 0 {
		return t[i:]
	}
	return t
}

func makeSecret(method string, rnd io.Reader) (string, error) {
	b := make([]byte, 32)
	if _, err := io.ReadFull(rnd, b); err != nil {
		return "", fmt.Errorf("generate secret: %w", err)
	}
	switch method {
	case "hex32": // openssl rand -hex 32
		return hex.EncodeToString(b), nil
	case "base64-32": // openssl rand -base64 32
		return base64.StdEncoding.EncodeToString(b), nil
	case "base64url-32": // base64, '=' stripped, "/+" → "_-"
		return base64.RawURLEncoding.EncodeToString(b), nil
	}
	return "", fmt.Errorf("unknown secret method %q", method)
}
