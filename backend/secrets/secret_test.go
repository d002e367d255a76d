package secrets

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

const saJSON = `{"type":"service_account","project_id":"kodus-prod","private_key_id":"0123456789abcdef0123","private_key":"-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n","client_email":"kodus@kodus-prod.iam.gserviceaccount.com"}`

func TestMask(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"short", ShortMask},
		{"elevenchars", ShortMask},
		{"sk-ant-api03-FAKEabcdefXYZ", "sk…XYZ"},
		{"AIzaSyFAKEA1234567890abcdefgh", "AI…fgh"},
		{"ключ-ключ-ключ-ключ", "кл…люч"},
		{saJSON, "service account · kodus-prod …123"},
		{base64.StdEncoding.EncodeToString([]byte(saJSON)), "service account · kodus-prod …123"},
	}
	for _, tt := range tests {
		if got := Mask(tt.in); got != tt.want {
			t.Errorf("Mask(%.20q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
		note           string // substring of one note; "" = no notes
		err            string // substring of the error
	}{
		{"clean", "sk-proj-FAKEabc123", "sk-proj-FAKEabc123", "", ""},
		{"trailing newline", "sk-proj-FAKEabc123\n", "sk-proj-FAKEabc123", "line break", ""},
		{"crlf", "sk-proj-FAKEabc123\r\n", "sk-proj-FAKEabc123", "line break", ""},
		{"spaces", "  sk-proj-FAKEabc123  ", "sk-proj-FAKEabc123", "spaces", ""},
		{"double quotes", `"sk-proj-FAKEabc123"`, "sk-proj-FAKEabc123", "quotes", ""},
		{"single quotes and newline", "'sk-proj-FAKEabc123'\n", "sk-proj-FAKEabc123", "quotes", ""},
		{"bearer", "Bearer sk-proj-FAKEabc123", "sk-proj-FAKEabc123", "Bearer", ""},
		{"env line", "OPENAI_API_KEY=sk-proj-FAKEabc123", "sk-proj-FAKEabc123", ".env", ""},
		{"export env line quoted", `export API_OPEN_AI_API_KEY="sk-proj-FAKEabc123"`, "sk-proj-FAKEabc123", ".env", ""},
		{"zero width", "\u200bsk-proj-FAKEabc123\ufeff", "sk-proj-FAKEabc123", "spaces", ""},
		{"base64 padding kept", "c2stcHJvai1hYmMxMjM=", "c2stcHJvai1hYmMxMjM=", "", ""},
		{"empty", "  \n", "", "", "empty"},
		{"only quotes", `""`, "", "", "empty"},
		{"inner space", "sk-proj abc123", "", "", "space or line break inside"},
		{"inner newline", "sk-proj\nabc123", "", "", "space or line break inside"},
		{"control char", "sk-proj\x07abc123", "", "", "control character"},
		{"service account json keeps inner whitespace", "\n" + saJSON + "\n", saJSON, "line break", ""},
		{"broken json", "{not json", "", "", "not valid JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, notes, err := Clean(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want …%s…", err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Clean = %q, %v; want %q", got, err, tt.want)
			}
			joined := strings.Join(notes, "; ")
			if tt.note == "" && len(notes) > 0 || tt.note != "" && !strings.Contains(joined, tt.note) {
				t.Errorf("notes = %q, want …%s…", joined, tt.note)
			}
		})
	}
}

func TestSecretNeverPrints(t *testing.T) {
	s := NewSecret("sk-ant-FAKEsupersecretvalue")
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("x", "key", s)
	js, _ := json.Marshal(map[string]any{"k": s})
	outs := []string{fmt.Sprint(s), fmt.Sprintf("%v %s %q %x %+v %#v", s, s, s, s, s, s), string(js), buf.String(), s.String()}
	for _, o := range outs {
		if strings.Contains(o, "supersecret") {
			t.Errorf("key leaked: %s", o)
		}
	}
	if s.Reveal() != "sk-ant-FAKEsupersecretvalue" || s.Masked() != "sk…lue" {
		t.Errorf("reveal/masked wrong")
	}
}

func TestParseServiceAccount(t *testing.T) {
	if sa, ok := ParseServiceAccount(saJSON); !ok || sa.ClientEmail == "" {
		t.Error("raw JSON not recognised")
	}
	if _, ok := ParseServiceAccount(`{"type":"service_account"}`); ok {
		t.Error("JSON without project_id recognised")
	}
	if _, ok := ParseServiceAccount("AIzaSyFAKEA1234567890"); ok {
		t.Error("API key recognised as service account")
	}
}
