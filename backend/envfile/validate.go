package envfile

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kodusbyok/studio/backend/lazyre"
)

// RequiredVars are the variables the installer requires non-empty
// (https://github.com/kodustech/kodus-installer/blob/main/scripts/schema-vars.sh).
var RequiredVars = []string{
	"API_PG_DB_PASSWORD", "API_MG_DB_PASSWORD", "WORKER_ROLE", "API_JWT_SECRET", "API_JWT_REFRESH_SECRET",
	"API_CRYPTO_KEY", "CODE_MANAGEMENT_SECRET", "WEB_NEXTAUTH_SECRET", "NEXTAUTH_SECRET",
}

// Problem is one failed installer check.
type Problem struct {
	Line    int    `json:"line,omitempty"`
	Var     string `json:"var"`
	Message string `json:"message"`
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("line %d: %s: %s", p.Line, p.Var, p.Message)
	}
	return p.Var + ": " + p.Message
}

var (
	typeRE   = lazyre.New(`^#[ \t]*\(type:[ \t]*(.+?)\)[ \t]*$`)
	enumRE   = lazyre.New(`^enum\((.*)\)$`)
	numberRE = lazyre.New(`^-?[0-9]+$`)
	emailRE  = lazyre.New(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
	hex64RE  = lazyre.New(`^[0-9a-fA-F]{64}$`)
)

// Validate checks a .env the way the installer's validate-env.sh does:
// required variables non-empty, and each value against the `# (type: …)`
// annotation in the comment block above it (port, number, boolean, url,
// email, cron, enum). It adds two rules Kodus enforces at start-up:
// API_CRYPTO_KEY is 64 hex characters, and WEB_NEXTAUTH_SECRET equals
// NEXTAUTH_SECRET.
func Validate(content string) []Problem {
	var ps []Problem
	values := map[string]string{}
	lineOf := map[string]int{}
	typ := ""
	for i, l := range scan(content) {
		body := strings.TrimSpace(l.raw)
		switch {
		case l.kind == lineAssign:
			v := l.value()
			values[l.name], lineOf[l.name] = v, i+1
			if typ != "" && v != "" {
				if msg := checkType(typ, v); msg != "" {
					ps = append(ps, Problem{Line: i + 1, Var: l.name, Message: msg})
				}
			}
			typ = ""
		case body == "":
			typ = ""
		case l.kind == lineOther && strings.HasPrefix(body, "#"):
			if m := typeRE.FindStringSubmatch(body); m != nil {
				typ = m[1]
			}
		default:
			typ = ""
		}
	}
	for _, n := range RequiredVars {
		if values[n] == "" {
			ps = append(ps, Problem{Line: lineOf[n], Var: n, Message: "is required and empty (or missing)"})
		}
	}
	if k := values["API_CRYPTO_KEY"]; k != "" && !hex64RE.MatchString(k) {
		ps = append(ps, Problem{Line: lineOf["API_CRYPTO_KEY"], Var: "API_CRYPTO_KEY", Message: "must be 64 hex characters (32 bytes): Kodus refuses to start otherwise"})
	}
	if a, b := values["WEB_NEXTAUTH_SECRET"], values["NEXTAUTH_SECRET"]; a != "" && b != "" && a != b {
		ps = append(ps, Problem{Line: lineOf["WEB_NEXTAUTH_SECRET"], Var: "WEB_NEXTAUTH_SECRET", Message: "must equal NEXTAUTH_SECRET"})
	}
	return ps
}

// checkType returns what is wrong with v for the annotated type, or "".
func checkType(typ, v string) string {
	switch t := strings.TrimSpace(typ); {
	case t == "port":
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 65535 {
			return fmt.Sprintf("must be a port 1-65535 (got %q)", v)
		}
	case t == "number":
		if !numberRE.MatchString(v) {
			return fmt.Sprintf("must be a whole number (got %q)", v)
		}
	case t == "boolean":
		if v != "true" && v != "false" {
			return fmt.Sprintf("must be true or false (got %q)", v)
		}
	case t == "url":
		if !strings.HasPrefix(v, "http://") && !strings.HasPrefix(v, "https://") {
			return fmt.Sprintf("must start with http:// or https:// (got %q)", v)
		}
	case t == "email":
		if !emailRE.MatchString(v) {
			return fmt.Sprintf("must be an email address (got %q)", v)
		}
	case t == "cron":
		if n := len(strings.Fields(v)); n != 5 && n != 6 {
			return fmt.Sprintf("must be a cron expression with 5 or 6 fields (got %q)", v)
		}
	case enumRE.MatchString(t):
		opts := strings.Split(enumRE.FindStringSubmatch(t)[1], ",")
		for _, o := range opts {
			if strings.TrimSpace(o) == v {
				return ""
			}
		}
		return fmt.Sprintf("must be one of %s (got %q)", strings.Join(opts, ", "), v)
	}
	return ""
}
