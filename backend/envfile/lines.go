package envfile

import (
	"strings"

	"github.com/kodusbyok/studio/backend/lazyre"
)

type lineKind int

const (
	lineOther     lineKind = iota
	lineAssign             // NAME=value, optionally with "export "
	lineCommented          // # NAME=value (an opt-in left off)
)

// docLine is one line of a .env file, kept byte for byte (ending included)
// so that a merge can leave every line it does not touch exactly as it was.
type docLine struct {
	raw  string
	kind lineKind
	name string
	// valStart/valEnd delimit the value text in raw (lineAssign only).
	valStart, valEnd int
	section          string
}

var (
	assignRE    = lazyre.New(`^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.]*)[ \t]*=[ \t]*`)
	commentedRE = lazyre.New(`^[ \t]*#[ \t]*([A-Za-z_][A-Za-z0-9_]*)=`)
	sectionRE   = lazyre.New(`^##[ \t]*-+[ \t]*(.*?)[ \t]*-+[ \t]*$`)
)

// splitLines cuts content into lines that keep their endings.
func splitLines(content string) []string {
	var out []string
	for len(content) > 0 {
		i := strings.IndexByte(content, '\n')
		if i < 0 {
			out = append(out, content)
			break
		}
		out = append(out, content[:i+1])
		content = content[i+1:]
	}
	return out
}

// scan classifies every line and notes the section it is in.
func scan(content string) []docLine {
	var lines []docLine
	section := ""
	for _, raw := range splitLines(content) {
		body := strings.TrimRight(raw, "\r\n")
		l := docLine{raw: raw}
		if m := sectionRE.FindStringSubmatch(body); m != nil {
			section = strings.ToUpper(m[1])
		}
		l.section = section
		if m := assignRE.FindStringSubmatchIndex(body); m != nil {
			l.kind, l.name = lineAssign, body[m[2]:m[3]]
			l.valStart = m[1]
			l.valEnd = m[1] + valueLen(body[m[1]:])
		} else if m := commentedRE.FindStringSubmatch(body); m != nil {
			l.kind, l.name = lineCommented, m[1]
		}
		lines = append(lines, l)
	}
	return lines
}

// valueLen is the length of the value text at the start of s: a quoted
// value up to its closing quote (a quote after a backslash does not close,
// as in Compose and godotenv), else up to an inline " #" comment, without
// trailing blanks.
func valueLen(s string) int {
	if s != "" && (s[0] == '\'' || s[0] == '"') {
		for i := 1; i < len(s); i++ {
			if s[i] == s[0] && s[i-1] != '\\' {
				return i + 1
			}
		}
		return len(s)
	}
	end := len(s)
	for i := 1; i < len(s); i++ {
		if s[i] == '#' && (s[i-1] == ' ' || s[i-1] == '\t') {
			end = i
			break
		}
	}
	return len(strings.TrimRight(s[:end], " \t"))
}

// literal is the value a quoted or plain value text stands for, for
// deciding whether a line already holds the wanted value.
func literal(text string) string {
	if len(text) >= 2 && text[0] == '\'' && text[len(text)-1] == '\'' {
		return text[1 : len(text)-1]
	}
	if len(text) >= 2 && text[0] == '"' && text[len(text)-1] == '"' {
		r := strings.NewReplacer(`\\`, `\`, `\"`, `"`, `\n`, "\n", `\r`, "\r", `\t`, "\t")
		return r.Replace(text[1 : len(text)-1])
	}
	return text
}

func (l docLine) value() string {
	body := strings.TrimRight(l.raw, "\r\n")
	return literal(body[l.valStart:l.valEnd])
}

// withValue is the line with its value text replaced, everything else
// (export prefix, spacing, inline comment, line ending) kept.
func (l docLine) withValue(quoted string) string {
	return l.raw[:l.valStart] + quoted + l.raw[l.valEnd:]
}

// newline is the file's line ending: CRLF if it uses it, else LF.
func newline(content string) string {
	if strings.Contains(content, "\r\n") {
		return "\r\n"
	}
	return "\n"
}
