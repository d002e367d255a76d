package envfile

import (
	"strings"

	"github.com/pmezard/go-difflib/difflib"

	"github.com/kodusbyok/studio/backend/lazyre"
	"github.com/kodusbyok/studio/backend/secrets"
)

var secretNameRE = lazyre.New(`(?i)(KEY|SECRET|PASSWORD|PASS|TOKEN)`)

// maskSecrets shows a .env with the values of secret-looking variables
// masked, active or commented out, so a diff can be shown and logged.
func maskSecrets(content string) string {
	var sb strings.Builder
	for _, l := range scan(content) {
		body := strings.TrimRight(l.raw, "\r\n")
		end := l.raw[len(body):]
		switch {
		case l.kind == lineAssign && secretNameRE.MatchString(l.name) && l.value() != "":
			sb.WriteString(body[:l.valStart] + maskValue(l.value()) + body[l.valEnd:] + end)
		case l.kind == lineCommented && secretNameRE.MatchString(l.name):
			i := strings.Index(body, "=")
			sb.WriteString(body[:i+1] + maskValue(literal(strings.TrimSpace(body[i+1:]))) + end)
		default:
			sb.WriteString(l.raw)
		}
	}
	return sb.String()
}

func maskValue(v string) string {
	if v == "" || v == KeylessPlaceholder {
		return v
	}
	return secrets.Mask(v)
}

// Diff is a unified diff from before to after with every secret masked.
func Diff(path, before, after string) string {
	d, err := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A:        difflib.SplitLines(maskSecrets(before)),
		B:        difflib.SplitLines(maskSecrets(after)),
		FromFile: path,
		ToFile:   path + " (merged)",
		Context:  2,
	})
	if err != nil {
		return ""
	}
	return d
}
